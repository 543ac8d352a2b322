//===- analysis/LastUse.cpp - Where each owned object dies ----------------===//
//
// The object of an owner is treated as one variable: defined by the owner,
// used by every user of the owner or of any alias. Uses by phis count at the
// end of the incoming block (on that edge only). Standard backward liveness
// then gives, per block, whether the object is live on entry and on exit;
// the drop points are where that changes from live to dead going forward,
// except where the last use is a move (owner phi/select, ret) or the
// program's own release.
//
//===----------------------------------------------------------------------===//
#include "analysis/LastUse.h"
#include "analysis/Summaries.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace asap {

AnalysisKey LastUseAnalysis::Key;

Instruction *DropPoint::insertionPoint() const {
  if (Kind == AtEntry)
    return &*To->getFirstInsertionPt();
  if (Kind == OnEdge || !After)
    return nullptr;
  if (isa<PHINode>(After))
    return &*After->getParent()->getFirstInsertionPt();
  return After->getNextNode();
}

const ObjectLifetime *LastUseInfo::lifetimeOf(const Value *V) const {
  int I = Ownership.ownerIndexOf(V);
  return I < 0 ? nullptr : &Lifetimes[I];
}

/// Does I use the object of owner OI (the owner itself or an alias)?
static bool usesObject(const OwnershipInfo &Own, const Instruction *I,
                       unsigned OI) {
  if (is_contained(Own.Owners[OI].NullTestsAfterMove, I))
    return false;
  if (is_contained(Own.Owners[OI].KeptAliveBy, I))
    return true;
  for (const Value *Op : I->operands())
    if (Own.ownerIndexOf(Op) == int(OI))
      return true;
  return false;
}

bool LastUseInfo::isLiveAfter(unsigned OI, const Instruction *I) const {
  const BasicBlock *BB = I->getParent();
  if (LiveOut[OI].lookup(BB))
    return true;
  for (const Instruction *J = I->getNextNode(); J; J = J->getNextNode())
    if (usesObject(Ownership, J, OI))
      return true;
  return false;
}

std::string variableNameOf(const Owner &O) {
  for (Value *V : O.Values) {
    SmallVector<DbgValueInst *, 2> DbgValues;
    findDbgValues(DbgValues, V);
    for (DbgValueInst *DVI : DbgValues)
      if (DILocalVariable *Var = DVI->getVariable())
        if (!Var->getName().empty())
          return Var->getName().str();
  }
  return "";
}

/// " at line N" for I, or "" without debug info.
static std::string atLineOf(const Instruction *I) {
  if (const DebugLoc &DL = I->getDebugLoc(); DL && DL.getLine())
    return " at line " + std::to_string(DL.getLine());
  return "";
}

namespace {

/// Liveness of one owner's object over the blocks of F.
struct ObjectLiveness {
  DenseMap<const BasicBlock *, bool> LiveIn, LiveOut;
  DenseSet<std::pair<const BasicBlock *, const BasicBlock *>> PhiUse;
};

ObjectLiveness computeLiveness(const Owner &O, const DominatorTree &DT,
                               const Function &F) {
  ObjectLiveness L;
  // A parameter is defined on entry.
  const BasicBlock *DefBB = O.Def ? O.Def->getParent() : &F.getEntryBlock();
  SmallVector<const BasicBlock *, 16> Work;
  auto MarkLiveIn = [&](const BasicBlock *B) {
    if (B == DefBB || L.LiveIn[B])
      return;
    L.LiveIn[B] = true;
    Work.push_back(B);
  };
  auto MarkLiveOut = [&](const BasicBlock *B) {
    if (L.LiveOut[B])
      return;
    L.LiveOut[B] = true;
    MarkLiveIn(B);
  };
  for (Value *V : O.Values)
    for (User *U : V->users()) {
      auto *I = dyn_cast<Instruction>(U);
      if (!I || !DT.isReachableFromEntry(I->getParent()) ||
          is_contained(O.NullTestsAfterMove, I))
        continue;
      if (auto *Phi = dyn_cast<PHINode>(I)) {
        for (unsigned K = 0; K < Phi->getNumIncomingValues(); ++K)
          if (Phi->getIncomingValue(K) == V) {
            L.PhiUse.insert({Phi->getIncomingBlock(K), Phi->getParent()});
            MarkLiveOut(Phi->getIncomingBlock(K));
          }
        continue;
      }
      // In the defining block every use follows the definition (SSA).
      MarkLiveIn(I->getParent());
    }
  // Readers of a stack struct it was lent to (dominated by the store).
  for (Instruction *I : O.KeptAliveBy)
    if (DT.isReachableFromEntry(I->getParent()))
      MarkLiveIn(I->getParent());
  while (!Work.empty()) {
    const BasicBlock *B = Work.pop_back_val();
    for (const BasicBlock *P : predecessors(B))
      if (DT.isReachableFromEntry(P))
        MarkLiveOut(P);
  }
  return L;
}

} // namespace

LastUseInfo computeLastUse(Function &F, OwnershipInfo Own,
                           const DominatorTree &DT) {
  LastUseInfo R;
  R.Ownership = std::move(Own);
  OwnershipInfo &O = R.Ownership;
  unsigned N = O.Owners.size();
  R.Lifetimes.resize(N);
  R.LiveIn.resize(N);
  R.LiveOut.resize(N);
  std::vector<ObjectLiveness> Live(N);
  for (unsigned I = 0; I < N; ++I) {
    R.Lifetimes[I].OwnerIndex = I;
    // Parameters get liveness too (moves of them are checked) but are never
    // dropped here: the caller owns them.
    Live[I] = computeLiveness(O.Owners[I], DT, F);
    R.LiveIn[I] = Live[I].LiveIn;
    R.LiveOut[I] = Live[I].LiveOut;
    R.Lifetimes[I].VarName = variableNameOf(O.Owners[I]);
  }

  // A moved owner must be dead after the move, or two owners would hold the
  // same object.
  for (unsigned I = 0; I < N; ++I) {
    const Owner &Src = O.Owners[I];
    for (Instruction *Into : Src.MovedInto) {
      bool StillUsed = false;
      if (auto *Phi = dyn_cast<PHINode>(Into)) {
        StillUsed = Live[I].LiveIn.lookup(Phi->getParent());
        // Two owner phis taking the same owner on the same edge.
        for (PHINode &Other : Phi->getParent()->phis())
          if (&Other != Phi && is_contained(Src.MovedInto, &Other))
            for (unsigned K = 0; K < Phi->getNumIncomingValues(); ++K)
              if (Phi->getIncomingValue(K) == Src.Def &&
                  Other.getIncomingValueForBlock(Phi->getIncomingBlock(K)) ==
                      Src.Def)
                StillUsed = true;
      } else {
        StillUsed = R.isLiveAfter(I, Into);
      }
      if (StillUsed) {
        std::string Name = Into->hasName() ? ("%" + Into->getName()).str()
                           : isa<CallBase>(Into)
                               ? std::string("the result of a call")
                               : std::string("a phi/select");
        O.markUndecided(Src, "still used after being moved into " + Name, Into);
      }
    }
  }

  // Moved into an owning field: the container now owns it.
  for (unsigned I = 0; I < N; ++I)
    for (Instruction *Store : O.Owners[I].MovedIntoField)
      if (R.isLiveAfter(I, Store))
        O.markUndecided(O.Owners[I],
                        "still used after being stored into an owning field",
                        Store);

  // realloc consumes its argument: a path that still uses the old pointer
  // (typically the failure path) would get a release of it after the call,
  // which on the success path frees the new object's memory a second time.
  for (unsigned I = 0; I < N; ++I)
    for (CallBase *Realloc : O.Owners[I].ReallocatedBy)
      if (R.isLiveAfter(I, Realloc))
        O.markUndecided(O.Owners[I], "still used after realloc", Realloc);

  // A child moved out of its container is nulled there: sound only when
  // both are exclusively owned here (else the container's deep drop, or
  // someone holding the container, would still see the child).
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const Owner &T : O.Owners) {
      if (T.Kind != OwnerKind::Take)
        continue;
      const Owner &C = O.Owners[T.Container];
      const OwnerGroup &TG = O.groupOf(T), &CG = O.groupOf(C);
      if ((TG.D == Decision::Owned) == (CG.D == Decision::Owned))
        continue; // Both owned, or both already lost.
      Changed = true;
      auto *Load = cast<Instruction>(T.Def);
      if (CG.D == Decision::Owned)
        O.markUndecided(C,
                        "a child moved out of it" + atLineOf(Load) + " is " +
                            decisionName(TG.D).str() + ": " + TG.Reason,
                        Load);
      if (TG.D == Decision::Owned)
        O.markUndecided(T,
                        "moved out of an object that is " +
                            decisionName(CG.D).str() + ": " + CG.Reason,
                        Load);
    }
  }

  for (unsigned I = 0; I < N; ++I) {
    const Owner &Own = O.Owners[I];
    if ((!Own.Def && !Own.CalleeOwned) ||
        O.groupOf(Own).D == Decision::Undecided)
      continue;
    ObjectLifetime &LT = R.Lifetimes[I];
    const ObjectLiveness &L = Live[I];
    if (Own.Kind == OwnerKind::Select)
      LT.Drops.push_back(
          {DropPoint::UnchosenOfSelect, Own.Def, nullptr, nullptr, Own.Def});
    for (BasicBlock &B : F) {
      if (!DT.isReachableFromEntry(&B))
        continue;
      bool Live = L.LiveOut.lookup(&B);
      bool IsDefBlock =
          Own.Def ? &B == Own.Def->getParent() : &B == &F.getEntryBlock();
      if (!Live && !L.LiveIn.lookup(&B) && !IsDefBlock)
        continue;
      Instruction *LastUseInB = nullptr;
      for (Instruction &Inst : reverse(B)) {
        if (isa<PHINode>(Inst))
          break;
        if (&Inst == Own.Def) {
          if (!Live)
            LT.Drops.push_back({DropPoint::AfterInstruction, Own.Def, nullptr,
                                nullptr, Own.Def});
          Live = true; // Nothing above the definition.
          break;
        }
        if (!usesObject(O, &Inst, I))
          continue;
        if (!LastUseInB)
          LastUseInB = &Inst;
        if (!Live) {
          bool Consumed = false;
          for (Value *Op : Inst.operands())
            if (O.ownerIndexOf(Op) == int(I)) {
              UseRole Role = O.roleOf(&Inst, Op);
              Consumed |= Role == UseRole::Move || Role == UseRole::Return ||
                          Role == UseRole::Release;
            }
          if (!Consumed)
            LT.Drops.push_back(
                {DropPoint::AfterInstruction, &Inst, nullptr, nullptr, &Inst});
        }
        Live = true;
      }
      if (IsDefBlock && Own.Def && isa<PHINode>(Own.Def) && !Live)
        LT.Drops.push_back(
            {DropPoint::AfterInstruction, Own.Def, nullptr, nullptr, Own.Def});
      if (IsDefBlock && !Own.Def && !Live) // A parameter never used.
        LT.Drops.push_back({DropPoint::AtEntry, nullptr, nullptr, &B,
                            &*B.getFirstInsertionPt()});
      if (!L.LiveOut.lookup(&B))
        continue;
      SmallPtrSet<BasicBlock *, 4> Seen;
      for (BasicBlock *S : successors(&B)) {
        if (!Seen.insert(S).second)
          continue;
        if (L.LiveIn.lookup(S) || L.PhiUse.count({&B, S}))
          continue;
        LT.Drops.push_back({DropPoint::OnEdge, nullptr, &B, S,
                            LastUseInB ? LastUseInB : B.getTerminator()});
      }
    }
  }
  return R;
}

LastUseInfo LastUseAnalysis::run(Function &F, FunctionAnalysisManager &FAM) {
  const AllocationInfo &Allocs = FAM.getResult<AllocationSitesAnalysis>(F);
  const DominatorTree &DT = FAM.getResult<DominatorTreeAnalysis>(F);
  // Interprocedural when the module's summaries have been computed (e.g. by
  // RequireAnalysisPass<SummaryAnalysis>); intraprocedural otherwise.
  const ModuleSummaries *Summaries =
      FAM.getResult<ModuleAnalysisManagerFunctionProxy>(F)
          .getCachedResult<SummaryAnalysis>(*F.getParent());
  return computeLastUse(F, computeOwnership(F, Allocs, DT, Summaries), DT);
}

} // namespace asap
