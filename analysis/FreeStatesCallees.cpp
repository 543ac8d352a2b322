//===- analysis/FreeStatesCallees.cpp - What calls do, for FreeStates ----===//
//
// CalleeFacts (FreeStates.h): the summary questions the release-state
// dataflow asks about a call to another function of the module. Kept apart
// from the dataflow: it is the only place check mode reads the
// interprocedural summaries, so what it relies on is visible at a glance.
//
//===----------------------------------------------------------------------===//
#include "analysis/FreeStates.h"
#include "analysis/Summaries.h"

#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"

using namespace llvm;

namespace asap {

static const FunctionSummary *summaryOf(const ModuleSummaries *Summaries,
                                        const CallBase &CB) {
  const Function *Callee = CB.getCalledFunction();
  return Summaries && Callee ? Summaries->lookup(Callee) : nullptr;
}

bool CalleeFacts::returnsFresh(const CallBase &CB) const {
  const FunctionSummary *S = summaryOf(Summaries, CB);
  return S && S->Ret == ReturnKind::FreshOwned && CB.getType()->isPointerTy();
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
