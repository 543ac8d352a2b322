//===- analysis/FieldReallocs.h - Growing a buffer in place ------*- C++ -*-===//
//
// The growable-array idiom of C:
//
//   T *bigger = realloc(v->items, n);     // %old = load v->items
//   if (!bigger) { ...; exit(1); }        // or: return an error
//   v->items = bigger;
//
// realloc releases the old buffer, but the field it was read from gets the
// new one before anything can look at the field again; if realloc fails,
// the old buffer is still valid and still in the field. Seen from the
// object that owns the field, its child was replaced, not released: the
// field can stay owning, and the realloc is a borrow of the container.
//
// The match is syntactic and strict, because the field holds a dangling
// pointer between the call and the store: the load and the realloc are in
// one block with no write to memory between them, and the result's only
// uses are null comparisons and one store into the same field (same base
// pointer, same constant offset) that every success path reaches before
// any instruction that touches memory: the store follows in the call's own
// block, or opens the block the non-null edge of `bigger == NULL` leads to
// (that block's only predecessor).
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_FIELDREALLOCS_H
#define ASAP_ANALYSIS_FIELDREALLOCS_H

#include <optional>

namespace llvm {
class CallBase;
class LoadInst;
class StoreInst;
class Value;
} // namespace llvm

namespace asap {

struct FieldRealloc {
  llvm::LoadInst *Old;     ///< The load of the field realloc gets.
  llvm::StoreInst *Refill; ///< The store of the result into the same field.
};

/// Whether CB, a realloc whose reallocated operand is Old, regrows the
/// buffer of one pointer field in place (see the file comment).
std::optional<FieldRealloc> matchFieldRealloc(const llvm::CallBase &CB,
                                              const llvm::Value *Old);

} // namespace asap

#endif // ASAP_ANALYSIS_FIELDREALLOCS_H
