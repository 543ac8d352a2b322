//===- analysis/FreeStatesCallees.cpp - What calls do, for FreeStates ----===//
//
// CalleeFacts (FreeStates.h): the summary questions the release-state
// dataflow asks about a call to another function of the module. Kept apart
// from the dataflow: it is the only place check mode reads the
// interprocedural summaries, so what it relies on is visible at a glance.
//
//===----------------------------------------------------------------------===//
#include "analysis/FreeStates.h"
#include "analysis/PointerOrigins.h"
#include "analysis/Summaries.h"

#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace asap {

static const FunctionSummary *summaryOf(const ModuleSummaries *Summaries,
                                        const CallBase &CB) {
  const Function *Callee = CB.getCalledFunction();
  return Summaries && Callee ? Summaries->lookup(Callee) : nullptr;
}

/// True when some return of F may yield something other than the null
/// constant. The summaries call a function fresh-owned when no returned
/// value is borrowed, which a function that only ever returns null also
/// satisfies; check mode must not make its call sites allocation sites.
/// A returned call to another function of the module yields what that one
/// does (`return oom_fault(db);`); Memo breaks recursion optimistically
/// (a cycle of functions that return each other's results and null
/// otherwise returns only null). A `false` found below the top may rest on
/// such a provisional answer, so only the top call keeps it.
static bool mayReturnNonNull(const Function &F,
                             DenseMap<const Function *, bool> &Memo,
                             unsigned Depth = 0) {
  if (auto It = Memo.find(&F); It != Memo.end())
    return It->second;
  if (Depth > 8)
    return true; // Deep chains of helpers: assume an allocation.
  Memo[&F] = false;
  bool NonNull = false;
  const DataLayout &DL = F.getParent()->getDataLayout();
  for (const BasicBlock &BB : F) {
    const auto *Ret = dyn_cast<ReturnInst>(BB.getTerminator());
    const Value *RV = Ret ? Ret->getReturnValue() : nullptr;
    if (!RV)
      continue;
    PointerOrigins O = findPointerOrigins(RV, DL, nullptr);
    NonNull |= O.Incomplete;
    for (const PointerBase &B : O.Bases) {
      const auto *Call = dyn_cast<CallBase>(B.Base);
      const Function *G = Call ? Call->getCalledFunction() : nullptr;
      NonNull |= !G || G->isDeclaration() ||
                 mayReturnNonNull(*G, Memo, Depth + 1);
    }
    if (NonNull)
      break;
  }
  if (NonNull || Depth == 0)
    Memo[&F] = NonNull;
  else
    Memo.erase(&F);
  return NonNull;
}

bool CalleeFacts::returnsFresh(const CallBase &CB) const {
  const FunctionSummary *S = summaryOf(Summaries, CB);
  if (!S || S->Ret != ReturnKind::FreshOwned || !CB.getType()->isPointerTy())
    return false;
  const Function *Callee = CB.getCalledFunction();
  return mayReturnNonNull(*Callee, ReturnsNonNull);
}

int CalleeFacts::releasedArgument(const CallBase &CB,
                                  const CallBase **Inner) const {
  const Function *Callee = CB.getCalledFunction();
  if (!Callee)
    return -1;
  auto It = ReleasesOnReturn.find(Callee);
  if (It == ReleasesOnReturn.end() || It->second.empty())
    return -1;
  auto [ArgNo, Release] = It->second.front();
  if (ArgNo >= CB.arg_size())
    return -1;
  if (Inner)
    *Inner = Release;
  return ArgNo;
}

std::optional<bool> CalleeFacts::borrows(const CallBase &CB,
                                         unsigned ArgNo) const {
  const FunctionSummary *S = summaryOf(Summaries, CB);
  if (!S || ArgNo >= S->Params.size() || !S->Params[ArgNo].IsPointer)
    return std::nullopt;
  return S->Params[ArgNo].isBorrowed();
}

} // namespace asap
