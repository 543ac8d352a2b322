//===- analysis/SlotMovesImpl.h - SlotMoves' symbolic executor -*- C++ -*-===//
//
// Private to SlotMoves*.cpp: the path state and the Verifier class, whose
// transfer functions live in SlotMoves.cpp, integer terms in
// SlotMovesTerms.cpp and the walk over paths and loops in
// SlotMovesPaths.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_SLOTMOVESIMPL_H
#define ASAP_ANALYSIS_SLOTMOVESIMPL_H

#include "analysis/Shapes.h"
#include "analysis/SlotMoves.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/Constants.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#include <z3++.h>

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace asap {
namespace slotmoves {

using namespace llvm;

constexpr unsigned MaxPaths = 32;     // States reaching one block.
constexpr unsigned MaxQueries = 4000; // Solver calls for one function.
constexpr unsigned MaxPasses = 6;     // Houdini rounds.
constexpr unsigned MaxSeconds = 10;   // For one function, all passes.

/// A slot that is a hole (or loose) when If holds.
struct Guarded {
  z3::expr At, If;
};

struct State {
  explicit State(z3::context &C)
      : Path(C.bool_val(true)), Count(C.bv_val(0, 64)) {}
  const BasicBlock *From = nullptr;
  z3::expr Path;
  z3::expr Count; ///< At the counter's own width.
  std::vector<Guarded> Holes, Loose;
  /// Elements in hand: token -> when the load really took one.
  std::vector<std::pair<unsigned, z3::expr>> Hand;
  DenseMap<const Value *, unsigned> Names; ///< Taking loads -> token.
  std::map<const Value *, z3::expr> Env;   ///< Integer values -> terms.
  SmallPtrSet<const Value *, 4> Buffers;   ///< Buffer loads since a refill.
  std::map<int64_t, z3::expr> Fields;      ///< Other integer fields.
};

enum class Access { None, Count, Items, Field, Slot };

struct Acc {
  Access K = Access::None;
  int64_t Off = 0;                ///< Field offset.
  const Value *Buf = nullptr;     ///< Slot: the buffer pointer.
  const Value *Index = nullptr;   ///< Slot: variable index, or
  int64_t ConstIndex = 0;         ///< the constant one.
};

inline std::string lineOf(const llvm::Instruction *I) {
  if (const DebugLoc &DL = I->getDebugLoc())
    return " (line " + std::to_string(DL.getLine()) + ")";
  return "";
}

class Verifier {
public:
  Verifier(Function &F, const SlotLayout &L, const PointsToGraph &G,
           const DenseSet<const Function *> &Writers, SlotMoveFacts &Facts)
      : F(F), L(L), G(G), Writers(Writers), Facts(Facts),
        DL(F.getParent()->getDataLayout()), PtrSize(DL.getPointerSize()),
        CountBits(8 * L.CountBytes), Solver(Ctx), DT(F), Loops(DT) {
    z3::params P(Ctx);
    P.set("timeout", 500u);
    Solver.set(P);
  }

  std::string run();

private:
  Function &F;
  const SlotLayout &L;
  const PointsToGraph &G;
  const DenseSet<const Function *> &Writers;
  SlotMoveFacts &Facts;
  const DataLayout &DL;
  const int64_t PtrSize;
  const unsigned CountBits;
  z3::context Ctx;
  z3::solver Solver;
  DominatorTree DT;
  LoopInfo Loops;

  const Value *Q = nullptr; ///< The container parameter.
  DenseMap<const Instruction *, Acc> Accesses;
  DenseSet<const Value *> SlotValues; ///< Slot loads, and phis/selects of them.
  DenseSet<const LoadInst *> Returned, SlotStored;

  struct Header {
    State H;
    std::vector<std::pair<const PHINode *, z3::expr>> Vars;
    std::vector<std::pair<std::string, z3::expr>> Candidates;
    /// The body calls a function that may write the vector: the counter
    /// is anything non-negative at the header, and no hole may cross it.
    bool Havoc = false;
  };
  std::map<const BasicBlock *, std::vector<State>> Incoming;
  std::map<const BasicBlock *, Header> Headers;
  std::map<const BasicBlock *, std::set<std::string>> Disabled;
  std::map<const LoadInst *, bool> TakeOK;
  unsigned Fresh = 0, NextToken = 0, Queries = 0;
  const std::chrono::steady_clock::time_point Deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(MaxSeconds);
  bool Again = false;
  std::string Why;

  bool reject(std::string W) {
    if (Why.empty())
      Why = std::move(W);
    return false;
  }

  // --- The solver -------------------------------------------------------
  bool budget() {
    if (++Queries > MaxQueries ||
        std::chrono::steady_clock::now() > Deadline)
      return reject("has too many paths and conditions to check");
    return true;
  }
  bool proves(const State &S, const z3::expr &Goal) {
    if (Goal.is_true())
      return true;
    if (!budget())
      return false;
    Solver.push();
    Solver.add(S.Path);
    Solver.add(!Goal);
    bool R = Solver.check() == z3::unsat;
    Solver.pop();
    return R;
  }
  bool feasible(const z3::expr &Path) {
    if (!budget())
      return false;
    Solver.push();
    Solver.add(Path);
    bool R = Solver.check() != z3::unsat;
    Solver.pop();
    return R;
  }
  /// Cond, or true/false when the path decides it.
  z3::expr decide(const State &S, const z3::expr &Cond) {
    z3::expr C = Cond.simplify();
    if (C.is_true() || C.is_false())
      return C;
    if (proves(S, C))
      return Ctx.bool_val(true);
    if (proves(S, !C))
      return Ctx.bool_val(false);
    return C;
  }

  // --- Terms ------------------------------------------------------------
  z3::expr fresh(Type *T) {
    std::string N = "v" + std::to_string(Fresh++);
    if (T->isIntegerTy(1))
      return Ctx.bool_const(N.c_str());
    return Ctx.bv_const(N.c_str(), T->getIntegerBitWidth());
  }
  z3::expr term(State &S, const Value *V) {
    if (auto It = S.Env.find(V); It != S.Env.end())
      return It->second;
    z3::expr E = Ctx.bool_val(true);
    if (auto *CI = dyn_cast<ConstantInt>(V)) {
      if (CI->getBitWidth() == 1)
        E = Ctx.bool_val(CI->isOne());
      else if (CI->getBitWidth() <= 64)
        E = Ctx.bv_val(uint64_t(CI->getZExtValue()), CI->getBitWidth());
      else
        E = fresh(V->getType());
    } else {
      E = fresh(V->getType());
    }
    S.Env.insert_or_assign(V, E);
    return E;
  }
  z3::expr wide(const z3::expr &E) {
    unsigned W = E.get_sort().bv_size();
    return W < 64 ? z3::sext(E, 64 - W) : E;
  }
  z3::expr inRange(const State &S, const z3::expr &Idx) {
    return z3::sge(Idx, Ctx.bv_val(0, 64)) && z3::slt(Idx, wide(S.Count));
  }
  z3::expr holds(const std::vector<Guarded> &Set, const z3::expr &Idx) {
    z3::expr R = Ctx.bool_val(false);
    for (const Guarded &G : Set)
      R = R || (G.If && G.At == Idx);
    return R;
  }
  z3::expr slotIndex(State &S, const Acc &A) {
    if (!A.Index)
      return Ctx.bv_val(uint64_t(A.ConstIndex), 64);
    return wide(term(S, A.Index));
  }
  /// Keeps only holes in range and loose slots out of it, decided.
  void normalize(State &S) {
    auto Keep = [&](std::vector<Guarded> &Set, bool In) {
      std::vector<Guarded> Out;
      for (Guarded &G : Set) {
        z3::expr R = inRange(S, G.At);
        z3::expr C = decide(S, G.If && (In ? R : !R));
        if (!C.is_false())
          Out.push_back({G.At, C});
      }
      Set = std::move(Out);
    };
    Keep(S.Holes, true);
    Keep(S.Loose, false);
  }

  // --- Setup ------------------------------------------------------------
  std::string classify();
  Acc accessOf(const Value *Ptr, Type *Ty, const Instruction &I);
  bool touchesVector(const Value *Ptr) const {
    int N = G.nodeOf(Ptr);
    return N >= 0 && (G.find(N) == L.Container || G.find(N) == L.Buffer);
  }
  bool isRefillCall(const CallBase &CB) const;
  bool needsInvariant(const CallBase &CB) const;

  // --- Transfer ---------------------------------------------------------
  bool checkInvariant(const State &S, const std::string &Where);
  bool stepInteger(State &S, const Instruction &I);
  bool stepLoad(State &S, const LoadInst &LI);
  bool stepStore(State &S, const StoreInst &SI);
  bool stepCountStore(State &S, const StoreInst &SI);
  bool stepSlotStore(State &S, const StoreInst &SI, const Acc &A);
  bool stepCall(State &S, const CallBase &CB);
  bool stepReturn(State &S, const ReturnInst &RI);
  bool step(State &S, const Instruction &I);
  void bindPhis(State &S, const BasicBlock &B);
  void branch(const State &S, const BasicBlock &B, const BasicBlock &To,
              const z3::expr &Cond);
  bool enterLoop(const BasicBlock &B, std::vector<State> &States, State &H);
  bool checkBackedge(State &S, const BasicBlock &To);
  void runBlock(const BasicBlock &B, State S);
  bool isBackedge(const BasicBlock &From, const BasicBlock &To) const {
    return DT.dominates(&To, &From);
  }
};


} // namespace slotmoves
} // namespace asap

#endif // ASAP_ANALYSIS_SLOTMOVESIMPL_H
