//===- driver/Main.cpp - asapc entry point --------------------------------===//
//
// Parses the command line, dispatches to a subcommand and turns every error
// into one "asapc: error: ..." line with exit status 2 (3 for asap's own
// failures). A crash inside asap's passes is a bug, not bad input: its stack
// trace is still printed so it can be reported, but the run then ends with
// the usual one-line error and exit status 3, so CI scripts can tell it
// apart from findings (1) and input errors (2).
//
//===----------------------------------------------------------------------===//

#include "driver/DriverError.h"
#include "driver/Modes.h"
#include "driver/Options.h"
#include "driver/Toolchain.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace asap::driver;

int main(int Argc, const char **Argv) {
  InitLLVM X(Argc, Argv);

  Expected<DriverOptions> Opts = parseCommandLine(Argc, Argv);
  if (!Opts)
    return reportError(Opts.takeError());

  auto Run = [&]() -> Expected<int> {
    switch (Opts->Cmd) {
    case Command::Help:
      printHelp(outs());
      return ExitClean;
    case Command::Version:
      outs() << "asapc " << asapcVersion() << " (LLVM " << LLVM_VERSION_STRING
             << ")\n";
      return ExitClean;
    case Command::Check:
      return runCheck(*Opts);
    case Command::Build:
      return runBuild(*Opts, Argv[0]);
    case Command::Explain:
      return runExplain(*Opts);
    }
    llvm_unreachable("unhandled command");
  };
  setBugReportMsg("asapc crashed: please report this to the asap maintainers "
                  "with the input files and the stack dump below.\n");
  CrashRecoveryContext::Enable();
  CrashRecoveryContext CRC;
  CRC.DumpStackAndCleanupOnFailure = true;
  int Exit = ExitInternal;
  bool Completed = CRC.RunSafely([&] {
    Expected<int> Status = Run();
    Exit = Status ? *Status : reportError(Status.takeError());
  });
  if (!Completed) {
    errs() << "asapc: error: internal error: asapc crashed (see the stack "
              "dump above)\n";
    return ExitInternal;
  }
  return Exit;
}
