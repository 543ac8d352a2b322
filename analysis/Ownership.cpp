//===- analysis/Ownership.cpp - Which SSA values own heap objects ---------===//
//
// Three steps. (1) From the current owner set, collect every value derived
// from an owner (GEP, cast, freeze, phi, select, pointer-returning model
// calls) and compute, by fixpoint, the set of owners each may point into.
// (2) A phi/select whose inputs all come from one owner that properly
// dominates it is a borrow alias; one whose non-null inputs are all owners
// is itself an owner (a move); the largest such set is found by removing
// candidates with a non-owner input until nothing changes, and steps 1-2
// repeat while new owners appear. Anything else is a merge with a foreign
// pointer and makes its owners Undecided. (3) Every use of an owner or alias
// gets a role (OwnershipUses.cpp); escapes decide the owner's group.
//
//===----------------------------------------------------------------------===//
#include "analysis/Ownership.h"
#include "analysis/FieldTakes.h"
#include "analysis/ModelTable.h"
#include "analysis/OwnershipBuilder.h"
#include "analysis/SlotVectors.h"
#include "analysis/StackBorrows.h"
#include "analysis/Summaries.h"

#include "llvm/ADT/EquivalenceClasses.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace asap {

StringRef decisionName(Decision D) {
  switch (D) {
  case Decision::Owned:
    return "owned";
  case Decision::FreedByProgram:
    return "freed by program";
  case Decision::Undecided:
    return "undecided";
  }
  return "undecided";
}

int OwnershipInfo::ownerIndexOf(const Value *V) const {
  auto It = Index.find(V);
  return It == Index.end() ? -1 : int(It->second);
}

bool OwnershipInfo::isOwner(const Value *V) const {
  int I = ownerIndexOf(V);
  return I >= 0 && Owners[I].Root == V;
}

std::optional<AllocFamily> OwnershipInfo::groupFamily(const Owner &O) const {
  std::optional<AllocFamily> Family;
  for (unsigned M : groupOf(O).Members) {
    const Owner &Member = Owners[M];
    std::optional<AllocFamily> F =
        Member.Site ? std::optional<AllocFamily>(Member.Site->Family)
                    : Member.Family;
    if (!F)
      continue;
    if (Family && *Family != *F)
      return std::nullopt;
    Family = F;
  }
  return Family;
}

void OwnershipInfo::markUndecided(const Owner &O, std::string Reason,
                                  Instruction *At) {
  OwnerGroup &G = Groups[O.Group];
  if (G.D == Decision::Undecided)
    return;
  G.D = Decision::Undecided;
  G.Reason = std::move(Reason);
  G.ReasonAt = At;
}

UseRole OwnershipInfo::roleOf(const Instruction *U, const Value *V) const {
  auto It = Roles.find({U, V});
  return It == Roles.end() ? UseRole::Borrow : It->second;
}

bool isNullish(const Value *V) {
  return isa<ConstantPointerNull>(V) || isa<UndefValue>(V);
}


/// Source line of I as " at line N", or "" without debug info.
std::string atLine(const Instruction *I) {
  if (I)
    if (const DebugLoc &DL = I->getDebugLoc())
      if (DL.getLine())
        return " at line " + std::to_string(DL.getLine());
  return "";
}

/// Intrinsics whose result is their first operand, possibly adjusted.
static bool isAliasingIntrinsic(Intrinsic::ID ID) {
  return ID == Intrinsic::ptrmask || ID == Intrinsic::launder_invariant_group ||
         ID == Intrinsic::strip_invariant_group;
}


/// Does the result of user U point into (or equal) its operand V?
bool derivesFrom(const User *U, const Value *V,
                 const ModuleSummaries *Summaries) {
  // A pointer loaded from an owning field points into an object the
  // container owns: it is a (deep) alias of the container.
  if (auto *LI = dyn_cast<LoadInst>(U))
    return Summaries && Summaries->Shapes && LI->getType()->isPointerTy() &&
           LI->getPointerOperand() == V && Summaries->Shapes->isOwningField(V);
  if (auto *GEP = dyn_cast<GetElementPtrInst>(U))
    return GEP->getPointerOperand() == V;
  if (isa<BitCastInst>(U) || isa<FreezeInst>(U) || isa<PHINode>(U))
    return U->getType()->isPointerTy();
  if (auto *Sel = dyn_cast<SelectInst>(U))
    return Sel->getCondition() != V && Sel->getType()->isPointerTy();
  if (auto *CB = dyn_cast<CallBase>(U)) {
    if (auto *II = dyn_cast<IntrinsicInst>(CB))
      return isAliasingIntrinsic(II->getIntrinsicID()) &&
             II->getArgOperand(0) == V;
    if (const Function *F = CB->getCalledFunction(); F && Summaries)
      if (const FunctionSummary *S = Summaries->lookup(F))
        return S->Ret == ReturnKind::BorrowedFromParam &&
               S->RetParam < CB->arg_size() &&
               CB->getArgOperand(S->RetParam) == V;
    if (const Function *F = CB->getCalledFunction())
      if (std::optional<CallModel> M = lookupCallModel(*F))
        return M->ReturnsAliasOf >= 0 &&
               unsigned(M->ReturnsAliasOf) < CB->arg_size() &&
               CB->getArgOperand(M->ReturnsAliasOf) == V &&
               CB->getType()->isPointerTy();
  }
  return false;
}


/// The function-wide reason to leave every object alone, or "".
static std::string functionBailReason(Function &F) {
  for (Instruction &I : instructions(F)) {
    if (isa<InvokeInst>(I) || isa<LandingPadInst>(I) || isa<CallBrInst>(I) ||
        isa<CatchSwitchInst>(I) || isa<CleanupPadInst>(I))
      return "function has exception-handling control flow";
    if (isa<IndirectBrInst>(I))
      return "function uses indirectbr";
    auto *CB = dyn_cast<CallBase>(&I);
    if (!CB)
      continue;
    if (CB->isInlineAsm())
      return "function contains inline assembly";
    if (auto *CI = dyn_cast<CallInst>(CB); CI && CI->isMustTailCall())
      return "function has a musttail call";
    StringRef Name;
    if (const Function *Callee = CB->getCalledFunction())
      Name = Callee->getName();
    if (CB->hasFnAttr(Attribute::ReturnsTwice) || Name.contains("setjmp") ||
        Name.contains("longjmp"))
      return "function uses setjmp/longjmp";
  }
  return "";
}


void OwnershipBuilder::computeBases() {
  Derived.clear();
  Bases.clear();
  SmallVector<Value *, 32> Work(OwnerSet.begin(), OwnerSet.end());
  for (Value *O : OwnerSet)
    Bases[O].Owners.insert(O);
  while (!Work.empty()) {
    Value *V = Work.pop_back_val();
    for (User *U : V->users()) {
      auto *UI = dyn_cast<Instruction>(U);
      if (!UI || OwnerSet.count(UI) || !derives(UI, V))
        continue;
      if (Derived.insert(UI))
        Work.push_back(UI);
    }
  }
  // Join until stable: base(v) = union of the bases of what it derives from;
  // phi/select inputs that are neither derived nor null are foreign.
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (Instruction *V : Derived) {
      Base New;
      auto Join = [&](Value *Src) {
        if (isNullish(Src))
          return;
        auto It = Bases.find(Src);
        if (It == Bases.end()) {
          if (!Derived.count(dyn_cast<Instruction>(Src)))
            New.Foreign = true;
          return;
        }
        New.Owners.insert(It->second.Owners.begin(), It->second.Owners.end());
        New.Foreign |= It->second.Foreign;
      };
      if (auto *Phi = dyn_cast<PHINode>(V)) {
        for (Value *In : Phi->incoming_values())
          Join(In);
      } else if (auto *Sel = dyn_cast<SelectInst>(V)) {
        Join(Sel->getTrueValue());
        Join(Sel->getFalseValue());
      } else {
        for (Value *Op : V->operands())
          if (Bases.count(Op) && derives(V, Op))
            Join(Op);
      }
      Base &Old = Bases[V];
      if (New.Foreign != Old.Foreign ||
          New.Owners.size() != Old.Owners.size()) {
        Old = std::move(New);
        Changed = true;
      }
    }
  }
}

bool OwnershipBuilder::isReturnedOwnerOrNull(Instruction *V) const {
  // `p = malloc(..); if (!p) return NULL; ...; return p;` returns
  // phi [null, %fail], [p, %ok]. As a borrow alias it would be an interior
  // pointer returned; as an owner phi it moves p to the caller, and p is
  // released on the edges where the phi does not take it (free(NULL) when
  // the test was the allocation's own null check). Only phis/selects used
  // by a `ret` whose inputs are exactly owner roots or null qualify, so no
  // plain borrow merge becomes a move.
  if (!isa<PHINode>(V) && !isa<SelectInst>(V))
    return false;
  if (none_of(V->users(), [](const User *U) { return isa<ReturnInst>(U); }))
    return false;
  auto IsRootOrNull = [&](Value *In) {
    return isNullish(In) || OwnerSet.count(In);
  };
  if (auto *Phi = dyn_cast<PHINode>(V))
    return all_of(Phi->incoming_values(), IsRootOrNull);
  auto *Sel = cast<SelectInst>(V);
  return IsRootOrNull(Sel->getTrueValue()) &&
         IsRootOrNull(Sel->getFalseValue());
}

bool OwnershipBuilder::isBorrowAlias(Instruction *V) const {
  // A value derived from exactly one owner, possibly merged with pointers
  // that are not owned here (a list walk: p = phi [o, ...], [p->next, ...]):
  // it may point into the owner's object, so its uses extend the owner's
  // life and its escapes are the owner's. It is never released itself.
  auto It = Bases.find(V);
  if (It == Bases.end() || It->second.Owners.size() != 1)
    return false;
  if (isReturnedOwnerOrNull(V))
    return false;
  if (!isa<PHINode>(V))
    return true;
  // A phi in the owner's own block (a loop header) would carry the previous
  // iteration's object: only a strictly dominating owner makes it a borrow.
  const BasicBlock *OB = ownerBlock(It->second.Owners[0]);
  return OB != V->getParent() && DT.dominates(OB, V->getParent());
}

bool OwnershipBuilder::growOwners() {
  SetVector<Instruction *> Candidates;
  for (Instruction *V : Derived)
    if ((isa<PHINode>(V) || isa<SelectInst>(V)) && !isBorrowAlias(V))
      Candidates.insert(V);
  auto IsOwnerOrCandidate = [&](Value *In) {
    auto *I = dyn_cast<Instruction>(In);
    return isNullish(In) || OwnerSet.count(In) || (I && Candidates.count(I));
  };
  // Largest set of candidates whose non-null inputs are all owners or
  // (surviving) candidates.
  while (true) {
    SetVector<Instruction *> Next;
    for (Instruction *C : Candidates) {
      bool AllOwners;
      if (auto *Phi = dyn_cast<PHINode>(C))
        AllOwners = all_of(Phi->incoming_values(), IsOwnerOrCandidate);
      else
        AllOwners = IsOwnerOrCandidate(cast<SelectInst>(C)->getTrueValue()) &&
                    IsOwnerOrCandidate(cast<SelectInst>(C)->getFalseValue());
      if (AllOwners)
        Next.insert(C);
    }
    if (Next.size() == Candidates.size())
      break;
    Candidates = std::move(Next);
  }
  if (Candidates.empty())
    return false;
  OwnerSet.insert(Candidates.begin(), Candidates.end());
  return true;
}

void OwnershipBuilder::createOwners() {
  // Allocation sites first (in program order), then owner phis and selects.
  auto AddOwner = [&](Value *Root, OwnerKind K, const AllocationSite *S) {
    Owner O;
    O.Root = Root;
    O.Def = dyn_cast<Instruction>(Root);
    O.Kind = K;
    if (S)
      O.Site = *S;
    O.Group = Info.Owners.size();
    O.Values.push_back(Root);
    Info.Index[Root] = Info.Owners.size();
    Info.Owners.push_back(std::move(O));
  };
  for (Instruction &I : instructions(F))
    if (auto It = Sites.find(&I); It != Sites.end())
      AddOwner(&I, OwnerKind::Allocation, &It->second);
  for (Instruction &I : instructions(F))
    if (OwnerSet.count(&I) && !Sites.count(&I) && !Takes.count(&I) &&
        !SlotTakes.count(&I))
      AddOwner(&I, isa<PHINode>(I) ? OwnerKind::Phi : OwnerKind::Select,
               nullptr);
  for (auto &[Load, Root] : Takes) {
    AddOwner(Load, OwnerKind::Take, nullptr);
    Info.Owners.back().Family = AllocFamily::Malloc; // See findCandidateFields.
    Info.Owners.back().FieldAddr = cast<LoadInst>(Load)->getPointerOperand();
  }
  for (Instruction *Load : SlotTakes) {
    AddOwner(Load, OwnerKind::SlotTake, nullptr);
    Info.Owners.back().Family = AllocFamily::Malloc; // Checked in Shapes.
  }
  for (Argument &A : F.args())
    if (OwnerSet.count(&A)) {
      AddOwner(&A, OwnerKind::Parameter, nullptr);
      if (!IncludeParams) { // Only owning parameters are owners then.
        Info.Owners.back().CalleeOwned = true;
        Info.Owners.back().Family = Summaries->OwningParams.lookup(&A);
      }
    }
  for (auto &[Load, Root] : Takes)
    Info.Owners[Info.Index.lookup(Load)].Container = Info.Index.lookup(Root);

  for (Instruction *V : Derived)
    if (isBorrowAlias(V)) {
      unsigned OI = Info.Index.lookup(Bases[V].Owners[0]);
      Info.Index[V] = OI;
      Info.Owners[OI].Values.push_back(V);
    }

  // Groups: owners joined by moves into owner phis/selects.
  EquivalenceClasses<unsigned> Classes;
  for (unsigned I = 0; I < Info.Owners.size(); ++I)
    Classes.insert(I);
  for (unsigned I = 0; I < Info.Owners.size(); ++I) {
    Owner &O = Info.Owners[I];
    if (O.Kind != OwnerKind::Phi && O.Kind != OwnerKind::Select)
      continue;
    SmallVector<Value *, 4> Inputs;
    if (auto *Phi = dyn_cast<PHINode>(O.Def))
      Inputs.append(Phi->incoming_values().begin(),
                    Phi->incoming_values().end());
    else
      Inputs = {cast<SelectInst>(O.Def)->getTrueValue(),
                cast<SelectInst>(O.Def)->getFalseValue()};
    for (Value *In : Inputs) {
      if (isNullish(In))
        continue;
      unsigned J = Info.Index.lookup(In);
      Classes.unionSets(I, J);
      Info.Roles[{O.Def, In}] = UseRole::Move;
      if (!is_contained(Info.Owners[J].MovedInto, O.Def))
        Info.Owners[J].MovedInto.push_back(O.Def);
    }
  }
  // A helper that moves an argument into its result (summary flag
  // moved-into-return: the result is that object, or a fresh object owning
  // it): the argument's owner moves into the call's result, like a phi
  // input. An argument this function does not own makes the result
  // undecided: it may be that very object.
  SmallVector<std::pair<unsigned, Value *>, 2> AbsorbsForeign;
  for (unsigned I = 0; I < Info.Owners.size(); ++I) {
    Owner &O = Info.Owners[I];
    if (!O.Site || !O.Site->Helper || !Summaries)
      continue;
    const FunctionSummary *S = Summaries->lookup(O.Site->Helper);
    auto *CB = cast<CallBase>(O.Def);
    if (!S || S->Ret != ReturnKind::FreshOwned)
      continue;
    for (unsigned K = 0; K < CB->arg_size() && K < S->Params.size(); ++K) {
      Value *Arg = CB->getArgOperand(K);
      if (S->Params[K].Flags != PF_MovedIntoReturn || isNullish(Arg))
        continue;
      auto It = Info.Index.find(Arg);
      if (It == Info.Index.end() || Info.Owners[It->second].Root != Arg) {
        AbsorbsForeign.push_back({I, Arg});
        continue;
      }
      unsigned J = It->second;
      Classes.unionSets(I, J);
      Info.Roles[{CB, Arg}] = UseRole::Move;
      if (!is_contained(Info.Owners[J].MovedInto, CB))
        Info.Owners[J].MovedInto.push_back(CB);
    }
  }
  DenseMap<unsigned, unsigned> LeaderToGroup;
  for (unsigned I = 0; I < Info.Owners.size(); ++I) {
    unsigned Leader = Classes.getLeaderValue(I);
    auto [It, New] = LeaderToGroup.try_emplace(Leader, Info.Groups.size());
    if (New)
      Info.Groups.emplace_back();
    Info.Owners[I].Group = It->second;
    Info.Groups[It->second].Members.push_back(I);
  }

  for (auto &[I, Arg] : AbsorbsForeign)
    Info.markUndecided(Info.Owners[I],
                       "may be an argument that is not owned here" +
                           atLine(Info.Owners[I].Def),
                       Info.Owners[I].Def);

  // Merges of owned pointers with foreign ones: every owner involved is
  // lost. Report the merging phi/select itself before what derives from it.
  auto ReportMerges = [&](bool PhisAndSelects) {
    for (Instruction *V : Derived) {
      bool IsMerge = isa<PHINode>(V) || isa<SelectInst>(V);
      if (Info.Index.count(V) || IsMerge != PhisAndSelects)
        continue;
      std::string Why = "derived from a pointer that is not owned here";
      if (IsMerge)
        Why = std::string("merged by a ") +
              (isa<PHINode>(V) ? "phi" : "select") +
              " with a pointer that is not owned here";
      for (Value *O : Bases[V].Owners)
        escape(Info.Index.lookup(O), V, V, Why);
    }
  };
  ReportMerges(true);
  ReportMerges(false);
}

void OwnershipBuilder::addTakes() {
  if (const SlotVectors *SV = Summaries->Shapes->Slots.get())
    for (Instruction &I : instructions(F))
      if (auto *LI = dyn_cast<LoadInst>(&I); LI && SV->isSlotTake(*LI)) {
        SlotTakes.insert(LI);
        OwnerSet.insert(LI);
      }
  // A take's container must be an owner root that is never merged: an
  // allocation, a parameter or another take (these are all known now).
  DenseMap<Instruction *, Value *> Candidates;
  for (Instruction &I : instructions(F))
    if (auto *LI = dyn_cast<LoadInst>(&I))
      if (Value *Root = findTakeContainer(*LI, *Summaries);
          Root && !(KeptParams && isa<Argument>(Root) &&
                    KeptParams->count(cast<Argument>(Root))))
        Candidates[LI] = Root;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (Instruction &I : instructions(F)) {
      auto It = Candidates.find(&I);
      if (It == Candidates.end() || Takes.count(&I) ||
          !OwnerSet.count(It->second))
        continue;
      Takes[&I] = It->second;
      OwnerSet.insert(&I);
      Changed = true;
    }
  }
}

void OwnershipBuilder::addHelperSites() {
  for (const AllocationSite &S : Allocs.Sites)
    Sites[S.Call] = S;
  if (!Summaries)
    return;
  for (Instruction &I : instructions(F)) {
    auto *CB = dyn_cast<CallBase>(&I);
    const Function *Callee = CB ? CB->getCalledFunction() : nullptr;
    const FunctionSummary *S = Callee ? Summaries->lookup(Callee) : nullptr;
    if (!S || S->Ret != ReturnKind::FreshOwned || Sites.count(CB))
      continue;
    AllocationSite Site;
    Site.Call = CB;
    Site.Family = S->RetFamily;
    Site.Helper = Callee;
    Sites[CB] = Site;
  }
}

OwnershipInfo OwnershipBuilder::build() {
  Info.FunctionBailReason = functionBailReason(F);
  addHelperSites();
  for (Instruction &I : instructions(F))
    if (Sites.count(&I))
      OwnerSet.insert(&I);
  for (Argument &A : F.args())
    if (A.getType()->isPointerTy() &&
        (IncludeParams || (Summaries && Summaries->OwningParams.count(&A))))
      OwnerSet.insert(&A);
  if (Summaries && Summaries->Shapes)
    addTakes();
  // New owners change the bases of everything downstream; repeat until no
  // phi/select becomes an owner. Each round adds at least one owner.
  do
    computeBases();
  while (growOwners());
  createOwners();
  for (unsigned I = 0; I < Info.Owners.size(); ++I)
    classifyUses(I);
  if (Summaries && Summaries->Shapes && Summaries->Shapes->Lenders)
    applyStackBorrows(Info, *Summaries->Shapes->Lenders, DT);

  for (Owner &O : Info.Owners) {
    // A parameter's group stays Owned here: summarize() decides what its
    // moves mean (only summaries compute ownership with parameters).
    if (O.Kind == OwnerKind::Parameter)
      continue;
    if (!Info.FunctionBailReason.empty())
      Info.markUndecided(O, Info.FunctionBailReason, nullptr);
    else if (O.Site && O.Site->Family == AllocFamily::Unknown)
      Info.markUndecided(O, "allocator of an unknown family", nullptr);
  }
  for (Owner &O : Info.Owners) {
    OwnerGroup &G = Info.Groups[O.Group];
    if (G.D == Decision::Owned && !O.ReleasedBy.empty()) {
      G.D = Decision::FreedByProgram;
      G.Reason = "released by the program" + atLine(O.ReleasedBy.front());
      G.ReasonAt = O.ReleasedBy.front();
    }
  }
  return std::move(Info);
}

OwnershipInfo
computeOwnership(Function &F, const AllocationInfo &Allocs,
                 const DominatorTree &DT, const ModuleSummaries *Summaries,
                 bool IncludeParams,
                 const SmallPtrSetImpl<const Argument *> *KeptParams) {
  return OwnershipBuilder(F, Allocs, DT, Summaries, IncludeParams, KeptParams)
      .build();
}

} // namespace asap
