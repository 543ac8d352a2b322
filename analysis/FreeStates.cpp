//===- analysis/FreeStates.cpp - Forward release-state dataflow -----------===//
//
// Implementation of the per-object dataflow described in FreeStates.h.
// Effects of each instruction (what it allocates, releases, dereferences or
// lets escape) are computed once per function (FreeStatesEffects.cpp); the
// dataflow here then runs once per allocation site over those effects, to a
// fixpoint in reverse post-order, and a final sweep records double frees and
// uses after free.
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

bool PathCase::operator<(const PathCase &O) const {
  return std::tie(State, ReleasedAt, PrevState, PrevReleasedAt, Facts,
                  Elsewhere, Holds, Flags) <
         std::tie(O.State, O.ReleasedAt, O.PrevState, O.PrevReleasedAt, O.Facts,
                  O.Elsewhere, O.Holds, O.Flags);
}

bool PathCase::operator==(const PathCase &O) const {
  return State == O.State && ReleasedAt == O.ReleasedAt &&
         PrevState == O.PrevState && PrevReleasedAt == O.PrevReleasedAt &&
         Facts == O.Facts && Elsewhere == O.Elsewhere && Holds == O.Holds &&
         Flags == O.Flags;
}

namespace {

/// Past this many cases at a point, facts are dropped (the analysis becomes
/// path-insensitive there) so that the state space stays small.
constexpr size_t MaxCases = 16;
constexpr size_t MaxFactsPerCase = 4;
constexpr unsigned MaxRounds = 64;

bool holds(const SmallVectorImpl<unsigned> &Ids, unsigned Id) {
  return llvm::is_contained(Ids, Id);
}

/// Keeps, of two sorted vectors, the elements both have.
template <typename T>
void intersect(SmallVectorImpl<T> &Into, const SmallVectorImpl<T> &Other) {
  SmallVector<T, 2> Common;
  std::set_intersection(Into.begin(), Into.end(), Other.begin(), Other.end(),
                        std::back_inserter(Common));
  Into.assign(Common.begin(), Common.end());
}

/// Cases with the same object states are merged, keeping only what holds on
/// all their paths (the intersection of their facts): a fact only matters
/// while it separates paths on which the object differs, and a later branch
/// on the same condition records it again. This bounds the cases at a point
/// by the number of distinct states, however many branches were crossed.
void normalize(CaseSet &Cases) {
  auto SameStates = [](const PathCase &A, const PathCase &B) {
    return std::tie(A.State, A.ReleasedAt, A.PrevState, A.PrevReleasedAt) ==
           std::tie(B.State, B.ReleasedAt, B.PrevState, B.PrevReleasedAt);
  };
  std::sort(Cases.begin(), Cases.end());
  CaseSet Merged;
  for (PathCase &C : Cases) {
    if (!Merged.empty() && SameStates(Merged.back(), C)) {
      PathCase &M = Merged.back();
      intersect(M.Facts, C.Facts);
      intersect(M.Elsewhere, C.Elsewhere);
      intersect(M.Holds, C.Holds);
      intersect(M.Flags, C.Flags);
      continue;
    }
    Merged.push_back(std::move(C));
  }
  Cases = std::move(Merged);
  if (Cases.size() <= MaxCases)
    return;
  for (PathCase &C : Cases) {
    C.Facts.clear();
    C.Elsewhere.clear();
    C.Holds.clear();
    C.Flags.clear();
  }
  std::sort(Cases.begin(), Cases.end());
  Cases.erase(std::unique(Cases.begin(), Cases.end()), Cases.end());
}

} // namespace
void FreeStates::Impl::transfer(const Value *Obj, int Idx, CaseSet &Cases,
                                std::vector<MemoryEvent> *Record) const {
  const InstEffects &E = Effects[Idx];
  bool Changed = false;

  for (unsigned Id : E.Invalidates)
    for (PathCase &C : Cases) {
      auto It = llvm::find_if(C.Facts, [&](auto &F) { return F.first == Id; });
      if (It != C.Facts.end()) {
        C.Facts.erase(It);
        Changed = true;
      }
    }

  auto Report = [&](MemoryEvent::EventKind Kind, SmallVector<int, 2> &Earlier) {
    if (!Record || Earlier.empty())
      return;
    llvm::sort(Earlier);
    Earlier.erase(std::unique(Earlier.begin(), Earlier.end()), Earlier.end());
    MemoryEvent Ev;
    Ev.Kind = Kind;
    Ev.Object = Obj;
    Ev.At = (*Insts)[Idx];
    for (int R : Earlier)
      Ev.EarlierReleases.push_back(cast<CallBase>((*Insts)[R]));
    Record->push_back(std::move(Ev));
  };

  // Uses first: a call that both reads a released pointer and lets it escape
  // is a use after free.
  // A case entered the pointer's phi from an edge that carried another value.
  auto ElsewhereOn = [&](const PathCase &C, const PHINode *Via) {
    return Via && holds(C.Elsewhere, PhiIds.lookup(Via));
  };

  const Instruction *At = (*Insts)[Idx];
  // The state of the instance a reference reaches, in one case.
  auto StateOf = [](PathCase &C, Instance Which) {
    return std::pair<ObjectState &, int &>(
        Which == Instance::Previous ? C.PrevState : C.State,
        Which == Instance::Previous ? C.PrevReleasedAt : C.ReleasedAt);
  };

  auto HoldsOn = [&](const PathCase &C, const PHINode *Via) {
    return Via && holds(C.Holds, PhiIds.lookup(Via));
  };
  auto Certain = [](Instance I) {
    return I == Instance::Current || I == Instance::Previous;
  };

  for (unsigned U = 0; U < E.Uses.size(); ++U) {
    if (!E.Uses[U]->mayPointInto(Obj))
      continue;
    Instance Which = strongInstance(*E.Uses[U], Obj, At);
    SmallVector<int, 2> Earlier;
    for (PathCase &C : Cases) {
      Instance CaseWhich = HoldsOn(C, E.UseVia[U]) ? Instance::Current : Which;
      if (!Certain(CaseWhich))
        continue;
      auto [State, ReleasedAt] = StateOf(C, CaseWhich);
      if (State == ObjectState::Released && !ElsewhereOn(C, E.UseVia[U])) {
        Earlier.push_back(ReleasedAt);
        // One report per path: later uses on it are the same bug.
        State = ObjectState::MaybeReleased;
        ReleasedAt = -1;
        Changed = true;
      }
    }
    Report(MemoryEvent::UseAfterFree, Earlier);
  }

  if (E.Releases && E.Releases->mayPointInto(Obj)) {
    Instance Which = strongInstance(*E.Releases, Obj, At);
    bool Strong = Which == Instance::Current || Which == Instance::Previous;
    bool AtStart = llvm::all_of(E.Releases->Bases, [](const PointerBase &B) {
      return B.Offset && *B.Offset == 0;
    });
    SmallVector<int, 2> Earlier;
    for (PathCase &C : Cases) {
      if (ElsewhereOn(C, E.ReleaseVia))
        continue;
      bool Held = E.ReleaseIsPhi && HoldsOn(C, E.ReleaseVia);
      if ((Strong && AtStart) || Held) {
        auto [State, ReleasedAt] = StateOf(C, Held ? Instance::Current : Which);
        if (State == ObjectState::Absent)
          continue;
        if (State == ObjectState::Released)
          Earlier.push_back(ReleasedAt);
        State = ObjectState::Released;
        ReleasedAt = Idx;
        Changed = true;
        continue;
      }
      // It may release this object or another: neither a report nor a
      // leak afterwards.
      for (Instance Inst : {Instance::Current, Instance::Previous}) {
        if (Strong && Inst != Which)
          continue;
        auto [State, ReleasedAt] = StateOf(C, Inst);
        (void)ReleasedAt;
        if (State == ObjectState::Live || State == ObjectState::Escaped) {
          State = ObjectState::MaybeReleased;
          Changed = true;
        }
      }
    }
    Report(MemoryEvent::DoubleFree, Earlier);
  }

  for (const PointerOrigins *Esc : E.Escapes) {
    if (!Esc->mayPointInto(Obj))
      continue;
    for (PathCase &C : Cases) {
      for (ObjectState *State : {&C.State, &C.PrevState})
        if (*State == ObjectState::Live) {
          *State = ObjectState::Escaped;
          Changed = true;
        }
    }
  }

  if (E.Allocates == Obj) {
    // The instance made in the previous iteration is now the older one.
    for (PathCase &C : Cases) {
      C.Holds.clear(); // Phis hold the older instance from now on.
      C.PrevState = C.State;
      C.PrevReleasedAt = C.ReleasedAt;
      C.State = ObjectState::Live;
      C.ReleasedAt = -1;
    }
    Changed = true;
  }

  if (Changed)
    normalize(Cases);
}

CaseSet FreeStates::Impl::edge(const Value *Obj, const Instruction *Term,
                               unsigned Succ, const CaseSet &Cases) const {
  // A branch on a constant (instcombine folds `delete`'s null test of a
  // `new` result to false) never takes the other edge.
  if (const auto *Br = dyn_cast<BranchInst>(Term); Br && Br->isConditional())
    if (const auto *C = dyn_cast<ConstantInt>(Br->getCondition()))
      if (Succ != (C->isOne() ? 0u : 1u))
        return {};
  static const BranchEffects Unconditional;
  auto It = Branches.find(Term);
  const BranchEffects &B = It == Branches.end() ? Unconditional : It->second;
  CaseSet Out = Cases;

  if (B.NullTested && Succ == B.NullSuccessor) {
    const Value *Tested = B.NullTested->singleBase();
    Instance Which = strongInstance(*B.NullTested, Obj, Term);
    if (Which == Instance::Current || Which == Instance::Previous) {
      // The allocation failed (or never happened) on this path: nothing to
      // release, so no leak either.
      for (PathCase &C : Out) {
        (Which == Instance::Previous ? C.PrevState : C.State) =
            ObjectState::Absent;
        (Which == Instance::Previous ? C.PrevReleasedAt : C.ReleasedAt) = -1;
      }
    }
    if (const auto *Realloc = dyn_cast_or_null<CallBase>(Tested);
        Realloc && isReallocCall(*Realloc, TLI)) {
      // A failed realloc leaves its operand allocated: that may be another
      // object, or this site's previous instance (`buf = realloc(buf, n)`
      // in a loop).
      int RIdx = Index.lookup(Realloc);
      for (PathCase &C : Out) {
        if (C.State == ObjectState::Released && C.ReleasedAt == RIdx) {
          C.State = ObjectState::Live;
          C.ReleasedAt = -1;
        }
        if (C.PrevState == ObjectState::Released && C.PrevReleasedAt == RIdx) {
          C.PrevState = ObjectState::Live;
          C.PrevReleasedAt = -1;
        }
      }
    }
  }

  // A branch on a flag phi keeps the cases whose known flag value takes it.
  if (B.FlagTest) {
    const auto *Phi = cast<PHINode>(B.FlagTest->getOperand(0));
    const APInt &Bound =
        cast<ConstantInt>(B.FlagTest->getOperand(1))->getValue();
    unsigned Id = FlagIds.lookup(Phi);
    bool Taken = (Succ == 0) == B.FlagPolarity; // Value of FlagTest here.
    llvm::erase_if(Out, [&](const PathCase &C) {
      auto F = llvm::find_if(C.Flags, [&](auto &P) { return P.first == Id; });
      if (F == C.Flags.end())
        return false;
      APInt Value(Bound.getBitWidth(), F->second, /*isSigned=*/true);
      return ICmpInst::compare(Value, Bound, B.FlagTest->getPredicate()) !=
             Taken;
    });
  }

  // Entering the successor defines its flag phis: their value is the
  // constant of this edge.
  if (!FlagIds.empty()) {
    const BasicBlock *To = Term->getSuccessor(Succ);
    for (const PHINode &Phi : To->phis()) {
      auto Id = FlagIds.find(&Phi);
      if (Id == FlagIds.end())
        continue;
      const auto *In = dyn_cast_or_null<ConstantInt>(
          Phi.getIncomingValueForBlock(Term->getParent()));
      for (PathCase &C : Out) {
        llvm::erase_if(C.Flags, [&](auto &P) { return P.first == Id->second; });
        if (In) {
          C.Flags.push_back({Id->second, In->getSExtValue()});
          llvm::sort(C.Flags);
        }
      }
    }
  }

  // Entering the successor defines its phis: record, per case, the phis
  // whose incoming value on this edge cannot be the object.
  if (!PhiIds.empty()) {
    const BasicBlock *To = Term->getSuccessor(Succ);
    for (const PHINode &Phi : To->phis()) {
      auto Id = PhiIds.find(&Phi);
      // A phi that can never hold the object says nothing about it.
      if (Id == PhiIds.end() || !origins(&Phi).mayPointInto(Obj))
        continue;
      const Value *In = Phi.getIncomingValueForBlock(Term->getParent());
      const PointerOrigins *InOrigins = In ? &origins(In) : nullptr;
      bool Other =
          InOrigins && !InOrigins->mayPointInto(Obj) && !InOrigins->Incomplete;
      bool Exactly =
          InOrigins &&
          strongInstance(*InOrigins, Obj, Term) == Instance::Current &&
          llvm::all_of(InOrigins->Bases, [](const PointerBase &B) {
            return B.Offset && *B.Offset == 0;
          });
      auto Set = [&](SmallVectorImpl<unsigned> &Ids, bool On) {
        auto Pos = llvm::lower_bound(Ids, Id->second);
        bool Present = Pos != Ids.end() && *Pos == Id->second;
        if (On && !Present)
          Ids.insert(Pos, Id->second);
        else if (!On && Present)
          Ids.erase(Pos);
      };
      for (PathCase &C : Out) {
        Set(C.Elsewhere, Other);
        Set(C.Holds, Exactly);
      }
    }
  }

  if (B.CondId >= 0) {
    bool KeyValue = (Succ == 0) == B.Polarity;
    unsigned Id = B.CondId;
    CaseSet Kept;
    for (PathCase &C : Out) {
      auto F = llvm::find_if(C.Facts, [&](auto &P) { return P.first == Id; });
      if (F != C.Facts.end()) {
        if (F->second != KeyValue)
          continue; // Contradicts an earlier test of the same condition.
      } else if (C.Facts.size() < MaxFactsPerCase) {
        C.Facts.push_back({Id, KeyValue});
        llvm::sort(C.Facts);
      }
      if (!rangesConsistent(C.Facts, Id))
        continue; // `n > 3` earlier on this path, `n < 2` now.
      Kept.push_back(std::move(C));
    }
    Out = std::move(Kept);
  }
  normalize(Out);
  return Out;
}

CaseSet FreeStates::Impl::runBlock(const Value *Obj, const BasicBlock *BB,
                                   const Instruction *Stop, bool Inclusive,
                                   std::vector<MemoryEvent> *Record) const {
  auto ObjIt = In.find(Obj);
  if (ObjIt == In.end())
    return {};
  auto BIt = ObjIt->second.find(BB);
  if (BIt == ObjIt->second.end())
    return {};
  CaseSet Cases = BIt->second;
  for (const Instruction &I : *BB) {
    if (&I == Stop && !Inclusive)
      break;
    transfer(Obj, Index.lookup(&I), Cases, Record);
    if (&I == Stop)
      break;
  }
  return Cases;
}

void FreeStates::Impl::solve(const Value *Obj) {
  DenseMap<const BasicBlock *, CaseSet> &Entry = In[Obj];
  PathCase Initial;
  if (isa<Argument>(Obj))
    Initial.State = ObjectState::Live; // The caller's object, allocated.
  Entry[&F.getEntryBlock()] = CaseSet{Initial};
  // Worklist in reverse post-order: a block is revisited only when what
  // enters it changed.
  std::set<unsigned> Work{0};
  size_t Budget = MaxRounds * RPO.size();
  while (!Work.empty() && Budget--) {
    const BasicBlock *BB = RPO[*Work.begin()];
    Work.erase(Work.begin());
    CaseSet Out = runBlock(Obj, BB, nullptr, false, nullptr);
    const Instruction *Term = BB->getTerminator();
    for (unsigned S = 0; S < Term->getNumSuccessors(); ++S) {
      CaseSet EdgeCases = edge(Obj, Term, S, Out);
      if (EdgeCases.empty())
        continue; // Nothing reaches the successor this way.
      CaseSet &Target = Entry[Term->getSuccessor(S)];
      CaseSet Merged = Target;
      Merged.insert(Merged.end(), EdgeCases.begin(), EdgeCases.end());
      normalize(Merged);
      if (Merged != Target) {
        Target = std::move(Merged);
        Work.insert(RPOIndex.lookup(Term->getSuccessor(S)));
      }
    }
  }
}

Instance FreeStates::Impl::instanceAt(const PointerOrigins &O, const Value *Obj,
                                      const Instruction *At) const {
  bool Any = false, Earlier = false, Recent = false;
  for (const PointerBase &B : O.Bases) {
    if (B.Base != Obj)
      continue;
    Any = true;
    (B.EarlierIteration ? Earlier : Recent) = true;
  }
  if (!Any)
    return Instance::None;
  if (!Earlier)
    return Instance::Current;
  if (Recent)
    return Instance::Unknown;
  // Carried around a loop. Once the allocation has run in this iteration
  // (it dominates At: the first arrival at the loop header never passed
  // it), the carried pointer holds the previous instance.
  const auto *Def = cast<Instruction>(Obj); // Only instructions are in loops.
  if (DT.dominates(Def, At))
    return Instance::Previous;
  // After a loop that is only left from its header, it holds the last
  // (current) instance.
  const Loop *L = LI.getLoopFor(Def->getParent());
  while (L && L->getParentLoop())
    L = L->getParentLoop();
  if (L && !L->contains(At)) {
    SmallVector<BasicBlock *, 4> Exiting;
    L->getExitingBlocks(Exiting);
    if (llvm::all_of(Exiting,
                     [&](const BasicBlock *X) { return X == L->getHeader(); }))
      return Instance::Current;
  }
  return Instance::Unknown;
}

FreeStates::FreeStates(const Function &F, const TargetLibraryInfo &TLI,
                       const DominatorTree &DT, const LoopInfo &LI,
                       const CalleeFacts *Callees)
    : P(std::make_unique<Impl>(F, TLI, DT, LI)), Callees(Callees) {
  P->computeEffects(*this, Callees);
  P->computeConditions();
  for (const BasicBlock *BB : ReversePostOrderTraversal<const Function *>(&F)) {
    P->RPOIndex[BB] = P->RPO.size();
    P->RPO.push_back(BB);
  }

  for (const Value *Obj : Objects) {
    P->solve(Obj);
    for (const BasicBlock *BB : P->RPO)
      P->runBlock(Obj, BB, nullptr, false, &Events);
  }

  // Program order of the reported instruction, then of the object; one event
  // per (kind, place, object) however many paths reach it.
  auto Key = [&](const MemoryEvent &E) {
    int ObjectOrder = llvm::find(Objects, E.Object) - Objects.begin();
    return std::make_tuple(P->Index.lookup(E.At), ObjectOrder, int(E.Kind));
  };
  llvm::stable_sort(Events, [&](const MemoryEvent &A, const MemoryEvent &B) {
    return Key(A) < Key(B);
  });
  std::vector<MemoryEvent> Unique;
  for (MemoryEvent &E : Events) {
    if (!Unique.empty() && Key(Unique.back()) == Key(E)) {
      for (const CallBase *R : E.EarlierReleases)
        if (!llvm::is_contained(Unique.back().EarlierReleases, R))
          Unique.back().EarlierReleases.push_back(R);
      continue;
    }
    Unique.push_back(std::move(E));
  }
  Events = std::move(Unique);
}

FreeStates::~FreeStates() = default;

CaseSet FreeStates::before(const Value *Obj, const Instruction *I) const {
  return P->runBlock(Obj, I->getParent(), I, false, nullptr);
}

CaseSet FreeStates::after(const Value *Obj, const Instruction *I) const {
  return P->runBlock(Obj, I->getParent(), I, true, nullptr);
}

CaseSet FreeStates::onEdge(const Value *Obj, const BasicBlock *From,
                           const BasicBlock *To) const {
  CaseSet Out = P->runBlock(Obj, From, nullptr, false, nullptr);
  const Instruction *Term = From->getTerminator();
  CaseSet Result;
  for (unsigned S = 0; S < Term->getNumSuccessors(); ++S)
    if (Term->getSuccessor(S) == To) {
      CaseSet E = P->edge(Obj, Term, S, Out);
      Result.insert(Result.end(), E.begin(), E.end());
    }
  normalize(Result);
  return Result;
}

bool FreeStates::mayBeLive(const CaseSet &Cases, Instance Which) {
  return llvm::any_of(Cases, [&](const PathCase &C) {
    return (Which == Instance::Previous ? C.PrevState : C.State) ==
           ObjectState::Live;
  });
}

Instance FreeStates::instanceAt(const PointerOrigins &Origins, const Value *Obj,
                                const Instruction *At) const {
  return P->instanceAt(Origins, Obj, At);
}

bool FreeStates::isAllocationSite(const Value *V) const {
  return isa<CallBase>(V) && llvm::is_contained(Objects, V);
}

const PointerOrigins &FreeStates::origins(const Value *Ptr) const {
  return P->origins(Ptr);
}

} // namespace asap
