//===- passes/CheckPass.cpp - asap-check: memory-safety diagnostics -------===//
//
// Runs the check rules (CheckRules.h) over every defined function and hands
// the findings to the sink, or renders them when there is none (opt use).
// Functions calling setjmp-like functions are skipped: a longjmp re-enters
// them along paths the CFG does not show, so no state computed over the CFG
// can be trusted there.
//
//===----------------------------------------------------------------------===//
#include "passes/CheckPass.h"

#include "analysis/FreeStates.h"
#include "analysis/LastUse.h"
#include "passes/CheckRules.h"
#include "passes/Findings.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/InstrTypes.h"
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

void checkFunction(Function &F, FunctionAnalysisManager &FAM, FindingSet &Out) {
  if (callsReturnsTwice(F))
    return;
  const TargetLibraryInfo &TLI = FAM.getResult<TargetLibraryAnalysis>(F);
  const LoopInfo &LI = FAM.getResult<LoopAnalysis>(F);
  const LastUseInfo &LastUse = FAM.getResult<LastUseAnalysis>(F);
  const DominatorTree &DT = FAM.getResult<DominatorTreeAnalysis>(F);
  FreeStates States(F, TLI, DT, LI);

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
  unsigned OptNone = 0;
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    // asap-prepare's passes skip optnone functions (clang -O0), so their
    // locals stay in memory and every object looks escaped: say so once
    // rather than report nothing silently.
    if (F.hasOptNone())
      ++OptNone;
    checkFunction(F, FAM, Out);
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
