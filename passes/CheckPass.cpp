//===- passes/CheckPass.cpp - asap-check: memory-safety diagnostics -------===//
//
// Runs the check rules (CheckRules.h) over every defined function and hands
// the findings to the sink, or renders them when there is none (opt use).
// Functions are checked callees first (post-order of the call graph's SCCs)
// so that each one's release states can tell its callers which parameters
// it releases on every path that returns (CalleeFacts::ReleasesOnReturn);
// with the interprocedural summaries (SummaryAnalysis, computed first by the
// pipeline) that is what lets check mode follow objects across functions.
// Functions calling setjmp-like functions are skipped: a longjmp re-enters
// them along paths the CFG does not show, so no state computed over the CFG
// can be trusted there.
//
//===----------------------------------------------------------------------===//
#include "passes/CheckPass.h"

#include "analysis/FreeStates.h"
#include "analysis/LastUse.h"
#include "analysis/Summaries.h"
#include "passes/CheckRules.h"
#include "passes/Findings.h"

#include "llvm/ADT/SCCIterator.h"
#include "llvm/Analysis/CallGraph.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace llvm;

static cl::opt<std::string>
    SarifOutput("asap-sarif",
                cl::desc("asap-check without a driver: also write the "
                         "findings as SARIF 2.1.0 to this file"),
                cl::value_desc("file"));

namespace asap {

namespace {

bool callsReturnsTwice(const Function &F) {
  for (const Instruction &I : instructions(F))
    if (const auto *CB = dyn_cast<CallBase>(&I))
      if (CB->hasFnAttr(Attribute::ReturnsTwice))
        return true;
  return F.callsFunctionThatReturnsTwice();
}

/// Records the pointer parameters F releases on every path that returns
/// (or that are null there), for its callers. Only parameters the summary
/// calls consumed and nothing else (never escaping, never captured) count:
/// anything less certain leaves callers silent.
void recordReleases(const Function &F, const FreeStates &States,
                    CalleeFacts &Facts) {
  const FunctionSummary *S =
      Facts.Summaries ? Facts.Summaries->lookup(&F) : nullptr;
  if (!S)
    return;
  SmallVector<const ReturnInst *, 2> Returns;
  for (const BasicBlock &BB : F)
    if (const auto *Ret = dyn_cast<ReturnInst>(BB.getTerminator()))
      Returns.push_back(Ret);
  if (Returns.empty())
    return;
  for (const Argument &A : F.args()) {
    if (!A.getType()->isPointerTy() || A.getArgNo() >= S->Params.size() ||
        S->Params[A.getArgNo()].Flags != PF_Consumed)
      continue;
    const CallBase *First = nullptr;
    bool Always = true;
    for (const ReturnInst *Ret : Returns)
      for (const PathCase &C : States.before(&A, Ret)) {
        if (C.State == ObjectState::Absent)
          continue;
        if (C.State != ObjectState::Released || C.ReleasedAt < 0) {
          Always = false;
          continue;
        }
        const auto *R = dyn_cast<CallBase>(States.instruction(C.ReleasedAt));
        if (!R)
          Always = false;
        else if (!First)
          First = R;
      }
    if (Always && First)
      Facts.ReleasesOnReturn[&F].push_back({A.getArgNo(), First});
  }
}

void checkFunction(Function &F, FunctionAnalysisManager &FAM, FindingSet &Out,
                   CalleeFacts &Facts) {
  if (callsReturnsTwice(F))
    return;
  const TargetLibraryInfo &TLI = FAM.getResult<TargetLibraryAnalysis>(F);
  const LoopInfo &LI = FAM.getResult<LoopAnalysis>(F);
  const LastUseInfo &LastUse = FAM.getResult<LastUseAnalysis>(F);
  const DominatorTree &DT = FAM.getResult<DominatorTreeAnalysis>(F);
  FreeStates States(F, TLI, DT, LI, Facts.Summaries ? &Facts : nullptr);
  if (Facts.Summaries)
    recordReleases(F, States, Facts);

  std::vector<Finding> Findings;
  checkReleaseOrder(F, States, TLI, Findings);
  checkDeallocators(F, States, TLI, DT, Findings);
  checkLeaks(F, States, LastUse, TLI, Findings);
  for (Finding &Fd : Findings)
    Out.add(std::move(Fd));
}

void writeSarifFile(StringRef Path, const FindingSet &Set) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_Text);
  if (EC) {
    errs() << "asap-check: error: cannot write SARIF file '" << Path
           << "': " << EC.message() << "\n";
    std::exit(2);
  }
  writeSarif(OS, Set);
}

} // namespace

PreservedAnalyses CheckPass::run(Module &M, ModuleAnalysisManager &MAM) {
  FunctionAnalysisManager &FAM =
      MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  FindingSet Local;
  FindingSet &Out = Sink ? *Sink : Local;
  CalleeFacts Facts;
  Facts.Summaries = MAM.getCachedResult<SummaryAnalysis>(M);
  unsigned OptNone = 0;
  // Callees before callers; inside a recursive SCC a call to a member not
  // yet checked releases nothing for certain (silence, never a guess).
  CallGraph CG(M);
  for (scc_iterator<CallGraph *> SCC = scc_begin(&CG); !SCC.isAtEnd(); ++SCC)
    for (CallGraphNode *Node : *SCC) {
      Function *F = Node->getFunction();
      if (!F || F->isDeclaration())
        continue;
      // asap-prepare's passes skip optnone functions (clang -O0), so their
      // locals stay in memory and every object looks escaped: say so once
      // rather than report nothing silently.
      if (F->hasOptNone())
        ++OptNone;
      checkFunction(*F, FAM, Out, Facts);
    }

  if (!Sink && OptNone)
    errs() << "asap-check: warning: " << OptNone
           << (OptNone == 1 ? " function is" : " functions are")
           << " optnone (clang -O0) and could not be prepared; compile with "
              "-O1 or -Xclang -disable-O0-optnone\n";
  if (!Sink) {
    Local.normalize();
    printText(errs(), Local, errs().has_colors());
    if (!SarifOutput.empty())
      writeSarifFile(SarifOutput, Local);
  }
  return PreservedAnalyses::all();
}

} // namespace asap
