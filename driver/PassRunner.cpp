//===- driver/PassRunner.cpp - Running asap's pipelines on a module -------===//
//
// New pass manager set-up as in opt: asap's registration callbacks are added
// before the analyses are registered, so asap's analyses exist in the
// managers. The IR is verified between asap's pipeline and LLVM's, so a bug
// in asap is reported as such instead of surfacing as a crash in codegen.
//
//===----------------------------------------------------------------------===//

#include "driver/PassRunner.h"

#include "driver/DriverError.h"
#include "passes/Pipeline.h"

#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

using namespace llvm;

namespace asap {
namespace driver {

namespace {

OptimizationLevel optimizationLevel(unsigned Level) {
  switch (Level) {
  case 0:
    return OptimizationLevel::O0;
  case 1:
    return OptimizationLevel::O1;
  case 2:
    return OptimizationLevel::O2;
  case 3:
    return OptimizationLevel::O3;
  case 4:
    return OptimizationLevel::Os;
  default:
    return OptimizationLevel::Oz;
  }
}

} // namespace

Error runPipeline(Module &M, StringRef Pipeline, const PipelineOptions &Opts,
                  TargetMachine *TM, std::optional<unsigned> OptLevel,
                  function_ref<void(ModulePassManager &)> AddPasses) {
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PassBuilder PB(TM);
  registerPasses(PB, Opts);
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);

  ModulePassManager AsapPasses;
  if (Error E = PB.parsePassPipeline(AsapPasses, Pipeline))
    return internalError("asap pipeline '" + Pipeline +
                         "' does not parse: " + toString(std::move(E)));
  if (AddPasses)
    AddPasses(AsapPasses);
  AsapPasses.run(M, MAM);

  std::string Broken;
  raw_string_ostream BrokenOS(Broken);
  if (verifyModule(M, &BrokenOS)) {
    BrokenOS.flush();
    StringRef FirstLine = StringRef(Broken).split('\n').first;
    return internalError("'" + Pipeline +
                         "' produced invalid IR: " + FirstLine);
  }

  if (!OptLevel)
    return Error::success();
  OptimizationLevel Level = optimizationLevel(*OptLevel);
  ModulePassManager Optimize = Level == OptimizationLevel::O0
                                   ? PB.buildO0DefaultPipeline(Level)
                                   : PB.buildPerModuleDefaultPipeline(Level);
  Optimize.run(M, MAM);
  return Error::success();
}

} // namespace driver
} // namespace asap
