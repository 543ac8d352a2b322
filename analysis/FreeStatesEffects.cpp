//===- analysis/FreeStatesEffects.cpp - What instructions do to objects ---===//
//
// The first half of FreeStates: once per function, what each instruction
// allocates, releases, dereferences or lets escape, and how each
// conditional branch constrains the paths leaving it (tracked conditions,
// null tests, flag phis). The dataflow in FreeStates.cpp only reads these.
//
//===----------------------------------------------------------------------===//
#include "analysis/FreeStatesImpl.h"

#include "analysis/BranchConditions.h"
#include "analysis/Deallocators.h"
#include "analysis/ModelTable.h"
#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/PatternMatch.h"
#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

using namespace llvm;

namespace asap {

static bool isAnnotationIntrinsic(const IntrinsicInst &II) {
  return isa<DbgInfoIntrinsic>(II) || II.isLifetimeStartOrEnd() ||
         II.getIntrinsicID() == Intrinsic::assume ||
         II.getIntrinsicID() == Intrinsic::experimental_noalias_scope_decl ||
         II.getIntrinsicID() == Intrinsic::invariant_start ||
         II.getIntrinsicID() == Intrinsic::invariant_end;
}

void FreeStates::Impl::computeEffects(FreeStates &Owner,
                                      const CalleeFacts *Callees) {
  Insts = &Owner.Instructions;
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB) {
      Index[&I] = Owner.Instructions.size();
      Owner.Instructions.push_back(&I);
    }
  Effects.resize(Owner.Instructions.size());

  for (const Instruction *I : Owner.Instructions) {
    InstEffects &E = Effects[Index[I]];
    auto PointerOperand = [](const Value *V) {
      return V->getType()->isPointerTy();
    };
    auto AddUse = [&](const Value *Ptr) {
      E.Uses.push_back(&origins(Ptr));
      E.UseVia.push_back(rootPhi(Ptr));
    };
    if (const auto *Load = dyn_cast<LoadInst>(I)) {
      AddUse(Load->getPointerOperand());
    } else if (const auto *Store = dyn_cast<StoreInst>(I)) {
      AddUse(Store->getPointerOperand());
      if (PointerOperand(Store->getValueOperand()))
        E.Escapes.push_back(&origins(Store->getValueOperand()));
    } else if (const auto *RMW = dyn_cast<AtomicRMWInst>(I)) {
      AddUse(RMW->getPointerOperand());
      if (PointerOperand(RMW->getValOperand()))
        E.Escapes.push_back(&origins(RMW->getValOperand()));
    } else if (const auto *CX = dyn_cast<AtomicCmpXchgInst>(I)) {
      AddUse(CX->getPointerOperand());
      if (PointerOperand(CX->getNewValOperand()))
        E.Escapes.push_back(&origins(CX->getNewValOperand()));
    } else if (const auto *CB = dyn_cast<CallBase>(I)) {
      const auto *II = dyn_cast<IntrinsicInst>(CB);
      if (II && isAnnotationIntrinsic(*II))
        continue;
      const Value *Released = releasedPointer(*CB, TLI);
      // A function of the module that releases a parameter on every path
      // that returns (destroy(p)) releases the argument here. Not an
      // invoke: its unwind edge leaves before the release may have run.
      if (!Released && Callees && isa<CallInst>(CB))
        if (int ArgNo = Callees->releasedArgument(*CB); ArgNo >= 0)
          Released = CB->getArgOperand(ArgNo);
      if (Released) {
        E.Releases = &origins(Released);
        E.ReleaseVia = rootPhi(Released);
        E.ReleaseIsPhi =
            E.ReleaseVia && Released->stripPointerCasts() == E.ReleaseVia;
      }
      if (isHeapAllocation(*CB, TLI) || (Callees && Callees->returnsFresh(*CB)))
        E.Allocates = CB;
      const Function *Callee = CB->getCalledFunction();
      std::optional<CallModel> Model;
      if (Callee)
        Model = lookupCallModel(*Callee);
      for (unsigned ArgNo = 0; ArgNo < CB->arg_size(); ++ArgNo) {
        const Value *Arg = CB->getArgOperand(ArgNo);
        if (!PointerOperand(Arg) || Arg == Released)
          continue;
        AddUse(Arg);
        // A summary knows better than `nocapture`: a helper that frees its
        // parameter on some paths captures nothing, yet the object may be
        // gone after the call.
        std::optional<bool> BySummary =
            Callees ? Callees->borrows(*CB, ArgNo) : std::nullopt;
        bool Borrowed = BySummary ? *BySummary
                                  : CB->doesNotCapture(ArgNo) ||
                                        (Model && Model->BorrowsAllArguments);
        if (!Borrowed)
          E.Escapes.push_back(&origins(Arg));
      }
    } else if (const auto *Ret = dyn_cast<ReturnInst>(I)) {
      if (const Value *RV = Ret->getReturnValue())
        if (PointerOperand(RV))
          E.Escapes.push_back(&origins(RV));
    } else if (isa<GetElementPtrInst>(I) || isa<CastInst>(I) ||
               isa<PHINode>(I) || isa<SelectInst>(I) || isa<CmpInst>(I)) {
      // Address arithmetic and merges are followed by PointerOrigins; a
      // ptrtoint hides the object from it, so it is an escape.
      if (isa<PtrToIntInst>(I))
        E.Escapes.push_back(&origins(I->getOperand(0)));
    } else {
      for (const Value *Op : I->operands())
        if (PointerOperand(Op) && !isa<Constant>(Op))
          E.Escapes.push_back(&origins(Op));
    }
  }

  for (const Instruction *I : Owner.Instructions)
    if (const auto *CB = dyn_cast<CallBase>(I))
      if (Effects[Index[I]].Allocates)
        Owner.Objects.push_back(CB);
  for (const Argument &A : F.args())
    if (A.getType()->isPointerTy())
      Owner.Objects.push_back(&A);

  auto NumberPhi = [&](const PHINode *Phi) {
    if (Phi)
      PhiIds.try_emplace(Phi, PhiIds.size());
  };
  for (const InstEffects &E : Effects) {
    NumberPhi(E.ReleaseVia);
    for (const PHINode *Phi : E.UseVia)
      NumberPhi(Phi);
  }
}

void FreeStates::Impl::computeConditions() {
  // Keys in program order get ids in program order, so results never depend
  // on pointer values.
  std::map<ConditionKey, unsigned> Uses;
  std::vector<std::pair<const BranchInst *, ConditionKey>> Conditional;
  for (const BasicBlock &BB : F) {
    const auto *Br = dyn_cast<BranchInst>(BB.getTerminator());
    if (!Br || !Br->isConditional())
      continue;
    BranchEffects &B = Branches[Br];
    unsigned NullSucc = 0;
    if (const Value *Ptr = nullTestedPointer(*Br, NullSucc)) {
      B.NullTested = &origins(Ptr);
      B.NullSuccessor = NullSucc;
    }
    bool Polarity;
    ConditionKey K = canonicalCondition(Br->getCondition(), Polarity);
    B.Polarity = Polarity;
    // `if (!freed)` on `freed = phi [0, ...], [1, ...]`.
    bool FlagPolarity;
    if (const ICmpInst *Cmp = flagTest(Br->getCondition(), FlagPolarity)) {
      B.FlagTest = Cmp;
      B.FlagPolarity = FlagPolarity;
      FlagIds.try_emplace(cast<PHINode>(Cmp->getOperand(0)), FlagIds.size());
    }
    ++Uses[K];
    Conditional.push_back({Br, K});
  }

  // A comparison of a value with a constant is also worth tracking when
  // another branch compares the same value (`n > 3` ... `n < 2`).
  DenseMap<const Value *, unsigned> RangeUses;
  for (auto &[Br, K] : Conditional)
    if (std::optional<RangeTest> R = rangeTestOf(K))
      ++RangeUses[R->X];

  std::map<ConditionKey, unsigned> Ids;
  for (auto &[Br, K] : Conditional) {
    std::optional<RangeTest> Range = rangeTestOf(K);
    if (Uses[K] < 2 && !(Range && RangeUses[Range->X] >= 2))
      continue;
    auto [It, Inserted] = Ids.try_emplace(K, Ids.size());
    Branches[Br].CondId = It->second;
    if (!Inserted)
      continue;
    IdRanges.push_back(Range);
    // The condition's value changes only where one of its operands is
    // (re)defined, e.g. once per iteration for a value defined in a loop.
    for (const Value *Operand : {K.A, K.B})
      if (const auto *Def = dyn_cast_or_null<Instruction>(Operand))
        Effects[Index[Def]].Invalidates.push_back(It->second);
  }
}

} // namespace asap
