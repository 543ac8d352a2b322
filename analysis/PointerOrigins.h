//===- analysis/PointerOrigins.h - Where an SSA pointer comes from -*- C++ -*-//
//
// asap-check asks, for every pointer handed to free or dereferenced, which
// memory it points into: a heap object allocated in this function, a stack
// slot, a global, or something it cannot see (an argument, a loaded pointer).
// The walk follows the def-use chain backwards through address arithmetic,
// casts, phis and selects, keeping the constant byte offset from the start
// of the base when it is known, so that a free of an interior pointer can be
// told apart from a free of the object itself.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_POINTERORIGINS_H
#define ASAP_ANALYSIS_POINTERORIGINS_H

#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>

namespace llvm {
class DataLayout;
class LoopInfo;
class PHINode;
class Value;
} // namespace llvm

namespace asap {

/// One base a pointer may point into.
struct PointerBase {
  const llvm::Value *Base = nullptr;
  /// Byte offset from the start of Base; empty when not a constant.
  std::optional<int64_t> Offset;
  /// The walk crossed a phi at a loop header whose loop also contains Base:
  /// the pointer may hold an object of an earlier iteration.
  bool EarlierIteration = false;
};

struct PointerOrigins {
  llvm::SmallVector<PointerBase, 2> Bases;
  /// A path leads to the null constant (a conditional allocation's merge).
  bool MayBeNull = false;
  /// A path leads to something that is not a base the walk understands
  /// (too deep, an inttoptr, undef): nothing certain may be concluded.
  bool Incomplete = false;

  /// The single base the pointer refers to on every path where it is not
  /// null, at offset zero and in the current iteration; null otherwise.
  const llvm::Value *exactObject() const;
  /// The single base the pointer points into on every non-null path, at any
  /// offset, in the current iteration; null otherwise.
  const llvm::Value *singleBase() const;
  bool mayPointInto(const llvm::Value *Base) const;
};

/// The phi Ptr is, or is derived from by casts and address arithmetic;
/// null when it is not derived from a phi.
const llvm::PHINode *rootPhi(const llvm::Value *Ptr);

/// Follows Ptr back to its bases. LI (optional) lets the walk flag pointers
/// that may carry an object from an earlier loop iteration.
PointerOrigins findPointerOrigins(const llvm::Value *Ptr,
                                  const llvm::DataLayout &DL,
                                  const llvm::LoopInfo *LI);

} // namespace asap

#endif // ASAP_ANALYSIS_POINTERORIGINS_H
