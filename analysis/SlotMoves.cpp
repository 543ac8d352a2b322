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
#include "analysis/SlotMovesImpl.h"
#include "analysis/FieldReallocs.h"
#include "analysis/Shapes.h"

#include "llvm/Analysis/CFG.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace asap {
namespace slotmoves {

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
    if (!Q)
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
    return "does not reach the container";
  // A writer must not release the container (its holes would go with it):
  // a parameter, which the summaries then check is not taken over. A
  // reader may reach it through any value computed once per call.
  bool Writes = any_of(Accesses, [](auto &P) {
    return isa<StoreInst>(P.first) && P.second.K != Access::Field;
  });
  if (Writes && !isa<Argument>(Q))
    return "writes a container it does not reach through a parameter";
  if (auto *QI = dyn_cast<Instruction>(Q);
      QI && isPotentiallyReachable(QI->getParent(), QI->getParent()) &&
      any_of(successors(QI->getParent()), [&](const BasicBlock *S) {
        return isPotentiallyReachable(S, QI->getParent());
      }))
    return "reaches the container through a value computed in a loop";
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
  // A slot in range gets an element, or stays a hole when the store brings
  // a stale copy (`t = a[i]; a[i] = a[j]; a[j] = t` with i == j); one past
  // the count keeps it for this function (a push that stores first).
  for (Guarded &H : S.Holes)
    H.If = H.If && H.At != Idx;
  for (Guarded &Lo : S.Loose)
    Lo.If = Lo.If && Lo.At != Idx;
  S.Holes.push_back({Idx, InR && !Brings});
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

} // namespace slotmoves

DenseSet<const Function *> writersOf(Module &M, const PointsToGraph &G,
                                     unsigned C, unsigned B) {
  auto Touches = [&](const Value *P) {
    int N = P->getType()->isPointerTy() ? G.nodeOf(P) : -1;
    return N >= 0 && (G.find(N) == C || G.find(N) == B);
  };
  DenseSet<const Function *> W;
  for (Function &F : M)
    for (Instruction &I : instructions(F)) {
      bool Writes = false;
      if (auto *SI = dyn_cast<StoreInst>(&I))
        Writes = Touches(SI->getPointerOperand());
      else if (auto *CB = dyn_cast<CallBase>(&I))
        Writes = !CB->getCalledFunction() ||
                 (CB->mayWriteToMemory() &&
                  any_of(CB->args(), [&](const Use &U) { return Touches(U); }));
      else if (isa<AtomicRMWInst>(I) || isa<AtomicCmpXchgInst>(I))
        Writes = Touches(I.getOperand(0));
      if (Writes) {
        W.insert(&F);
        break;
      }
    }
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (Function &F : M)
      if (!W.count(&F))
        for (Instruction &I : instructions(F))
          if (auto *CB = dyn_cast<CallBase>(&I);
              CB && CB->getCalledFunction() &&
              W.count(CB->getCalledFunction())) {
            Changed |= W.insert(&F).second;
            break;
          }
  }
  return W;
}

std::string checkSlotMoves(Function &F, const SlotLayout &L,
                           const PointsToGraph &G,
                           const DenseSet<const Function *> &Writers,
                           SlotMoveFacts &Facts) {
  Facts = SlotMoveFacts();
  slotmoves::Verifier V(F, L, G, Writers, Facts);
  std::string Why = V.run();
  if (!Why.empty())
    Facts = SlotMoveFacts();
  return Why;
}

} // namespace asap

