//===- analysis/AllocationSites.cpp - Heap allocations and releases -------===//
//
// Recognition is delegated to LLVM's MemoryBuiltins (which knows libc's and
// the C++ ABI's allocators through TargetLibraryInfo and "allockind"
// attributes); only the Boehm-style GC_* entry points, which LLVM does not
// model, are matched by name and signature.
//
//===----------------------------------------------------------------------===//
#include "analysis/AllocationSites.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace asap {

AnalysisKey AllocationSitesAnalysis::Key;

StringRef familyName(AllocFamily F) {
  switch (F) {
  case AllocFamily::Malloc:
    return "malloc";
  case AllocFamily::New:
    return "new";
  case AllocFamily::NewArray:
    return "new[]";
  case AllocFamily::GC:
    return "gc";
  case AllocFamily::Unknown:
    break;
  }
  return "unknown";
}

StringRef AllocationSite::calleeName() const {
  if (const Function *F = Call ? Call->getCalledFunction() : nullptr)
    return F->getName();
  return "<indirect>";
}

/// Maps MemoryBuiltins' family identifiers (mangled allocator names) to ours.
static AllocFamily familyFromLLVM(std::optional<StringRef> Id) {
  if (!Id)
    return AllocFamily::Unknown;
  StringRef S = *Id;
  if (S == "malloc" || S == "vec_malloc")
    return AllocFamily::Malloc;
  if (S.startswith("_Znw") || S.startswith("??2"))
    return AllocFamily::New;
  if (S.startswith("_Zna") || S.startswith("??_U"))
    return AllocFamily::NewArray;
  return AllocFamily::Unknown;
}

enum class GCEntry { None, Alloc, Dup, Realloc, Free };

/// The collector's API as exposed by gc.h (GC_MALLOC expands to GC_malloc...).
static GCEntry gcEntry(const CallBase &CB) {
  const Function *F = CB.getCalledFunction();
  if (!F || !F->isDeclaration())
    return GCEntry::None;
  return StringSwitch<GCEntry>(F->getName())
      .Cases("GC_malloc", "GC_malloc_atomic", "GC_malloc_uncollectable",
             "GC_malloc_ignore_off_page", "GC_malloc_atomic_ignore_off_page",
             GCEntry::Alloc)
      .Cases("GC_strdup", "GC_strndup", GCEntry::Dup)
      .Case("GC_realloc", GCEntry::Realloc)
      .Case("GC_free", GCEntry::Free)
      .Default(GCEntry::None);
}

/// The libc allocators LLVM 16 recognizes only through attributes that the
/// inferattrs pass adds (allockind, alloc-family, allocsize). Analyses must
/// not depend on that pass having run, so they are also matched here through
/// TargetLibraryInfo (name and prototype checked). Returns the index of the
/// size argument (-1: calloc's product, -2: none) and the reallocated operand.
struct LibcAllocator {
  int SizeArg;
  bool IsRealloc;
};

static std::optional<LibcAllocator> libcAllocator(const CallBase &CB,
                                                  const TargetLibraryInfo &TLI) {
  const Function *F = CB.getCalledFunction();
  LibFunc LF;
  if (!F || CB.isNoBuiltin() || !TLI.getLibFunc(*F, LF) || !TLI.has(LF))
    return std::nullopt;
  switch (LF) {
  case LibFunc_malloc:
  case LibFunc_valloc:
    return LibcAllocator{0, false};
  case LibFunc_calloc:
    return LibcAllocator{-1, false};
  case LibFunc_aligned_alloc:
  case LibFunc_memalign:
    return LibcAllocator{1, false};
  case LibFunc_realloc:
  case LibFunc_reallocf:
    return LibcAllocator{1, true};
  case LibFunc_strdup:
  case LibFunc_strndup:
  case LibFunc_dunder_strdup:
  case LibFunc_dunder_strndup:
    return LibcAllocator{-2, false};
  default:
    return std::nullopt;
  }
}

static bool isLibcFree(const CallBase &CB, const TargetLibraryInfo &TLI) {
  const Function *F = CB.getCalledFunction();
  LibFunc LF;
  return F && !CB.isNoBuiltin() && TLI.getLibFunc(*F, LF) && TLI.has(LF) &&
         LF == LibFunc_free && CB.arg_size() == 1;
}

std::optional<AllocationSite>
classifyAllocation(CallBase &CB, const TargetLibraryInfo &TLI) {
  auto *Ty = dyn_cast<PointerType>(CB.getType());
  if (!Ty || Ty->getAddressSpace() != 0)
    return std::nullopt;
  AllocationSite Site;
  Site.Call = &CB;
  GCEntry GC = gcEntry(CB);
  if (GC == GCEntry::Alloc || GC == GCEntry::Dup || GC == GCEntry::Realloc) {
    Site.Family = AllocFamily::GC;
    if (GC == GCEntry::Realloc)
      Site.Reallocated = CB.getArgOperand(0);
    if (GC == GCEntry::Alloc)
      if (auto *C = dyn_cast<ConstantInt>(CB.getArgOperand(0)))
        Site.ConstantSize = C->getZExtValue();
    return Site;
  }
  if (std::optional<LibcAllocator> A = libcAllocator(CB, TLI)) {
    Site.Family = AllocFamily::Malloc;
    if (A->IsRealloc)
      Site.Reallocated = CB.getArgOperand(0);
    auto ConstArg = [&](unsigned I) -> std::optional<uint64_t> {
      if (auto *C = dyn_cast<ConstantInt>(CB.getArgOperand(I)))
        if (C->getValue().getActiveBits() <= 64)
          return C->getZExtValue();
      return std::nullopt;
    };
    if (A->SizeArg >= 0)
      Site.ConstantSize = ConstArg(A->SizeArg);
    else if (A->SizeArg == -1) {
      std::optional<uint64_t> N = ConstArg(0), Size = ConstArg(1);
      if (N && Size && (*Size == 0 || *N <= UINT64_MAX / *Size))
        Site.ConstantSize = *N * *Size;
    }
    return Site;
  }
  if (!isAllocationFn(&CB, &TLI))
    return std::nullopt;
  Site.Family = familyFromLLVM(getAllocationFamily(&CB, &TLI));
  Site.Reallocated = getReallocatedOperand(&CB);
  if (std::optional<APInt> Size = getAllocSize(&CB, &TLI))
    if (Size->getActiveBits() <= 64)
      Site.ConstantSize = Size->getZExtValue();
  return Site;
}

std::optional<Deallocation>
classifyDeallocation(CallBase &CB, const TargetLibraryInfo &TLI) {
  Deallocation D;
  D.Call = &CB;
  switch (gcEntry(CB)) {
  case GCEntry::Free:
    D.Freed = CB.getArgOperand(0);
    D.Family = AllocFamily::GC;
    return D;
  case GCEntry::Realloc:
    D.Freed = CB.getArgOperand(0);
    D.Family = AllocFamily::GC;
    D.IsRealloc = true;
    return D;
  default:
    break;
  }
  if (isLibcFree(CB, TLI)) {
    D.Freed = CB.getArgOperand(0);
    D.Family = AllocFamily::Malloc;
    return D;
  }
  if (std::optional<LibcAllocator> A = libcAllocator(CB, TLI)) {
    if (!A->IsRealloc)
      return std::nullopt;
    D.Freed = CB.getArgOperand(0);
    D.Family = AllocFamily::Malloc;
    D.IsRealloc = true;
    return D;
  }
  if (Value *Freed = getFreedOperand(&CB, &TLI)) {
    D.Freed = Freed;
    D.Family = familyFromLLVM(getAllocationFamily(&CB, &TLI));
    return D;
  }
  if (isAllocationFn(&CB, &TLI))
    if (Value *Old = getReallocatedOperand(&CB)) {
      D.Freed = Old;
      D.Family = familyFromLLVM(getAllocationFamily(&CB, &TLI));
      D.IsRealloc = true;
      return D;
    }
  return std::nullopt;
}

AllocationInfo findAllocations(Function &F, const TargetLibraryInfo &TLI) {
  AllocationInfo Info;
  for (Instruction &I : instructions(F)) {
    auto *CB = dyn_cast<CallBase>(&I);
    if (!CB)
      continue;
    if (std::optional<AllocationSite> S = classifyAllocation(*CB, TLI)) {
      Info.SiteIndex[CB] = Info.Sites.size();
      Info.Sites.push_back(*S);
    }
    if (std::optional<Deallocation> D = classifyDeallocation(*CB, TLI)) {
      Info.DeallocIndex[CB] = Info.Deallocs.size();
      Info.Deallocs.push_back(*D);
    }
  }
  return Info;
}

const AllocationSite *AllocationInfo::siteFor(const Value *V) const {
  auto It = SiteIndex.find(V);
  return It == SiteIndex.end() ? nullptr : &Sites[It->second];
}

const Deallocation *AllocationInfo::deallocFor(const CallBase *CB) const {
  auto It = DeallocIndex.find(CB);
  return It == DeallocIndex.end() ? nullptr : &Deallocs[It->second];
}

AllocationInfo AllocationSitesAnalysis::run(Function &F,
                                            FunctionAnalysisManager &FAM) {
  return findAllocations(F, FAM.getResult<TargetLibraryAnalysis>(F));
}

} // namespace asap
