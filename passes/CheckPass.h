//===- passes/CheckPass.h - asap-check: memory-safety diagnostics -*- C++ -*-//
//
// asap-check reports, for objects owned by one function, leaks (an object
// that dies on some path without being released), double frees, uses after
// free, mismatched deallocators (new/free, malloc/delete, new[]/delete) and
// frees of non-heap memory (stack, global, interior pointer). It never
// changes the IR: it is the diagnostic twin of asap-free and uses the same
// last-use analysis to say where a missing release belongs.
//
// Findings go to the FindingSet given at construction (the asapc driver
// gathers several modules before rendering once). When no sink is given
// (plain opt use), the pass renders its own findings at the end of run():
// clang-style text on stderr and, with -asap-sarif=FILE, a SARIF 2.1.0 log.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_PASSES_CHECKPASS_H
#define ASAP_PASSES_CHECKPASS_H

#include "llvm/IR/PassManager.h"

#include <memory>

namespace asap {

class FindingSet;

class CheckPass : public llvm::PassInfoMixin<CheckPass> {
public:
  explicit CheckPass(std::shared_ptr<FindingSet> Sink = nullptr)
      : Sink(std::move(Sink)) {}

  llvm::PreservedAnalyses run(llvm::Module &M,
                              llvm::ModuleAnalysisManager &MAM);

  /// Required so the pass also runs on optnone functions (clang -O0 without
  /// -disable-O0-optnone): it only reads the IR.
  static bool isRequired() { return true; }

private:
  std::shared_ptr<FindingSet> Sink;
};

} // namespace asap

#endif // ASAP_PASSES_CHECKPASS_H
