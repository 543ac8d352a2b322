//===- analysis/PointerOrigins.cpp - Where an SSA pointer comes from ------===//
//
// Backward walk from a pointer to its bases (see PointerOrigins.h). The walk
// is bounded: past a fixed number of steps it gives up and marks the result
// incomplete, which every client treats as "no certain conclusion".
//
//===----------------------------------------------------------------------===//
#include "analysis/PointerOrigins.h"

#include "analysis/ModelTable.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Operator.h"

using namespace llvm;

namespace asap {

namespace {

constexpr unsigned MaxSteps = 64;

struct PendingPointer {
  const Value *V;
  std::optional<int64_t> Offset;
  /// Outermost loop whose header phi the walk crossed, if any: a base
  /// defined inside it may be an object of an earlier iteration.
  const Loop *Crossed;
};

/// The loop whose header holds Phi, when Phi merges the back edge.
const Loop *headerLoop(const PHINode &Phi, const LoopInfo *LI) {
  if (!LI)
    return nullptr;
  const Loop *L = LI->getLoopFor(Phi.getParent());
  return L && L->getHeader() == Phi.getParent() ? L : nullptr;
}

const Loop *outermost(const Loop *A, const Loop *B) {
  if (!A)
    return B;
  if (!B)
    return A;
  return A->contains(B) ? A : B;
}

bool firstVisit(DenseMap<const Value *, std::optional<int64_t>> &Seen,
                const Value *Join, std::optional<int64_t> Offset,
                bool &OffsetsVary) {
  auto [It, Inserted] = Seen.try_emplace(Join, Offset);
  if (!Inserted && It->second != Offset)
    OffsetsVary = true;
  return Inserted;
}

} // namespace

const Value *PointerOrigins::exactObject() const {
  const Value *Base = singleBase();
  if (!Base)
    return nullptr;
  for (const PointerBase &B : Bases)
    if (!B.Offset || *B.Offset != 0)
      return nullptr;
  return Base;
}

const Value *PointerOrigins::singleBase() const {
  if (Incomplete || Bases.empty())
    return nullptr;
  const Value *Base = Bases.front().Base;
  for (const PointerBase &B : Bases)
    if (B.Base != Base || B.EarlierIteration)
      return nullptr;
  return Base;
}

bool PointerOrigins::mayPointInto(const Value *Base) const {
  for (const PointerBase &B : Bases)
    if (B.Base == Base)
      return true;
  return false;
}

const PHINode *rootPhi(const Value *Ptr) {
  for (unsigned Depth = 0; Ptr && Depth < 16; ++Depth) {
    if (const auto *Phi = dyn_cast<PHINode>(Ptr))
      return Phi;
    if (const auto *GEP = dyn_cast<GEPOperator>(Ptr))
      Ptr = GEP->getPointerOperand();
    else if (const auto *Cast = dyn_cast<BitCastOperator>(Ptr))
      Ptr = Cast->getOperand(0);
    else
      return nullptr;
  }
  return nullptr;
}

PointerOrigins findPointerOrigins(const Value *Ptr, const DataLayout &DL,
                                  const LoopInfo *LI) {
  PointerOrigins Result;
  SmallVector<PendingPointer, 8> Work;
  // Offset with which each phi/select was first reached: reaching it again
  // with another offset means a cycle moves the pointer (p++ in a loop).
  DenseMap<const Value *, std::optional<int64_t>> SeenJoins;
  bool OffsetsVary = false;
  Work.push_back({Ptr, int64_t(0), nullptr});
  unsigned Steps = 0;

  auto AddBase = [&](const PendingPointer &P) {
    const auto *I = dyn_cast<Instruction>(P.V);
    bool Earlier = P.Crossed && I && P.Crossed->contains(I->getParent());
    for (PointerBase &B : Result.Bases)
      if (B.Base == P.V && B.Offset == P.Offset &&
          B.EarlierIteration == Earlier)
        return;
    Result.Bases.push_back({P.V, P.Offset, Earlier});
  };

  while (!Work.empty()) {
    PendingPointer P = Work.pop_back_val();
    if (++Steps > MaxSteps) {
      Result.Incomplete = true;
      break;
    }
    const Value *V = P.V;
    if (isa<ConstantPointerNull>(V)) {
      Result.MayBeNull = true;
      continue;
    }
    if (isa<UndefValue>(V) || isa<IntToPtrInst>(V)) {
      Result.Incomplete = true;
      continue;
    }
    if (const auto *GEP = dyn_cast<GEPOperator>(V)) {
      APInt Off(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
      std::optional<int64_t> Next;
      if (P.Offset && GEP->accumulateConstantOffset(DL, Off))
        Next = *P.Offset + Off.getSExtValue();
      Work.push_back({GEP->getPointerOperand(), Next, P.Crossed});
      continue;
    }
    if (const auto *Cast = dyn_cast<Operator>(V)) {
      unsigned Op = Cast->getOpcode();
      if (Op == Instruction::BitCast || Op == Instruction::AddrSpaceCast) {
        Work.push_back({Cast->getOperand(0), P.Offset, P.Crossed});
        continue;
      }
    }
    if (const auto *Phi = dyn_cast<PHINode>(V)) {
      if (!firstVisit(SeenJoins, Phi, P.Offset, OffsetsVary))
        continue;
      // Whether the base lives in the crossed loop is only known once the
      // base is found (AddBase): a base defined before the loop is the same
      // object on every iteration.
      const Loop *Crossed = outermost(P.Crossed, headerLoop(*Phi, LI));
      for (const Value *In : Phi->incoming_values())
        Work.push_back({In, P.Offset, Crossed});
      continue;
    }
    if (const auto *Sel = dyn_cast<SelectInst>(V)) {
      if (!firstVisit(SeenJoins, Sel, P.Offset, OffsetsVary))
        continue;
      Work.push_back({Sel->getTrueValue(), P.Offset, P.Crossed});
      Work.push_back({Sel->getFalseValue(), P.Offset, P.Crossed});
      continue;
    }
    if (const auto *Call = dyn_cast<CallBase>(V)) {
      // A call that returns its argument (the `returned` attribute) points
      // into whatever the argument points into.
      if (const Value *Arg = Call->getReturnedArgOperand()) {
        Work.push_back({Arg, P.Offset, P.Crossed});
        continue;
      }
      // strchr, memcpy ...: the model table says the result points into an
      // argument, somewhere we cannot tell.
      if (const Function *Callee = Call->getCalledFunction())
        if (std::optional<CallModel> M = lookupCallModel(*Callee))
          if (M->ReturnsAliasOf >= 0 &&
              unsigned(M->ReturnsAliasOf) < Call->arg_size()) {
            Work.push_back({Call->getArgOperand(M->ReturnsAliasOf),
                            std::nullopt, P.Crossed});
            continue;
          }
    }
    AddBase(P);
  }

  if (OffsetsVary)
    for (PointerBase &B : Result.Bases)
      B.Offset.reset();
  return Result;
}

} // namespace asap
