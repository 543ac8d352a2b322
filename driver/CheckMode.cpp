//===- driver/CheckMode.cpp - asapc check ---------------------------------===//
//
// Compiles the sources, links them into one program when they form one
// (falling back to one module at a time when they do not, e.g. a database
// holding several programs), runs asap-prepare-check and asap-check with a
// FindingSet the driver owns, then renders all findings once: sorted and
// de-duplicated, filtered by the baseline, as text on stderr and SARIF.
//
//===----------------------------------------------------------------------===//

#include "driver/DriverError.h"
#include "driver/FixIts.h"
#include "driver/Frontend.h"
#include "driver/Modes.h"
#include "driver/Options.h"
#include "driver/PassRunner.h"

#include "passes/Findings.h"
#include "passes/Pipeline.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace asap {
namespace driver {

namespace {

bool useColor(const DriverOptions &Opts) {
  if (Opts.ForceColor)
    return true;
  if (Opts.NoColor || sys::Process::GetEnv("NO_COLOR"))
    return false;
  return errs().has_colors();
}

Error writeSarifFile(StringRef Path, const FindingSet &Set) {
  if (Path == "-") {
    writeSarif(outs(), Set);
    outs().flush();
    return Error::success();
  }
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_Text);
  if (EC)
    return inputError("cannot write SARIF to '" + Path + "': " + EC.message());
  writeSarif(OS, Set);
  OS.close();
  if (OS.has_error()) {
    std::string Msg = OS.error().message();
    OS.clear_error();
    return inputError("cannot write SARIF to '" + Path + "': " + Msg);
  }
  return Error::success();
}

Error toInputError(Error E) {
  if (!E)
    return E;
  return inputError(toString(std::move(E)));
}

} // namespace

Expected<int> runCheck(const DriverOptions &Opts) {
  // Read the baseline first: a typo in its name should not cost a full
  // analysis before being reported.
  std::vector<std::string> Baseline;
  if (!Opts.BaselinePath.empty()) {
    Expected<std::vector<std::string>> Read = readBaseline(Opts.BaselinePath);
    if (!Read)
      return toInputError(Read.takeError());
    Baseline = std::move(*Read);
  }

  LLVMContext Ctx;
  Expected<std::vector<TranslationUnit>> Units = compileSources(Opts, Ctx);
  if (!Units)
    return Units.takeError();

  Expected<std::vector<std::unique_ptr<Module>>> Linked =
      programsToAnalyse(std::move(*Units), "checking");
  if (!Linked)
    return Linked.takeError();
  std::vector<std::unique_ptr<Module>> Programs = std::move(*Linked);

  auto Findings = std::make_shared<FindingSet>();
  PipelineOptions PO;
  PO.Findings = Findings;
  PO.UseRuntime = false;
  for (std::unique_ptr<Module> &M : Programs)
    if (Error E = runPipeline(*M, "asap-prepare-check,asap-check", PO, nullptr))
      return E;

  Findings->normalize();
  // The baseline written is the whole current state, including findings an
  // older baseline suppresses, so rewriting it never forgets accepted ones.
  if (!Opts.WriteBaselinePath.empty())
    if (Error E = writeBaseline(Opts.WriteBaselinePath, *Findings))
      return toInputError(std::move(E));
  size_t Suppressed = Findings->suppress(Baseline);

  printText(errs(), *Findings, useColor(Opts));
  printSummary(errs(), *Findings, Suppressed);
  if (!Opts.SarifPath.empty())
    if (Error E = writeSarifFile(Opts.SarifPath, *Findings))
      return E;
  // The exit status still describes the code that was checked.
  if (Opts.ApplyFixIts)
    if (Expected<unsigned> Applied = applyFixIts(*Findings, errs()); !Applied)
      return Applied.takeError();
  return Findings->empty() ? ExitClean : ExitFindings;
}

} // namespace driver
} // namespace asap
