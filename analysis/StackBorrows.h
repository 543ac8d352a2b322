//===- analysis/StackBorrows.h - Stack structs that lend pointers -*- C++ -*-===//
//
// C passes context around in small stack structs:
//
//   Parser p = {Tokens, 0};       // store %Tokens into field 0 of alloca %p
//   Ast *a = parse_expr(&p);      // callees read p.TL, never keep it
//
// Storing an owned pointer into memory normally makes it undecided: the
// memory is a second reference we cannot follow. For a stack struct whose
// contents are only ever read and used during the frame that owns it, the
// store is a borrow instead: the object must stay alive while the struct
// can still be read, and nothing else changes.
//
// A stack node of the points-to graph *lends* what is stored in it when
//   * all its objects are allocas (no heap or global object joins it), it
//     is not escaped, not copied byte-wise, no pointer to it is stored in
//     memory and no function returns a pointer into it;
//   * every pointer loaded from it, anywhere in the module, is "lent", and
//     so is everything derived from a lent pointer (GEPs, casts, phis,
//     selects, pointers loaded through it, results of calls that return a
//     lent pointer, parameters that receive one). A lent pointer may be
//     dereferenced, compared, passed to borrowing library calls and stored
//     into an alloca of the same node in the storing function (its frame
//     ends first); it may not be stored anywhere else, freed,
//     converted to an integer, called, copied out with memcpy, passed to an
//     unknown function, or returned from a function that owns one of the
//     node's allocas (its frame is where the loan ends).
// Then every lent pointer lives within the dynamic extent of the frame
// that owns the alloca, and is used there only through instructions that
// use the alloca or a lent pointer: its *readers*. A borrow store keeps the
// stored object alive up to the last reader it dominates (Ownership marks
// the object undecided when a reader can follow the store without being
// dominated by it, e.g. around a loop).
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_STACKBORROWS_H
#define ASAP_ANALYSIS_STACKBORROWS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <map>
#include <string>
#include <vector>

namespace llvm {
class AllocaInst;
class DominatorTree;
class Function;
class Instruction;
class Module;
class StoreInst;
class Value;
class raw_ostream;
} // namespace llvm

namespace asap {

class OwnershipInfo;
class PointsToGraph;

class StackBorrows {
public:
  StackBorrows(llvm::Module &M, const PointsToGraph &G);

  /// If SI stores into an alloca of its own function whose node lends what
  /// it holds, that alloca.
  const llvm::AllocaInst *lendingAlloca(const llvm::StoreInst &SI) const;
  /// Instructions of A's function that use A, a pointer into A's node or a
  /// lent pointer (phis excluded: their users are readers).
  const std::vector<llvm::Instruction *> &
  readers(const llvm::AllocaInst &A) const;

  /// Per stack node with pointer fields: whether it lends, or why not.
  void print(llvm::raw_ostream &OS) const;

private:
  const PointsToGraph &G;
  /// Representative stack node -> "" when it lends, else the reason.
  std::map<unsigned, std::string> Verdict;
  /// Functions with allocas in each node, for printing.
  std::map<unsigned, std::vector<const llvm::Function *>> OwnerNames;
  /// Readers per lending alloca: see readers().
  mutable llvm::DenseMap<const llvm::AllocaInst *,
                         std::vector<llvm::Instruction *>>
      Readers;
  /// Lent values of each lending node, for readers().
  std::map<unsigned, std::vector<const llvm::Value *>> Lent;
};

/// Owners stored into a lending stack struct (Owner::LentThrough) stay
/// alive until the struct's last reader their store dominates; an owner
/// whose store does not dominate a reader it reaches, or that also moves
/// elsewhere, becomes undecided.
void applyStackBorrows(OwnershipInfo &Info, const StackBorrows &SB,
                       const llvm::DominatorTree &DT);

} // namespace asap

#endif // ASAP_ANALYSIS_STACKBORROWS_H
