//===- analysis/SlotVectors.h - Push-only vectors own their slots -*- C++ -*-===//
//
// The growable array of C, filled only by pushes:
//
//   if (v->count == v->cap) { ...; v->items = realloc(v->items, n); ... }
//   v->items[v->count++] = x;         // or a record copied in by value
//
// An array's elements are one field of the points-to graph (an array node:
// offsets modulo the element size), so an owning field cannot describe
// them: slots past the count hold whatever realloc left there. A *slot
// vector* is a container node C with a buffer field Items (itself owning)
// and an integer counter Count such that, throughout the module,
//   * every write into the buffer node is a *push*: in one block, with no
//     call and no other write among them, n = load C.Count, a store of n+1
//     into C.Count, b = load C.Items and a write of element n of b that
//     covers all its pointer fields (a pointer store into an array of
//     pointers, or a memcpy of a whole element);
//   * every other write into C.Count stores 0;
//   * every write into C.Items is null in a block that also stores 0 into
//     C.Count (nothing between the two calls or writes memory except other
//     fields of the same object), a zero memset that also zeroes C.Count,
//     or the refill of a field realloc (FieldReallocs.h) from which every
//     path to a return passes a push into the same container.
// Then slots [0, count) hold exactly what pushes wrote: asap-free zeroes the
// counter and nulls the buffer at each allocation; the counter grows only
// with its slot written; realloc keeps the slots, and a replaced buffer is
// pushed into before anything can drop the container, which the program
// does only when the buffer holds count+1 elements (its own write would be
// out of bounds otherwise). So the element's pointer fields own their
// pointees as an owning field would, bounded by the counter: the deep drop
// of C releases them for slots [0, count).
//
// Functions that write the vector in any other way (pops, sifts, swaps,
// a reserve without a push) keep it a slot vector when SlotMoves.h proves
// them; vectors no push fills (a heap's sift-up writes the slot a loop
// found) are found from their slot stores, trying each integer field of
// the container as the count.
//
// Records pushed by value. A memcpy push copies a stack record: an alloca,
// or a byval parameter whose every caller passes such an alloca (or a
// constant without pointers). The record is a *conduit*: it is never read
// as pointers, and each copy out of it is preceded in its own block by the
// store of each pointer field it carries (or the field is only ever null,
// with a null write dominating the copy). A store of an owned object into a
// conduit's field is then a move into the slot (Ownership sees an owning
// field); the stale copy left in the record is never read.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_SLOTVECTORS_H
#define ASAP_ANALYSIS_SLOTVECTORS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class Argument;
class CallBase;
class Function;
class LoadInst;
class StoreInst;
class Instruction;
class Module;
class Value;
class raw_ostream;
} // namespace llvm

namespace asap {

class PointsToGraph;

struct SlotVector {
  unsigned Container, Buffer; ///< Representative nodes.
  int64_t ItemsOff, CountOff, Stride;
  unsigned CountBytes;
  /// Element pointer fields still owning: offset in the element -> pointee.
  std::map<int64_t, unsigned> Elements;
  /// Why element fields were found not to be owning (for the printer).
  std::map<int64_t, std::string> NotOwning;
  /// The writes of pushes (pointer stores and memcpys into slot n).
  llvm::DenseSet<const llvm::Instruction *> Pushes;
  /// Functions that move elements between slots (SlotMoves.h), with the
  /// parameter each reaches the container through.
  std::vector<std::pair<const llvm::Function *, const llvm::Argument *>> Movers;
  /// Their stores of an element into another slot, and their loads that
  /// take an element out for good.
  llvm::DenseSet<const llvm::StoreInst *> Moves;
  llvm::DenseSet<const llvm::LoadInst *> Takes;
  /// Why the takes were given up, if they were (for the printer).
  std::string NoTakes;
};

class SlotVectors {
public:
  /// Finds the vectors from the graph's structure. The graph must not be
  /// finished yet: the memcpys of records into slots are exemptCopies().
  SlotVectors(llvm::Module &M, const PointsToGraph &G);
  /// Drops vectors the finished graph shows escaped or clobbered.
  void checkEscapes(const PointsToGraph &G);

  /// The copies that move a record into a slot (not duplications).
  const llvm::DenseSet<const llvm::CallBase *> &exemptCopies() const {
    return Exempt;
  }
  /// The vectors of container node C (representative) that own elements.
  std::vector<const SlotVector *> vectorsOf(unsigned C) const;
  /// (vector index, element offset) if Addr is an owning element field of a
  /// vector's buffer or a pointer field of a record moved into one.
  std::optional<std::pair<unsigned, int64_t>>
  elementAt(const llvm::Value *Addr, const PointsToGraph &G) const;
  /// Is SI a move of an element between slots of an owning vector?
  bool isSlotMove(const llvm::StoreInst &SI) const;
  /// Does LI take an element out of an owning vector (LI owns it then)?
  bool isSlotTake(const llvm::LoadInst &LI) const;
  /// Takes element field Off of vector V out of the owning set.
  void demote(unsigned V, int64_t Off, const std::string &Why);
  const std::vector<SlotVector> &vectors() const { return Vectors; }

  void print(llvm::raw_ostream &OS, const PointsToGraph &G) const;

private:
  std::vector<SlotVector> Vectors;
  /// Conduit records (allocas, byval parameters) -> vector index.
  llvm::DenseMap<const llvm::Value *, unsigned> Records;
  llvm::DenseSet<const llvm::CallBase *> Exempt;
  /// Vectors rejected as a whole, with the reason (for the printer).
  std::vector<std::pair<unsigned, std::string>> Rejected;
};

} // namespace asap

#endif // ASAP_ANALYSIS_SLOTVECTORS_H
