//===- analysis/SlotVectors.cpp - Push-only vectors own their slots -------===//
//
// Four steps: match every push in the module (matchPush) and group the
// pushes by vector; check the container and buffer nodes (checkNodes);
// check every other write into the container's counter and buffer fields
// and into the buffer, with SlotMoves for the functions the push rules
// reject (checkMovers); then check the records that memcpy pushes copy
// from (findConduits, SlotConduits.cpp). A vector any step rejects is
// printed with the reason and owns nothing.
//
//===----------------------------------------------------------------------===//
#include "analysis/SlotVectors.h"
#include "analysis/FieldReallocs.h"
#include "analysis/ForwardPaths.h"
#include "analysis/Shapes.h"
#include "analysis/SlotMoves.h"
#include "analysis/SlotVectorsImpl.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/CFG.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

#include <set>
#include <tuple>

using namespace llvm;

namespace asap {

using namespace slotvectors;

namespace {

std::optional<Push> matchPush(const Instruction &W) {
  const DataLayout &DL = W.getModule()->getDataLayout();
  const Value *Addr, *Src = nullptr;
  if (auto *SI = dyn_cast<StoreInst>(&W)) {
    if (SI->isVolatile() || !SI->getValueOperand()->getType()->isPointerTy())
      return std::nullopt;
    Addr = SI->getPointerOperand();
  } else if (auto *MC = dyn_cast<MemCpyInst>(&W)) {
    if (MC->isVolatile())
      return std::nullopt;
    Addr = MC->getRawDest();
    Src = MC->getRawSource();
  } else {
    return std::nullopt;
  }
  auto [Slot, FieldOff] = baseAndOffset(Addr, DL);
  auto *GEP = dyn_cast<GetElementPtrInst>(Slot);
  if (!GEP || FieldOff < 0 || GEP->getNumIndices() != 1 ||
      isa<Constant>(GEP->getOperand(1)) ||
      !GEP->getSourceElementType()->isSized())
    return std::nullopt;
  int64_t Stride =
      int64_t(DL.getTypeAllocSize(GEP->getSourceElementType()).getFixedValue());
  const Value *Idx = GEP->getOperand(1);
  if (isa<SExtInst>(Idx) || isa<ZExtInst>(Idx))
    Idx = cast<CastInst>(Idx)->getOperand(0);
  auto *Count = dyn_cast<LoadInst>(Idx);
  auto *Items = dyn_cast<LoadInst>(GEP->getPointerOperand());
  const BasicBlock *BB = W.getParent();
  if (!Count || !Items || Count->isVolatile() || Items->isVolatile() ||
      Count->getParent() != BB || Items->getParent() != BB)
    return std::nullopt;
  auto [Base, ItemsOff] = baseAndOffset(Items->getPointerOperand(), DL);
  auto Counter = baseAndOffset(Count->getPointerOperand(), DL);
  if (Counter.first != Base)
    return std::nullopt;
  const StoreInst *CountStore = nullptr;
  for (const User *U : Count->users()) {
    auto *Add = dyn_cast<BinaryOperator>(U);
    if (!Add || Add->getOpcode() != Instruction::Add)
      continue;
    auto *One = dyn_cast<ConstantInt>(
        Add->getOperand(Add->getOperand(0) == Count ? 1 : 0));
    if (!One || !One->isOne())
      continue;
    for (const User *AU : Add->users())
      if (auto *S = dyn_cast<StoreInst>(AU);
          S && S->getValueOperand() == Add && S->getParent() == BB &&
          !S->isVolatile() &&
          baseAndOffset(S->getPointerOperand(), DL) == Counter)
        CountStore = S;
  }
  if (!CountStore)
    return std::nullopt;
  // Nothing among the four may call or write: the slot and the counter
  // change together, seen from anything that could drop the container.
  const Instruction *Parts[] = {Items, Count, CountStore, &W};
  const Instruction *First = nullptr;
  for (const Instruction &I : *BB)
    if (is_contained(Parts, &I)) {
      First = &I;
      break;
    }
  unsigned Seen = 0;
  for (const Instruction *I = First; I && Seen < 4; I = I->getNextNode()) {
    if (is_contained(Parts, I)) {
      ++Seen;
      continue;
    }
    if (isa<DbgInfoIntrinsic>(I))
      continue;
    // Other fields of the same element may be written in between (a record
    // assigned field by field).
    if (auto *S = dyn_cast<StoreInst>(I);
        S && baseAndOffset(S->getPointerOperand(), DL).first == GEP)
      continue;
    if (I->mayWriteToMemory() || isa<CallBase>(I))
      return std::nullopt;
  }
  Push P{Base,
         ItemsOff,
         Counter.second,
         Stride,
         unsigned(DL.getTypeStoreSize(Count->getType())),
         &W,
         CountStore};
  P.Slot = GEP;
  P.FieldOff = FieldOff;
  if (isa<StoreInst>(W)) // The group checks that all pointer fields are set.
    return FieldOff + int64_t(DL.getPointerSize()) <= Stride
               ? std::optional<Push>(P)
               : std::nullopt;
  auto *Len = dyn_cast<ConstantInt>(cast<MemCpyInst>(W).getLength());
  if (FieldOff != 0 || !Len || int64_t(Len->getZExtValue()) != Stride)
    return std::nullopt;
  if (isPointerFreeConstant(Src))
    return P;
  auto [Rec, RecOff] = baseAndOffset(Src, DL);
  if (RecOff != 0 || !isRecord(Rec))
    return std::nullopt;
  P.Record = Rec;
  return P;
}

/// Does every path from just after I to a return pass a push write of the
/// same container pointer?
bool pushedBeforeReturn(const Instruction &I, const Value *Base,
                        const DenseMap<const Instruction *, Push> &Pushes) {
  return !somePathHits(I, [&](const Instruction &J) {
    auto P = Pushes.find(&J);
    if (P != Pushes.end() && P->second.Base == Base)
      return PathStep::Stop;
    return isa<ReturnInst>(J) || isa<ResumeInst>(J) ? PathStep::Hit
                                                     : PathStep::Continue;
  });
}

/// A store of 0 into the counter in I's block with nothing between the two
/// that calls or writes memory other than the same object's fields (a push
/// through another pointer to the vector would leave the count non-zero).
bool zeroesCounterNextTo(const StoreInst &I, const Value *Base,
                         int64_t CountOff, const DataLayout &DL) {
  for (const Instruction &Z : *I.getParent()) {
    auto *S = dyn_cast<StoreInst>(&Z);
    if (!S || !isZero(S->getValueOperand()) ||
        baseAndOffset(S->getPointerOperand(), DL) !=
            std::make_pair(Base, CountOff))
      continue;
    const Instruction *A = &I, *B = S;
    if (B->comesBefore(A))
      std::swap(A, B);
    bool Clean = true;
    for (const Instruction *J = A->getNextNode(); J != B; J = J->getNextNode()) {
      if (isa<DbgInfoIntrinsic>(J))
        continue;
      auto *Other = dyn_cast<StoreInst>(J);
      if (Other &&
          baseAndOffset(Other->getPointerOperand(), DL).first == Base)
        continue;
      Clean &= !J->mayWriteToMemory() && !isa<CallBase>(J);
    }
    if (Clean)
      return true;
  }
  return false;
}

/// The graph's view of the container and its buffer: why it cannot be a
/// vector, or "" (then V.Buffer, V.Elements and PtrFields are set).
std::string checkNodes(Candidate &Cand, const PointsToGraph &G) {
  SlotVector &V = Cand.V;
  unsigned C = V.Container;
  int B = G.targetOf(C, V.ItemsOff);
  if (B < 0 || G.strideOf(unsigned(B)) != V.Stride ||
      any_of(Cand.Pushes, [&](const Push &P) {
        return P.Stride != V.Stride || P.CountBytes != V.CountBytes;
      }))
    return "pushes of different element sizes";
  V.Buffer = G.find(unsigned(B));
  if (G.isStack(C) || G.isStack(V.Buffer) || G.isCollapsed(C) ||
      G.strideOf(C))
    return "the container or its buffer may be on the stack or an array";
  if (G.fields(C).count(V.CountOff))
    return "the counter also holds pointers";
  for (auto &[Off, T] : G.fields(V.Buffer)) {
    Cand.PtrFields.push_back(Off);
    V.Elements[Off] = T;
  }
  if (Cand.PtrFields.empty())
    return "its elements hold no pointers";
  // A push by stores writes every pointer field of its element.
  std::map<const Value *, std::set<int64_t>> StoredFields;
  for (const Push &P : Cand.Pushes)
    if (isa<StoreInst>(P.Write))
      StoredFields[P.Slot].insert(P.FieldOff);
  for (auto &[Slot, Fields] : StoredFields)
    if (!all_of(Cand.PtrFields, [&](int64_t F) { return Fields.count(F); }))
      return "a push leaves a pointer field of its element unset";
  return "";
}

/// Why a store into the container or the buffer breaks the invariant, or "".
std::string checkStore(const StoreInst &SI, const Candidate &Cand,
                       const PointsToGraph &G, const DataLayout &DL) {
  const SlotVector &V = Cand.V;
  std::optional<std::pair<unsigned, int64_t>> Fd =
      G.fieldOf(SI.getPointerOperand());
  if (!Fd)
    return "";
  unsigned N = G.find(Fd->first);
  int64_t Off = Fd->second;
  Type *T = SI.getValueOperand()->getType();
  int64_t Size = int64_t(DL.getTypeStoreSize(T));
  const int64_t PtrSize = DL.getPointerSize();
  auto Hits = [&](int64_t At, int64_t Len) {
    return Off < At + Len && At < Off + Size;
  };
  if (N == V.Buffer) {
    if (Cand.ByWrite.count(&SI))
      return "";
    if (T->isPointerTy() || any_of(Cand.PtrFields, [&](int64_t P) {
          return Hits(P, PtrSize);
        }))
      return "an element is written other than by a push" + lineOf(&SI);
    return "";
  }
  if (N != V.Container)
    return "";
  if (Hits(V.CountOff, V.CountBytes)) {
    if (Off != V.CountOff || Size != int64_t(V.CountBytes) ||
        !(Cand.CountStores.count(&SI) || isZero(SI.getValueOperand())))
      return "the counter is set to something else than 0 or one more" +
             lineOf(&SI);
    return "";
  }
  if (!Hits(V.ItemsOff, PtrSize))
    return "";
  const Value *Base = baseAndOffset(SI.getPointerOperand(), DL).first;
  if (Off != V.ItemsOff || !T->isPointerTy())
    return "the buffer field is written as data" + lineOf(&SI);
  if (isZero(SI.getValueOperand()))
    return zeroesCounterNextTo(SI, Base, V.CountOff, DL)
               ? ""
               : "the buffer is cleared without the counter" + lineOf(&SI);
  auto *Call = dyn_cast<CallBase>(SI.getValueOperand());
  std::optional<FieldRealloc> FR;
  if (Call && Call->arg_size() == 2)
    FR = matchFieldRealloc(*Call, Call->getArgOperand(0));
  if (!FR || FR->Refill != &SI)
    return "the buffer is replaced other than by realloc" + lineOf(&SI);
  if (!pushedBeforeReturn(SI, Base, Cand.ByWrite))
    return "a regrown buffer may be left without a push" + lineOf(&SI);
  return "";
}

/// Why a memset/memcpy/memmove into the container or the buffer breaks the
/// invariant, or "".
std::string checkMemWrite(const MemIntrinsic &MI, const Candidate &Cand,
                          const PointsToGraph &G, const DataLayout &DL) {
  const SlotVector &V = Cand.V;
  int N = G.nodeOf(baseAndOffset(MI.getRawDest(), DL).first);
  if (N < 0 || (G.find(N) != V.Buffer && G.find(N) != V.Container) ||
      Cand.ByWrite.count(&MI))
    return "";
  auto *MS = dyn_cast<MemSetInst>(&MI);
  if (!MS || !isZero(MS->getValue()))
    return "the container or the buffer is written byte-wise" + lineOf(&MI);
  if (G.find(N) != V.Container)
    return "";
  // Zeroing the buffer field must zero the counter too.
  const int64_t PtrSize = DL.getPointerSize();
  auto *Len = dyn_cast<ConstantInt>(MS->getLength());
  int64_t Off = G.fieldOf(MS->getRawDest())
                    .value_or(std::make_pair(0u, int64_t(0)))
                    .second;
  int64_t End = Len ? Off + int64_t(Len->getZExtValue()) : Off;
  bool HitsItems = !Len || (Off < V.ItemsOff + PtrSize && V.ItemsOff < End);
  bool CoversItems = Len && Off <= V.ItemsOff && V.ItemsOff + PtrSize <= End;
  bool CoversCount =
      Len && Off <= V.CountOff && V.CountOff + int64_t(V.CountBytes) <= End;
  if (HitsItems && !(CoversItems && CoversCount))
    return "the buffer field is zeroed without the counter" + lineOf(&MI);
  return "";
}

/// Every write into the counter, the buffer field and the buffer, module
/// wide, other than the pushes: the functions with one that breaks the push
/// rules, each with the first reason.
std::map<Function *, std::string>
irregularWriters(Module &M, const Candidate &Cand, const PointsToGraph &G) {
  const DataLayout &DL = M.getDataLayout();
  std::map<Function *, std::string> Out;
  for (Function &F : M)
    for (Instruction &I : instructions(F)) {
      std::string Why;
      if (auto *SI = dyn_cast<StoreInst>(&I))
        Why = checkStore(*SI, Cand, G, DL);
      else if (auto *MI = dyn_cast<MemIntrinsic>(&I))
        Why = checkMemWrite(*MI, Cand, G, DL);
      if (!Why.empty()) {
        Out.try_emplace(&F, Why);
        break;
      }
    }
  return Out;
}

/// Checks each function the push rules reject with SlotMoves: why one
/// fails, or "" (then Cand.V has the moves and takes).
std::string checkMovers(Module &M, Candidate &Cand, const PointsToGraph &G) {
  // A container passed by value is a second container sharing the buffer
  // (clang passes the original as the byval operand, so the graph does
  // not tell the copy apart): a pop through the copy leaves the original's
  // count covering the popped slot.
  for (Function &F : M)
    for (Instruction &I : instructions(F))
      if (auto *CB = dyn_cast<CallBase>(&I))
        for (unsigned K = 0; K < CB->arg_size(); ++K)
          if (CB->isByValArgument(K)) {
            int N = G.nodeOf(CB->getArgOperand(K));
            if (N >= 0 && G.find(unsigned(N)) == Cand.V.Container)
              return "the container is passed by value" + lineOf(CB);
          }
  std::map<Function *, std::string> Irregular = irregularWriters(M, Cand, G);
  if (Irregular.empty())
    return "";
  SlotVector &V = Cand.V;
  const int64_t PtrSize = M.getDataLayout().getPointerSize();
  bool Pointers = V.Stride == PtrSize && Cand.PtrFields.size() == 1 &&
                  Cand.PtrFields[0] == 0;
  DenseSet<const Function *> Writers;
  if (Pointers)
    Writers = writersOf(M, G, V.Container, V.Buffer);
  SlotLayout Layout{V.Container, V.Buffer, V.ItemsOff, V.CountOff,
                    V.CountBytes};
  for (auto &[F, Why] : Irregular) {
    if (!Pointers)
      return Why;
    SlotMoveFacts Facts;
    std::string MWhy = checkSlotMoves(*F, Layout, G, Writers, Facts);
    if (!MWhy.empty())
      return Why + "; " + F->getName().str() + " " + MWhy;
    V.Movers.push_back({F, Facts.Container});
    V.Moves.insert(Facts.Moves.begin(), Facts.Moves.end());
    V.Takes.insert(Facts.Takes.begin(), Facts.Takes.end());
  }
  return "";
}

} // namespace

/// Array-of-pointer buffer fields (container node, offset) that no push
/// fills but some store writes a slot of, each with the integer fields of
/// the container that could count its slots (offset, bytes), in order.
std::map<std::pair<unsigned, int64_t>, std::set<std::pair<int64_t, unsigned>>>
unpushedCandidates(Module &M, const PointsToGraph &G) {
  const DataLayout &DL = M.getDataLayout();
  const int64_t PtrSize = DL.getPointerSize();
  DenseSet<unsigned> Written; // Array nodes some pointer store writes into.
  std::map<unsigned, std::set<std::pair<int64_t, unsigned>>> Ints;
  for (Function &F : M)
    for (Instruction &I : instructions(F)) {
      const Value *Ptr;
      Type *T;
      if (auto *SI = dyn_cast<StoreInst>(&I)) {
        Ptr = SI->getPointerOperand();
        T = SI->getValueOperand()->getType();
      } else if (auto *LI = dyn_cast<LoadInst>(&I)) {
        Ptr = LI->getPointerOperand();
        T = LI->getType();
      } else {
        continue;
      }
      std::optional<std::pair<unsigned, int64_t>> Fd = G.fieldOf(Ptr);
      if (!Fd)
        continue;
      unsigned N = G.find(Fd->first);
      if (isa<StoreInst>(I) && T->isPointerTy() && G.strideOf(N) == PtrSize)
        Written.insert(N);
      unsigned Bytes = T->isIntegerTy() ? DL.getTypeStoreSize(T) : 0;
      if (Bytes == 4 || Bytes == 8)
        Ints[N].insert({Fd->second, Bytes});
    }
  std::map<std::pair<unsigned, int64_t>, std::set<std::pair<int64_t, unsigned>>>
      Out;
  for (unsigned C : G.nodesWithFields())
    for (auto &[Off, T] : G.fields(C))
      if (Written.count(G.find(T)) && G.find(T) != C)
        for (auto [CountOff, Bytes] : Ints[C])
          if (CountOff + int64_t(Bytes) <= Off || Off + PtrSize <= CountOff)
            Out[{C, Off}].insert({CountOff, Bytes});
  return Out;
}

SlotVectors::SlotVectors(Module &M, const PointsToGraph &G) {
  std::map<std::tuple<unsigned, int64_t, int64_t>, std::vector<Push>> Groups;
  for (Function &F : M)
    for (Instruction &I : instructions(F))
      if (std::optional<Push> P = matchPush(I))
        if (int C = G.nodeOf(P->Base); C >= 0)
          Groups[{G.find(C), P->ItemsOff, P->CountOff}].push_back(*P);
  auto Accept = [&](Candidate &Cand, const DenseSet<const Value *> &Conduits) {
    for (const Value *R : Conduits)
      Records[R] = Vectors.size();
    for (const Push &P : Cand.Pushes)
      if (auto *MC = dyn_cast<MemCpyInst>(P.Write))
        Exempt.insert(MC);
    Vectors.push_back(std::move(Cand.V));
  };
  std::set<std::pair<unsigned, int64_t>> Pushed;
  for (auto &[Key, Pushes] : Groups) {
    auto [C, ItemsOff, CountOff] = Key;
    Pushed.insert({C, ItemsOff});
    Candidate Cand{{C, 0, ItemsOff, CountOff, Pushes[0].Stride,
                    Pushes[0].CountBytes, {}, {}, {}},
                   Pushes, {}, {}, {}};
    for (const Push &P : Pushes) {
      Cand.ByWrite[P.Write] = P;
      Cand.CountStores.insert(P.CountStore);
      Cand.V.Pushes.insert(P.Write);
    }
    DenseSet<const Value *> Conduits;
    std::string Why = checkNodes(Cand, G);
    if (Why.empty())
      Why = checkMovers(M, Cand, G);
    if (Why.empty())
      Why = findConduits(Cand, M.getDataLayout(), Conduits);
    if (!Why.empty()) {
      Rejected.push_back({C, Why});
      continue;
    }
    Accept(Cand, Conduits);
  }
  // Vectors no push fills (a heap's sift-up writes a slot found by a loop):
  // any integer field of the container may be the count; the first that
  // checks is.
  const int64_t PtrSize = M.getDataLayout().getPointerSize();
  for (auto &[Field, Counts] : unpushedCandidates(M, G)) {
    auto [C, ItemsOff] = Field;
    if (Pushed.count(Field))
      continue;
    std::string First;
    for (auto [CountOff, Bytes] : Counts) {
      Candidate Cand{{C, 0, ItemsOff, CountOff, PtrSize, Bytes, {}, {}, {}},
                     {}, {}, {}, {}};
      std::string Why = checkNodes(Cand, G);
      if (Why.empty())
        Why = checkMovers(M, Cand, G);
      if (Why.empty()) {
        Accept(Cand, {});
        First.clear();
        break;
      }
      if (First.empty())
        First = "with the count at +" + std::to_string(CountOff) + ": " + Why;
    }
    if (!First.empty())
      Rejected.push_back({C, First});
  }
  for (SlotVector &V : Vectors)
    if (!V.Takes.empty())
      if (std::string Why = checkReaders(M, G, V); !Why.empty()) {
        V.Takes.clear();
        V.NoTakes = Why;
      } else if (std::string Why = checkTakes(M, G, V); !Why.empty()) {
        V.Takes.clear();
        V.NoTakes = Why;
      }
}

void SlotVectors::checkEscapes(const PointsToGraph &G) {
  for (SlotVector &V : Vectors) {
    std::string All;
    if (G.isEscaped(V.Container))
      All = "the container escapes: " + G.escapeReason(V.Container);
    else if (G.isEscaped(V.Buffer))
      All = "the buffer escapes: " + G.escapeReason(V.Buffer);
    else if (G.isDuplicated(V.Buffer) || G.isClobbered(V.Buffer))
      All = "the buffer is copied or written byte-wise";
    for (auto &[Off, T] : std::map<int64_t, unsigned>(V.Elements)) {
      std::string Why = All;
      if (Why.empty() && G.isEscaped(T))
        Why = "the pointee escapes: " + G.escapeReason(T);
      else if (Why.empty() && (G.sites(T).empty() || G.isStack(T)))
        Why = "the pointee is not a heap object";
      else if (Why.empty() && G.isReleasedByProgram(T))
        Why = "the program releases the pointee itself";
      else if (Why.empty() && any_of(G.sites(T), [](const AllocationSite &S) {
                 return S.Family != AllocFamily::Malloc;
               }))
        Why = "the pointee is not from the malloc family";
      if (!Why.empty())
        demote(unsigned(&V - Vectors.data()), Off, Why);
    }
  }
}

std::optional<std::pair<unsigned, int64_t>>
SlotVectors::elementAt(const Value *Addr, const PointsToGraph &G) const {
  if (Vectors.empty() || !Addr->getType()->isPointerTy())
    return std::nullopt;
  const DataLayout *DL = dataLayoutOf(Addr);
  if (!DL)
    return std::nullopt;
  auto [Base, Off] = baseAndOffset(Addr, *DL);
  if (auto It = Records.find(Base); It != Records.end()) {
    if (Vectors[It->second].Elements.count(Off))
      return std::make_pair(It->second, Off);
    return std::nullopt;
  }
  std::optional<std::pair<unsigned, int64_t>> Fd = G.fieldOf(Addr);
  if (!Fd)
    return std::nullopt;
  for (unsigned I = 0; I < Vectors.size(); ++I)
    if (Vectors[I].Buffer == G.find(Fd->first) &&
        Vectors[I].Elements.count(Fd->second))
      return std::make_pair(I, Fd->second);
  return std::nullopt;
}

std::vector<const SlotVector *> SlotVectors::vectorsOf(unsigned C) const {
  std::vector<const SlotVector *> R;
  for (const SlotVector &V : Vectors)
    if (V.Container == C && !V.Elements.empty())
      R.push_back(&V);
  return R;
}

bool SlotVectors::isSlotMove(const StoreInst &SI) const {
  return any_of(Vectors, [&](const SlotVector &V) {
    return V.Moves.count(&SI) && V.Elements.count(0);
  });
}

bool SlotVectors::isSlotTake(const LoadInst &LI) const {
  return any_of(Vectors, [&](const SlotVector &V) {
    return V.Takes.count(&LI) && V.Elements.count(0);
  });
}

void SlotVectors::demote(unsigned V, int64_t Off, const std::string &Why) {
  Vectors[V].Elements.erase(Off);
  Vectors[V].NotOwning[Off] = Why;
}

void SlotVectors::print(raw_ostream &OS, const PointsToGraph &G) const {
  for (const SlotVector &V : Vectors) {
    OS << "slot vector: node " << V.Container << " field +" << V.ItemsOff
       << " -> node " << V.Buffer << " (elements of " << V.Stride
       << " bytes), count at +" << V.CountOff << "\n";
    for (auto &[F, Param] : V.Movers)
      OS << "  moves slots: " << F->getName() << "\n";
    if (!V.Takes.empty()) {
      std::set<std::string> Fns;
      for (const LoadInst *LI : V.Takes)
        Fns.insert(LI->getFunction()->getName().str());
      for (const std::string &Fn : Fns)
        OS << "  takes elements out: " << Fn << "\n";
    }
    if (!V.NoTakes.empty())
      OS << "  takes nothing out: " << V.NoTakes << "\n";
    std::set<int64_t> Offs;
    for (auto &[Off, T] : V.Elements)
      Offs.insert(Off);
    for (auto &[Off, Why] : V.NotOwning)
      Offs.insert(Off);
    for (int64_t Off : Offs) {
      OS << "  element +" << Off << ": ";
      if (auto It = V.Elements.find(Off); It != V.Elements.end())
        OS << "owning (node " << G.find(It->second) << ")\n";
      else
        OS << "not owning: " << V.NotOwning.at(Off) << "\n";
    }
  }
  for (auto &[C, Why] : Rejected)
    OS << "not a slot vector: node " << C << ": " << Why << "\n";
}

} // namespace asap
