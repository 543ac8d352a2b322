//===- analysis/OwnershipUses.cpp - The role of each use of an owner ------===//
//
// Step (3) of computeOwnership: every use of an owner or of one of its
// aliases is an alias, a borrow, a move (into an owning field, an owner
// phi, a consuming callee), a return, a release or an escape. An escape
// makes the owner's group undecided, with the reason explain prints.
//
//===----------------------------------------------------------------------===//
#include "analysis/FieldReallocs.h"
#include "analysis/ModelTable.h"
#include "analysis/OwnershipBuilder.h"
#include "analysis/Shapes.h"
#include "analysis/SlotVectors.h"
#include "analysis/StackBorrows.h"
#include "analysis/Summaries.h"

#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace asap {

static std::string calleeLabel(const CallBase &CB) {
  if (const Function *F = CB.getCalledFunction())
    return ("'" + F->getName() + "'").str();
  return "an indirect call";
}

/// Intrinsics that read or write through a pointer but never keep or free it.
static bool isBorrowingIntrinsic(Intrinsic::ID ID) {
  switch (ID) {
  case Intrinsic::memcpy:
  case Intrinsic::memcpy_inline:
  case Intrinsic::memmove:
  case Intrinsic::memset:
  case Intrinsic::memset_inline:
  case Intrinsic::lifetime_start:
  case Intrinsic::lifetime_end:
  case Intrinsic::objectsize:
  case Intrinsic::prefetch:
  case Intrinsic::invariant_start:
  case Intrinsic::invariant_end:
  case Intrinsic::assume:
    return true;
  default:
    return false;
  }
}

void OwnershipBuilder::escape(unsigned OwnerIdx, Instruction *At, Value *V,
                              std::string Why) {
  Info.Roles[{At, V}] = UseRole::Escape;
  Info.markUndecided(Info.Owners[OwnerIdx], Why + atLine(At), At);
}

void OwnershipBuilder::classifyUse(unsigned OwnerIdx, Use &U) {
  Value *V = U.get();
  auto *UI = dyn_cast<Instruction>(U.getUser());
  if (!UI)
    return;
  Owner &O = Info.Owners[OwnerIdx];
  auto Set = [&](UseRole R) { Info.Roles[{UI, V}] = R; };

  if (Info.Roles.count({UI, V}) && Info.roleOf(UI, V) == UseRole::Move)
    return;
  if (derives(UI, V) && Info.ownerIndexOf(UI) == int(OwnerIdx) &&
      !Info.isOwner(UI))
    return Set(UseRole::Alias);
  if (derives(UI, V) && Derived.count(UI))
    return Set(UseRole::Escape); // A foreign merge, reported by createOwners.

  if (auto *LI = dyn_cast<LoadInst>(UI)) {
    (void)LI;
    return Set(UseRole::Borrow);
  }
  if (auto *SI = dyn_cast<StoreInst>(UI)) {
    if (SI->getValueOperand() != V)
      return Set(UseRole::Borrow);
    // An element moved from one slot to another stays the vector's.
    if (Summaries && Summaries->Shapes && Summaries->Shapes->Slots &&
        Summaries->Shapes->Slots->isSlotMove(*SI))
      return Set(UseRole::Borrow);
    if (V == O.Root && Summaries && Summaries->Shapes &&
        Summaries->Shapes->isOwningField(SI->getPointerOperand())) {
      O.MovedIntoField.push_back(SI);
      if (O.Site && O.Site->Reallocated)
        if (std::optional<FieldRealloc> FR =
                matchFieldRealloc(*O.Site->Call, O.Site->Reallocated);
            FR && FR->Refill == SI)
          for (User *U : V->users()) // The match allows only null tests.
            if (auto *Test = dyn_cast<ICmpInst>(U);
                Test && DT.dominates(SI, Test))
              O.NullTestsAfterMove.push_back(Test);
      return Set(UseRole::Move);
    }
    if (Summaries && Summaries->Shapes && Summaries->Shapes->Lenders &&
        Summaries->Shapes->Lenders->lendingAlloca(*SI)) {
      O.LentThrough.push_back(SI);
      return Set(UseRole::Borrow);
    }
    Value *Dest = SI->getPointerOperand()->stripPointerCasts();
    if (auto *GV = dyn_cast<GlobalVariable>(Dest))
      return escape(OwnerIdx, UI, V,
                    ("stored to global " + GV->getName()).str());
    return escape(OwnerIdx, UI, V, "stored to memory");
  }
  if (auto *RMW = dyn_cast<AtomicRMWInst>(UI)) {
    if (RMW->getValOperand() == V)
      return escape(OwnerIdx, UI, V, "stored to memory");
    return Set(UseRole::Borrow);
  }
  if (auto *CX = dyn_cast<AtomicCmpXchgInst>(UI)) {
    if (CX->getNewValOperand() == V || CX->getCompareOperand() == V)
      return escape(OwnerIdx, UI, V, "stored to memory");
    return Set(UseRole::Borrow);
  }
  if (isa<ICmpInst>(UI))
    return Set(UseRole::Borrow);
  if (isa<PtrToIntInst>(UI))
    return escape(OwnerIdx, UI, V, "converted to an integer");
  if (isa<ReturnInst>(UI)) {
    // A parameter's interior pointer returned is a borrow from it (the
    // summary records it); an owned object's interior pointer cannot be.
    if (V != O.Root && O.Kind != OwnerKind::Parameter)
      return escape(OwnerIdx, UI, V, "an interior pointer is returned");
    O.Returns.push_back(UI);
    return Set(UseRole::Return);
  }
  if (auto *CB = dyn_cast<CallBase>(UI)) {
    if (const Deallocation *D = Allocs.deallocFor(CB); D && D->Freed == V) {
      // Regrowing the buffer of one of its owning fields in place: the
      // container keeps owning the (new) buffer.
      if (D->IsRealloc && V != O.Root && isa<LoadInst>(V) && Summaries &&
          Summaries->Shapes &&
          Summaries->Shapes->isOwningField(
              cast<LoadInst>(V)->getPointerOperand()) &&
          matchFieldRealloc(*CB, V))
        return Set(UseRole::Borrow);
      auto &Calls = D->IsRealloc ? O.ReallocatedBy : O.ReleasedBy;
      if (!is_contained(Calls, CB))
        Calls.push_back(CB);
      return Set(UseRole::Release);
    }
    if (CB->isCallee(&U))
      return escape(OwnerIdx, UI, V, "called as a function");
    if (auto *II = dyn_cast<IntrinsicInst>(CB))
      if (isBorrowingIntrinsic(II->getIntrinsicID()))
        return Set(UseRole::Borrow);
    if (CB->isBundleOperand(&U))
      return escape(OwnerIdx, UI, V, "used in an operand bundle");
    const Function *Callee = CB->getCalledFunction();
    if (!Callee)
      return escape(OwnerIdx, UI, V, "passed to an indirect call");
    if (std::optional<CallModel> M = lookupCallModel(*Callee))
      if (M->BorrowsAllArguments)
        return Set(UseRole::Borrow);
    unsigned ArgNo = CB->getArgOperandNo(&U);
    if (const FunctionSummary *S =
            Summaries ? Summaries->lookup(Callee) : nullptr;
        S && ArgNo < S->Params.size()) {
      const ParamSummary &P = S->Params[ArgNo];
      if (P.isBorrowed())
        return Set(UseRole::Borrow);
      // Returned into the call's result, which is then an alias.
      if (P.Flags == PF_CapturedIntoReturn &&
          S->Ret == ReturnKind::BorrowedFromParam && S->RetParam == ArgNo)
        return Set(UseRole::Borrow);
      if (P.Flags == PF_MovedIn && V == O.Root) {
        O.MovedIntoField.push_back(CB);
        return Set(UseRole::Move);
      }
      if (P.Flags == PF_Consumed) {
        if (!is_contained(O.ReleasedBy, CB))
          O.ReleasedBy.push_back(CB);
        return Set(UseRole::Release);
      }
      std::string Why = "passed to " + calleeLabel(*CB) + " which ";
      if (P.Flags & PF_Escapes)
        Why += "lets it escape (" + P.Reason + ")";
      else if (P.Flags & PF_CapturedIntoParam)
        Why += "stores it into another argument";
      else if (P.Flags & PF_CapturedIntoReturn)
        Why += "may return it";
      else if (P.Flags & PF_MovedIntoReturn)
        Why += "moves it into its result";
      else
        Why += "may release it";
      return escape(OwnerIdx, UI, V, Why);
    }
    if (ArgNo >= Callee->getFunctionType()->getNumParams())
      return escape(OwnerIdx, UI, V,
                    "passed as a variadic argument to " + calleeLabel(*CB));
    if (CB->doesNotCapture(ArgNo) &&
        (CB->hasFnAttr(Attribute::NoFree) || CB->onlyReadsMemory() ||
         CB->paramHasAttr(ArgNo, Attribute::NoFree)))
      return Set(UseRole::Borrow);
    return escape(OwnerIdx, UI, V,
                  "passed to " + calleeLabel(*CB) +
                      " which may keep or free it");
  }
  escape(OwnerIdx, UI, V,
         std::string("used by a '") + UI->getOpcodeName() + "' instruction");
}

void OwnershipBuilder::classifyUses(unsigned OwnerIdx) {
  // Values may grow while iterating? No: aliases are fixed by createOwners.
  SmallVector<Value *, 8> Values = Info.Owners[OwnerIdx].Values;
  for (Value *V : Values)
    for (Use &U : V->uses())
      classifyUse(OwnerIdx, U);
}


} // namespace asap
