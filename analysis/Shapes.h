//===- analysis/Shapes.h - Which struct fields own their pointee -*- C++ -*-===//
//
// Containment. A unification-based (Steensgaard) points-to graph over the
// whole module, field-sensitive by constant byte offset, groups heap objects
// into abstract nodes: every pointer SSA value points into one node, every
// (node, offset) field points to one node. A field is *owning* when
//   * neither its node nor the node it points to is reachable from a global,
//     an unknown call, an integer conversion or an unanalysable access
//     (escaped), neither may be a stack object, and the container is not
//     collapsed (accessed at variable offsets);
//   * the pointee node's objects all come from malloc-family allocation
//     sites and are never released by the program (no free/realloc on them);
//   * every store into the field anywhere in the module stores null or an
//     owner (not an alias) that moves there: Owned, and dead after the store.
// The last condition needs the ownership analysis, which itself treats stores
// into owning fields as moves and loads from them as aliases of the
// container: so the set is found by starting from every candidate field and
// removing those whose stores are not moves until nothing changes
// (computeShapes does this together with the function summaries).
//
// Releasing an object whose node has owning fields releases, iteratively
// with an explicit heap stack, everything reachable through owning fields.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_SHAPES_H
#define ASAP_ANALYSIS_SHAPES_H

#include "analysis/AllocationSites.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/PassManager.h"

#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class DataLayout;
class Function;
class Module;
class Value;
class raw_ostream;
} // namespace llvm

namespace asap {

class ModuleSummaries;
class SlotVectors;
struct SlotVector;
class StackBorrows;

/// (base, constant byte offset) of an address: LLVM's
/// stripAndAccumulateConstantOffsets, accepting non-inbounds GEPs.
std::pair<const llvm::Value *, int64_t>
baseAndOffset(const llvm::Value *Addr, const llvm::DataLayout &DL);

/// The data layout of V's module (an instruction's or an argument's), or
/// null for constants.
const llvm::DataLayout *dataLayoutOf(const llvm::Value *V);

/// A constant global without non-null pointers: copying it (clang's
/// `T x = {...}`, a byval argument) writes only null pointers.
bool isPointerFreeConstant(const llvm::Value *V);

/// Steensgaard points-to graph with byte-offset fields.
class PointsToGraph {
public:
  explicit PointsToGraph(llvm::Module &M, llvm::FunctionAnalysisManager &FAM);

  /// The node V points into (its representative), or -1 for null/undef or
  /// non-pointers.
  int nodeOf(const llvm::Value *V) const;
  /// For an address: its node and constant byte offset into it, if known.
  std::optional<std::pair<unsigned, int64_t>>
  fieldOf(const llvm::Value *Addr) const;
  /// The node the field (N, Off) points to, if any pointer was stored/loaded.
  int targetOf(unsigned N, int64_t Off) const;

  bool isEscaped(unsigned N) const { return Nodes[find(N)].Escaped; }
  bool isCollapsed(unsigned N) const { return Nodes[find(N)].Collapsed; }
  /// The element size of an array node (indexed at variable offsets by a
  /// multiple of it, and otherwise field-sensitive within one element), or
  /// 0. Offsets into an array node are taken modulo its stride.
  int64_t strideOf(unsigned N) const { return Nodes[find(N)].Stride; }
  bool isReleasedByProgram(unsigned N) const { return Nodes[find(N)].Released; }
  /// Written byte-wise by a library call (memset with a non-zero byte,
  /// sprintf, fread, qsort...): a pointer field could hold anything.
  bool isClobbered(unsigned N) const { return Nodes[find(N)].Clobbered; }
  /// May N be a stack object (an alloca, or unified with one)?
  bool isStack(unsigned N) const { return Nodes[find(N)].Stack; }
  /// Copied byte-wise by memcpy/memmove (as source or destination)?
  bool isCopied(unsigned N) const { return Nodes[find(N)].Copied; }
  /// Copied by a copy that may duplicate the pointers it carries (one not
  /// exempted in finish()): its fields' pointees escape.
  bool isDuplicated(unsigned N) const { return Nodes[find(N)].Duplicated; }
  /// The node F's returned pointers point into, or -1.
  int returnNodeOf(const llvm::Function *F) const {
    auto It = ReturnNode.find(F);
    return It == ReturnNode.end() ? -1 : int(find(It->second));
  }
  const std::string &escapeReason(unsigned N) const {
    return Nodes[find(N)].Reason;
  }
  /// memcpy/memmove calls, with the nodes they copy between.
  struct Copy {
    const llvm::CallBase *Call;
    unsigned Dest, Src;
  };
  const std::vector<Copy> &copies() const { return Copies; }
  /// Ends construction: marks the nodes copied byte-wise by every copy but
  /// the Exempt ones (whose records the caller proved move, not duplicate,
  /// what they hold) and propagates escapes through fields.
  void finish(const llvm::DenseSet<const llvm::CallBase *> &Exempt);
  /// Allocation calls whose objects belong to N.
  const llvm::SmallVector<AllocationSite, 2> &sites(unsigned N) const {
    return Nodes[find(N)].Sites;
  }
  /// Representative nodes with at least one pointer field, in creation order.
  std::vector<unsigned> nodesWithFields() const;
  /// Pointer fields of N: offset -> target node.
  std::map<int64_t, unsigned> fields(unsigned N) const;

  unsigned find(unsigned N) const;
  /// Is [Off, Off+Size) of node N ever read or written as non-pointer data?
  bool overlapsRawAccess(unsigned N, int64_t Off, int64_t Size) const;

private:
  struct RawRange {
    const llvm::Value *Base;
    int64_t Off, Size;
  };
  std::vector<RawRange> Raw;
  struct Node {
    unsigned Parent;
    std::map<int64_t, unsigned> Fields;
    int64_t Stride = 0;
    bool Collapsed = false, Escaped = false, Released = false,
         Clobbered = false, Stack = false;
    /// Copied byte-wise (memcpy source or destination): the objects its
    /// pointer fields point to may be pointed to from several places.
    bool Copied = false, Duplicated = false;
    std::string Reason;
    llvm::SmallVector<AllocationSite, 2> Sites;
  };
  unsigned newNode();
  unsigned unify(unsigned A, unsigned B);
  unsigned field(unsigned N, int64_t Off);
  void collapse(unsigned N);
  void setStride(unsigned N, int64_t Stride);
  int64_t normalize(unsigned N, int64_t Off) const;
  void escape(unsigned N, const std::string &Why);
  unsigned pts(const llvm::Value *V);
  void visit(llvm::Function &F, llvm::FunctionAnalysisManager &FAM);
  void unifyCopies();
  void propagateEscapes();
  /// memcpy/memmove calls, unified field by field once every function is
  /// visited.
  std::vector<Copy> Copies;
  const AllocationSite *wrappedAllocation(llvm::Function &W,
                                          llvm::FunctionAnalysisManager &FAM);

  mutable std::vector<Node> Nodes;
  llvm::DenseMap<const llvm::Value *, unsigned> ValueNode;
  llvm::DenseMap<const llvm::Function *, unsigned> ReturnNode;
  /// Allocator wrappers (see wrappedAllocation), and the non-wrappers.
  llvm::DenseMap<const llvm::Function *, std::optional<AllocationSite>>
      Wrappers;
};

/// The owning fields of the module (see the file comment).
class ShapeInfo {
public:
  std::unique_ptr<PointsToGraph> Graph;
  /// Stack structs whose stores are borrows (see StackBorrows.h).
  std::shared_ptr<StackBorrows> Lenders;
  /// Push-only vectors, whose elements own their pointees (SlotVectors.h).
  std::shared_ptr<SlotVectors> Slots;
  /// (representative node, offset) of every owning field.
  std::set<std::pair<unsigned, int64_t>> Owning;
  /// Why candidate fields were found not to be owning (for the printer).
  std::map<std::pair<unsigned, int64_t>, std::string> NotOwning;

  /// Is the memory at Addr an owning field (or an owning element field of a
  /// slot vector, or a field of a record moved into one)?
  bool isOwningField(const llvm::Value *Addr) const;
  /// Takes the field at Addr (an owning one) out of the owning set.
  void demote(const llvm::Value *Addr, const std::string &Why);
  /// Does the node the owner V points to have owning fields (so its release
  /// must be a deep drop)?
  bool needsDeepDrop(const llvm::Value *V) const;
  /// The slot vectors of container node N that own elements (their buffer
  /// field is owning).
  std::vector<const SlotVector *> ownedVectors(unsigned N) const;
  /// Owning fields of node N (representative), sorted by offset.
  std::vector<std::pair<int64_t, unsigned>> owningFields(unsigned N) const;

  void print(llvm::raw_ostream &OS) const;
};

} // namespace asap

#endif // ASAP_ANALYSIS_SHAPES_H
