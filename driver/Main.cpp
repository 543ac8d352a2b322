//===- driver/Main.cpp - asapc entry point --------------------------------===//
//
// Parses the command line, dispatches to a subcommand and turns every error
// into one "asapc: error: ..." line with exit status 2 (3 for asap's own
// failures). LLVM's crash handler stays installed so a real crash still
// prints a stack trace that can be reported.
//
//===----------------------------------------------------------------------===//

#include "driver/DriverError.h"
#include "driver/Modes.h"
#include "driver/Options.h"
#include "driver/Toolchain.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/InitLLVM.h"
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
  Expected<int> Status = Run();
  if (!Status)
    return reportError(Status.takeError());
  return *Status;
}
