//===- analysis/BranchConditions.cpp - What a branch says about a path ----===//
//
// Pattern matching on branch conditions for FreeStates (see the header).
// Keys compare operands by identity: two icmps on the same SSA values are
// the same condition, which is what mem2reg leaves for a source condition
// tested twice.
//
//===----------------------------------------------------------------------===//
#include "analysis/BranchConditions.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/PatternMatch.h"

#include <functional>

using namespace llvm;

namespace asap {

bool isFlagPhi(const Value *V) {
  const auto *Phi = dyn_cast<PHINode>(V);
  return Phi && Phi->getType()->isIntegerTy() &&
         Phi->getType()->getIntegerBitWidth() <= 64 &&
         llvm::all_of(Phi->incoming_values(),
                      [](const Value *In) { return isa<ConstantInt>(In); });
}

ConditionKey canonicalCondition(const Value *C, bool &Polarity) {
  using namespace PatternMatch;
  Polarity = true;
  const Value *X;
  while (match(C, m_Not(m_Value(X)))) {
    C = X;
    Polarity = !Polarity;
  }
  ConditionKey K;
  if (const auto *Cmp = dyn_cast<ICmpInst>(C)) {
    CmpInst::Predicate Pred = Cmp->getPredicate();
    K.A = Cmp->getOperand(0);
    K.B = Cmp->getOperand(1);
    if (std::less<const Value *>()(K.B, K.A)) {
      std::swap(K.A, K.B);
      Pred = CmpInst::getSwappedPredicate(Pred);
    }
    CmpInst::Predicate Inverse = CmpInst::getInversePredicate(Pred);
    if (Inverse < Pred) {
      Pred = Inverse;
      Polarity = !Polarity;
    }
    K.Pred = Pred;
    return K;
  }
  K.A = C;
  return K;
}

const Value *nullTestedPointer(const BranchInst &Br, unsigned &NullSucc) {
  using namespace PatternMatch;
  const Value *C = Br.getCondition();
  bool Negated = false;
  const Value *X;
  while (match(C, m_Not(m_Value(X)))) {
    C = X;
    Negated = !Negated;
  }
  const auto *Cmp = dyn_cast<ICmpInst>(C);
  if (!Cmp || !Cmp->isEquality())
    return nullptr;
  const Value *Ptr = nullptr;
  if (isa<ConstantPointerNull>(Cmp->getOperand(1)))
    Ptr = Cmp->getOperand(0);
  else if (isa<ConstantPointerNull>(Cmp->getOperand(0)))
    Ptr = Cmp->getOperand(1);
  if (!Ptr)
    return nullptr;
  bool NullWhenTrue = Cmp->getPredicate() == ICmpInst::ICMP_EQ;
  if (Negated)
    NullWhenTrue = !NullWhenTrue;
  NullSucc = NullWhenTrue ? 0 : 1;
  return Ptr;
}

std::optional<RangeTest> rangeTestOf(const ConditionKey &K) {
  if (!K.B || !CmpInst::isIntPredicate(CmpInst::Predicate(K.Pred)))
    return std::nullopt;
  auto Pred = ICmpInst::Predicate(K.Pred);
  const Value *X = K.A;
  const auto *C = dyn_cast<ConstantInt>(K.B);
  if (!C) {
    C = dyn_cast<ConstantInt>(K.A);
    X = K.B;
    Pred = ICmpInst::getSwappedPredicate(Pred);
  }
  if (!C || isa<Constant>(X) || !X->getType()->isIntegerTy())
    return std::nullopt;
  return RangeTest{X, ConstantRange::makeExactICmpRegion(Pred, C->getValue()),
                   ConstantRange::makeExactICmpRegion(
                       ICmpInst::getInversePredicate(Pred), C->getValue())};
}

const ICmpInst *flagTest(const Value *Cond, bool &Polarity) {
  using namespace PatternMatch;
  Polarity = true;
  const Value *X;
  while (match(Cond, m_Not(m_Value(X)))) {
    Cond = X;
    Polarity = !Polarity;
  }
  const auto *Cmp = dyn_cast<ICmpInst>(Cond);
  if (Cmp && isFlagPhi(Cmp->getOperand(0)) &&
      isa<ConstantInt>(Cmp->getOperand(1)))
    return Cmp;
  return nullptr;
}

} // namespace asap
