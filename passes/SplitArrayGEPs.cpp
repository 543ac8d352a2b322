//===- passes/SplitArrayGEPs.cpp - One GEP per array index ----------------===//
#include "passes/SplitArrayGEPs.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace asap {

PreservedAnalyses SplitArrayGEPsPass::run(Function &F,
                                          FunctionAnalysisManager &) {
  SmallVector<GetElementPtrInst *, 16> Work;
  for (Instruction &I : instructions(F))
    if (auto *GEP = dyn_cast<GetElementPtrInst>(&I);
        GEP && GEP->getNumIndices() > 1 &&
        !isa<Constant>(GEP->getOperand(1)) &&
        all_of(drop_begin(GEP->indices()),
               [](const Use &U) { return isa<ConstantInt>(U.get()); }))
      Work.push_back(GEP);
  for (GetElementPtrInst *GEP : Work) {
    Type *Elt = GEP->getSourceElementType();
    auto *Element = GetElementPtrInst::Create(
        Elt, GEP->getPointerOperand(), {GEP->getOperand(1)},
        GEP->getName() + ".element", GEP);
    Element->setIsInBounds(GEP->isInBounds());
    Element->setDebugLoc(GEP->getDebugLoc());
    SmallVector<Value *, 4> Rest{
        ConstantInt::get(GEP->getOperand(1)->getType(), 0)};
    append_range(Rest, drop_begin(GEP->indices()));
    auto *Field = GetElementPtrInst::Create(Elt, Element, Rest, "", GEP);
    Field->setIsInBounds(GEP->isInBounds());
    Field->setDebugLoc(GEP->getDebugLoc());
    Field->takeName(GEP);
    GEP->replaceAllUsesWith(Field);
    GEP->eraseFromParent();
  }
  if (Work.empty())
    return PreservedAnalyses::all();
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}

} // namespace asap
