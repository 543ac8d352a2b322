//===- passes/Printers.cpp - print<asap-allocs>, print<asap-lastuse> ------===//
//
// One line per allocation/deallocation or per owner, then indented detail
// lines, in program order so FileCheck patterns can follow the source.
// Unnamed values print with their slot numbers (%5), like opt does.
//
//===----------------------------------------------------------------------===//
#include "passes/Printers.h"
#include "analysis/AllocationSites.h"
#include "analysis/LastUse.h"
#include "analysis/Summaries.h"

#include "llvm/IR/BasicBlock.h"
#include "llvm/IR/DebugLoc.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/ModuleSlotTracker.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace asap {

namespace {

class Namer {
public:
  explicit Namer(Function &F) : MST(F.getParent()) {
    MST.incorporateFunction(F);
  }

  std::string operand(const Value *V) {
    std::string S;
    raw_string_ostream OS(S);
    V->printAsOperand(OS, /*PrintType=*/false, MST);
    return OS.str();
  }

  /// An instruction as a reader recognizes it: its result name, or for void
  /// instructions the opcode and callee ("call @puts", "store").
  std::string inst(const Instruction *I) {
    if (!I->getType()->isVoidTy())
      return operand(I);
    std::string S = I->getOpcodeName();
    if (auto *CB = dyn_cast<CallBase>(I))
      if (const Function *Callee = CB->getCalledFunction())
        S += (" @" + Callee->getName()).str();
    return S;
  }

private:
  ModuleSlotTracker MST;
};

std::string lineSuffix(const Instruction *I) {
  if (I)
    if (const DebugLoc &DL = I->getDebugLoc())
      if (DL.getLine())
        return " line " + std::to_string(DL.getLine());
  return "";
}

} // namespace

PreservedAnalyses AllocsPrinterPass::run(Function &F,
                                         FunctionAnalysisManager &FAM) {
  const AllocationInfo &Info = FAM.getResult<AllocationSitesAnalysis>(F);
  Namer N(F);
  for (const AllocationSite &S : Info.Sites) {
    OS << "alloc " << N.operand(S.Call) << " in " << F.getName() << ": "
       << S.calleeName() << "(";
    if (S.ConstantSize)
      OS << *S.ConstantSize;
    else
      OS << "?";
    OS << ") family=" << familyName(S.Family);
    if (S.Reallocated)
      OS << " reallocates " << N.operand(S.Reallocated);
    OS << lineSuffix(S.Call) << "\n";
  }
  for (const Deallocation &D : Info.Deallocs) {
    StringRef Callee = "<indirect>";
    if (const Function *Fn = D.Call->getCalledFunction())
      Callee = Fn->getName();
    OS << "dealloc in " << F.getName() << ": " << Callee << "("
       << N.operand(D.Freed) << ") family=" << familyName(D.Family)
       << lineSuffix(D.Call) << "\n";
  }
  return PreservedAnalyses::all();
}

PreservedAnalyses LastUsePrinterPass::run(Function &F,
                                          FunctionAnalysisManager &FAM) {
  // Computed here rather than taken from the cache so that the summaries,
  // when the module pipeline computed them, are always taken into account.
  const ModuleSummaries *Summaries =
      FAM.getResult<ModuleAnalysisManagerFunctionProxy>(F)
          .getCachedResult<SummaryAnalysis>(*F.getParent());
  const DominatorTree &DT = FAM.getResult<DominatorTreeAnalysis>(F);
  LastUseInfo LU = computeLastUse(
      F,
      computeOwnership(F, FAM.getResult<AllocationSitesAnalysis>(F), DT,
                       Summaries),
      DT);
  const OwnershipInfo &Own = LU.Ownership;
  if (!Own.FunctionBailReason.empty() && !Own.Owners.empty())
    OS << "function " << F.getName()
       << ": left alone: " << Own.FunctionBailReason << "\n";
  Namer N(F);
  for (const ObjectLifetime &L : LU.Lifetimes) {
    const Owner &O = LU.owner(L);
    const OwnerGroup &G = Own.groupOf(O);
    OS << "object " << N.operand(O.Root) << " in " << F.getName();
    if (O.Kind == OwnerKind::Phi)
      OS << " (phi)";
    else if (O.Kind == OwnerKind::SlotTake)
      OS << " (taken from a slot)";
    else if (O.Kind == OwnerKind::Take)
      OS << " (taken from " << N.operand(O.FieldAddr) << ")";
    else if (O.Kind == OwnerKind::Parameter)
      OS << " (owning parameter)";
    else if (O.Kind == OwnerKind::Select)
      OS << " (select)";
    if (O.Site && O.Site->Helper)
      OS << " (fresh from " << O.Site->Helper->getName() << ")";
    OS << ": " << decisionName(G.D);
    if (G.D != Decision::Owned)
      OS << ": " << G.Reason;
    if (!L.VarName.empty())
      OS << " var=" << L.VarName;
    OS << lineSuffix(O.Def) << "\n";
    if (O.Values.size() > 1) {
      OS << "  aliases:";
      for (unsigned I = 1; I < O.Values.size(); ++I)
        OS << (I > 1 ? ", " : " ") << N.operand(O.Values[I]);
      OS << "\n";
    }
    for (const Instruction *Into : O.MovedInto)
      OS << "  moves into " << N.operand(Into) << "\n";
    for (const Instruction *Into : O.MovedIntoField)
      OS << "  moves into an owning field" << lineSuffix(Into) << "\n";
    for (const Instruction *Realloc : O.ReallocatedBy)
      OS << "  reallocated by " << N.operand(Realloc) << lineSuffix(Realloc)
         << "\n";
    for (const Instruction *Ret : O.Returns)
      OS << "  moves to caller" << lineSuffix(Ret) << "\n";
    if (G.D == Decision::Undecided)
      continue;
    // For objects the program frees itself, the drop points are the paths on
    // which it does not: they print as leaks.
    StringRef Word = G.D == Decision::Owned ? "drop" : "leak";
    for (const DropPoint &D : L.Drops) {
      OS << "  " << Word;
      switch (D.Kind) {
      case DropPoint::AfterInstruction:
        OS << " after " << N.inst(D.After) << lineSuffix(D.After);
        break;
      case DropPoint::OnEdge:
        OS << " on edge " << N.operand(D.From) << " -> " << N.operand(D.To);
        if (D.LastUse)
          OS << " (last use " << N.inst(D.LastUse) << lineSuffix(D.LastUse)
             << ")";
        break;
      case DropPoint::UnchosenOfSelect:
        OS << " unchosen operand of " << N.operand(D.After);
        break;
      case DropPoint::AtEntry:
        OS << " at entry (never used)";
        break;
      }
      OS << "\n";
    }
  }
  return PreservedAnalyses::all();
}

PreservedAnalyses SummaryPrinterPass::run(Module &M,
                                          ModuleAnalysisManager &MAM) {
  MAM.getResult<SummaryAnalysis>(M).print(OS, M);
  return PreservedAnalyses::all();
}

PreservedAnalyses ShapesPrinterPass::run(Module &M,
                                         ModuleAnalysisManager &MAM) {
  if (const ModuleSummaries &S = MAM.getResult<SummaryAnalysis>(M); S.Shapes)
    S.Shapes->print(OS);
  return PreservedAnalyses::all();
}

} // namespace asap
