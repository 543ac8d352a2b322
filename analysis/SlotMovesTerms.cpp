//===- analysis/SlotMovesTerms.cpp - Integer IR as Z3 bit-vectors ---------===//
//
// SlotMoves' terms: each integer instruction becomes a bit-vector of its
// own width (i1 a Boolean). Flags that make overflow poison (nsw, nuw,
// shifts past the width, division by zero) become assumptions on the path:
// C leaves those cases undefined, so a program that reaches them has no
// behaviour to preserve.
//
//===----------------------------------------------------------------------===//
#include "analysis/SlotMovesImpl.h"

#include "llvm/IR/Operator.h"

using namespace llvm;

namespace asap {
namespace slotmoves {

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


} // namespace slotmoves
} // namespace asap
