//===- analysis/FieldReallocs.cpp - Growing a buffer in place -------------===//
#include "analysis/FieldReallocs.h"
#include "analysis/Shapes.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace asap {

namespace {

/// Can I read or write memory (or do anything a reader of the field would
/// notice)? Debug intrinsics cannot.
bool touchesMemory(const Instruction &I) {
  if (isa<DbgInfoIntrinsic>(I))
    return false;
  return I.mayReadOrWriteMemory() || I.mayThrow();
}

/// Is V `R == null` or `R != null` (in either operand order)?
bool isNullTest(const Value *V, const Value *R) {
  auto *Cmp = dyn_cast<ICmpInst>(V);
  if (!Cmp || !Cmp->isEquality())
    return false;
  const Value *A = Cmp->getOperand(0), *B = Cmp->getOperand(1);
  return (A == R && isa<ConstantPointerNull>(B)) ||
         (B == R && isa<ConstantPointerNull>(A));
}

/// Is every instruction of I's block from From (exclusive) up to I
/// (exclusive) free of memory accesses (of writes only, with OnlyWrites)?
bool quietBetween(const Instruction *From, const Instruction *I,
                  bool OnlyWrites = false) {
  for (const Instruction *J = From->getNextNode(); J && J != I;
       J = J->getNextNode()) {
    bool Writes = J->mayWriteToMemory() || J->mayThrow();
    if (OnlyWrites ? Writes && !isa<DbgInfoIntrinsic>(J) : touchesMemory(*J))
      return false;
  }
  return true;
}

} // namespace

std::optional<FieldRealloc> matchFieldRealloc(const CallBase &CB,
                                              const Value *Old) {
  auto *L = dyn_cast_or_null<LoadInst>(Old);
  if (!L || !L->isSimple() || L->getParent() != CB.getParent() ||
      !L->comesBefore(&CB) || !quietBetween(L, &CB, /*OnlyWrites=*/true))
    return std::nullopt;
  // Only null tests and one store into the field.
  StoreInst *Refill = nullptr;
  for (const User *U : CB.users()) {
    if (isNullTest(U, &CB) || isa<DbgInfoIntrinsic>(U))
      continue;
    auto *SI = dyn_cast<StoreInst>(U);
    if (!SI || Refill || SI->getValueOperand() != &CB || !SI->isSimple())
      return std::nullopt;
    Refill = const_cast<StoreInst *>(SI);
  }
  if (!Refill)
    return std::nullopt;
  const DataLayout &DL = CB.getModule()->getDataLayout();
  if (baseAndOffset(L->getPointerOperand(), DL) !=
      baseAndOffset(Refill->getPointerOperand(), DL))
    return std::nullopt;

  const BasicBlock *Block = CB.getParent();
  if (Refill->getParent() == Block) {
    if (Refill->comesBefore(&CB) || !quietBetween(&CB, Refill))
      return std::nullopt;
    return FieldRealloc{const_cast<LoadInst *>(L), Refill};
  }
  // The call's block ends in a branch on a null test of the result; the
  // non-null edge leads to the store's block, reached from nowhere else.
  auto *Br = dyn_cast<BranchInst>(Block->getTerminator());
  if (!Br || !Br->isConditional() || !isNullTest(Br->getCondition(), &CB) ||
      !quietBetween(&CB, Br))
    return std::nullopt;
  bool IsEq = cast<ICmpInst>(Br->getCondition())->getPredicate() ==
              ICmpInst::ICMP_EQ;
  const BasicBlock *NonNull = Br->getSuccessor(IsEq ? 1 : 0);
  if (Refill->getParent() != NonNull || !NonNull->getSinglePredecessor() ||
      NonNull == Block)
    return std::nullopt;
  for (const Instruction &I : *NonNull) {
    if (&I == Refill)
      return FieldRealloc{const_cast<LoadInst *>(L), Refill};
    if (touchesMemory(I) || isa<PHINode>(I))
      return std::nullopt;
  }
  return std::nullopt;
}

} // namespace asap
