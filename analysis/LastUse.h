//===- analysis/LastUse.h - Where each owned object dies --------*- C++ -*-===//
//
// Backward liveness of every owner together with all of its aliases (GEPs,
// casts, borrow phis, pointers returned into it), then the points where the
// object goes from live to dead without having been moved: its *drop
// points*. A drop point is either "right after instruction I" (I is the last
// use on that path, or the definition when the object is never used) or a
// CFG edge From->To on which the object dies (the object is live at the end
// of From but To does not need it; inserting there needs an edge split when
// the edge is critical). asap-free releases the object at its drop points;
// asap-check uses them as fix-its for leaks.
//
// Loops need no special case: an object allocated in a loop body and not
// carried around the back edge dies inside the same iteration.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_LASTUSE_H
#define ASAP_ANALYSIS_LASTUSE_H

#include "analysis/Ownership.h"

#include "llvm/IR/PassManager.h"

#include <string>
#include <vector>

namespace llvm {
class BasicBlock;
class DominatorTree;
class Function;
class Instruction;
} // namespace llvm

namespace asap {

struct DropPoint {
  enum KindTy {
    AfterInstruction, ///< Release right after After (after all phis if After is
                      ///< a phi).
    OnEdge,           ///< Release on the CFG edge From -> To.
    UnchosenOfSelect, ///< After the owner select After, release the operand it
                      ///< did not pick.
    AtEntry,          ///< At the top of the function (an owning parameter
                      ///< that is never used); To is the entry block.
  };
  KindTy Kind = AfterInstruction;
  llvm::Instruction *After = nullptr;
  llvm::BasicBlock *From = nullptr, *To = nullptr;
  /// The last instruction that uses the object on this path (the definition
  /// when it is never used; for edges, the last use in From or From's
  /// terminator). Gives the release its debug location and fix-its their line.
  llvm::Instruction *LastUse = nullptr;

  bool isEdge() const { return Kind == OnEdge; }
  /// For AfterInstruction/UnchosenOfSelect: where a release call is inserted
  /// (before the returned instruction).
  llvm::Instruction *insertionPoint() const;
};

/// One owner (allocation call, owner phi or owner select) and where it dies.
struct ObjectLifetime {
  unsigned OwnerIndex = 0;
  /// Every path on which the owner dies without being moved or released by
  /// the program. Computed for Owned and FreedByProgram groups (for the
  /// latter they are exactly the paths that leak), empty when Undecided.
  llvm::SmallVector<DropPoint, 2> Drops;
  /// Source-level variable name from debug info, empty when unknown.
  std::string VarName;
};

class LastUseInfo {
public:
  OwnershipInfo Ownership;
  std::vector<ObjectLifetime> Lifetimes; ///< Parallel to Ownership.Owners.

  const Owner &owner(const ObjectLifetime &L) const {
    return Ownership.Owners[L.OwnerIndex];
  }
  Decision decisionOf(const ObjectLifetime &L) const {
    return Ownership.groupOf(owner(L)).D;
  }
  /// The lifetime of the owner V is or aliases, or null.
  const ObjectLifetime *lifetimeOf(const llvm::Value *V) const;
  /// Whether the object owned by Owners[OwnerIndex] (through any alias) may
  /// still be used after instruction I.
  bool isLiveAfter(unsigned OwnerIndex, const llvm::Instruction *I) const;

private:
  friend LastUseInfo computeLastUse(llvm::Function &, OwnershipInfo,
                                    const llvm::DominatorTree &);
  /// Per owner: blocks where the object is live on entry / on exit.
  std::vector<llvm::DenseMap<const llvm::BasicBlock *, bool>> LiveIn, LiveOut;
};

/// Liveness and drop points for every owner of Ownership (which it takes
/// over and refines: owners used after a move become Undecided).
LastUseInfo computeLastUse(llvm::Function &F, OwnershipInfo Ownership,
                           const llvm::DominatorTree &DT);

/// The debug-info name of V (or of one of its aliases), empty when unknown.
std::string variableNameOf(const Owner &O);

/// New-PM function analysis: allocation sites -> ownership -> last use.
class LastUseAnalysis : public llvm::AnalysisInfoMixin<LastUseAnalysis> {
public:
  using Result = LastUseInfo;
  Result run(llvm::Function &F, llvm::FunctionAnalysisManager &FAM);

private:
  friend llvm::AnalysisInfoMixin<LastUseAnalysis>;
  static llvm::AnalysisKey Key;
};

} // namespace asap

#endif // ASAP_ANALYSIS_LASTUSE_H
