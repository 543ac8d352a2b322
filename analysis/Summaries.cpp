//===- analysis/Summaries.cpp - What functions do with pointers -----------===//
//
// Each function is summarized by running the ownership and last-use
// analyses on it with its pointer parameters as extra owners and its
// callees' current summaries; the roles of the parameters' uses give the
// parameter flags, the owners reaching `ret` give the return kind. Within a
// recursive SCC every member starts optimistic (all parameters borrowed,
// pointer results fresh) and is re-summarized, meeting old and new, until
// nothing changes; the lattice is finite so this terminates.
//
//===----------------------------------------------------------------------===//
#include "analysis/Summaries.h"
#include "analysis/LastUse.h"
#include "analysis/Ownership.h"
#include "analysis/SlotVectors.h"
#include "analysis/StackBorrows.h"

#include "llvm/ADT/SCCIterator.h"
#include "llvm/Analysis/CallGraph.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace asap {

AnalysisKey SummaryAnalysis::Key;

std::string describeParam(const ParamSummary &P) {
  if (!P.IsPointer)
    return "not a pointer";
  if (P.Flags == 0)
    return "borrowed";
  std::string S;
  auto Add = [&](const std::string &Part) {
    S += (S.empty() ? "" : ", ") + Part;
  };
  if (P.Flags & PF_Consumed)
    Add("consumed");
  if (P.Flags & PF_CapturedIntoReturn)
    Add("captured-into-return");
  if (P.Flags & PF_CapturedIntoParam)
    for (unsigned K : P.IntoParams)
      Add("captured-into-param " + std::to_string(K));
  if (P.Flags & PF_MovedIn)
    Add("moved-into-field");
  if (P.Flags & PF_MovedIntoReturn)
    Add("moved-into-return");
  if (P.Flags & PF_Escapes)
    Add("escapes: " + P.Reason);
  return S;
}

namespace {

FunctionSummary optimistic(const Function &F) {
  FunctionSummary S;
  for (const Argument &A : F.args()) {
    ParamSummary P;
    P.IsPointer = A.getType()->isPointerTy();
    S.Params.push_back(P);
  }
  S.Ret = F.getReturnType()->isPointerTy() ? ReturnKind::FreshOwned
                                           : ReturnKind::NotPointer;
  return S;
}

FunctionSummary pessimistic(const Function &F, const std::string &Reason) {
  FunctionSummary S = optimistic(F);
  for (ParamSummary &P : S.Params)
    if (P.IsPointer) {
      P.Flags = PF_Escapes;
      P.Reason = Reason;
    }
  if (S.Ret != ReturnKind::NotPointer) {
    S.Ret = ReturnKind::Unknown;
    S.RetReason = Reason;
  }
  return S;
}

std::string describeEscape(const Instruction *I, const Value *V) {
  if (auto *SI = dyn_cast<StoreInst>(I)) {
    if (auto *GV = dyn_cast<GlobalVariable>(
            SI->getPointerOperand()->stripPointerCasts()))
      return ("stored to global " + GV->getName()).str();
    return "stored to memory";
  }
  if (auto *CB = dyn_cast<CallBase>(I)) {
    if (const Function *F = CB->getCalledFunction())
      return ("passed to '" + F->getName() + "'").str();
    return "passed to an indirect call";
  }
  if (isa<PHINode>(I) || isa<SelectInst>(I))
    return "merged with another pointer";
  return std::string("used by '") + I->getOpcodeName() + "'";
}

} // namespace

static bool isNullish(const Value *V) {
  return isa<ConstantPointerNull>(V) || isa<UndefValue>(V);
}

namespace {

/// The parameter flags of F from the roles of its parameters' uses (S's
/// return kind is left optimistic).
FunctionSummary summarizeParams(Function &F, const LastUseInfo &LU) {
  const OwnershipInfo &O = LU.Ownership;
  FunctionSummary S = optimistic(F);
  for (Argument &A : F.args()) {
    ParamSummary &P = S.Params[A.getArgNo()];
    int Idx = O.ownerIndexOf(&A);
    if (!P.IsPointer || Idx < 0)
      continue;
    const Owner &PO = O.Owners[Idx];
    for (Value *V : PO.Values)
      for (Use &U : V->uses()) {
        auto *UI = dyn_cast<Instruction>(U.getUser());
        if (!UI)
          continue;
        switch (O.roleOf(UI, V)) {
        case UseRole::Alias:
        case UseRole::Borrow:
          break;
        case UseRole::Return:
          P.Flags |= PF_CapturedIntoReturn;
          break;
        case UseRole::Release:
          P.Flags |= PF_Consumed;
          break;
        case UseRole::Move:
          // Into an owning field here, or into a callee that does that.
          if (is_contained(PO.MovedIntoField, UI)) {
            if (!LU.isLiveAfter(unsigned(Idx), UI)) {
              P.Flags |= PF_MovedIn;
              break;
            }
            if (!(P.Flags & PF_Escapes))
              P.Reason = "used after being moved into a field";
            P.Flags |= PF_Escapes;
            break;
          }
          // Into an owner phi/select or a helper's result: checked below.
          if (is_contained(PO.MovedInto, UI)) {
            P.Flags |= PF_MovedIntoReturn;
            break;
          }
          [[fallthrough]];
        case UseRole::Escape: {
          auto *SI = dyn_cast<StoreInst>(UI);
          int Dest = SI && SI->getValueOperand() == V
                         ? O.ownerIndexOf(SI->getPointerOperand())
                         : -1;
          if (Dest >= 0 && O.Owners[Dest].Kind == OwnerKind::Parameter) {
            unsigned K = cast<Argument>(O.Owners[Dest].Root)->getArgNo();
            P.Flags |= PF_CapturedIntoParam;
            if (!is_contained(P.IntoParams, K))
              P.IntoParams.push_back(K);
            break;
          }
          if (!(P.Flags & PF_Escapes))
            P.Reason = describeEscape(UI, V);
          P.Flags |= PF_Escapes;
          break;
        }
        }
      }
    // Moved into a group of owners: the caller may hand the object over only
    // if that group is Owned here (nothing escapes, nothing is used after
    // its move, nothing is released by the program), holds no other
    // parameter, and is returned on some path. On other paths the object
    // is dropped or leaked here; asap-free of this function never releases
    // it (the parameter is foreign there, so the group is undecided).
    if (P.Flags & PF_MovedIntoReturn) {
      const OwnerGroup &G = O.groupOf(PO);
      unsigned Params = 0;
      bool Returned = false;
      for (unsigned M : G.Members) {
        Params += O.Owners[M].Kind == OwnerKind::Parameter;
        Returned |= !O.Owners[M].Returns.empty();
      }
      std::string Why;
      if (G.D != Decision::Owned)
        Why = "moved into an object that is " + decisionName(G.D).str() + ": " +
              G.Reason;
      else if (Params != 1)
        Why = "merged with another parameter";
      else if (!Returned)
        Why = "moved into an object that is not returned";
      if (!Why.empty()) {
        P.Flags &= ~PF_MovedIntoReturn;
        if (!(P.Flags & PF_Escapes))
          P.Reason = Why;
        P.Flags |= PF_Escapes;
      }
    }
  }
  return S;
}

FunctionSummary summarize(Function &F, FunctionAnalysisManager &FAM,
                          const ModuleSummaries &Current) {
  const AllocationInfo &Allocs = FAM.getResult<AllocationSitesAnalysis>(F);
  const DominatorTree &DT = FAM.getResult<DominatorTreeAnalysis>(F);
  // A child moved out of a parameter's object (a take) is the callee's only
  // when the caller hands the whole object over (moved-into-return).
  // Otherwise the caller keeps the container, and the child with it: the
  // load is an alias of the parameter again, so analyse once more with that
  // parameter's fields kept (each round keeps one more parameter).
  SmallPtrSet<const Argument *, 4> Kept;
  std::optional<LastUseInfo> Result;
  FunctionSummary S;
  for (bool Again = true; Again;) {
    OwnershipInfo Own = computeOwnership(F, Allocs, DT, &Current,
                                         /*IncludeParams=*/true, &Kept);
    if (!Own.FunctionBailReason.empty())
      return pessimistic(F, Own.FunctionBailReason);
    Result.emplace(computeLastUse(F, std::move(Own), DT));
    S = summarizeParams(F, *Result);
    Again = false;
    for (const Owner &T : Result->Ownership.Owners) {
      if (T.Kind != OwnerKind::Take)
        continue;
      const Owner &C = Result->Ownership.Owners[T.Container];
      if (C.Kind == OwnerKind::Parameter &&
          S.Params[cast<Argument>(C.Root)->getArgNo()].Flags !=
              PF_MovedIntoReturn)
        Again |= Kept.insert(cast<Argument>(C.Root)).second;
    }
  }
  const OwnershipInfo &O = Result->Ownership;

  if (S.Ret == ReturnKind::NotPointer)
    return S;
  bool First = true;
  auto Merge = [&](ReturnKind K, unsigned Param, AllocFamily Fam,
                   const std::string &Why) {
    if (S.Ret == ReturnKind::Unknown && !First)
      return;
    if (First || (S.Ret == K && S.RetParam == Param && S.RetFamily == Fam)) {
      S.Ret = K;
      S.RetParam = Param;
      S.RetFamily = Fam;
      S.RetReason = Why;
    } else {
      S.Ret = ReturnKind::Unknown;
      S.RetReason = "returns different kinds of pointers";
    }
    First = false;
  };
  for (Instruction &I : instructions(F)) {
    auto *RI = dyn_cast<ReturnInst>(&I);
    if (!RI || !RI->getReturnValue() || isNullish(RI->getReturnValue()))
      continue;
    Value *RV = RI->getReturnValue();
    int Idx = O.ownerIndexOf(RV);
    if (Idx < 0) {
      Merge(ReturnKind::Unknown, 0, AllocFamily::Malloc,
            "returns a pointer it does not own");
      continue;
    }
    const Owner &RO = O.Owners[Idx];
    if (RO.Kind == OwnerKind::Parameter) {
      Merge(ReturnKind::BorrowedFromParam, cast<Argument>(RO.Root)->getArgNo(),
            AllocFamily::Malloc, "");
      continue;
    }
    const OwnerGroup &G = O.groupOf(RO);
    std::optional<AllocFamily> Fam = O.groupFamily(RO);
    // A returned group holding a parameter: fresh only if that parameter is
    // moved into the result (its summary says so, and callers move it in).
    bool ForeignParam = false;
    for (unsigned M : G.Members)
      if (O.Owners[M].Kind == OwnerKind::Parameter)
        ForeignParam |=
            S.Params[cast<Argument>(O.Owners[M].Root)->getArgNo()].Flags !=
            PF_MovedIntoReturn;
    if (ForeignParam)
      Merge(ReturnKind::Unknown, 0, AllocFamily::Malloc,
            "returns an object merged with a parameter");
    else if (RV != RO.Root)
      Merge(ReturnKind::Unknown, 0, AllocFamily::Malloc,
            "returns an interior pointer");
    else if (G.D != Decision::Owned)
      Merge(ReturnKind::Unknown, 0, AllocFamily::Malloc,
            "the returned object is " + decisionName(G.D).str() + ": " +
                G.Reason);
    else if (!Fam || *Fam == AllocFamily::Unknown)
      Merge(ReturnKind::Unknown, 0, AllocFamily::Malloc,
            "returns objects of an unsupported or mixed allocator family");
    else
      Merge(ReturnKind::FreshOwned, 0, *Fam, "");
  }
  // Only null (or no return at all): trivially fresh.
  return S;
}

/// The weaker of two summaries (the meet in the lattice).
FunctionSummary meet(const FunctionSummary &A, const FunctionSummary &B) {
  FunctionSummary R = A;
  for (unsigned I = 0; I < R.Params.size(); ++I) {
    ParamSummary &P = R.Params[I];
    const ParamSummary &Q = B.Params[I];
    if (!(P.Flags & PF_Escapes) && (Q.Flags & PF_Escapes))
      P.Reason = Q.Reason;
    P.Flags |= Q.Flags;
    for (unsigned K : Q.IntoParams)
      if (!is_contained(P.IntoParams, K))
        P.IntoParams.push_back(K);
  }
  if (A.Ret != B.Ret || A.RetParam != B.RetParam ||
      A.RetFamily != B.RetFamily) {
    R.Ret = ReturnKind::Unknown;
    R.RetReason = B.Ret == ReturnKind::Unknown
                      ? B.RetReason
                      : "differs between recursive calls";
  }
  return R;
}

} // namespace

/// Every field that the points-to graph alone allows to be owning.
static void findCandidateFields(ShapeInfo &Sh) {
  const PointsToGraph &G = *Sh.Graph;
  for (unsigned N : G.nodesWithFields()) {
    if (G.sites(N).empty() || G.isEscaped(N) || G.isCollapsed(N))
      continue;
    if (G.strideOf(N)) {
      // Array elements: owned only in a push-only vector (SlotVectors.h).
      for (auto &[Off, T] : G.fields(N))
        Sh.NotOwning[{N, Off}] = "an array element";
      continue;
    }
    for (auto &[Off, T] : G.fields(N)) {
      std::string Why;
      if (G.isStack(N))
        Why = "the object may be on the stack";
      else if (G.isEscaped(T))
        Why = "the pointee escapes: " + G.escapeReason(T);
      else if (G.sites(T).empty())
        Why = "the pointee is not a heap object";
      else if (G.isStack(T))
        Why = "the pointee may be on the stack";
      else if (G.isReleasedByProgram(T))
        Why = "the program releases the pointee itself";
      else if (G.isClobbered(N))
        Why = "the object is written byte-wise by a library call";
      else if (any_of(G.sites(N), [](const AllocationSite &S) {
                 return S.Reallocated != nullptr;
               }))
        // asap-free nulls owning fields at each allocation; a realloc keeps
        // old fields and leaves new bytes uninitialized.
        Why = "the object is reallocated";
      else if (G.overlapsRawAccess(N, Off, 8))
        Why = "the field is also accessed as non-pointer data";
      else if (any_of(G.sites(T), [](const AllocationSite &S) {
                 return S.Family != AllocFamily::Malloc;
               }))
        Why = "the pointee is not from the malloc family";
      if (Why.empty())
        Sh.Owning.insert({N, Off});
      else
        Sh.NotOwning[{N, Off}] = Why;
    }
  }
}

/// F's ownership and last uses as asap-free sees them with the summaries S
/// (or, with IncludeParams, as when summarizing F).
static LastUseInfo analyseWith(Function &F, FunctionAnalysisManager &FAM,
                               const ModuleSummaries &S,
                               bool IncludeParams = false) {
  const DominatorTree &DT = FAM.getResult<DominatorTreeAnalysis>(F);
  return computeLastUse(
      F,
      computeOwnership(F, FAM.getResult<AllocationSitesAnalysis>(F), DT, &S,
                       IncludeParams),
      DT);
}

namespace {
/// F's ownership with its parameters as owners (as when summarizing), built
/// on first use. An object that F's own ownership leaves undecided only
/// because it may be a parameter that F's callers move in (moved-into-return:
/// a helper result absorbing it) is still exclusively F's: its group is
/// Owned here and every parameter in it is summarized as moved in.
class MovedInParamView {
public:
  MovedInParamView(Function &F, FunctionAnalysisManager &FAM,
                   const ModuleSummaries &S)
      : F(F), FAM(FAM), S(S) {}
  bool ownsMovedIn(const Value *V) {
    // Callers outside the module would not know they hand the object over.
    const Function *Main = F.getParent()->getFunction("main");
    bool Closed = F.hasLocalLinkage() || (Main && !Main->isDeclaration());
    const FunctionSummary *FS = S.lookup(&F);
    if (!FS || !Closed)
      return false;
    if (!LU)
      LU = analyseWith(F, FAM, S, /*IncludeParams=*/true);
    const OwnershipInfo &O = LU->Ownership;
    if (!O.FunctionBailReason.empty())
      return false;
    int Idx = O.ownerIndexOf(V);
    if (Idx < 0 || O.Owners[Idx].Root != V ||
        O.Owners[Idx].Kind == OwnerKind::Parameter)
      return false;
    const OwnerGroup &G = O.groupOf(O.Owners[Idx]);
    if (G.D != Decision::Owned)
      return false;
    for (unsigned M : G.Members)
      if (const Owner &Member = O.Owners[M];
          Member.Kind == OwnerKind::Parameter &&
          FS->Params[cast<Argument>(Member.Root)->getArgNo()].Flags !=
              PF_MovedIntoReturn)
        return false;
    return true;
  }

private:
  Function &F;
  FunctionAnalysisManager &FAM;
  const ModuleSummaries &S;
  std::optional<LastUseInfo> LU;
};
} // namespace

/// Removes owning fields that some store fills with something other than a
/// moved, owned object. Returns whether any was removed.
static bool demoteUnverifiedFields(Module &M, FunctionAnalysisManager &FAM,
                                   const ModuleSummaries &S) {
  ShapeInfo &Sh = *S.Shapes;
  bool Changed = false;
  // Parameters summarized as moved in: every call site must pass null or an
  // Owned owner that moves there. Collect the call sites that do not.
  std::map<std::pair<const Function *, unsigned>, std::string> BadCallers;
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    LastUseInfo LU = analyseWith(F, FAM, S);
    const OwnershipInfo &O = LU.Ownership;
    MovedInParamView WithParams(F, FAM, S);
    for (Instruction &I : instructions(F)) {
      auto *CB = dyn_cast<CallBase>(&I);
      const Function *Callee = CB ? CB->getCalledFunction() : nullptr;
      const FunctionSummary *FS = Callee ? S.lookup(Callee) : nullptr;
      if (!FS)
        continue;
      for (unsigned K = 0; K < CB->arg_size() && K < FS->Params.size(); ++K) {
        Value *V = CB->getArgOperand(K);
        if (FS->Params[K].Flags != PF_MovedIn || isNullish(V))
          continue;
        int Idx = O.ownerIndexOf(V);
        if (Idx < 0 || O.Owners[Idx].Root != V)
          BadCallers[{Callee, K}] = "a caller (" + F.getName().str() +
                                    ") passes a pointer it does not own";
        else if (O.groupOf(O.Owners[Idx]).D != Decision::Owned &&
                 !WithParams.ownsMovedIn(V))
          BadCallers[{Callee, K}] =
              "a caller (" + F.getName().str() + ") passes an object that is " +
              decisionName(O.groupOf(O.Owners[Idx]).D).str() + ": " +
              O.groupOf(O.Owners[Idx]).Reason;
      }
    }
  }
  // Only a whole program (it defines main) or internal functions have no
  // callers we cannot see.
  const Function *Main = M.getFunction("main");
  bool WholeProgram = Main && !Main->isDeclaration();
  for (Function &F : M) {
    bool Closed = WholeProgram || F.hasLocalLinkage();
    if (F.isDeclaration())
      continue;
    LastUseInfo LU = analyseWith(F, FAM, S);
    const OwnershipInfo &O = LU.Ownership;
    MovedInParamView WithParams(F, FAM, S);
    for (Instruction &I : instructions(F)) {
      auto *SI = dyn_cast<StoreInst>(&I);
      if (!SI || !SI->getValueOperand()->getType()->isPointerTy() ||
          isNullish(SI->getValueOperand()) ||
          !Sh.isOwningField(SI->getPointerOperand()) ||
          (Sh.Slots && Sh.Slots->isSlotMove(*SI)))
        continue;
      Value *V = SI->getValueOperand();
      int Idx = O.ownerIndexOf(V);
      std::string Why;
      if (auto *A = dyn_cast<Argument>(V)) {
        // A constructor storing its parameter: every caller must move an
        // owned object (or null) in; see movedInParamsVerified.
        const FunctionSummary *FS = S.lookup(&F);
        if (!FS || FS->Params[A->getArgNo()].Flags != PF_MovedIn)
          Why = "stores a parameter that is not moved in";
        else if (!Closed)
          Why = "stores a parameter of a function callers outside the "
                "module may call";
        else if (auto It = BadCallers.find({&F, A->getArgNo()});
                 It != BadCallers.end())
          Why = It->second;
      } else if (Idx < 0 || O.Owners[Idx].Root != V)
        Why = "stores a pointer that is not an owned object";
      else if (O.groupOf(O.Owners[Idx]).D != Decision::Owned &&
               !WithParams.ownsMovedIn(V))
        Why = "stores an object that is " +
              decisionName(O.groupOf(O.Owners[Idx]).D).str() + ": " +
              O.groupOf(O.Owners[Idx]).Reason;
      else if (O.roleOf(SI, V) != UseRole::Move)
        Why = "stores an object that is not moved there";
      if (Why.empty())
        continue;
      std::string Where = F.getName().str();
      if (const DebugLoc &DL = SI->getDebugLoc())
        Where += " line " + std::to_string(DL.getLine());
      Sh.demote(SI->getPointerOperand(), Why + " (in " + Where + ")");
      Changed = true;
    }
  }
  // A function that moves slots reaches the container through a parameter
  // it must not release (its holes would be dropped with it).
  if (Sh.Slots)
    for (const SlotVector &V : Sh.Slots->vectors())
      for (auto &[F, Param] : V.Movers) {
        const FunctionSummary *FS = S.lookup(F);
        bool Consumed = S.OwningParams.count(Param) ||
                        (FS && Param->getArgNo() < FS->Params.size() &&
                         (FS->Params[Param->getArgNo()].Flags &
                          (PF_MovedIn | PF_MovedIntoReturn)));
        if (Consumed && V.Elements.count(0)) {
          Sh.Slots->demote(unsigned(&V - Sh.Slots->vectors().data()), 0,
                           F->getName().str() +
                               " moves slots of a container it takes over");
          Changed = true;
        }
      }
  return Changed;
}

static void computeSummariesOnly(Module &M, FunctionAnalysisManager &FAM,
                                 ModuleSummaries &Result);

/// Finds ModuleSummaries::OwningParams: optimistic start with every
/// moved-into-return parameter of a function that only direct calls inside
/// the module reach, then removes a parameter when some call passes
/// anything but null or a malloc-family object the caller owns (its group,
/// which the call's result joins, is Owned: not used after the call, not
/// escaping). Callers' ownership depends on the owning parameters (a child
/// taken out of an owning parameter is owned), so repeat until nothing is
/// removed: the greatest fixpoint, sound by induction on the call depth
/// (the outermost call passes an object its caller really owns).
static void findOwningParams(Module &M, FunctionAnalysisManager &FAM,
                             ModuleSummaries &S) {
  const Function *Main = M.getFunction("main");
  bool WholeProgram = Main && !Main->isDeclaration();
  for (Function &F : M) {
    const FunctionSummary *FS = S.lookup(&F);
    if (!FS || !(WholeProgram || F.hasLocalLinkage()) ||
        any_of(F.uses(), [](const Use &U) {
          auto *CB = dyn_cast<CallBase>(U.getUser());
          return !CB || !CB->isCallee(&U);
        }))
      continue;
    for (Argument &A : F.args())
      if (FS->Params[A.getArgNo()].Flags == PF_MovedIntoReturn)
        S.OwningParams[&A] = AllocFamily::Malloc;
  }
  for (bool Changed = true; Changed && !S.OwningParams.empty();) {
    Changed = false;
    for (Function &F : M) {
      if (F.isDeclaration())
        continue;
      std::optional<LastUseInfo> LU;
      for (Instruction &I : instructions(F)) {
        auto *CB = dyn_cast<CallBase>(&I);
        Function *Callee = CB ? CB->getCalledFunction() : nullptr;
        if (!Callee)
          continue;
        for (Argument &A : Callee->args()) {
          if (!S.OwningParams.count(&A) || A.getArgNo() >= CB->arg_size())
            continue;
          Value *V = CB->getArgOperand(A.getArgNo());
          if (isNullish(V))
            continue;
          if (!LU)
            LU = analyseWith(F, FAM, S);
          const OwnershipInfo &O = LU->Ownership;
          int Idx = O.ownerIndexOf(V);
          if (Idx >= 0 && O.Owners[Idx].Root == V &&
              O.groupOf(O.Owners[Idx]).D == Decision::Owned &&
              O.groupFamily(O.Owners[Idx]) == AllocFamily::Malloc)
            continue;
          S.OwningParams.erase(&A);
          Changed = true;
        }
      }
    }
  }
}

ModuleSummaries computeSummaries(Module &M, FunctionAnalysisManager &FAM) {
  ModuleSummaries Result;
  Result.Shapes = std::make_shared<ShapeInfo>();
  Result.Shapes->Graph = std::make_unique<PointsToGraph>(M, FAM);
  Result.Shapes->Slots =
      std::make_shared<SlotVectors>(M, *Result.Shapes->Graph);
  Result.Shapes->Graph->finish(Result.Shapes->Slots->exemptCopies());
  Result.Shapes->Slots->checkEscapes(*Result.Shapes->Graph);
  Result.Shapes->Lenders =
      std::make_shared<StackBorrows>(M, *Result.Shapes->Graph);
  findCandidateFields(*Result.Shapes);
  // Optimistic start: every candidate field owning. Summaries and owning
  // fields depend on each other; recompute both until no field is demoted.
  // Each round removes at least one field, so this terminates.
  do
    computeSummariesOnly(M, FAM, Result);
  while (demoteUnverifiedFields(M, FAM, Result));
  findOwningParams(M, FAM, Result);
  return Result;
}

/// A body the linked program is sure to run. Besides exact definitions,
/// linkonce_odr/weak_odr ones (C++ inline functions, templates, implicit
/// constructors): another translation unit may supply the copy that is
/// kept, but the one definition rule makes every copy the same source, and
/// no optimization of a copy can add a free, a store or a capture of a
/// pointer that the source does not have.
static bool hasSummarizableBody(const Function &F) {
  return !F.isDeclaration() &&
         (F.hasExactDefinition() || F.hasLinkOnceODRLinkage() ||
          F.hasWeakODRLinkage());
}

static void computeSummariesOnly(Module &M, FunctionAnalysisManager &FAM,
                                 ModuleSummaries &Result) {
  Result.Map.clear();
  CallGraph CG(M);
  for (scc_iterator<CallGraph *> It = scc_begin(&CG); !It.isAtEnd(); ++It) {
    SmallVector<Function *, 4> Members;
    for (CallGraphNode *N : *It)
      if (Function *F = N->getFunction(); F && hasSummarizableBody(*F))
        Members.push_back(F);
    for (Function *F : Members)
      Result.Map[F] = optimistic(*F);
    // The first round replaces the optimistic start; after it each round can
    // only weaken a summary, and the lattice height bounds the rounds.
    bool FirstRound = true;
    for (bool Changed = true; Changed; FirstRound = false) {
      Changed = false;
      for (Function *F : Members) {
        FunctionSummary Computed = summarize(*F, FAM, Result);
        FunctionSummary New =
            FirstRound ? Computed : meet(Result.Map[F], Computed);
        if (New != Result.Map[F]) {
          Result.Map[F] = std::move(New);
          Changed = true;
        }
      }
    }
  }
}

ModuleSummaries SummaryAnalysis::run(Module &M, ModuleAnalysisManager &MAM) {
  return computeSummaries(
      M, MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager());
}

void ModuleSummaries::print(raw_ostream &OS, const Module &M) const {
  for (const Function &F : M) {
    const FunctionSummary *S = lookup(&F);
    if (!S)
      continue;
    OS << "summary " << F.getName() << ": returns ";
    switch (S->Ret) {
    case ReturnKind::NotPointer:
      OS << "no pointer";
      break;
    case ReturnKind::FreshOwned:
      OS << "fresh-owned family=" << familyName(S->RetFamily);
      break;
    case ReturnKind::BorrowedFromParam:
      OS << "borrowed-from-param " << S->RetParam;
      break;
    case ReturnKind::Unknown:
      OS << "unknown: " << S->RetReason;
      break;
    }
    OS << "\n";
    for (const Argument &A : F.args()) {
      const ParamSummary &P = S->Params[A.getArgNo()];
      if (!P.IsPointer)
        continue;
      OS << "  param " << A.getArgNo();
      if (A.hasName())
        OS << " %" << A.getName();
      OS << ": " << describeParam(P);
      if (OwningParams.count(&A))
        OS << "; owned by the callee";
      OS << "\n";
    }
  }
}

} // namespace asap
