//===- analysis/Ownership.h - Which SSA values own heap objects -*- C++ -*-===//
//
// Intraprocedural ownership: every allocation site's result is an *owner*
// (an SSA value carrying the obligation to release one object, or null). A
// phi or select that merges distinct owners is a new owner that *moves* them;
// GEPs, casts, borrow phis/selects (all inputs derived from one dominating
// owner) and pointers returned into an argument by model-table calls are
// *aliases* whose uses extend the owner's life. Every use of an owner or an
// alias is classified as a borrow, a move (into an owner phi/select, or to
// the caller through `ret`), a release by the program (free/delete/realloc),
// or an escape (stored to memory, passed to a call that may keep or free it,
// converted to an integer, merged with a foreign pointer ...).
//
// Owners connected by moves form a *group* (the same object may be held by
// any of them). A group is Owned only if nothing in it escapes and the
// program never releases it; otherwise it is FreedByProgram or Undecided,
// with a human-readable reason. LastUse refines this (an owner still used
// after being moved makes its group Undecided).
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_OWNERSHIP_H
#define ASAP_ANALYSIS_OWNERSHIP_H

#include "analysis/AllocationSites.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

#include <string>
#include <vector>

namespace llvm {
class Argument;
class DominatorTree;
class Function;
class Instruction;
class StoreInst;
class Value;
} // namespace llvm

namespace asap {

enum class OwnerKind {
  Allocation, ///< Allocation call, or call to a helper returning a fresh
              ///< object.
  Phi,
  Select,
  Parameter, ///< A pointer parameter: when summarizing a function (the
             ///< caller owns it), or an owning parameter (CalleeOwned).
  Take,      ///< A pointer loaded from an owning field of an object this
             ///< function owns and then moved on: the child leaves its
             ///< container (asap-free nulls the field after the load).
  SlotTake,  ///< A pointer loaded from a slot of a vector whose slot moves
             ///< are proven (SlotMoves.h): the element has left the vector.
};

enum class Decision {
  Owned,          ///< This function releases it (or moves it to the caller).
  FreedByProgram, ///< The program releases it itself: asap-free leaves it.
  Undecided,      ///< Cannot be proven owned: never released statically.
};

llvm::StringRef decisionName(Decision D); ///< "owned", "freed by program", ...

struct Owner {
  llvm::Instruction *Def = nullptr; ///< The allocation call, phi or select
                                    ///< (null for a Parameter).
  llvm::Value *Root = nullptr;      ///< Def, or the Argument of a Parameter.
  OwnerKind Kind = OwnerKind::Allocation;
  std::optional<AllocationSite> Site; ///< For Kind == Allocation.
  /// For a Take or an owning Parameter: the family of its objects.
  std::optional<AllocFamily> Family;
  /// For a Parameter: every caller moves an owned object in, so this
  /// function releases it where it dies (ModuleSummaries::OwningParams).
  bool CalleeOwned = false;
  /// For a Take: the owner whose field it is loaded from, and the address.
  unsigned Container = 0;
  llvm::Value *FieldAddr = nullptr;
  unsigned Group = 0;
  /// Def first, then every alias whose only base is this owner.
  llvm::SmallVector<llvm::Value *, 8> Values;
  /// Owner phis/selects this owner moves into.
  llvm::SmallVector<llvm::Instruction *, 2> MovedInto;
  /// `ret` instructions that move it to the caller.
  llvm::SmallVector<llvm::Instruction *, 2> Returns;
  /// Stores that move it into an owning field of another object.
  llvm::SmallVector<llvm::Instruction *, 2> MovedIntoField;
  /// Program calls that release it (free, delete).
  llvm::SmallVector<llvm::CallBase *, 2> ReleasedBy;
  /// realloc calls that consume it: the result is a new owner. This is a
  /// move, not a release: the group stays Owned as long as the object is
  /// dead after the realloc (LastUse checks that).
  llvm::SmallVector<llvm::CallBase *, 2> ReallocatedBy;
  /// Null tests of a buffer after it was stored back into its field
  /// (`v->items = realloc(v->items, n); if (!v->items)`): they read no
  /// memory, so they do not keep the object alive here.
  llvm::SmallVector<llvm::Instruction *, 1> NullTestsAfterMove;
  /// Stores that lend it to a stack struct (StackBorrows.h), and the
  /// instructions reading that struct after them: they keep it alive.
  llvm::SmallVector<llvm::StoreInst *, 1> LentThrough;
  llvm::SmallVector<llvm::Instruction *, 4> KeptAliveBy;
};

struct OwnerGroup {
  Decision D = Decision::Owned;
  std::string Reason; ///< Why Undecided, e.g. "stored to memory"
  llvm::Instruction *ReasonAt = nullptr;  ///< The instruction that decided it.
  llvm::SmallVector<unsigned, 2> Members; ///< Indices into Owners.
};

/// How a user instruction treats the owner/alias it uses.
enum class UseRole { Alias, Borrow, Move, Return, Release, Escape };

class OwnershipInfo {
public:
  std::vector<Owner> Owners; ///< Allocation sites first, in order.
  std::vector<OwnerGroup> Groups;
  /// Non-empty when the whole function is left alone (setjmp, asm, invoke).
  std::string FunctionBailReason;

  /// Index of the owner V is (or is an alias of), or -1.
  int ownerIndexOf(const llvm::Value *V) const;
  const Owner *ownerOf(const llvm::Value *V) const {
    int I = ownerIndexOf(V);
    return I < 0 ? nullptr : &Owners[I];
  }
  const OwnerGroup &groupOf(const Owner &O) const { return Groups[O.Group]; }
  /// True when V is the owner value itself (not an alias).
  bool isOwner(const llvm::Value *V) const;
  /// The allocator family of O's group (its sites, takes and owning
  /// parameters must agree), or std::nullopt.
  std::optional<AllocFamily> groupFamily(const Owner &O) const;
  /// Marks O's group Undecided with Reason unless it already is.
  void markUndecided(const Owner &O, std::string Reason, llvm::Instruction *At);

  /// Role of user U with respect to the owner/alias V it uses.
  UseRole roleOf(const llvm::Instruction *U, const llvm::Value *V) const;

private:
  friend class OwnershipBuilder;
  llvm::DenseMap<const llvm::Value *, unsigned> Index;
  llvm::DenseMap<std::pair<const llvm::Instruction *, const llvm::Value *>,
                 UseRole>
      Roles;
};

class ModuleSummaries;

/// Computes ownership for F. DT is needed to tell borrow phis from moves.
/// With Summaries, calls to summarized functions of the module are judged by
/// their summaries (fresh results become owners, borrowed parameters are
/// borrows, consumed ones releases), and the module's owning parameters
/// (every caller moves an owned object in) are owners this function
/// releases. IncludeParams adds an owner for every pointer parameter, so
/// that the roles of its uses can be summarized; children are never taken
/// out of the parameters in KeptParams (see FieldTakes.h).
OwnershipInfo computeOwnership(
    llvm::Function &F, const AllocationInfo &Allocs,
    const llvm::DominatorTree &DT, const ModuleSummaries *Summaries = nullptr,
    bool IncludeParams = false,
    const llvm::SmallPtrSetImpl<const llvm::Argument *> *KeptParams = nullptr);

} // namespace asap

#endif // ASAP_ANALYSIS_OWNERSHIP_H
