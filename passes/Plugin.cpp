//===- passes/Plugin.cpp - ASAPPlugin.so entry point ----------------------===//
//
// Loaded by `opt -load-pass-plugin` (passes usable in -passes=) and by
// `clang -fpass-plugin`, where it also hooks the end of clang's optimization
// pipeline: with -mllvm -asap-mode=free it inserts releases, with
// -mllvm -asap-mode=check it reports findings. Clang parses -mllvm before it
// loads pass plugins, so also pass -Xclang -load -Xclang ASAPPlugin.so (or
// -fplugin=ASAPPlugin.so) to make the -asap-* options known in time.
//
//===----------------------------------------------------------------------===//
#include "passes/CheckPass.h"
#include "passes/FreePass.h"
#include "passes/Pipeline.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
#include "llvm/Support/CommandLine.h"

using namespace llvm;

namespace {

enum class Mode { None, Free, Check };

cl::opt<Mode> ClangMode(
    "asap-mode",
    cl::desc("When loaded into clang: which asap pass to run at the end of "
             "the optimization pipeline"),
    cl::values(clEnumValN(Mode::None, "none", "run nothing (default)"),
               clEnumValN(Mode::Free, "free", "asap-prepare + asap-free"),
               clEnumValN(Mode::Check, "check", "asap-prepare-check + asap-check")),
    cl::init(Mode::None));

void registerClangHooks(PassBuilder &PB, asap::PipelineOptions Opts) {
  PB.registerOptimizerLastEPCallback(
      [&PB, Opts](ModulePassManager &MPM, OptimizationLevel Level) {
        if (ClangMode == Mode::None)
          return;
        // At -O0 nothing has promoted locals yet; above, the optimizer has
        // already done it (and inferred attributes), but running the
        // canonicalization again is cheap and makes both levels agree.
        if (Error E = PB.parsePassPipeline(
                MPM, ClangMode == Mode::Free ? "asap-prepare"
                                             : "asap-prepare-check"))
          consumeError(std::move(E));
        asap::addSummaries(MPM);
        if (ClangMode == Mode::Free)
          MPM.addPass(createModuleToFunctionPassAdaptor(
              asap::FreePass(Opts.UseRuntime)));
        else
          MPM.addPass(asap::CheckPass(Opts.Findings));
      });
}

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "ASAPPlugin", "0.1", [](PassBuilder &PB) {
            asap::PipelineOptions Opts = asap::pipelineOptionsFromCommandLine();
            asap::registerPasses(PB, Opts);
            registerClangHooks(PB, Opts);
          }};
}
