//===- driver/Options.cpp - asapc's command line --------------------------===//
//
// Recognizes the subcommand, then walks the arguments once. Flags that take
// a value accept both the joined and the separate form where clang does
// (-Idir / -I dir, -o prog / -oprog, --sarif=f / --sarif f).
//
//===----------------------------------------------------------------------===//

#include "driver/Options.h"

#include "driver/DriverError.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace asap {
namespace driver {

namespace {

Error usageError(const Twine &Message) { return inputError(Message); }

Error unknownArgument(StringRef Arg) {
  return usageError("unknown argument '" + Arg + "'; see 'asapc --help'");
}

bool isSourceFile(StringRef Path) {
  StringRef Ext = sys::path::extension(Path);
  return StringSwitch<bool>(Ext)
      .Cases(".c", ".i", ".cc", ".cpp", ".cxx", ".c++", ".C", ".ii", true)
      .Default(false);
}

/// Walks argv, handing out flag values in either spelling.
class ArgCursor {
public:
  ArgCursor(int Argc, const char *const *Argv) : Argc(Argc), Argv(Argv) {}
  bool done() const { return Index >= Argc; }
  StringRef next() { return Argv[Index++]; }

  /// If Arg is Flag with its value joined (after Joiner, e.g. "" for -Idir
  /// or "=" for --sarif=f) or separate (the next argument), stores the value.
  /// Returns false if Arg is not Flag; an Error if the value is missing.
  Expected<bool> value(StringRef Arg, StringRef Flag, StringRef Joiner,
                       std::string &Out) {
    if (Arg == Flag) {
      if (done())
        return usageError("missing value after '" + Flag + "'");
      Out = next().str();
      return true;
    }
    if (!Joiner.empty() || Flag.size() == 2) {
      std::string Prefix = (Flag + Joiner).str();
      if (Arg.startswith(Prefix) && Arg.size() > Prefix.size()) {
        Out = Arg.drop_front(Prefix.size()).str();
        return true;
      }
    }
    return false;
  }

private:
  int Argc;
  const char *const *Argv;
  int Index = 1;
};

Expected<unsigned> parseOptLevel(StringRef Arg) {
  // "-O" alone means -O1, as in gcc and clang.
  StringRef Level = Arg.drop_front(2);
  if (Level.empty())
    return 1;
  unsigned N = StringSwitch<unsigned>(Level)
                   .Case("0", 0)
                   .Case("1", 1)
                   .Case("2", 2)
                   .Case("3", 3)
                   .Case("s", 4)
                   .Case("z", 5)
                   .Default(~0u);
  if (N == ~0u)
    return unknownArgument(Arg);
  return N;
}

Error onlyFor(StringRef Flag, StringRef Command) {
  return usageError("'" + Flag + "' is only valid with 'asapc " + Command +
                    "'; see 'asapc --help'");
}

} // namespace

Expected<DriverOptions> parseCommandLine(int Argc, const char *const *Argv) {
  DriverOptions Opts;
  if (Argc < 2)
    return usageError("no command given; see 'asapc --help'");

  // --help / --version win wherever they appear.
  for (int I = 1; I < Argc; ++I) {
    StringRef Arg = Argv[I];
    if (Arg == "--")
      break;
    if (Arg == "--help" || Arg == "-h" || Arg == "-help") {
      Opts.Cmd = Command::Help;
      return Opts;
    }
    if (Arg == "--version") {
      Opts.Cmd = Command::Version;
      return Opts;
    }
  }

  ArgCursor Args(Argc, Argv);
  StringRef Sub = Args.next();
  if (Sub == "check")
    Opts.Cmd = Command::Check;
  else if (Sub == "build")
    Opts.Cmd = Command::Build;
  else if (Sub == "explain")
    Opts.Cmd = Command::Explain;
  else if (Sub == "help")
    return Opts;
  else if (Sub.startswith("-"))
    return usageError(
        "expected a command ('check', 'build' or 'explain') before '" + Sub +
        "'; see 'asapc --help'");
  else
    return usageError(
        "unknown command '" + Sub +
        "'; expected 'check', 'build' or 'explain'; see 'asapc --help'");
  bool IsCheck = Opts.Cmd == Command::Check;
  bool IsBuild = Opts.Cmd == Command::Build;

  bool FilesOnly = false;
  while (!Args.done()) {
    StringRef Arg = Args.next();
    if (FilesOnly || !Arg.startswith("-") || Arg == "-") {
      if (Arg == "-")
        return usageError("reading a source from stdin is not supported");
      if (!isSourceFile(Arg))
        return usageError("'" + Arg +
                          "' is not a C or C++ source file (.c, .cc, .cpp, "
                          ".cxx)");
      Opts.Files.push_back(Arg.str());
      continue;
    }
    if (Arg == "--") {
      FilesOnly = true;
      continue;
    }

    std::string Value;
    // Frontend flags, forwarded in clang's joined spelling.
    bool Matched = false;
    for (StringRef Flag : {"-I", "-D", "-U", "-isystem"}) {
      Expected<bool> M = Args.value(Arg, Flag, "", Value);
      if (!M)
        return M.takeError();
      if (*M) {
        if (Flag == "-isystem") {
          Opts.CompilerArgs.push_back("-isystem");
          Opts.CompilerArgs.push_back(Value);
        } else {
          Opts.CompilerArgs.push_back((Flag + Value).str());
        }
        Matched = true;
        break;
      }
    }
    if (Matched)
      continue;
    if (Arg.startswith("-std=") && Arg.size() > 5) {
      Opts.CompilerArgs.push_back(Arg.str());
      continue;
    }
    if (Arg.startswith("-O")) {
      Expected<unsigned> Level = parseOptLevel(Arg);
      if (!Level)
        return Level.takeError();
      Opts.OptLevel = *Level;
      continue;
    }
    if (Arg == "-g")
      continue; // Debug info is always on: findings need line numbers.

    auto Take = [&](StringRef Flag, StringRef Joiner,
                    std::string &Out) -> Expected<bool> {
      return Args.value(Arg, Flag, Joiner, Out);
    };
    struct ValueFlag {
      StringRef Flag;
      StringRef Joiner;
      std::string *Out;
      bool Allowed;
      StringRef OnlyFor;
    };
    ValueFlag ValueFlags[] = {
        {"-p", "=", &Opts.CompileDbDir, true, ""},
        {"-o", "", &Opts.Output, IsBuild, "build"},
        {"--sarif", "=", &Opts.SarifPath, IsCheck, "check"},
        {"--baseline", "=", &Opts.BaselinePath, IsCheck, "check"},
        {"--write-baseline", "=", &Opts.WriteBaselinePath, IsCheck, "check"},
    };
    for (ValueFlag &VF : ValueFlags) {
      Expected<bool> M = Take(VF.Flag, VF.Joiner, *VF.Out);
      if (!M)
        return M.takeError();
      if (*M) {
        if (!VF.Allowed)
          return onlyFor(VF.Flag, VF.OnlyFor);
        Matched = true;
        break;
      }
    }
    if (Matched)
      continue;

    // Link inputs for build mode; harmless (ignored) in check mode so one
    // flag list can serve both.
    for (StringRef Flag : {"-l", "-L"}) {
      Expected<bool> M = Args.value(Arg, Flag, "", Value);
      if (!M)
        return M.takeError();
      if (*M) {
        Opts.LinkArgs.push_back((Flag + Value).str());
        Matched = true;
        break;
      }
    }
    if (Matched)
      continue;

    if (Arg == "--fix") {
      if (!IsCheck)
        return onlyFor(Arg, "check");
      Opts.ApplyFixIts = true;
      continue;
    }
    if (Arg == "--no-color") {
      Opts.NoColor = true;
      continue;
    }
    if (Arg == "--color") {
      Opts.ForceColor = true;
      continue;
    }
    return unknownArgument(Arg);
  }

  if (Opts.Files.empty() && Opts.CompileDbDir.empty())
    return usageError("no input files; give source files or -p BUILD_DIR");
  if (IsBuild && Opts.Output.empty())
    return usageError("empty output name after '-o'");
  return Opts;
}

void printHelp(raw_ostream &OS) {
  OS << R"(OVERVIEW: asap static memory management: check C/C++ for memory errors, or
build allocation-only C with the frees inserted by the compiler.

USAGE:
  asapc check FILES... [compiler flags] [--sarif FILE] [--baseline FILE]
                       [--write-baseline FILE] [--fix] [--no-color]
  asapc build FILES... -o PROG [compiler flags] [-lNAME] [-LDIR]
  asapc explain FILES... [compiler flags]
  asapc --help | --version

COMMANDS:
  check   Report leaks, double frees, uses after free, mismatched
          deallocators and frees of non-heap memory, with a fix-it for each
          leak. Exit status 1 when findings remain, 0 when clean.
  build   Insert a release after each owned object's last use, optimize,
          and link against libasaprt (whose collector handles the rest).
  explain For each allocation site, the decision build mode takes (owned
          and released where, freed by the program, or undecided) and why.

With several files (or -p), all translation units are linked into one
program before the analysis, so ownership is followed across files.

COMPILER FLAGS:
  -I DIR, -D NAME[=VAL], -U NAME, -isystem DIR, -std=STD
                    Passed to the frontend.
  -O0 -O1 -O2 -O3 -Os -Oz
                    Optimization of the built program (build). The analysis
                    always sees unoptimized IR.
  -g                Accepted; debug info is always generated.
  -p BUILD_DIR      Read BUILD_DIR/compile_commands.json. Without FILES,
                    every file in the database; with FILES, only those.

CHECK OPTIONS:
  --sarif FILE      Also write the findings as SARIF 2.1.0 ('-' = stdout).
  --baseline FILE   Suppress findings whose fingerprint is listed in FILE.
  --write-baseline FILE
                    Write the fingerprints of the current findings to FILE.
  --fix             Insert the fix-its (the missing frees) into the sources,
                    each after the line it names, with that line's indent.
  --no-color        Never color diagnostics (default: color on a terminal).
  --color           Always color diagnostics.

BUILD OPTIONS:
  -o PROG           Output executable (default a.out).
  -lNAME, -LDIR     Passed to the link.

EXIT STATUS:
  0  success, no findings      1  findings remain (check)
  2  usage error, missing file, compile or link error
  3  internal error
)";
}

} // namespace driver
} // namespace asap
