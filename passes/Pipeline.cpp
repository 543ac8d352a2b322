//===- passes/Pipeline.cpp - Registering asap's passes --------------------===//
//
// Names understood in -passes= (opt) and by the driver's pipeline text:
//   asap-prepare          module: canonicalize before analysis (inferattrs,
//                         sroa, mem2reg, simplifycfg, instcombine, and
//                         function-attrs so helpers that only read a buffer
//                         get nocapture/readonly/nofree)
//   asap-prepare-check    module: the same without simplifycfg and
//                         instcombine, which would delete never-read
//                         allocations (and the bugs on them) and merge return
//                         blocks (moving leak reports off the return line)
//   asap-split-array-geps function: `&a[i].f` as two GEPs (part of
//                         asap-prepare; see SplitArrayGEPs.h)
//   asap-free             function: insert releases at drop points
//   asap-check            module: diagnostics only, IR unchanged
//   print<asap-allocs>    function: allocation/deallocation sites
//   print<asap-lastuse>   function: ownership decisions and drop points
//
//===----------------------------------------------------------------------===//
#include "passes/Pipeline.h"
#include "analysis/AllocationSites.h"
#include "analysis/LastUse.h"
#include "analysis/Summaries.h"
#include "passes/CheckPass.h"
#include "passes/FreePass.h"
#include "passes/Printers.h"
#include "passes/SplitArrayGEPs.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

static cl::opt<bool> UseRuntimeOpt(
    "asap-runtime",
    cl::desc("asap-free: release with __asap_release (libasaprt) "
             "instead of free"),
    cl::init(false));

static cl::opt<bool> UseSummaries(
    "asap-summaries",
    cl::desc("Module-level asap-free/asap-check/printers: use interprocedural "
             "function summaries (default on)"),
    cl::init(true));

namespace asap {

/// The canonicalization asap's analyses expect: promoted locals (owned
/// pointers live in SSA values, not stack slots) and inferred attributes.
static const char *const PreparePipeline =
    "inferattrs,function(sroa,mem2reg,simplifycfg,instcombine,"
    "asap-split-array-geps),"
    "cgscc(function-attrs),rpo-function-attrs";

/// Check mode reports on the program as written: only promote locals and
/// infer attributes.
static const char *const PrepareCheckPipeline =
    "inferattrs,function(sroa,mem2reg),cgscc(function-attrs),"
    "rpo-function-attrs";

void addSummaries(ModulePassManager &MPM) {
  if (UseSummaries)
    MPM.addPass(RequireAnalysisPass<SummaryAnalysis, Module>());
}

PipelineOptions pipelineOptionsFromCommandLine() {
  PipelineOptions Opts;
  Opts.UseRuntime = UseRuntimeOpt;
  return Opts;
}

void registerPasses(PassBuilder &PB, const PipelineOptions &Opts) {
  PB.registerAnalysisRegistrationCallback(
      [](FunctionAnalysisManager &FAM) {
        FAM.registerPass([] { return AllocationSitesAnalysis(); });
        FAM.registerPass([] { return LastUseAnalysis(); });
      });
  PB.registerAnalysisRegistrationCallback([](ModuleAnalysisManager &MAM) {
    MAM.registerPass([] { return SummaryAnalysis(); });
  });

  PB.registerPipelineParsingCallback(
      [Opts](StringRef Name, FunctionPassManager &FPM,
             ArrayRef<PassBuilder::PipelineElement>) {
        if (Name == "asap-free") {
          FPM.addPass(FreePass(Opts.UseRuntime));
          return true;
        }
        if (Name == "asap-split-array-geps") {
          FPM.addPass(SplitArrayGEPsPass());
          return true;
        }
        if (Name == "print<asap-allocs>") {
          FPM.addPass(AllocsPrinterPass(errs()));
          return true;
        }
        if (Name == "print<asap-lastuse>") {
          FPM.addPass(LastUsePrinterPass(errs()));
          return true;
        }
        return false;
      });

  PB.registerPipelineParsingCallback(
      [&PB, Opts](StringRef Name, ModulePassManager &MPM,
                  ArrayRef<PassBuilder::PipelineElement>) {
        if (Name == "asap-prepare" || Name == "asap-prepare-check") {
          if (Error E = PB.parsePassPipeline(
                  MPM, Name == "asap-prepare" ? PreparePipeline
                                              : PrepareCheckPipeline)) {
            errs() << "asap: " << toString(std::move(E)) << "\n";
            return false;
          }
          return true;
        }
        // The function-level names also work in a module pipeline
        // ("asap-prepare,asap-free"), where opt would otherwise ask for
        // "function(asap-free)".
        // At module level the interprocedural summaries are computed first
        // (unless -asap-summaries=false), and the function passes use them.
        if (Name == "asap-free") {
          addSummaries(MPM);
          MPM.addPass(createModuleToFunctionPassAdaptor(FreePass(Opts.UseRuntime)));
          return true;
        }
        if (Name == "print<asap-allocs>") {
          MPM.addPass(createModuleToFunctionPassAdaptor(AllocsPrinterPass(errs())));
          return true;
        }
        if (Name == "print<asap-lastuse>") {
          addSummaries(MPM);
          MPM.addPass(createModuleToFunctionPassAdaptor(LastUsePrinterPass(errs())));
          return true;
        }
        if (Name == "print<asap-shapes>") {
          MPM.addPass(ShapesPrinterPass(errs()));
          return true;
        }
        if (Name == "print<asap-summary>") {
          MPM.addPass(SummaryPrinterPass(errs()));
          return true;
        }
        if (Name == "asap-check") {
          addSummaries(MPM);
          MPM.addPass(CheckPass(Opts.Findings));
          return true;
        }
        return false;
      });
}

} // namespace asap
