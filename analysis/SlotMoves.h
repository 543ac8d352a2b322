//===- analysis/SlotMoves.h - Functions that move elements between slots -*- C++ -*-===//
//
// A slot vector (SlotVectors.h) owns the elements in slots [0, count) of its
// buffer. Pushes keep that true by their form alone. A binary heap also
// moves elements between slots, takes the top one out and shrinks the count:
//
//   Event *top = q->items[0];                 // taken out: slot 0 is a hole
//   Event *last = q->items[--q->size];        // slot size leaves the range
//   while (...) { q->items[i] = q->items[c]; i = c; }   // the hole moves
//   if (q->size > 0) q->items[i] = last;      // and is filled
//   return top;
//
// checkSlotMoves proves such a function keeps the invariant, by symbolic
// execution of its IR with Z3 (bit-vector terms for the counter, the slot
// indices and every integer they depend on). The state along a path says
//   * the counter's value;
//   * the *holes*: slots in range whose element was taken out (each with
//     the condition under which it is one);
//   * the *loose* slots: slots past the count that still hold an element
//     this function owns (the count just shrank past them);
//   * the elements in hand: loads that took an element out (when).
// Every other slot in [0, count) holds an element only the vector owns.
// A load whose value is returned or stored into a slot takes its element
// (the slot becomes a hole); a store into a slot fills it with an element in
// hand or a new object (Ownership checks that one is moved there); a store
// of count+1 makes the new slot a hole, count-1 makes the old last slot
// loose. Every other slot read must read an element (in range and not a
// hole, or loose): a stale copy read there could outlive its element. Calls
// that may write the vector need the invariant to hold; afterwards nothing
// is known about the vector. At each return the counter is non-negative and
// no hole is in range. Loop headers get invariants by Houdini: candidates
// (each header phi is non-negative, below the count, at most the count;
// each hole is in range when it is one)
// are assumed, checked on entry and after each iteration, and dropped until
// all hold. Paths are not merged except at loop headers.
//
// The function may only reach the container through one parameter (so it
// never releases it), and the elements must be pointers (not records).
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_SLOTMOVES_H
#define ASAP_ANALYSIS_SLOTMOVES_H

#include "llvm/ADT/DenseSet.h"

#include <cstdint>
#include <string>

namespace llvm {
class Argument;
class Function;
class LoadInst;
class Module;
class StoreInst;
} // namespace llvm

namespace asap {

class PointsToGraph;
struct SlotVector;

/// Where a vector lives (representative nodes and field offsets).
struct SlotLayout {
  unsigned Container, Buffer;
  int64_t ItemsOff, CountOff;
  unsigned CountBytes;
};

/// What checkSlotMoves proved about one function.
struct SlotMoveFacts {
  /// Stores of an element taken from a slot into another slot: the element
  /// stays the vector's.
  llvm::DenseSet<const llvm::StoreInst *> Moves;
  /// Loads that always take their element out of the vector and only
  /// return it: the loaded pointer owns the element.
  llvm::DenseSet<const llvm::LoadInst *> Takes;
  /// The parameter through which the function reaches the container.
  const llvm::Argument *Container = nullptr;
};

/// Checks F against the slot discipline for the vector at L. Writers are the
/// functions that may write the container or the buffer (calls to them need
/// the invariant). Returns "" and fills Facts, or why F breaks it.
std::string checkSlotMoves(llvm::Function &F, const SlotLayout &L,
                           const PointsToGraph &G,
                           const llvm::DenseSet<const llvm::Function *> &Writers,
                           SlotMoveFacts &Facts);

/// Functions that may write the container node C or the buffer node B,
/// directly or through calls (indirect calls may write anything).
llvm::DenseSet<const llvm::Function *>
writersOf(llvm::Module &M, const PointsToGraph &G, unsigned C, unsigned B);

/// With takes, a read of a slot past the count or of a hole would be a
/// second pointer to an element that may be released: every function that
/// reads V's slots, besides its movers (already checked), must pass
/// checkSlotMoves too (SlotTakes.cpp). Returns "" or why one does not.
std::string checkReaders(llvm::Module &M, const PointsToGraph &G,
                         const SlotVector &V);

/// Whether V's takes may stand (SlotTakes.cpp): a taken element is
/// released where its new owner dies, so no other pointer to it may be
/// used after the take. The elements must be stored nowhere but in slots,
/// and no function may keep an element pointer it does not own (a slot
/// read, a borrowed result) live across a take or a call that may take.
/// Returns "" or why not.
std::string checkTakes(llvm::Module &M, const PointsToGraph &G,
                       const SlotVector &V);

} // namespace asap

#endif // ASAP_ANALYSIS_SLOTMOVES_H
