//===- driver/Modes.h - asapc's subcommands ----------------------*- C++
//-*-===//
//
// One function per subcommand. Each returns the process exit status, or an
// error that Main turns into one line on stderr.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_DRIVER_MODES_H
#define ASAP_DRIVER_MODES_H

#include "llvm/Support/Error.h"

namespace asap {
namespace driver {

struct DriverOptions;

/// asapc check: findings as text (and SARIF), baseline, exit 1 if any remain.
llvm::Expected<int> runCheck(const DriverOptions &Opts);

/// asapc build: asap-free, optimization, codegen, link against libasaprt.
llvm::Expected<int> runBuild(const DriverOptions &Opts, const char *Argv0);

/// asapc explain: per allocation site, build mode's decision and its reason.
llvm::Expected<int> runExplain(const DriverOptions &Opts);

} // namespace driver
} // namespace asap

#endif // ASAP_DRIVER_MODES_H
