//===- analysis/Deallocators.h - Release calls and their spelling -*- C++ -*-//
//
// The check rules need to know, for a call, whether it releases memory, which
// allocator family it belongs to (malloc, operator new, operator new[], the
// collector's GC_malloc), and how to spell the matching release in source
// (free(p); / delete p; / delete[] p;) for messages and fix-its.
// Recognition is AllocationSites' (MemoryBuiltins and TargetLibraryInfo,
// plus the libc allocators LLVM 16 only knows by attribute), so that check
// mode and build mode agree on what an allocation is; this file only adapts
// it to the questions the check rules ask.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_DEALLOCATORS_H
#define ASAP_ANALYSIS_DEALLOCATORS_H

#include "analysis/AllocationSites.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace llvm {
class CallBase;
class TargetLibraryInfo;
class Value;
} // namespace llvm

namespace asap {

/// The pointer a call releases: free/delete's operand, or realloc's old
/// pointer (realloc releases it when it succeeds). Null when CB releases
/// nothing.
const llvm::Value *releasedPointer(const llvm::CallBase &CB,
                                   const llvm::TargetLibraryInfo &TLI);

/// True when CB is a realloc-like call (it both releases and allocates).
bool isReallocCall(const llvm::CallBase &CB,
                   const llvm::TargetLibraryInfo &TLI);

/// True when V is a call creating a fresh heap object.
bool isHeapAllocation(const llvm::Value &V, const llvm::TargetLibraryInfo &TLI);

/// Family of an allocation or release call; empty when CB is neither or its
/// family is unknown.
std::optional<AllocFamily> allocationFamily(const llvm::CallBase &CB,
                                            const llvm::TargetLibraryInfo &TLI);

/// How a family's allocation reads in source: "malloc", "new", "new[]",
/// "GC_MALLOC".
llvm::StringRef allocatorSpelling(AllocFamily Family);
/// How its release reads in source: "free", "delete", "delete[]", "GC_FREE".
llvm::StringRef releaseSpelling(AllocFamily Family);
/// Statement releasing Var the way its family requires: "free(buf);",
/// "delete p;", "delete[] a;".
std::string releaseStatement(AllocFamily Family, llvm::StringRef Var);

/// Name of the called function as written in source, for messages: the
/// demangled operator names and plain C names otherwise.
std::string calleeSpelling(const llvm::CallBase &CB);

} // namespace asap

#endif // ASAP_ANALYSIS_DEALLOCATORS_H
