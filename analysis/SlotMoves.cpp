//===- analysis/SlotMoves.cpp - Functions that move elements between slots ===//
//
// The symbolic execution of SlotMoves.h. Blocks are visited in reverse
// post-order; each carries the states of the paths reaching it (paths are
// merged only at loop headers, whose state must be the same on entry and
// after each iteration, up to the header phis). Integers are Z3 bit-vectors
// of their own width; slot indices are sign-extended to 64 bits, as GEP
// indices are. `nsw`/`nuw` flags and division by zero become assumptions:
// C gives them no defined behaviour either.
//
//===----------------------------------------------------------------------===//
#include "analysis/SlotMoves.h"
#include "analysis/FieldReallocs.h"
#include "analysis/Shapes.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

#include <z3++.h>

#include <map>
#include <set>
#include <vector>

using namespace llvm;

namespace asap {

namespace {

constexpr unsigned MaxPaths = 32;     // States reaching one block.
constexpr unsigned MaxQueries = 4000; // Solver calls for one function.
constexpr unsigned MaxPasses = 6;     // Houdini rounds.

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

std::string lineOf(const Instruction *I) {
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
        CountBits(8 * L.CountBytes), Solver(Ctx), DT(F) {
    z3::params P(Ctx);
    P.set("timeout", 2000u);
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

  const Value *Q = nullptr; ///< The container parameter.
  DenseMap<const Instruction *, Acc> Accesses;
  DenseSet<const Value *> SlotValues; ///< Slot loads, and phis/selects of them.
  DenseSet<const LoadInst *> Returned, SlotStored;

  struct Header {
    State H;
    std::vector<std::pair<const PHINode *, z3::expr>> Vars;
    std::vector<std::pair<std::string, z3::expr>> Candidates;
  };
  std::map<const BasicBlock *, std::vector<State>> Incoming;
  std::map<const BasicBlock *, Header> Headers;
  std::map<const BasicBlock *, std::set<std::string>> Disabled;
  std::map<const LoadInst *, bool> TakeOK;
  unsigned Fresh = 0, NextToken = 0, Queries = 0;
  bool Again = false;
  std::string Why;

  bool reject(std::string W) {
    if (Why.empty())
      Why = std::move(W);
    return false;
  }

  // --- The solver -------------------------------------------------------
  bool proves(const State &S, const z3::expr &Goal) {
    if (Goal.is_true())
      return true;
    if (++Queries > MaxQueries)
      return reject("too many paths and conditions to check");
    Solver.push();
    Solver.add(S.Path);
    Solver.add(!Goal);
    bool R = Solver.check() == z3::unsat;
    Solver.pop();
    return R;
  }
  bool feasible(const z3::expr &Path) {
    if (++Queries > MaxQueries)
      return reject("too many paths and conditions to check");
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

Acc Verifier::accessOf(const Value *Ptr, Type *Ty, const Instruction &I) {
  Acc A;
  int N = G.nodeOf(Ptr);
  if (N < 0)
    return A;
  unsigned Node = G.find(unsigned(N));
  if (Node != L.Container && Node != L.Buffer)
    return A;
  int64_t Size = int64_t(DL.getTypeStoreSize(Ty));
  if (Node == L.Container) {
    auto [Base, Off] = baseAndOffset(Ptr, DL);
    if (!Q && isa<Argument>(Base))
      Q = Base;
    if (Base != Q) {
      reject("reaches the container through another pointer than one "
             "parameter" + lineOf(&I));
      return A;
    }
    auto Hits = [&](int64_t At, int64_t Len) {
      return Off < At + Len && At < Off + Size;
    };
    if (Off == L.CountOff && Size == int64_t(L.CountBytes) &&
        Ty->isIntegerTy())
      A.K = Access::Count;
    else if (Off == L.ItemsOff && Ty->isPointerTy())
      A.K = Access::Items;
    else if (Hits(L.CountOff, L.CountBytes) || Hits(L.ItemsOff, PtrSize))
      reject("accesses the counter or the buffer field in part" + lineOf(&I));
    else
      A.K = Access::Field;
    A.Off = Off;
    return A;
  }
  if (!Ty->isPointerTy()) {
    reject("accesses an element as data" + lineOf(&I));
    return A;
  }
  A.K = Access::Slot;
  if (auto *GEP = dyn_cast<GetElementPtrInst>(Ptr);
      GEP && GEP->getNumIndices() == 1 &&
      !isa<Constant>(GEP->getOperand(1)) &&
      int64_t(DL.getTypeAllocSize(GEP->getSourceElementType())) == PtrSize) {
    A.Buf = GEP->getPointerOperand();
    A.Index = GEP->getOperand(1);
    return A;
  }
  auto [Base, Off] = baseAndOffset(Ptr, DL);
  if (Off % PtrSize != 0) {
    reject("accesses a slot at an odd offset" + lineOf(&I));
    A.K = Access::None;
    return A;
  }
  A.Buf = Base;
  A.ConstIndex = Off / PtrSize;
  return A;
}

bool Verifier::isRefillCall(const CallBase &CB) const {
  if (CB.arg_size() != 2)
    return false;
  std::optional<FieldRealloc> FR = matchFieldRealloc(CB, CB.getArgOperand(0));
  return FR && FR->Refill &&
         baseAndOffset(FR->Refill->getPointerOperand(), DL) ==
             std::make_pair(Q, L.ItemsOff);
}

bool Verifier::needsInvariant(const CallBase &CB) const {
  const Function *Callee = CB.getCalledFunction();
  if (!Callee || Writers.count(Callee))
    return true;
  return any_of(CB.args(), [&](const Use &U) {
    return U->getType()->isPointerTy() && touchesVector(U.get());
  });
}

std::string Verifier::classify() {
  for (Instruction &I : instructions(F)) {
    Acc A;
    if (auto *LI = dyn_cast<LoadInst>(&I)) {
      if (LI->isVolatile() || LI->isAtomic())
        continue;
      A = accessOf(LI->getPointerOperand(), LI->getType(), I);
    } else if (auto *SI = dyn_cast<StoreInst>(&I)) {
      A = accessOf(SI->getPointerOperand(), SI->getValueOperand()->getType(),
                   I);
      if (A.K != Access::None && (SI->isVolatile() || SI->isAtomic()))
        return "writes the vector atomically" + lineOf(&I);
    } else if (auto *MI = dyn_cast<MemIntrinsic>(&I)) {
      if (touchesVector(MI->getRawDest()))
        return "writes the vector byte-wise" + lineOf(&I);
    } else if (isa<AtomicRMWInst>(I) || isa<AtomicCmpXchgInst>(I)) {
      if (touchesVector(I.getOperand(isa<AtomicRMWInst>(I) ? 0 : 0)))
        return "writes the vector atomically" + lineOf(&I);
    } else if (auto *CB = dyn_cast<CallBase>(&I)) {
      if (isa<InvokeInst>(CB) || CB->isInlineAsm())
        return "has an invoke or inline assembly" + lineOf(&I);
    }
    if (!Why.empty())
      return Why;
    if (A.K != Access::None)
      Accesses[&I] = A;
  }
  if (!Q)
    return "does not reach the container through a parameter";
  // Slot loads whose element is moved on: returned, or stored into a slot.
  for (auto &[I, A] : Accesses) {
    auto *LI = dyn_cast<LoadInst>(I);
    if (!LI || A.K != Access::Slot)
      continue;
    SmallVector<const Value *, 8> Work{LI};
    SmallPtrSet<const Value *, 8> Seen;
    while (!Work.empty()) {
      const Value *V = Work.pop_back_val();
      if (!Seen.insert(V).second)
        continue;
      SlotValues.insert(V);
      for (const Use &U : V->uses()) {
        const User *Us = U.getUser();
        if (isa<ReturnInst>(Us))
          Returned.insert(LI);
        else if (auto *SI = dyn_cast<StoreInst>(Us);
                 SI && SI->getValueOperand() == V) {
          auto It = Accesses.find(SI);
          if (It != Accesses.end() && It->second.K == Access::Slot)
            SlotStored.insert(LI);
        } else if (isa<PHINode>(Us) ||
                   (isa<SelectInst>(Us) && U.getOperandNo() != 0)) {
          Work.push_back(Us);
        }
      }
    }
  }
  return "";
}

bool Verifier::checkInvariant(const State &S, const std::string &Where) {
  if (!proves(S, z3::sge(S.Count, Ctx.bv_val(0, CountBits))))
    return reject("the counter may be negative " + Where);
  for (const Guarded &H : S.Holes)
    if (!proves(S, !(H.If && inRange(S, H.At))))
      return reject("a slot in range may have lost its element " + Where);
  return true;
}

bool Verifier::stepInteger(State &S, const Instruction &I) {
  auto Assume = [&](const z3::expr &C) { S.Path = S.Path && C; };
  z3::expr R = Ctx.bool_val(true);
  if (auto *BO = dyn_cast<BinaryOperator>(&I)) {
    z3::expr A = term(S, BO->getOperand(0)), B = term(S, BO->getOperand(1));
    if (A.is_bool()) {
      switch (BO->getOpcode()) {
      case Instruction::And: R = A && B; break;
      case Instruction::Or: R = A || B; break;
      case Instruction::Xor: R = A != B; break;
      default: R = fresh(I.getType());
      }
      S.Env.insert_or_assign(&I, R);
      return true;
    }
    unsigned W = A.get_sort().bv_size();
    bool NSW = isa<OverflowingBinaryOperator>(BO) && BO->hasNoSignedWrap();
    bool NUW = isa<OverflowingBinaryOperator>(BO) && BO->hasNoUnsignedWrap();
    switch (BO->getOpcode()) {
    case Instruction::Add:
      R = A + B;
      if (NSW)
        Assume(z3::bvadd_no_overflow(A, B, true) && z3::bvadd_no_underflow(A, B));
      if (NUW)
        Assume(z3::bvadd_no_overflow(A, B, false));
      break;
    case Instruction::Sub:
      R = A - B;
      if (NSW)
        Assume(z3::bvsub_no_overflow(A, B) && z3::bvsub_no_underflow(A, B, true));
      if (NUW)
        Assume(z3::bvsub_no_underflow(A, B, false));
      break;
    case Instruction::Mul:
      R = A * B;
      if (NSW)
        Assume(z3::bvmul_no_overflow(A, B, true) && z3::bvmul_no_underflow(A, B));
      if (NUW)
        Assume(z3::bvmul_no_overflow(A, B, false));
      break;
    case Instruction::Shl:
      R = z3::shl(A, B);
      Assume(z3::ult(B, Ctx.bv_val(W, W)));
      if (NSW)
        Assume(z3::ashr(R, B) == A);
      if (NUW)
        Assume(z3::lshr(R, B) == A);
      break;
    case Instruction::LShr:
      R = z3::lshr(A, B);
      Assume(z3::ult(B, Ctx.bv_val(W, W)));
      break;
    case Instruction::AShr:
      R = z3::ashr(A, B);
      Assume(z3::ult(B, Ctx.bv_val(W, W)));
      break;
    case Instruction::And: R = A & B; break;
    case Instruction::Or: R = A | B; break;
    case Instruction::Xor: R = A ^ B; break;
    case Instruction::SDiv: R = A / B; Assume(B != 0); break;
    case Instruction::UDiv: R = z3::udiv(A, B); Assume(B != 0); break;
    case Instruction::SRem: R = z3::srem(A, B); Assume(B != 0); break;
    case Instruction::URem: R = z3::urem(A, B); Assume(B != 0); break;
    default: R = fresh(I.getType());
    }
  } else if (auto *C = dyn_cast<ICmpInst>(&I)) {
    if (!C->getOperand(0)->getType()->isIntegerTy()) {
      R = fresh(I.getType());
    } else {
      z3::expr A = term(S, C->getOperand(0)), B = term(S, C->getOperand(1));
      if (A.is_bool()) {
        A = z3::ite(A, Ctx.bv_val(1, 1), Ctx.bv_val(0, 1));
        B = z3::ite(B, Ctx.bv_val(1, 1), Ctx.bv_val(0, 1));
      }
      switch (C->getPredicate()) {
      case CmpInst::ICMP_EQ: R = A == B; break;
      case CmpInst::ICMP_NE: R = A != B; break;
      case CmpInst::ICMP_SLT: R = z3::slt(A, B); break;
      case CmpInst::ICMP_SLE: R = z3::sle(A, B); break;
      case CmpInst::ICMP_SGT: R = z3::sgt(A, B); break;
      case CmpInst::ICMP_SGE: R = z3::sge(A, B); break;
      case CmpInst::ICMP_ULT: R = z3::ult(A, B); break;
      case CmpInst::ICMP_ULE: R = z3::ule(A, B); break;
      case CmpInst::ICMP_UGT: R = z3::ugt(A, B); break;
      case CmpInst::ICMP_UGE: R = z3::uge(A, B); break;
      default: R = fresh(I.getType());
      }
    }
  } else if (auto *Sel = dyn_cast<SelectInst>(&I)) {
    R = z3::ite(term(S, Sel->getCondition()), term(S, Sel->getTrueValue()),
                term(S, Sel->getFalseValue()));
  } else if (auto *Cast = dyn_cast<CastInst>(&I);
             Cast && Cast->getSrcTy()->isIntegerTy()) {
    z3::expr A = term(S, Cast->getOperand(0));
    unsigned To = I.getType()->getIntegerBitWidth();
    if (A.is_bool() && To > 1)
      A = z3::ite(A, Ctx.bv_val(1, 1), Ctx.bv_val(0, 1));
    unsigned From = A.is_bool() ? 1 : A.get_sort().bv_size();
    switch (Cast->getOpcode()) {
    case Instruction::SExt: R = z3::sext(A, To - From); break;
    case Instruction::ZExt: R = z3::zext(A, To - From); break;
    case Instruction::Trunc:
      R = To == 1 ? A.extract(0, 0) == Ctx.bv_val(1, 1) : A.extract(To - 1, 0);
      break;
    default: R = fresh(I.getType());
    }
  } else if (auto *Fr = dyn_cast<FreezeInst>(&I)) {
    R = term(S, Fr->getOperand(0));
  } else {
    R = fresh(I.getType());
  }
  S.Env.insert_or_assign(&I, R);
  return true;
}

bool Verifier::stepLoad(State &S, const LoadInst &LI) {
  auto It = Accesses.find(&LI);
  if (It == Accesses.end()) {
    if (LI.getType()->isIntegerTy())
      S.Env.insert_or_assign(&LI, fresh(LI.getType()));
    return true;
  }
  const Acc &A = It->second;
  switch (A.K) {
  case Access::Count:
    S.Env.insert_or_assign(&LI, S.Count);
    return true;
  case Access::Items:
    S.Buffers.insert(&LI);
    return true;
  case Access::Field:
    if (LI.getType()->isIntegerTy() && !LI.getType()->isIntegerTy(1)) {
      auto F = S.Fields.find(A.Off);
      if (F == S.Fields.end() ||
          F->second.get_sort().bv_size() != LI.getType()->getIntegerBitWidth())
        F = S.Fields.insert_or_assign(A.Off, fresh(LI.getType())).first;
      S.Env.insert_or_assign(&LI, F->second);
    } else if (LI.getType()->isIntegerTy()) {
      S.Env.insert_or_assign(&LI, fresh(LI.getType()));
    }
    return true;
  case Access::Slot:
    break;
  case Access::None:
    return true;
  }
  if (!S.Buffers.count(A.Buf))
    return reject("reads a slot through a buffer pointer not loaded since "
                  "the buffer was last regrown" + lineOf(&LI));
  z3::expr Idx = slotIndex(S, A);
  z3::expr Own = decide(S, (inRange(S, Idx) && !holds(S.Holes, Idx)) ||
                               holds(S.Loose, Idx));
  if (!Returned.count(&LI) && !SlotStored.count(&LI)) {
    if (!Own.is_true())
      return reject("reads a slot that may not hold an element" + lineOf(&LI));
    return true;
  }
  // A load whose element moves on takes it: the slot keeps a stale copy.
  unsigned T = NextToken++;
  S.Hand.push_back({T, Own});
  S.Names[&LI] = T;
  S.Holes.push_back({Idx, Ctx.bool_val(true)});
  for (Guarded &Lo : S.Loose)
    Lo.If = Lo.If && Lo.At != Idx;
  normalize(S);
  if (Returned.count(&LI) && !SlotStored.count(&LI)) {
    auto [TI, New] = TakeOK.try_emplace(&LI, true);
    TI->second &= Own.is_true();
  }
  return true;
}

bool Verifier::stepCountStore(State &S, const StoreInst &SI) {
  z3::expr New = term(S, SI.getValueOperand()), Old = S.Count;
  z3::expr One = Ctx.bv_val(1, CountBits), Zero = Ctx.bv_val(0, CountBits);
  if (proves(S, New == Old))
    return true;
  if (proves(S, New == Old + One)) {
    // Slot Old joins the range: an element if it was loose, else a hole.
    z3::expr At = wide(Old);
    S.Holes.push_back({At, !holds(S.Loose, At)});
    for (Guarded &Lo : S.Loose)
      Lo.If = Lo.If && Lo.At != At;
    S.Count = New;
  } else if (proves(S, New == Old - One)) {
    // Slot New leaves the range: still holding its element unless a hole.
    z3::expr At = wide(New);
    S.Loose.push_back({At, z3::sge(At, Ctx.bv_val(0, 64)) &&
                               !holds(S.Holes, At)});
    S.Count = New;
  } else if (proves(S, z3::sge(New, Zero) && z3::sle(New, Old))) {
    S.Count = New; // The slots past New leak.
  } else {
    return reject("sets the counter to something else than one more, one "
                  "less or a smaller value" + lineOf(&SI));
  }
  normalize(S);
  return Why.empty();
}

bool Verifier::stepSlotStore(State &S, const StoreInst &SI, const Acc &A) {
  if (!S.Buffers.count(A.Buf))
    return reject("writes a slot through a buffer pointer not loaded since "
                  "the buffer was last regrown" + lineOf(&SI));
  const Value *V = SI.getValueOperand();
  if (isa<UndefValue>(V))
    return reject("writes an undefined element" + lineOf(&SI));
  z3::expr Idx = slotIndex(S, A), InR = inRange(S, Idx);
  // What the store brings: an element in hand (when it really is one),
  // else null or a new object (Ownership checks that one moves here).
  z3::expr Brings = Ctx.bool_val(true);
  if (auto *LV = dyn_cast<LoadInst>(V); LV && S.Names.count(LV)) {
    unsigned T = S.Names.lookup(LV);
    auto H = find_if(S.Hand, [&](auto &P) { return P.first == T; });
    if (H == S.Hand.end())
      return reject("stores an element that was already moved" + lineOf(&SI));
    Brings = H->second;
    S.Hand.erase(H);
    Facts.Moves.insert(&SI);
  } else if (SlotValues.count(V)) {
    return reject("stores an element chosen among slots by a phi or select" +
                  lineOf(&SI));
  }
  // A slot in range must get an element; one past the count keeps it for
  // this function (a push that stores before it counts).
  if (!proves(S, z3::implies(InR, Brings)))
    return reject("stores a slot's stale copy into the range: its element "
                  "may have been taken before" + lineOf(&SI));
  for (Guarded &H : S.Holes)
    H.If = H.If && H.At != Idx;
  for (Guarded &Lo : S.Loose)
    Lo.If = Lo.If && Lo.At != Idx;
  S.Loose.push_back({Idx, !InR && Brings});
  normalize(S);
  return Why.empty();
}

bool Verifier::stepStore(State &S, const StoreInst &SI) {
  auto It = Accesses.find(&SI);
  if (It == Accesses.end())
    return true;
  const Acc &A = It->second;
  const Value *V = SI.getValueOperand();
  switch (A.K) {
  case Access::Count:
    return stepCountStore(S, SI);
  case Access::Items: {
    if (auto *C = dyn_cast<Constant>(V); C && C->isNullValue()) {
      if (!proves(S, S.Count == Ctx.bv_val(0, CountBits)))
        return reject("clears the buffer while the counter may not be 0" +
                      lineOf(&SI));
      S.Buffers.clear();
      return true;
    }
    auto *CB = dyn_cast<CallBase>(V);
    if (!CB || !isRefillCall(*CB) ||
        !CB->getArgOperand(1)->getType()->isIntegerTy(64))
      return reject("replaces the buffer other than by realloc" + lineOf(&SI));
    // realloc keeps the slots only if the new size covers the count.
    z3::expr Size = z3::zext(term(S, CB->getArgOperand(1)), 64);
    z3::expr Need = z3::sext(S.Count, 128 - CountBits) *
                    Ctx.bv_val(uint64_t(PtrSize), 128);
    if (!proves(S, z3::uge(Size, Need)))
      return reject("regrows the buffer to a size that may not cover the "
                    "counter" + lineOf(&SI));
    S.Buffers.clear();
    return true;
  }
  case Access::Field:
    if (V->getType()->isIntegerTy() && !V->getType()->isIntegerTy(1))
      S.Fields.insert_or_assign(A.Off, term(S, V));
    else
      S.Fields.erase(A.Off);
    return true;
  case Access::Slot:
    return stepSlotStore(S, SI, A);
  case Access::None:
    return true;
  }
  return true;
}

bool Verifier::stepCall(State &S, const CallBase &CB) {
  if (auto *II = dyn_cast<IntrinsicInst>(&CB);
      II && (II->isLifetimeStartOrEnd() || isa<DbgInfoIntrinsic>(II) ||
             II->getIntrinsicID() == Intrinsic::assume))
    return true;
  if (!isRefillCall(CB) && needsInvariant(CB)) {
    const Function *Callee = CB.getCalledFunction();
    std::string Name = Callee ? Callee->getName().str() : "an indirect call";
    if (!checkInvariant(S, "at the call to " + Name + lineOf(&CB)))
      return false;
    // The callee may push, pop or regrow: start over.
    S.Count = Ctx.bv_const(("c" + std::to_string(Fresh++)).c_str(), CountBits);
    S.Path = S.Path && z3::sge(S.Count, Ctx.bv_val(0, CountBits));
    S.Holes.clear();
    S.Loose.clear();
    S.Buffers.clear();
    S.Fields.clear();
  }
  if (CB.getType()->isIntegerTy())
    S.Env.insert_or_assign(&CB, fresh(CB.getType()));
  return true;
}

bool Verifier::stepReturn(State &S, const ReturnInst &RI) {
  if (!checkInvariant(S, "at a return" + lineOf(&RI)))
    return false;
  const Value *V = RI.getReturnValue();
  auto N = V ? S.Names.find(V) : S.Names.end();
  if (N == S.Names.end())
    return true;
  auto H = find_if(S.Hand, [&](auto &P) { return P.first == N->second; });
  if (H == S.Hand.end() || !proves(S, H->second))
    return reject("returns a slot's element that may have stayed in the "
                  "vector or moved elsewhere" + lineOf(&RI));
  S.Hand.erase(H);
  return true;
}

bool Verifier::step(State &S, const Instruction &I) {
  if (auto *LI = dyn_cast<LoadInst>(&I))
    return stepLoad(S, *LI);
  if (auto *SI = dyn_cast<StoreInst>(&I))
    return stepStore(S, *SI);
  if (auto *CB = dyn_cast<CallBase>(&I))
    return stepCall(S, *CB);
  if (I.getType()->isIntegerTy())
    return stepInteger(S, I);
  if (auto *Sel = dyn_cast<SelectInst>(&I);
      Sel && SlotValues.count(Sel) &&
      (S.Names.count(Sel->getTrueValue()) ||
       S.Names.count(Sel->getFalseValue())))
    return reject("chooses between elements taken from slots" + lineOf(&I));
  return true;
}

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
  H.Path = H.Path.simplify();
  H.From = nullptr;
  Header &Hd = Headers.try_emplace(&B, Header{State(Ctx), {}, {}}).first->second;
  Hd.Vars.clear();
  Hd.Candidates.clear();
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
  if (!proves(S, S.Count == Sub(H.Count)))
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
      Facts.Container = cast<Argument>(Q);
      for (auto &[LI, OK] : TakeOK)
        if (OK)
          Facts.Takes.insert(LI);
      return "";
    }
  }
  return "its loop invariants do not settle";
}

} // namespace

std::string checkSlotMoves(Function &F, const SlotLayout &L,
                           const PointsToGraph &G,
                           const DenseSet<const Function *> &Writers,
                           SlotMoveFacts &Facts) {
  Facts = SlotMoveFacts();
  Verifier V(F, L, G, Writers, Facts);
  std::string Why = V.run();
  if (!Why.empty())
    Facts = SlotMoveFacts();
  return Why;
}

} // namespace asap
