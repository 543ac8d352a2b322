//===- analysis/SlotTakes.cpp - When an element taken from a slot is owned ===//
//
// SlotMoves proves that a taking load leaves no copy of its element in the
// vector's range. Other copies could still exist: in memory (ruled out by
// the graph: only the buffer points to the elements) or in SSA values read
// earlier (`x = q->items[0]; e = pop(q); free(e); use(x)`, where pop's
// result is released while x still points to it). A value that points to
// an element and is not itself an owner (a take, an allocation, or the
// result of a function that returns only those) must not be live across a
// take or a call to a function that may take, directly or through calls.
//
//===----------------------------------------------------------------------===//
#include "analysis/ForwardPaths.h"
#include "analysis/Shapes.h"
#include "analysis/SlotMoves.h"
#include "analysis/SlotVectors.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/TargetParser/Triple.h"

using namespace llvm;

namespace asap {

namespace {

class TakeCheck {
public:
  TakeCheck(Module &M, const PointsToGraph &G, const SlotVector &V)
      : M(M), G(G), V(V), TLII(Triple(M.getTargetTriple())), TLI(TLII) {}
  std::string run();

private:
  Module &M;
  const PointsToGraph &G;
  const SlotVector &V;
  TargetLibraryInfoImpl TLII;
  TargetLibraryInfo TLI;
  DenseSet<const Function *> ReturnsOwned, Taking;
  bool AnyTakingAddressTaken = false;

  bool isOwner(const Value *X, SmallPtrSetImpl<const Value *> &Seen) const;
  bool isOwner(const Value *X) const {
    SmallPtrSet<const Value *, 8> Seen;
    return isOwner(X, Seen);
  }
  bool isTakingPoint(const Instruction &I) const;
};

bool TakeCheck::isOwner(const Value *X,
                        SmallPtrSetImpl<const Value *> &Seen) const {
  if (isa<ConstantPointerNull>(X))
    return true;
  if (!Seen.insert(X).second)
    return true; // A cycle of phis adds nothing.
  if (auto *LI = dyn_cast<LoadInst>(X))
    return V.Takes.count(LI);
  if (auto *CB = dyn_cast<CallBase>(X)) {
    const Function *Callee = CB->getCalledFunction();
    return Callee && (ReturnsOwned.count(Callee) || isAllocationFn(CB, &TLI));
  }
  if (auto *Phi = dyn_cast<PHINode>(X))
    return all_of(Phi->incoming_values(),
                  [&](const Value *In) { return isOwner(In, Seen); });
  if (auto *Sel = dyn_cast<SelectInst>(X))
    return isOwner(Sel->getTrueValue(), Seen) &&
           isOwner(Sel->getFalseValue(), Seen);
  return false;
}

bool TakeCheck::isTakingPoint(const Instruction &I) const {
  if (auto *LI = dyn_cast<LoadInst>(&I))
    return V.Takes.count(LI);
  auto *CB = dyn_cast<CallBase>(&I);
  if (!CB)
    return false;
  const Function *Callee = CB->getCalledFunction();
  return Callee ? Taking.count(Callee) : AnyTakingAddressTaken;
}

/// Is some use of X reachable from just after P without passing X's
/// definition again? A phi uses X at the end of the incoming block.
bool liveAcross(const Value *X, const Instruction &P) {
  const auto *Def = dyn_cast<Instruction>(X);
  SmallPtrSet<const Instruction *, 16> Users;
  SmallPtrSet<const BasicBlock *, 8> PhiEdges; // Blocks ending in a phi use.
  for (const Use &U : X->uses())
    if (auto *Phi = dyn_cast<PHINode>(U.getUser()))
      PhiEdges.insert(Phi->getIncomingBlock(U));
    else if (auto *I = dyn_cast<Instruction>(U.getUser()))
      Users.insert(I);
  return somePathHits(
      P,
      [&](const Instruction &I) {
        if (&I == Def)
          return PathStep::Stop;
        return Users.count(&I) ? PathStep::Hit : PathStep::Continue;
      },
      [&](const BasicBlock &BB) {
        return PhiEdges.count(&BB) ? PathStep::Hit : PathStep::Continue;
      });
}

std::string TakeCheck::run() {
  auto E = V.Elements.find(0);
  if (E == V.Elements.end())
    return "the elements are not owned";
  unsigned T = G.find(E->second);
  for (unsigned N : G.nodesWithFields())
    for (auto &[Off, To] : G.fields(N))
      if (G.find(To) == T && G.find(N) != V.Buffer)
        return "the elements are also stored outside the buffer";
  // Functions that return only owners (optimistic start, then prune).
  for (Function &F : M)
    if (!F.isDeclaration() && F.getReturnType()->isPointerTy())
      ReturnsOwned.insert(&F);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (Function &F : M)
      if (ReturnsOwned.count(&F))
        for (Instruction &I : instructions(F))
          if (auto *RI = dyn_cast<ReturnInst>(&I);
              RI && !isOwner(RI->getReturnValue())) {
            ReturnsOwned.erase(&F);
            Changed = true;
            break;
          }
  }
  for (const LoadInst *LI : V.Takes)
    Taking.insert(LI->getFunction());
  for (bool Changed = true; Changed;) {
    Changed = false;
    AnyTakingAddressTaken = any_of(
        Taking, [](const Function *F) { return F->hasAddressTaken(); });
    for (Function &F : M)
      if (!Taking.count(&F) && any_of(instructions(F), [&](Instruction &I) {
            return isa<CallBase>(I) && isTakingPoint(I);
          }))
        Changed |= Taking.insert(&F).second;
  }
  for (Function &F : M) {
    if (!Taking.count(&F))
      continue;
    // Values that may point to an element: the node's, and phis, selects,
    // GEPs and casts of them (a merge only lent to library calls keeps a
    // node of its own in the graph).
    SetVector<const Value *> MayPoint;
    for (Argument &A : F.args())
      if (A.getType()->isPointerTy() && G.nodeOf(&A) >= 0 &&
          G.find(G.nodeOf(&A)) == T)
        MayPoint.insert(&A);
    for (Instruction &I : instructions(F))
      if (I.getType()->isPointerTy() && G.nodeOf(&I) >= 0 &&
          G.find(G.nodeOf(&I)) == T)
        MayPoint.insert(&I);
    for (unsigned K = 0; K < MayPoint.size(); ++K)
      for (const User *U : MayPoint[K]->users())
        if (isa<PHINode>(U) || isa<SelectInst>(U) || isa<GetElementPtrInst>(U) ||
            isa<CastInst>(U))
          if (U->getType()->isPointerTy())
            MayPoint.insert(U);
    SmallVector<const Value *, 16> Elements;
    for (const Value *X : MayPoint)
      if (!isOwner(X))
        Elements.push_back(X);
    for (Instruction &P : instructions(F)) {
      if (!isTakingPoint(P))
        continue;

      for (const Value *X : Elements)
        if (X != &P && liveAcross(X, P)) {
          std::string Where;
          if (const DebugLoc &DL = P.getDebugLoc())
            Where = " (line " + std::to_string(DL.getLine()) + ")";
          return "in " + F.getName().str() +
                 ", a pointer to an element it does not own is live across "
                 "a take" + Where;
        }
    }
  }
  return "";
}

} // namespace

std::string checkReaders(Module &M, const PointsToGraph &G,
                         const SlotVector &V) {
  DenseSet<const Function *> Movers, Writers;
  for (auto &[F, Param] : V.Movers)
    Movers.insert(F);
  Writers = writersOf(M, G, V.Container, V.Buffer);
  SlotLayout Layout{V.Container, V.Buffer, V.ItemsOff, V.CountOff,
                    V.CountBytes};
  for (Function &F : M) {
    if (F.isDeclaration() || Movers.count(&F))
      continue;
    bool Reads = any_of(instructions(F), [&](Instruction &I) {
      auto *LI = dyn_cast<LoadInst>(&I);
      if (!LI || !LI->getType()->isPointerTy())
        return false;
      std::optional<std::pair<unsigned, int64_t>> Fd =
          G.fieldOf(LI->getPointerOperand());
      int N = Fd ? int(Fd->first) : G.nodeOf(LI->getPointerOperand());
      return N >= 0 && G.find(unsigned(N)) == V.Buffer;
    });
    if (!Reads)
      continue;
    SlotMoveFacts Facts;
    if (std::string Why = checkSlotMoves(F, Layout, G, Writers, Facts);
        !Why.empty())
      return "a reader of the slots is not proven: " + F.getName().str() +
             " " + Why;
  }
  return "";
}

std::string checkTakes(Module &M, const PointsToGraph &G,
                       const SlotVector &V) {
  return TakeCheck(M, G, V).run();
}

} // namespace asap
