//===- analysis/AllocationSites.h - Heap allocations and releases -*- C++ -*-//
//
// Finds, in one function, every call that creates a fresh heap object
// (malloc, calloc, realloc, aligned_alloc, strdup/strndup, operator new and
// new[], and the collector's GC_malloc family) and every call that releases
// one (free, operator delete/delete[], realloc's old pointer, GC_free).
// Recognition goes through LLVM's MemoryBuiltins and TargetLibraryInfo, so
// only genuine library allocators count, not user functions with the same
// name and a different signature. Everything else in asap (ownership, last
// use, check mode) starts from these sites.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_ALLOCATIONSITES_H
#define ASAP_ANALYSIS_ALLOCATIONSITES_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/IR/PassManager.h"

#include <optional>
#include <vector>

namespace llvm {
class CallBase;
class Function;
class TargetLibraryInfo;
class Value;
} // namespace llvm

namespace asap {

/// Which deallocator matches an allocation (check mode's mismatch rule).
enum class AllocFamily {
  Malloc,   ///< malloc/calloc/realloc/strdup/aligned_alloc ... -> free
  New,      ///< operator new -> operator delete
  NewArray, ///< operator new[] -> operator delete[]
  GC,       ///< GC_malloc family: owned by the collector, never freed here
  Unknown,  ///< an allocator with an "alloc-family" we do not know
};

llvm::StringRef familyName(AllocFamily F); ///< "malloc", "new", "new[]", "gc"

struct AllocationSite {
  llvm::CallBase *Call = nullptr;       ///< The call; its result is the object.
  AllocFamily Family = AllocFamily::Malloc;
  std::optional<uint64_t> ConstantSize; ///< Bytes, when the size is constant.
  /// realloc-like sites also release this operand (the old object).
  llvm::Value *Reallocated = nullptr;
  /// Set when the call is to a function of this module whose summary says
  /// it returns a fresh object that the caller owns (analysis/Summaries.h).
  const llvm::Function *Helper = nullptr;
  llvm::StringRef calleeName() const;
};

struct Deallocation {
  llvm::CallBase *Call = nullptr;
  llvm::Value *Freed = nullptr;       ///< The operand being released.
  AllocFamily Family = AllocFamily::Malloc;
  bool IsRealloc = false;             ///< realloc(p, n): p is released.
};

/// All allocation and deallocation calls of one function, in instruction
/// order.
struct AllocationInfo {
  std::vector<AllocationSite> Sites;
  std::vector<Deallocation> Deallocs;

  /// The site whose call is V, or null.
  const AllocationSite *siteFor(const llvm::Value *V) const;
  /// The deallocation performed by call CB, or null.
  const Deallocation *deallocFor(const llvm::CallBase *CB) const;

private:
  friend AllocationInfo findAllocations(llvm::Function &,
                                        const llvm::TargetLibraryInfo &);
  llvm::DenseMap<const llvm::Value *, unsigned> SiteIndex;
  llvm::DenseMap<const llvm::Value *, unsigned> DeallocIndex;
};

/// Classifies CB as an allocation (returns the site) if it is one.
std::optional<AllocationSite> classifyAllocation(llvm::CallBase &CB,
                                                 const llvm::TargetLibraryInfo &TLI);
/// Classifies CB as a deallocation if it is one (realloc counts).
std::optional<Deallocation> classifyDeallocation(llvm::CallBase &CB,
                                                 const llvm::TargetLibraryInfo &TLI);

AllocationInfo findAllocations(llvm::Function &F,
                               const llvm::TargetLibraryInfo &TLI);

/// New-PM function analysis wrapper (requires TargetLibraryAnalysis).
class AllocationSitesAnalysis
    : public llvm::AnalysisInfoMixin<AllocationSitesAnalysis> {
public:
  using Result = AllocationInfo;
  Result run(llvm::Function &F, llvm::FunctionAnalysisManager &FAM);

private:
  friend llvm::AnalysisInfoMixin<AllocationSitesAnalysis>;
  static llvm::AnalysisKey Key;
};

} // namespace asap

#endif // ASAP_ANALYSIS_ALLOCATIONSITES_H
