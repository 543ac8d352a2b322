//===- analysis/BranchConditions.h - What a branch says about a path -*- C++
//-*-//
//
// The release-state dataflow (FreeStates) refines paths with what a
// conditional branch establishes: that a pointer is null, that a condition
// tested elsewhere has a given value, that a flag variable (an integer phi of
// constants) has a given value. These helpers recognize those shapes in the
// IR clang emits at -O0 after mem2reg (`xor c, true` for `!`, icmp on
// either operand order) and give equal keys to equal conditions.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_BRANCHCONDITIONS_H
#define ASAP_ANALYSIS_BRANCHCONDITIONS_H

#include "llvm/IR/ConstantRange.h"

#include <optional>
#include <tuple>

namespace llvm {
class BranchInst;
class ICmpInst;
class Value;
} // namespace llvm

namespace asap {

/// A branch condition up to negation and operand order: the same source
/// condition tested twice yields two icmps with one key.
struct ConditionKey {
  const llvm::Value *A = nullptr;
  const llvm::Value *B = nullptr;
  unsigned Pred = ~0u;
  bool operator<(const ConditionKey &O) const {
    return std::tie(A, B, Pred) < std::tie(O.A, O.B, O.Pred);
  }
};

/// Strips `xor c, true` and canonicalizes icmps; Polarity tells whether the
/// original condition equals the key (true) or its negation (false).
ConditionKey canonicalCondition(const llvm::Value *C, bool &Polarity);

/// A condition `X pred C` on an integer value X and a constant C: the values
/// of X for which it holds, and for which it does not. Conditions on the same
/// X that cannot hold together (`n > 3` then `n < 2`) mark a path infeasible.
struct RangeTest {
  const llvm::Value *X = nullptr;
  llvm::ConstantRange WhenTrue, WhenFalse;
};

/// The range form of a canonical key, when it compares a value with a
/// constant.
std::optional<RangeTest> rangeTestOf(const ConditionKey &K);

/// The pointer compared against null by an `icmp eq/ne p, null` condition,
/// and the successor that is taken when it is null.
const llvm::Value *nullTestedPointer(const llvm::BranchInst &Br,
                                     unsigned &NullSucc);

/// An integer phi whose incoming values are all constants (a flag).
bool isFlagPhi(const llvm::Value *V);

/// `icmp pred flag, C` on a flag phi, behind any `xor c, true`; Polarity
/// tells whether Cond equals the icmp (true) or its negation.
const llvm::ICmpInst *flagTest(const llvm::Value *Cond, bool &Polarity);

} // namespace asap

#endif // ASAP_ANALYSIS_BRANCHCONDITIONS_H
