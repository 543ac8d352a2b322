//===- analysis/Deallocators.h - Release calls and allocation families -*- C++ -*-//
//
// The check rules need to know, for a call, whether it releases memory and
// which allocator family it belongs to (malloc, operator new, operator new[],
// their aligned variants), and how to spell the matching release in source
// (free(p); / delete p; / delete[] p;) for fix-its. Recognition goes through
// LLVM's MemoryBuiltins and TargetLibraryInfo, which know the mangled C++
// names (_Znwm, _Znam, _ZdlPv, _ZdaPv and the sized/aligned variants).
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_DEALLOCATORS_H
#define ASAP_ANALYSIS_DEALLOCATORS_H

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

/// Allocation site recognized by MemoryBuiltins (malloc, calloc, realloc,
/// aligned_alloc, strdup, operator new/new[], allocator attributes).
bool isHeapAllocation(const llvm::Value &V,
                      const llvm::TargetLibraryInfo &TLI);

/// Family of an allocation or release call as MemoryBuiltins names it
/// ("malloc", "_Znwm", "_Znam", "_ZnwmSt11align_val_t", ...).
std::optional<llvm::StringRef>
allocationFamily(const llvm::CallBase &CB, const llvm::TargetLibraryInfo &TLI);

/// How a family's allocation reads in source: "malloc", "new", "new[]".
llvm::StringRef allocatorSpelling(llvm::StringRef Family);
/// How its release reads in source: "free", "delete", "delete[]".
llvm::StringRef releaseSpelling(llvm::StringRef Family);
/// Statement releasing Var the way its family requires: "free(buf);",
/// "delete p;", "delete[] a;".
std::string releaseStatement(llvm::StringRef Family, llvm::StringRef Var);

/// Name of the called function as written in source, for messages: the
/// demangled operator names and plain C names otherwise.
std::string calleeSpelling(const llvm::CallBase &CB);

} // namespace asap

#endif // ASAP_ANALYSIS_DEALLOCATORS_H
