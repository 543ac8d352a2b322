//===- driver/ExplainMode.cpp - asapc explain -----------------------------===//
//
// For every allocation site of the program, the decision build mode takes
// and why, in source terms: owned (and where the compiler releases it, or
// that it moves to the caller), freed by the program itself, or undecided
// (with the reason and the line that decided it; build mode leaves those to
// the collector). It reads the same LastUseAnalysis that asap-free uses,
// after the same asap-prepare canonicalization, on the whole program.
//
//===----------------------------------------------------------------------===//

#include "driver/DriverError.h"
#include "driver/Frontend.h"
#include "driver/Modes.h"
#include "driver/Options.h"
#include "driver/PassRunner.h"

#include "analysis/AllocationSites.h"
#include "analysis/LastUse.h"
#include "analysis/Ownership.h"
#include "passes/Findings.h"
#include "passes/Pipeline.h"
#include "passes/SourceInfo.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <tuple>

using namespace llvm;

namespace asap {
namespace driver {

namespace {

struct Explanation {
  SourceLocation Loc;
  std::string Text;
};

std::string lineList(const SetVector<unsigned> &Lines) {
  std::vector<unsigned> Sorted(Lines.begin(), Lines.end());
  llvm::sort(Sorted);
  std::vector<std::string> Parts;
  for (unsigned L : Sorted)
    Parts.push_back(std::to_string(L));
  return (Sorted.size() == 1 ? "line " : "lines ") + join(Parts, ", ");
}

void addLine(SetVector<unsigned> &Lines, const Instruction *I) {
  if (!I)
    return;
  if (unsigned L = sourceLocationOf(I).Line)
    Lines.insert(L);
}

/// What happens to the object of one allocation site, from its group.
std::string describeDecision(const LastUseInfo &Info, const Owner &O) {
  const OwnershipInfo &Own = Info.Ownership;
  const OwnerGroup &G = Own.groupOf(O);
  switch (G.D) {
  case Decision::Undecided: {
    std::string Text = "undecided: " + G.Reason;
    if (G.ReasonAt && !StringRef(G.Reason).contains("line"))
      if (unsigned L = sourceLocationOf(G.ReasonAt).Line)
        Text += " (line " + std::to_string(L) + ")";
    return Text + "; build mode leaves it to the collector";
  }
  case Decision::FreedByProgram: {
    SetVector<unsigned> Lines;
    for (unsigned M : G.Members)
      for (const CallBase *R : Own.Owners[M].ReleasedBy)
        addLine(Lines, R);
    std::string Text = "freed by the program";
    if (!Lines.empty())
      Text += " (" + lineList(Lines) + ")";
    return Text + "; build mode adds nothing";
  }
  case Decision::Owned:
    break;
  }
  // Owned: the group's drop points are where build mode releases it; a
  // group without drops hands the object to the caller.
  SetVector<unsigned> Released, Returned, IntoField, Lent;
  bool OnEdge = false;
  for (unsigned M : G.Members) {
    for (const DropPoint &D : Info.Lifetimes[M].Drops) {
      addLine(Released, D.LastUse ? D.LastUse : D.After);
      OnEdge |= D.isEdge();
    }
    for (const Instruction *R : Own.Owners[M].Returns)
      addLine(Returned, R);
    for (const Instruction *S : Own.Owners[M].MovedIntoField)
      addLine(IntoField, S);
    for (const Instruction *S : Own.Owners[M].LentThrough)
      addLine(Lent, S);
  }
  std::string Text = "owned";
  if (!Released.empty())
    Text += std::string(", released after its last use on ") +
            lineList(Released) + (OnEdge ? " (on a branch edge)" : "");
  if (!Returned.empty())
    Text += std::string(Released.empty() ? ", " : "; ") +
            "moved to the caller (returned on " + lineList(Returned) + ")";
  if (!IntoField.empty())
    Text += std::string(Released.empty() && Returned.empty() ? ", " : "; ") +
            "moved into an owning field (" + lineList(IntoField) +
            "), released with its container";
  if (Released.empty() && Returned.empty() && IntoField.empty())
    Text += ", never used after allocation";
  if (!Lent.empty())
    Text += "; lent to a stack struct (" + lineList(Lent) +
            "), kept alive while the struct is read";
  return Text;
}

/// Runs after asap-prepare: one explanation per allocation site.
class ExplainPass : public PassInfoMixin<ExplainPass> {
public:
  explicit ExplainPass(std::vector<Explanation> &Out) : Out(Out) {}

  PreservedAnalyses run(Module &M, ModuleAnalysisManager &MAM) {
    FunctionAnalysisManager &FAM =
        MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
    for (Function &F : M) {
      if (F.isDeclaration())
        continue;
      const LastUseInfo &Info = FAM.getResult<LastUseAnalysis>(F);
      const OwnershipInfo &Own = Info.Ownership;
      if (!Own.FunctionBailReason.empty()) {
        // The analysis left the whole function alone: every site of it is
        // undecided for the same reason.
        for (const AllocationSite &Site :
             FAM.getResult<AllocationSitesAnalysis>(F).Sites)
          Out.push_back(explain(F, Site.Call, Site.calleeName(),
                                sourceVariableName(Site.Call),
                                "undecided: " + Own.FunctionBailReason +
                                    " (the whole function is left alone)"));
        continue;
      }
      for (const Owner &O : Own.Owners) {
        if (O.Kind != OwnerKind::Allocation || !O.Site || !O.Def)
          continue;
        Out.push_back(explain(F, O.Def, O.Site->calleeName(), variableNameOf(O),
                              describeDecision(Info, O)));
      }
    }
    return PreservedAnalyses::all();
  }

private:
  static Explanation explain(const Function &F, const Instruction *Site,
                             StringRef Callee, const std::string &Var,
                             std::string Decision) {
    Explanation E;
    E.Loc = sourceLocationOf(Site);
    E.Text = (Var.empty() ? std::string() : "'" + Var + "' = ") + Callee.str() +
             "(...) in " + sourceFunctionName(F) + ": " + Decision;
    return E;
  }

  std::vector<Explanation> &Out;
};

} // namespace

Expected<int> runExplain(const DriverOptions &Opts) {
  LLVMContext Ctx;
  Expected<std::vector<TranslationUnit>> Units = compileSources(Opts, Ctx);
  if (!Units)
    return Units.takeError();

  Expected<std::vector<std::unique_ptr<Module>>> Linked =
      programsToAnalyse(std::move(*Units), "explaining");
  if (!Linked)
    return Linked.takeError();
  std::vector<std::unique_ptr<Module>> Programs = std::move(*Linked);

  std::vector<Explanation> All;
  PipelineOptions PO;
  PO.UseRuntime = true; // The decisions of build mode.
  for (std::unique_ptr<Module> &M : Programs)
    if (Error E = runPipeline(*M, "asap-prepare", PO, nullptr, std::nullopt,
                              [&](ModulePassManager &MPM) {
                                // As asap-free does: with the interprocedural
                                // summaries, so helpers count as they do in
                                // build mode.
                                addSummaries(MPM);
                                MPM.addPass(ExplainPass(All));
                              }))
      return E;

  std::stable_sort(All.begin(), All.end(),
                   [](const Explanation &A, const Explanation &B) {
                     return std::tie(A.Loc.File, A.Loc.Line, A.Loc.Column) <
                            std::tie(B.Loc.File, B.Loc.Line, B.Loc.Column);
                   });
  for (const Explanation &E : All) {
    if (E.Loc.isValid()) {
      outs() << displayPath(E.Loc.File) << ':' << E.Loc.Line;
      if (E.Loc.Column)
        outs() << ':' << E.Loc.Column;
      outs() << ": ";
    }
    outs() << E.Text << '\n';
  }
  outs() << All.size()
         << (All.size() == 1 ? " allocation site" : " allocation sites")
         << '\n';
  return ExitClean;
}

} // namespace driver
} // namespace asap
