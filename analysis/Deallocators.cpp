//===- analysis/Deallocators.cpp - Release calls and allocation families --===//
//
// Thin layer over MemoryBuiltins (see Deallocators.h). The family strings are
// MemoryBuiltins' own mangled names so that comparisons stay exact; only the
// spelling helpers translate them for humans.
//
//===----------------------------------------------------------------------===//
#include "analysis/Deallocators.h"

#include "llvm/Analysis/MemoryBuiltins.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/InstrTypes.h"

using namespace llvm;

namespace asap {

const Value *releasedPointer(const CallBase &CB,
                             const TargetLibraryInfo &TLI) {
  if (const Value *Freed = getFreedOperand(&CB, &TLI))
    return Freed;
  if (isReallocCall(CB, TLI))
    return getReallocatedOperand(&CB);
  return nullptr;
}

bool isReallocCall(const CallBase &CB, const TargetLibraryInfo &TLI) {
  const Function *Callee = CB.getCalledFunction();
  if (!Callee || CB.isNoBuiltin())
    return false;
  if (isReallocLikeFn(Callee))
    return true;
  // realloc itself is known to TLI but carries no allockind attribute in
  // clang's output, so ask TLI by name as well.
  LibFunc Fn;
  return TLI.getLibFunc(*Callee, Fn) && TLI.has(Fn) &&
         (Fn == LibFunc_realloc || Fn == LibFunc_reallocf);
}

bool isHeapAllocation(const Value &V, const TargetLibraryInfo &TLI) {
  return isa<CallBase>(V) && isAllocationFn(&V, &TLI);
}

std::optional<StringRef> allocationFamily(const CallBase &CB,
                                          const TargetLibraryInfo &TLI) {
  return getAllocationFamily(&CB, &TLI);
}

StringRef allocatorSpelling(StringRef Family) {
  if (Family.startswith("_Znw") || Family.startswith("??2"))
    return "new";
  if (Family.startswith("_Zna") || Family.startswith("??_U"))
    return "new[]";
  return Family;
}

StringRef releaseSpelling(StringRef Family) {
  if (Family.startswith("_Znw") || Family.startswith("??2"))
    return "delete";
  if (Family.startswith("_Zna") || Family.startswith("??_U"))
    return "delete[]";
  if (Family == "vec_malloc")
    return "vec_free";
  return "free";
}

std::string releaseStatement(StringRef Family, StringRef Var) {
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
