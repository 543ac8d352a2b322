//===- analysis/FieldTakes.cpp - Moving a child out of its container ------===//
//
// The read check walks every instruction that can run after the load (the
// rest of its block, then every block reachable from it, the load's own
// block included when it is in a loop) and looks at each use of the
// container's *shallow* aliases (the root and the GEPs and casts of it,
// whose offsets are known). Loads and stores of other bytes, stores to the
// field itself and comparisons cannot observe the null; anything else (a
// call that may read the object, a return or phi that hands it on, a load
// of the field) makes the load an ordinary alias instead of a take.
//
//===----------------------------------------------------------------------===//
#include "analysis/FieldTakes.h"
#include "analysis/Summaries.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

#include <optional>

using namespace llvm;

namespace asap {

namespace {

/// Does U hand the loaded pointer on to a new owner?
bool movesOn(const Use &U, const ModuleSummaries &S) {
  const auto *I = dyn_cast<Instruction>(U.getUser());
  if (!I)
    return false;
  if (isa<ReturnInst>(I))
    return true;
  if (auto *SI = dyn_cast<StoreInst>(I))
    return SI->getValueOperand() == U.get() && S.Shapes &&
           S.Shapes->isOwningField(SI->getPointerOperand());
  if (auto *CB = dyn_cast<CallBase>(I)) {
    const Function *Callee = CB->getCalledFunction();
    const FunctionSummary *FS = Callee ? S.lookup(Callee) : nullptr;
    if (!FS || !CB->isArgOperand(&U))
      return false;
    unsigned K = CB->getArgOperandNo(&U);
    return K < FS->Params.size() &&
           (FS->Params[K].Flags == PF_MovedIntoReturn ||
            FS->Params[K].Flags == PF_MovedIn);
  }
  return false;
}

/// The values that point into Root's object at a known offset from Root
/// (std::nullopt: an unknown offset).
DenseMap<const Value *, std::optional<int64_t>>
shallowAliases(const Value *Root, const DataLayout &DL) {
  DenseMap<const Value *, std::optional<int64_t>> S;
  SmallVector<const Value *, 8> Work{Root};
  S[Root] = 0;
  while (!Work.empty()) {
    const Value *V = Work.pop_back_val();
    std::optional<int64_t> Base = S[V];
    for (const User *U : V->users()) {
      std::optional<int64_t> Off;
      if (auto *GEP = dyn_cast<GEPOperator>(U)) {
        if (GEP->getPointerOperand() != V)
          continue;
        APInt C(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
        if (Base && GEP->accumulateConstantOffset(DL, C))
          Off = *Base + C.getSExtValue();
      } else if (isa<BitCastOperator>(U) || isa<AddrSpaceCastInst>(U)) {
        Off = Base;
      } else {
        continue;
      }
      if (S.try_emplace(U, Off).second)
        Work.push_back(U);
    }
  }
  return S;
}

} // namespace

Value *findTakeContainer(LoadInst &LI, const ModuleSummaries &Summaries) {
  if (!LI.getType()->isPointerTy() || LI.isVolatile() || !Summaries.Shapes ||
      !Summaries.Shapes->isOwningField(LI.getPointerOperand()))
    return nullptr;
  if (none_of(LI.uses(), [&](const Use &U) { return movesOn(U, Summaries); }))
    return nullptr;
  const DataLayout &DL = LI.getModule()->getDataLayout();
  APInt FieldOff(DL.getIndexTypeSizeInBits(LI.getPointerOperandType()), 0);
  Value *Root = LI.getPointerOperand()->stripAndAccumulateConstantOffsets(
      DL, FieldOff, /*AllowNonInbounds=*/true);
  int64_t F = FieldOff.getSExtValue();
  int64_t FSize = int64_t(DL.getTypeStoreSize(LI.getType()));
  auto Aliases = shallowAliases(Root, DL);

  // Blocks whose every instruction may run after LI.
  SmallPtrSet<const BasicBlock *, 16> After;
  SmallVector<const BasicBlock *, 16> Work(succ_begin(LI.getParent()),
                                           succ_end(LI.getParent()));
  while (!Work.empty()) {
    const BasicBlock *B = Work.pop_back_val();
    if (After.insert(B).second)
      Work.append(succ_begin(B), succ_end(B));
  }
  auto RunsAfter = [&](const Instruction *I) {
    if (After.count(I->getParent()))
      return true;
    return I->getParent() == LI.getParent() && LI.comesBefore(I);
  };
  auto Overlaps = [&](std::optional<int64_t> Off, const Type *Ty) {
    if (!Off)
      return true;
    int64_t Size = int64_t(DL.getTypeStoreSize(const_cast<Type *>(Ty)));
    return *Off < F + FSize && F < *Off + Size;
  };

  for (auto &[V, Off] : Aliases)
    for (const Use &U : V->uses()) {
      const auto *I = dyn_cast<Instruction>(U.getUser());
      if (!I || Aliases.count(I))
        continue; // A GEP or cast: its own uses are looked at.
      if (auto *Phi = dyn_cast<PHINode>(I)) {
        // Used at the end of the incoming block.
        const BasicBlock *In = Phi->getIncomingBlock(U);
        if (After.count(In) || In == LI.getParent())
          return nullptr;
        continue;
      }
      if (I == &LI || !RunsAfter(I))
        continue;
      if (auto *L = dyn_cast<LoadInst>(I)) {
        if (Overlaps(Off, L->getType()))
          return nullptr;
        continue;
      }
      if (auto *SI = dyn_cast<StoreInst>(I)) {
        if (SI->getValueOperand() == V)
          return nullptr;
        continue; // Writing cannot observe the null.
      }
      if (isa<ICmpInst>(I))
        continue;
      if (auto *II = dyn_cast<IntrinsicInst>(I))
        if (II->isLifetimeStartOrEnd() || isa<DbgInfoIntrinsic>(II))
          continue;
      return nullptr;
    }
  // In a loop, the load itself runs again and would read the null.
  if (After.count(LI.getParent()))
    return nullptr;
  return Root;
}

} // namespace asap
