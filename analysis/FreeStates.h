//===- analysis/FreeStates.h - Forward release-state dataflow ---*- C++ -*-===//
//
// For every heap object allocated in a function (one abstract object per
// allocation site, standing for its most recent instance), a forward
// dataflow over the CFG computes what may have happened to it at each point:
// not allocated (or the allocation returned null), live, released, released
// through a pointer that may not be it, or escaped. asap-check reads it to
// report double frees and uses after free, and to decide whether a drop
// point computed by LastUse is reached while the object is still unreleased
// (a leak).
//
// The state at a point is a small set of path cases. A case may carry the
// values of branch conditions on its path when the same condition guards
// several branches, so that `if (f) free(p); ... if (!f) use(p);` is not a
// use after free. Beyond that the analysis is path-insensitive (see
// docs/check.md for what that leaves out).
//
// Across functions (CalleeFacts): a call to a function whose summary says
// it returns a fresh owned object is an allocation site of the caller, a
// call to one that releases a parameter on every path that returns is a
// release of that argument, and a parameter the summary calls borrowed is
// a use, not an escape. Anything less certain stays an escape (silence).
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_FREESTATES_H
#define ASAP_ANALYSIS_FREESTATES_H

#include "analysis/PointerOrigins.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace llvm {
class BasicBlock;
class CallBase;
class DominatorTree;
class Function;
class Instruction;
class LoopInfo;
class TargetLibraryInfo;
class Value;
} // namespace llvm

namespace asap {

class ModuleSummaries;

/// What calls to other functions of the module do to their arguments and
/// results, as far as check mode may rely on it (see CheckPass.cpp, which
/// computes ReleasesOnReturn bottom-up over the call graph).
struct CalleeFacts {
  const ModuleSummaries *Summaries = nullptr;
  /// Per function, its parameters released on every path that returns
  /// (null-tested ones may be absent instead), with the release in it.
  llvm::DenseMap<
      const llvm::Function *,
      llvm::SmallVector<std::pair<unsigned, const llvm::CallBase *>, 1>>
      ReleasesOnReturn;
  /// Per callee: some return may yield a non-null pointer (memoized).
  mutable llvm::DenseMap<const llvm::Function *, bool> ReturnsNonNull;

  /// True when CB's callee returns a fresh object its caller owns. A callee
  /// whose every returned value is null is not one, whatever its summary
  /// says (`void *oom(db) { ...; return 0; }` allocates nothing).
  bool returnsFresh(const llvm::CallBase &CB) const;
  /// The argument CB releases for certain (if it returns), or -1, and the
  /// release inside the callee.
  int releasedArgument(const llvm::CallBase &CB,
                       const llvm::CallBase **Inner = nullptr) const;
  /// Whether the callee's summary says argument ArgNo is only borrowed
  /// (empty without a summary).
  std::optional<bool> borrows(const llvm::CallBase &CB, unsigned ArgNo) const;
};

enum class ObjectState : uint8_t {
  Absent,        ///< Not allocated on this path, or the allocation failed.
  Live,          ///< Allocated and not released.
  Released,      ///< Released by a call that certainly targeted it.
  MaybeReleased, ///< Released through a pointer that may be another object.
  Escaped,       ///< Stored to memory, passed on to unknown code, returned.
};

/// Which instance of an allocation site a pointer refers to at a point.
/// A pointer carried around a loop by a header phi holds, after the
/// allocation has run again in the current iteration, the instance of the
/// previous iteration.
enum class Instance : uint8_t {
  None,     ///< It does not point into the object.
  Current,  ///< The most recent instance, on every path.
  Previous, ///< The instance of the previous loop iteration, on every path.
  Unknown,  ///< Either, or some other object as well.
};

/// One class of paths reaching a point.
struct PathCase {
  ObjectState State = ObjectState::Absent;
  /// Index (FreeStates::instruction) of the release, for Released.
  int ReleasedAt = -1;
  /// The same for the previous iteration's instance.
  ObjectState PrevState = ObjectState::Absent;
  int PrevReleasedAt = -1;
  /// Values of tracked branch conditions on these paths, sorted by id.
  llvm::SmallVector<std::pair<unsigned, bool>, 2> Facts;
  /// Pointer phis that, on these paths, were entered from an edge carrying
  /// something other than this object (`p = NULL` after a free), sorted ids.
  llvm::SmallVector<unsigned, 1> Elsewhere;
  /// Pointer phis that, on these paths, were entered from an edge carrying
  /// exactly this object's current instance (`n = head` entering a list
  /// walk), sorted ids: a release or use through them is certain.
  llvm::SmallVector<unsigned, 1> Holds;
  /// Values of integer flag phis (all incoming values constant, tested by a
  /// branch) on these paths, sorted by phi id: `freed = 1` on one edge.
  llvm::SmallVector<std::pair<unsigned, int64_t>, 1> Flags;

  bool operator<(const PathCase &O) const;
  bool operator==(const PathCase &O) const;
};

/// Sorted, duplicate-free set of cases.
using CaseSet = std::vector<PathCase>;

/// A double free or use after free found on some path.
struct MemoryEvent {
  enum EventKind { DoubleFree, UseAfterFree } Kind;
  const llvm::Instruction *At = nullptr;
  const llvm::Value *Object = nullptr;
  /// The releases that may have happened before At, in program order.
  llvm::SmallVector<const llvm::CallBase *, 2> EarlierReleases;
};

class FreeStates {
public:
  FreeStates(const llvm::Function &F, const llvm::TargetLibraryInfo &TLI,
             const llvm::DominatorTree &DT, const llvm::LoopInfo &LI,
             const CalleeFacts *Callees = nullptr);
  ~FreeStates();

  /// Allocation sites of the function, in program order, then its pointer
  /// arguments (objects the caller owns: they can be released and then used
  /// here, but never leak here).
  llvm::ArrayRef<const llvm::Value *> objects() const { return Objects; }

  /// Cases of Obj just before / just after I.
  CaseSet before(const llvm::Value *Obj, const llvm::Instruction *I) const;
  CaseSet after(const llvm::Value *Obj, const llvm::Instruction *I) const;
  /// Cases of Obj on the CFG edge From -> To.
  CaseSet onEdge(const llvm::Value *Obj, const llvm::BasicBlock *From,
                 const llvm::BasicBlock *To) const;

  /// True when some case has the instance allocated and unreleased.
  static bool mayBeLive(const CaseSet &Cases,
                        Instance Which = Instance::Current);

  /// Which instance of Obj a pointer with these origins refers to at At
  /// (only the origins' entries for Obj are considered).
  Instance instanceAt(const PointerOrigins &Origins, const llvm::Value *Obj,
                      const llvm::Instruction *At) const;

  /// Double frees and uses after free, in program order of At.
  llvm::ArrayRef<MemoryEvent> events() const { return Events; }

  /// True when V is one of this function's allocation sites (a heap
  /// allocation, or a call returning a fresh object of the module).
  bool isAllocationSite(const llvm::Value *V) const;
  /// What this analysis knew about callees (null: one function alone).
  const CalleeFacts *callees() const { return Callees; }

  /// Origins of a pointer (cached).
  const PointerOrigins &origins(const llvm::Value *Ptr) const;

  /// Instruction by its program-order index.
  const llvm::Instruction *instruction(int Index) const {
    return Instructions[Index];
  }

  struct Impl;

private:
  std::unique_ptr<Impl> P;
  const CalleeFacts *Callees = nullptr;
  llvm::SmallVector<const llvm::Value *, 8> Objects;
  std::vector<const llvm::Instruction *> Instructions;
  std::vector<MemoryEvent> Events;
};

} // namespace asap

#endif // ASAP_ANALYSIS_FREESTATES_H
