//===- analysis/FieldTakes.cpp - Moving a child out of its container ------===//
//
// The read check walks every instruction that can run after the load (the
// rest of its block, then every block reachable from it, the load's own
// block included when it is in a loop) and looks at each use of every
// value that may point into the container, wherever it was made: the root,
// its GEPs and casts (known offsets), and phis, selects and call results
// derived from them (unknown offsets: `y = same(t)` before the load is a
// second name for t). Loads and stores of other bytes, stores to the field
// itself and comparisons cannot observe the null; anything else (a call
// that may read the object, a return or phi that hands it on, a load of the
// field or through an unknown offset) makes the load an ordinary alias
// instead of a take.
//
//===----------------------------------------------------------------------===//
#include "analysis/FieldTakes.h"
#include "analysis/Summaries.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/CFG.h"
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

/// The values that may point into Root's object, with their offset from
/// Root when it is known (GEPs and casts; std::nullopt otherwise).
/// HoldsAfter(Phi, In) says whether Phi, receiving an alias from block In,
/// may hold the object where the null can be seen.
DenseMap<const Value *, std::optional<int64_t>>
aliasesOf(const Value *Root, const DataLayout &DL,
          function_ref<bool(const PHINode *, const BasicBlock *)> HoldsAfter) {
  DenseMap<const Value *, std::optional<int64_t>> S;
  SmallVector<const Value *, 8> Work{Root};
  S[Root] = 0;
  while (!Work.empty()) {
    const Value *V = Work.pop_back_val();
    std::optional<int64_t> Base = S[V];
    for (const Use &Use : V->uses()) {
      const User *U = Use.getUser();
      std::optional<int64_t> Off;
      if (auto *GEP = dyn_cast<GEPOperator>(U)) {
        if (GEP->getPointerOperand() != V)
          continue;
        APInt C(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
        if (Base && GEP->accumulateConstantOffset(DL, C))
          Off = *Base + C.getSExtValue();
      } else if (isa<BitCastOperator>(U) || isa<AddrSpaceCastInst>(U)) {
        Off = Base;
      } else if (!U->getType()->isPointerTy() || isa<LoadInst>(U)) {
        continue;
      } else if (auto *Phi = dyn_cast<PHINode>(U);
                 Phi && !HoldsAfter(Phi, Phi->getIncomingBlock(Use))) {
        continue;
      }
      // Otherwise U may point anywhere into the object: a phi, a select, a
      // call returning its argument (`y = same(t)`, even before the load).
      // Off stays unknown, so any read through U after the load rejects it.
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
  std::pair<const Value *, int64_t> Field =
      baseAndOffset(LI.getPointerOperand(), DL);
  Value *Root = const_cast<Value *>(Field.first);
  int64_t F = Field.second; // (A plain variable: lambdas below capture it.)
  int64_t FSize = int64_t(DL.getTypeStoreSize(LI.getType()));
  // Blocks whose every instruction may run after LI.
  SmallPtrSet<const BasicBlock *, 16> After;
  SmallVector<const BasicBlock *, 16> Work(succ_begin(LI.getParent()),
                                           succ_end(LI.getParent()));
  while (!Work.empty()) {
    const BasicBlock *B = Work.pop_back_val();
    if (After.insert(B).second)
      Work.append(succ_begin(B), succ_end(B));
  }
  // A phi receiving the object from block In holds it after LI when In
  // runs after LI, or when the phi may run before LI and be used after it
  // (LI's block is reachable from the phi's). A phi that only ever gets the
  // object on paths that do not pass LI (fold's `return E` on the leaf
  // path) cannot show the null.
  auto HoldsAfter = [&](const PHINode *Phi, const BasicBlock *In) {
    return After.count(In) || In == LI.getParent() ||
           isPotentiallyReachable(Phi->getParent(), LI.getParent());
  };
  auto Aliases = aliasesOf(Root, DL, HoldsAfter);
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
      if (!I || (Aliases.count(I) &&
                 (isa<GEPOperator>(I) || isa<CastInst>(I) || isa<PHINode>(I))))
        continue; // Its own uses are looked at.
      if (isa<PHINode>(I))
        continue; // Never holds the object where the null can be seen.
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
