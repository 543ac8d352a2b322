//===- passes/FreePass.h - asap-free: release objects at last use -*- C++ -*-//
//
// For every object this function provably owns and the program never
// releases itself, inserts the release (free, operator delete/delete[], or
// the runtime's __asap_release in build mode) at each of its drop points, as
// computed by LastUseAnalysis. Critical edges are split where an object dies
// on one. Each inserted call carries the debug location of the last use.
// Optimization remarks (pass name "asap-free") say which object was released
// where, and why the others were left alone.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_PASSES_FREEPASS_H
#define ASAP_PASSES_FREEPASS_H

#include "llvm/IR/PassManager.h"

namespace asap {

class FreePass : public llvm::PassInfoMixin<FreePass> {
public:
  explicit FreePass(bool UseRuntime = false) : UseRuntime(UseRuntime) {}
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &FAM);

private:
  bool UseRuntime;
};

} // namespace asap

#endif // ASAP_PASSES_FREEPASS_H
