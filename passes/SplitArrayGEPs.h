//===- passes/SplitArrayGEPs.h - One GEP per array index -------*- C++ -*-===//
//
// instcombine folds `&a[i].f` into one GEP (`gep %T, %a, %i, 2`), whose
// result is an interior pointer at a variable offset. The points-to graph
// models arrays by element (offsets modulo the element size) and reads a
// field's offset off a chain of constant GEPs; so asap-prepare splits such
// a GEP back into the element address and a constant GEP into it
// (`%e = gep %T, %a, %i` ; `gep %T, %e, 0, 2`), as clang emits it at -O0.
// The optimizer folds them again after asap's passes.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_PASSES_SPLITARRAYGEPS_H
#define ASAP_PASSES_SPLITARRAYGEPS_H

#include "llvm/IR/PassManager.h"

namespace asap {

class SplitArrayGEPsPass : public llvm::PassInfoMixin<SplitArrayGEPsPass> {
public:
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &FAM);
};

} // namespace asap

#endif // ASAP_PASSES_SPLITARRAYGEPS_H
