//===- analysis/SlotMovesPaths.cpp - Paths and loops of SlotMoves ----------===//
//
// Blocks are visited in reverse post-order; each carries the states of the
// paths reaching it, pruned when the solver finds the path infeasible.
// Paths are merged only at loop headers, into one state that must hold on
// entry and after each iteration up to the header phis (enterLoop,
// checkBackedge), with Houdini candidates for the loop invariants: a
// candidate that fails after an iteration is dropped and the function is
// walked again.
//
//===----------------------------------------------------------------------===//
#include "analysis/SlotMovesImpl.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace asap {
namespace slotmoves {

void Verifier::bindPhis(State &S, const BasicBlock &B) {
  std::vector<std::pair<const PHINode *, std::optional<z3::expr>>> Ints;
  std::vector<std::pair<const PHINode *, int>> Ptrs;
  for (const PHINode &P : B.phis()) {
    const Value *In = P.getIncomingValueForBlock(S.From);
    if (P.getType()->isIntegerTy())
      Ints.push_back({&P, term(S, In)});
    else if (auto It = S.Names.find(In); It != S.Names.end())
      Ptrs.push_back({&P, int(It->second)});
    else
      Ptrs.push_back({&P, -1});
  }
  for (auto &[P, E] : Ints)
    S.Env.insert_or_assign(P, *E);
  for (auto &[P, T] : Ptrs)
    if (T >= 0)
      S.Names[P] = unsigned(T);
    else
      S.Names.erase(P);
}

void Verifier::branch(const State &S, const BasicBlock &B,
                      const BasicBlock &To, const z3::expr &Cond) {
  State N = S;
  N.Path = (S.Path && Cond).simplify();
  if (!Cond.is_true() && !feasible(N.Path))
    return;
  N.From = &B;
  if (isBackedge(B, To)) {
    checkBackedge(N, To);
    return;
  }
  std::vector<State> &In = Incoming[&To];
  if (In.size() >= MaxPaths) {
    reject("has too many paths to check");
    return;
  }
  In.push_back(std::move(N));
}

void Verifier::runBlock(const BasicBlock &B, State S) {
  if (S.From && !Headers.count(&B))
    bindPhis(S, B);
  for (const Instruction &I : B) {
    if (!Why.empty())
      return;
    if (isa<PHINode>(I))
      continue;
    if (auto *Br = dyn_cast<BranchInst>(&I)) {
      if (Br->isUnconditional())
        return branch(S, B, *Br->getSuccessor(0), Ctx.bool_val(true));
      z3::expr C = term(S, Br->getCondition());
      if (Br->getSuccessor(0) == Br->getSuccessor(1))
        return branch(S, B, *Br->getSuccessor(0), Ctx.bool_val(true));
      branch(S, B, *Br->getSuccessor(0), C);
      return branch(S, B, *Br->getSuccessor(1), !C);
    }
    if (auto *Sw = dyn_cast<SwitchInst>(&I)) {
      z3::expr V = term(S, Sw->getCondition());
      std::map<const BasicBlock *, z3::expr> To;
      z3::expr Default = Ctx.bool_val(true);
      for (auto &Case : Sw->cases()) {
        z3::expr Eq = V == term(S, Case.getCaseValue());
        Default = Default && !Eq;
        auto It = To.find(Case.getCaseSuccessor());
        if (It == To.end())
          To.insert({Case.getCaseSuccessor(), Eq});
        else
          It->second = It->second || Eq;
      }
      auto D = To.find(Sw->getDefaultDest());
      if (D == To.end())
        To.insert({Sw->getDefaultDest(), Default});
      else
        D->second = D->second || Default;
      for (auto &[Succ, C] : To)
        branch(S, B, *Succ, C);
      return;
    }
    if (auto *RI = dyn_cast<ReturnInst>(&I)) {
      stepReturn(S, *RI);
      return;
    }
    if (isa<UnreachableInst>(I))
      return;
    if (I.isTerminator()) {
      reject(std::string("ends a block with '") + I.getOpcodeName() + "'" +
             lineOf(&I));
      return;
    }
    if (!step(S, I))
      return;
  }
}

bool Verifier::enterLoop(const BasicBlock &B, std::vector<State> &States,
                         State &H) {
  auto Same = [](const z3::expr &A, const z3::expr &B) {
    return z3::eq(A.simplify(), B.simplify());
  };
  auto SameSet = [&](const std::vector<Guarded> &A,
                     const std::vector<Guarded> &B) {
    if (A.size() != B.size())
      return false;
    for (unsigned I = 0; I < A.size(); ++I)
      if (!Same(A[I].At, B[I].At) || !Same(A[I].If, B[I].If))
        return false;
    return true;
  };
  H = States[0];
  for (unsigned K = 1; K < States.size(); ++K) {
    const State &S = States[K];
    bool HandSame = S.Hand.size() == H.Hand.size();
    for (unsigned I = 0; HandSame && I < S.Hand.size(); ++I)
      HandSame = S.Hand[I].first == H.Hand[I].first &&
                 Same(S.Hand[I].second, H.Hand[I].second);
    if (!Same(S.Count, H.Count) || !SameSet(S.Holes, H.Holes) ||
        !SameSet(S.Loose, H.Loose) || !HandSame)
      return reject("enters a loop with different vector states");
    H.Path = H.Path || S.Path;
    for (auto It = H.Env.begin(); It != H.Env.end();) {
      auto O = S.Env.find(It->first);
      It = O != S.Env.end() && Same(O->second, It->second) ? std::next(It)
                                                           : H.Env.erase(It);
    }
    for (auto It = H.Fields.begin(); It != H.Fields.end();) {
      auto O = S.Fields.find(It->first);
      It = O != S.Fields.end() && Same(O->second, It->second)
               ? std::next(It)
               : H.Fields.erase(It);
    }
    for (const Value *Buf : SmallVector<const Value *, 4>(H.Buffers.begin(),
                                                         H.Buffers.end()))
      if (!S.Buffers.count(Buf))
        H.Buffers.erase(Buf);
    for (auto &[V, T] : DenseMap<const Value *, unsigned>(H.Names))
      if (S.Names.lookup(V) != T || !S.Names.count(V))
        H.Names.erase(V);
  }
  Header &Hd = Headers.try_emplace(&B, Header{State(Ctx), {}, {}, false}).first->second;
  Hd.Vars.clear();
  Hd.Candidates.clear();
  // A loop that calls a writer of the vector (push, pop) keeps only what
  // the invariant says about the vector across iterations.
  Hd.Havoc = false;
  if (const Loop *Lp = Loops.getLoopFor(&B))
    for (const BasicBlock *BB : Lp->blocks())
      for (const Instruction &I : *BB)
        if (auto *CB = dyn_cast<CallBase>(&I);
            CB && !isa<DbgInfoIntrinsic>(CB) && !isRefillCall(*CB) &&
            needsInvariant(*CB))
          Hd.Havoc = true;
  if (Hd.Havoc) {
    for (State &S : States)
      if (!checkInvariant(S, "on entry to a loop that calls a writer"))
        return false;
    H.Count = Ctx.bv_const(("h" + std::to_string(Fresh++)).c_str(), CountBits);
    H.Path = H.Path && z3::sge(H.Count, Ctx.bv_val(0, CountBits));
    H.Holes.clear();
    H.Loose.clear();
    H.Buffers.clear();
  }
  H.Path = H.Path.simplify();
  H.From = nullptr;
  H.Fields.clear(); // The body may store to them for the next iteration.
  // Header phis become variables; a hole at a phi's entry value moves with
  // the phi (`i = c` at the end of a sift loop).
  std::vector<std::vector<z3::expr>> EntryTerms;
  for (const PHINode &P : B.phis()) {
    std::vector<z3::expr> Terms;
    for (State &S : States) {
      const Value *In = P.getIncomingValueForBlock(S.From);
      if (!P.getType()->isIntegerTy()) {
        if (S.Names.count(In))
          return reject("carries an element taken from a slot around a loop");
        continue;
      }
      Terms.push_back(term(S, In));
    }
    if (!P.getType()->isIntegerTy()) {
      H.Names.erase(&P);
      continue;
    }
    z3::expr Var = fresh(P.getType());
    H.Env.insert_or_assign(&P, Var);
    Hd.Vars.push_back({&P, Var});
    EntryTerms.push_back(Terms);
    bool OneEntry = all_of(Terms, [&](const z3::expr &T) {
      return Same(T, Terms[0]);
    });
    if (!OneEntry || Var.is_bool())
      continue;
    z3::expr E = wide(Terms[0]).simplify(), V = wide(Var);
    for (std::vector<Guarded> *Set : {&H.Holes, &H.Loose})
      for (Guarded &G : *Set)
        if (z3::eq(G.At.simplify(), E))
          G.At = V;
  }
  // Houdini candidates, kept if they hold on every entry.
  std::vector<std::pair<std::string, z3::expr>> Cands;
  for (unsigned K = 0; K < Hd.Vars.size(); ++K) {
    const z3::expr &Var = Hd.Vars[K].second;
    if (Var.is_bool())
      continue;
    std::string N = std::to_string(K);
    Cands.push_back(
        {"nonneg" + N, z3::sge(Var, Ctx.bv_val(0, Var.get_sort().bv_size()))});
    Cands.push_back({"below" + N, z3::slt(wide(Var), wide(H.Count))});
    Cands.push_back({"upto" + N, z3::sle(wide(Var), wide(H.Count))});
  }
  for (unsigned K = 0; K < H.Holes.size(); ++K)
    Cands.push_back({"hole" + std::to_string(K),
                     z3::implies(H.Holes[K].If, inRange(H, H.Holes[K].At))});
  std::set<std::string> &Off = Disabled[&B];
  for (auto &[Key, C] : Cands) {
    if (Off.count(Key))
      continue;
    bool Holds = true;
    for (unsigned S = 0; Holds && S < States.size(); ++S) {
      z3::expr_vector Src(Ctx), Dst(Ctx);
      for (unsigned K = 0; K < Hd.Vars.size(); ++K) {
        Src.push_back(Hd.Vars[K].second);
        Dst.push_back(EntryTerms[K][S]);
      }
      z3::expr Inst = z3::expr(C).substitute(Src, Dst);
      Holds = proves(States[S], Inst);
    }
    if (!Holds) {
      Off.insert(Key);
      continue;
    }
    Hd.Candidates.push_back({Key, C});
    H.Path = H.Path && C;
  }
  Hd.H = H;
  return Why.empty();
}

bool Verifier::checkBackedge(State &S, const BasicBlock &To) {
  auto It = Headers.find(&To);
  if (It == Headers.end())
    return reject("has a loop this check cannot follow");
  const Header &Hd = It->second;
  const State &H = Hd.H;
  z3::expr_vector Src(Ctx), Dst(Ctx);
  for (auto &[P, Var] : Hd.Vars) {
    Src.push_back(Var);
    Dst.push_back(term(S, P->getIncomingValueForBlock(S.From)));
  }
  for (const PHINode &P : To.phis())
    if (!P.getType()->isIntegerTy() &&
        S.Names.count(P.getIncomingValueForBlock(S.From)))
      return reject("carries an element taken from a slot around a loop");
  auto Sub = [&](const z3::expr &E) { return z3::expr(E).substitute(Src, Dst); };
  if (Hd.Havoc && !checkInvariant(S, "at the end of a loop that calls a writer"))
    return false;
  if (!Hd.Havoc && !proves(S, S.Count == Sub(H.Count)))
    return reject("changes the counter in a loop");
  for (const Guarded &Ho : S.Holes) {
    z3::expr Covered = Ctx.bool_val(false);
    for (const Guarded &HH : H.Holes)
      Covered = Covered || (Sub(HH.If) && Sub(HH.At) == Ho.At);
    if (!proves(S, z3::implies(Ho.If && inRange(S, Ho.At), Covered)))
      return reject("leaves a hole in a loop where the next iteration does "
                    "not expect one");
  }
  for (const Guarded &HL : H.Loose) {
    z3::expr Covered = Ctx.bool_val(false);
    for (const Guarded &Lo : S.Loose)
      Covered = Covered || (Lo.If && Lo.At == Sub(HL.At));
    if (!proves(S, z3::implies(Sub(HL.If), Covered)))
      return reject("uses up in a loop an element the next iteration expects");
  }
  for (auto &[T, Guard] : H.Hand) {
    auto Own = find_if(S.Hand, [&, T = T](auto &P) { return P.first == T; });
    if (Own == S.Hand.end() || !proves(S, z3::implies(Sub(Guard), Own->second)))
      return reject("uses up in a loop an element taken before it");
  }
  for (const Value *Buf : H.Buffers)
    if (!S.Buffers.count(Buf))
      return reject("regrows the buffer in a loop");
  for (auto &[Key, C] : Hd.Candidates)
    if (!proves(S, Sub(C)) && Why.empty()) {
      Disabled[&To].insert(Key);
      Again = true;
    }
  return Why.empty();
}

std::string Verifier::run() {
  if (std::string W = classify(); !W.empty())
    return W;
  ReversePostOrderTraversal<Function *> RPOT(&F);
  std::vector<const BasicBlock *> Order(RPOT.begin(), RPOT.end());
  DenseMap<const BasicBlock *, unsigned> Pos;
  for (unsigned I = 0; I < Order.size(); ++I)
    Pos[Order[I]] = I;
  for (const BasicBlock *B : Order)
    for (const BasicBlock *P : predecessors(B))
      if (Pos.count(P) && Pos[P] >= Pos[B] && !DT.dominates(B, P))
        return "has irreducible control flow";
  for (unsigned Pass = 0; Pass < MaxPasses; ++Pass) {
    Again = false;
    Incoming.clear();
    Headers.clear();
    TakeOK.clear();
    Facts.Moves.clear();
    Fresh = NextToken = 0;
    State Entry(Ctx);
    Entry.Count = Ctx.bv_const("count", CountBits);
    Entry.Path = z3::sge(Entry.Count, Ctx.bv_val(0, CountBits));
    Incoming[Order[0]].push_back(Entry);
    for (const BasicBlock *B : Order) {
      auto In = Incoming.find(B);
      if (In == Incoming.end() || In->second.empty())
        continue;
      std::vector<State> States = std::move(In->second);
      Incoming.erase(In);
      bool IsHeader = any_of(predecessors(B), [&](const BasicBlock *P) {
        return DT.dominates(B, P);
      });
      if (IsHeader) {
        State H(Ctx);
        if (!enterLoop(*B, States, H))
          return Why;
        States.clear();
        States.push_back(H);
      }
      for (State &S : States)
        runBlock(*B, S);
      if (!Why.empty())
        return Why;
    }
    if (!Again) {
      Facts.Container = dyn_cast<Argument>(Q);
      for (auto &[LI, OK] : TakeOK)
        if (OK)
          Facts.Takes.insert(LI);
      return "";
    }
  }
  return "its loop invariants do not settle";
}

} // namespace slotmoves
} // namespace asap
