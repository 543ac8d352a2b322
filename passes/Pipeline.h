//===- passes/Pipeline.h - Registering asap's passes ------------*- C++ -*-===//
//
// The opt plugin and the asapc driver share one registration function, so the
// same textual pipelines ("asap-check", "asap-free", "print<asap-allocs>",
// "print<asap-lastuse>", ...) parse in both. The driver passes its options
// explicitly; the plugin builds them from -asap-* command-line options.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_PASSES_PIPELINE_H
#define ASAP_PASSES_PIPELINE_H

#include <memory>

#include "llvm/IR/PassManager.h"

namespace llvm {
class PassBuilder;
} // namespace llvm

namespace asap {

class FindingSet;

struct PipelineOptions {
  /// Where asap-check puts its findings. When null (opt), the pass prints
  /// them itself as text on stderr (and as SARIF if -asap-sarif is given).
  std::shared_ptr<FindingSet> Findings;
  /// Build mode links libasaprt: releases become calls to __asap_release so
  /// the runtime can count them. Otherwise they are calls to free().
  bool UseRuntime = false;
};

/// Registers every asap pass, analysis and printer with PB.
void registerPasses(llvm::PassBuilder &PB, const PipelineOptions &Opts);

/// Adds the computation of the interprocedural summaries (analysis/
/// Summaries.h) to MPM, unless -asap-summaries=false; function passes run
/// after it in the same module pipeline then use them.
void addSummaries(llvm::ModulePassManager &MPM);

/// Options derived from the plugin's -asap-* command-line flags.
PipelineOptions pipelineOptionsFromCommandLine();

} // namespace asap

#endif // ASAP_PASSES_PIPELINE_H
