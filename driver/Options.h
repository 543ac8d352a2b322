//===- driver/Options.h - asapc's command line -------------------*- C++
//-*-===//
//
// asapc takes a subcommand and a clang-like subset of flags. The parser is
// hand-written rather than llvm::cl because the flags are per subcommand,
// clang-style (-Idir and -I dir), and every mistake must end in one clear
// line and exit status 2 instead of llvm::cl's multi-line complaints.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_DRIVER_OPTIONS_H
#define ASAP_DRIVER_OPTIONS_H

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace asap {
namespace driver {

enum class Command { Help, Version, Check, Build, Explain };

struct DriverOptions {
  Command Cmd = Command::Help;
  /// Sources named on the command line (with -p: a subset of the database).
  std::vector<std::string> Files;
  /// -I -D -U -isystem -std=, forwarded to the frontend as given.
  std::vector<std::string> CompilerArgs;
  /// -O level for build mode's optimization pipeline and code generation.
  /// 0-3; 's'/'z' are 4/5. Analysis always sees unoptimized IR.
  unsigned OptLevel = 0;
  /// -p: directory holding compile_commands.json.
  std::string CompileDbDir;
  /// build: -o, and -l/-L passed to the link.
  std::string Output = "a.out";
  std::vector<std::string> LinkArgs;
  /// check: output and baseline files.
  std::string SarifPath;
  std::string BaselinePath;
  std::string WriteBaselinePath;
  /// check: write the fix-its into the sources.
  bool ApplyFixIts = false;
  /// Colors: auto (terminal only) unless --no-color or --color.
  bool NoColor = false;
  bool ForceColor = false;
};

/// Parses argv (including argv[0]). Errors are usage errors: the message is
/// the one line to print after "asapc: error: ".
llvm::Expected<DriverOptions> parseCommandLine(int Argc,
                                               const char *const *Argv);

/// The text of `asapc --help`.
void printHelp(llvm::raw_ostream &OS);

} // namespace driver
} // namespace asap

#endif // ASAP_DRIVER_OPTIONS_H
