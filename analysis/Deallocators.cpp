//===- analysis/Deallocators.cpp - Release calls and their spelling -------===//
//
// Thin layer over AllocationSites' classification (see Deallocators.h).
// classifyAllocation/classifyDeallocation take mutable calls because build
// mode rewrites them; check mode only reads, hence the const_casts.
//
//===----------------------------------------------------------------------===//
#include "analysis/Deallocators.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/InstrTypes.h"

using namespace llvm;

namespace asap {

namespace {
CallBase &mutableCall(const CallBase &CB) { return const_cast<CallBase &>(CB); }
} // namespace

const Value *releasedPointer(const CallBase &CB, const TargetLibraryInfo &TLI) {
  if (std::optional<Deallocation> D =
          classifyDeallocation(mutableCall(CB), TLI))
    return D->Freed;
  return nullptr;
}

bool isReallocCall(const CallBase &CB, const TargetLibraryInfo &TLI) {
  std::optional<Deallocation> D = classifyDeallocation(mutableCall(CB), TLI);
  return D && D->IsRealloc;
}

bool isHeapAllocation(const Value &V, const TargetLibraryInfo &TLI) {
  const auto *CB = dyn_cast<CallBase>(&V);
  return CB && classifyAllocation(mutableCall(*CB), TLI).has_value();
}

std::optional<AllocFamily> allocationFamily(const CallBase &CB,
                                            const TargetLibraryInfo &TLI) {
  std::optional<AllocFamily> Family;
  if (std::optional<AllocationSite> S =
          classifyAllocation(mutableCall(CB), TLI))
    Family = S->Family;
  else if (std::optional<Deallocation> D =
               classifyDeallocation(mutableCall(CB), TLI))
    Family = D->Family;
  if (Family == AllocFamily::Unknown)
    return std::nullopt;
  return Family;
}

StringRef allocatorSpelling(AllocFamily Family) {
  switch (Family) {
  case AllocFamily::Malloc:
    return "malloc";
  case AllocFamily::New:
    return "new";
  case AllocFamily::NewArray:
    return "new[]";
  case AllocFamily::GC:
    return "GC_MALLOC";
  case AllocFamily::Unknown:
    break;
  }
  return "an allocator";
}

StringRef releaseSpelling(AllocFamily Family) {
  switch (Family) {
  case AllocFamily::Malloc:
    return "free";
  case AllocFamily::New:
    return "delete";
  case AllocFamily::NewArray:
    return "delete[]";
  case AllocFamily::GC:
    return "GC_FREE";
  case AllocFamily::Unknown:
    break;
  }
  return "free";
}

std::string releaseStatement(AllocFamily Family, StringRef Var) {
  StringRef Release = releaseSpelling(Family);
  if (Release.startswith("delete"))
    return (Release + " " + Var + ";").str();
  return (Release + "(" + Var + ");").str();
}

std::string calleeSpelling(const CallBase &CB) {
  const Function *Callee = CB.getCalledFunction();
  if (!Callee)
    return "an indirect call";
  std::string Name = demangle(Callee->getName().str());
  // "operator delete(void*, unsigned long)" reads better without the
  // parameter list in a one-line message.
  size_t Paren = Name.find('(');
  if (Name.rfind("operator", 0) == 0 && Paren != std::string::npos)
    Name.resize(Paren);
  return Name;
}

} // namespace asap
