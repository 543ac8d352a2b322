//===- driver/Frontend.cpp - Sources to LLVM modules, in process ----------===//
//
// A ClangTool runs one EmitLLVMOnlyAction per translation unit; a small
// ToolAction keeps each module instead of letting the action drop it. The
// compile command of every unit is adjusted the same way, whether it comes
// from the command line or from compile_commands.json: debug info, -O0
// without optnone (asap-prepare does the canonicalization the analysis
// wants; build mode optimizes afterwards), clang's resource directory and
// asap's gc.h on the include path.
//
//===----------------------------------------------------------------------===//

#include "driver/Frontend.h"

#include "driver/DriverError.h"
#include "driver/Options.h"
#include "driver/Toolchain.h"
#include "passes/Findings.h"

#include "clang/CodeGen/CodeGenAction.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace clang;

namespace asap {
namespace driver {

namespace {

/// Runs EmitLLVMOnlyAction on each invocation and keeps the modules, in the
/// order ClangTool visits the sources (the order they were given).
class ModuleCollector : public tooling::ToolAction {
public:
  explicit ModuleCollector(LLVMContext &Ctx) : Ctx(Ctx) {}

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    const auto &Inputs = Invocation->getFrontendOpts().Inputs;
    std::string File = Inputs.empty() ? "<unknown>" : Inputs[0].getFile().str();

    CompilerInstance Compiler(std::move(PCHContainerOps));
    Compiler.setInvocation(std::move(Invocation));
    Compiler.setFileManager(Files);
    Compiler.createDiagnostics(DiagConsumer, /*ShouldOwnClient=*/false);
    if (!Compiler.hasDiagnostics())
      return false;
    Compiler.createSourceManager(*Files);

    EmitLLVMOnlyAction Action(&Ctx);
    bool Ok = Compiler.ExecuteAction(Action);
    Files->clearStatCache();
    std::unique_ptr<llvm::Module> M = Ok ? Action.takeModule() : nullptr;
    if (!M) {
      Failed.push_back(File);
      return false;
    }
    // A database may compile one file twice (two configurations); the
    // program needs it once.
    for (const TranslationUnit &U : Units)
      if (U.File == File)
        return true;
    Units.push_back({File, std::move(M)});
    return true;
  }

  std::vector<TranslationUnit> Units;
  std::vector<std::string> Failed;

private:
  LLVMContext &Ctx;
};

/// The files named on the command line, compiled in the working directory
/// with no flags of their own (asapFlags adds them). Unlike
/// FixedCompilationDatabase, the command names each file as the user spelled
/// it, not by the absolute path ClangTool looks it up with, so clang's own
/// diagnostics say "x.c:3:5: error" as a clang invocation would.
class CommandLineDatabase : public tooling::CompilationDatabase {
public:
  explicit CommandLineDatabase(const std::vector<std::string> &Files) {
    SmallString<256> Cwd;
    sys::fs::current_path(Cwd);
    Directory = std::string(Cwd);
    for (const std::string &File : Files) {
      // ClangTool asks with the absolute path, dots removed or not
      // depending on the LLVM version; answer both.
      SmallString<256> Abs(File);
      sys::fs::make_absolute(Abs);
      Spelling.try_emplace(Abs, File);
      sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
      Spelling.try_emplace(Abs, File);
    }
  }

  std::vector<tooling::CompileCommand>
  getCompileCommands(StringRef FilePath) const override {
    auto It = Spelling.find(FilePath);
    std::string File = It == Spelling.end() ? FilePath.str() : It->second;
    return {tooling::CompileCommand(Directory, File, {"clang-tool", File},
                                    /*Output=*/"")};
  }

private:
  std::string Directory;
  StringMap<std::string> Spelling; ///< Absolute path -> as given.
};

/// Flags every compile gets, after the database's own so they win (-O0
/// after a -O2 from compile_commands.json), but before a "--" that ends the
/// options in some databases. DWARF 4 rather than clang 16's default 5:
/// valgrind 3.19 (Debian 12) cannot read DWARF 5 and gives up on the binary.
tooling::ArgumentsAdjuster asapFlags(const DriverOptions &Opts) {
  std::vector<std::string> Extra = Opts.CompilerArgs;
  Extra.insert(Extra.end(), {"-gdwarf-4", "-O0", "-Xclang",
                             "-disable-O0-optnone", "-fno-discard-value-names",
                             "-isystem", runtimeIncludeDir().str(),
                             ("-resource-dir=" + clangResourceDir()).str(),
                             "-Wno-unused-command-line-argument"});
  // Clang's own diagnostics follow asapc's color choice.
  if (Opts.ForceColor)
    Extra.push_back("-fcolor-diagnostics");
  else if (Opts.NoColor || sys::Process::GetEnv("NO_COLOR"))
    Extra.push_back("-fno-color-diagnostics");
  return [Extra](const tooling::CommandLineArguments &Args, StringRef) {
    tooling::CommandLineArguments Out = Args;
    auto End = std::find(Out.begin(), Out.end(), "--");
    Out.insert(End, Extra.begin(), Extra.end());
    return Out;
  };
}

/// Absolute path without symlinks or dots, to compare a command-line file
/// with a database entry.
std::string canonicalPath(StringRef Path) {
  SmallString<256> Real;
  if (!sys::fs::real_path(Path, Real))
    return std::string(Real);
  SmallString<256> Abs(Path);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

Error checkReadable(StringRef File) {
  if (!sys::fs::exists(File))
    return inputError("no such file or directory: '" + File + "'");
  if (!sys::fs::is_regular_file(File))
    return inputError("not a regular file: '" + File + "'");
  return Error::success();
}

} // namespace

Expected<std::vector<TranslationUnit>> compileSources(const DriverOptions &Opts,
                                                      LLVMContext &Ctx) {
  std::unique_ptr<tooling::CompilationDatabase> Db;
  std::vector<std::string> Sources;

  if (!Opts.CompileDbDir.empty()) {
    SmallString<256> DbFile(Opts.CompileDbDir);
    sys::path::append(DbFile, "compile_commands.json");
    if (!sys::fs::exists(DbFile))
      return inputError("no compile_commands.json in '" + Opts.CompileDbDir +
                        "'");
    // Validated here so a broken file is one line, not the YAML parser's
    // multi-line report.
    if (ErrorOr<std::unique_ptr<MemoryBuffer>> Text =
            MemoryBuffer::getFile(DbFile)) {
      if (Expected<json::Value> Parsed = json::parse((*Text)->getBuffer());
          !Parsed)
        return inputError("cannot parse '" + DbFile +
                          "': " + toString(Parsed.takeError()));
    }
    std::string Why;
    Db =
        tooling::CompilationDatabase::loadFromDirectory(Opts.CompileDbDir, Why);
    if (!Db)
      return inputError("cannot load '" + DbFile +
                        "': " + StringRef(Why).trim().split('\n').first);
    // The database clang loads also guesses commands for files it does not
    // list; asapc only accepts the files that are really there.
    StringMap<std::string> Listed; // Canonical path -> the database's.
    for (const std::string &File : Db->getAllFiles())
      Listed.try_emplace(canonicalPath(File), File);
    if (Listed.empty())
      return inputError("'" + DbFile + "' lists no files");
    if (Opts.Files.empty())
      Sources = Db->getAllFiles();
    for (const std::string &File : Opts.Files) {
      if (Error E = checkReadable(File))
        return E;
      auto It = Listed.find(canonicalPath(File));
      if (It == Listed.end())
        return inputError("'" + File + "' has no entry in '" + DbFile + "'");
      Sources.push_back(It->second);
    }
  } else {
    for (const std::string &File : Opts.Files) {
      if (Error E = checkReadable(File))
        return E;
      Sources.push_back(File);
    }
    Db = std::make_unique<CommandLineDatabase>(Opts.Files);
  }

  tooling::ClangTool Tool(*Db, Sources);
  Tool.appendArgumentsAdjuster(asapFlags(Opts));
  // Clang's own diagnostics already say what went wrong; the driver adds
  // one summary line instead of ClangTool's "Error while processing".
  Tool.setPrintErrorMessage(false);
  ModuleCollector Collector(Ctx);
  int Status = Tool.run(&Collector);

  if (!Collector.Failed.empty()) {
    if (Collector.Failed.size() == 1)
      return inputError("compilation of '" +
                        displayPath(Collector.Failed.front()) + "' failed");
    return inputError(Twine(Collector.Failed.size()) + " of " +
                      Twine(Sources.size()) + " files failed to compile");
  }
  if (Status != 0 || Collector.Units.empty())
    return inputError("clang could not process the inputs");
  return std::move(Collector.Units);
}

Expected<std::vector<std::unique_ptr<llvm::Module>>>
programsToAnalyse(std::vector<TranslationUnit> Units, StringRef Verb) {
  std::vector<std::unique_ptr<llvm::Module>> Programs;
  std::string Why;
  if (Units.size() == 1 || !canLinkTogether(Units, Why)) {
    if (Units.size() > 1)
      errs() << "asapc: warning: " << Verb << " each file on its own: " << Why
             << '\n';
    for (TranslationUnit &U : Units)
      Programs.push_back(std::move(U.IR));
    return Programs;
  }
  Expected<std::unique_ptr<llvm::Module>> Linked = linkUnits(std::move(Units));
  if (!Linked)
    return Linked.takeError();
  Programs.push_back(std::move(*Linked));
  return Programs;
}

bool canLinkTogether(const std::vector<TranslationUnit> &Units,
                     std::string &Why) {
  StringMap<StringRef> DefinedIn;
  for (const TranslationUnit &U : Units) {
    for (const llvm::GlobalValue &GV : U.IR->global_values()) {
      if (GV.isDeclaration() || GV.hasLocalLinkage() ||
          !GV.isStrongDefinitionForLinker())
        continue;
      auto [It, Inserted] = DefinedIn.try_emplace(GV.getName(), U.File);
      if (!Inserted) {
        Why = ("'" + GV.getName() + "' is defined in both '" +
               displayPath(It->second) + "' and '" + displayPath(U.File) + "'")
                  .str();
        return false;
      }
    }
  }
  return true;
}

Expected<std::unique_ptr<llvm::Module>>
linkUnits(std::vector<TranslationUnit> Units) {
  assert(!Units.empty() && "nothing to link");
  std::unique_ptr<llvm::Module> Program = std::move(Units.front().IR);
  LLVMContext &Ctx = Program->getContext();

  // The linker reports through the context; keep its first message for the
  // one-line error.
  std::string Message;
  auto OldHandler = Ctx.getDiagnosticHandlerCallBack();
  void *OldContext = Ctx.getDiagnosticContext();
  Ctx.setDiagnosticHandlerCallBack(
      [](const DiagnosticInfo &DI, void *Out) {
        auto &Msg = *static_cast<std::string *>(Out);
        if (DI.getSeverity() != DS_Error || !Msg.empty())
          return;
        raw_string_ostream OS(Msg);
        DiagnosticPrinterRawOStream DP(OS);
        DI.print(DP);
      },
      &Message);

  Linker L(*Program);
  std::string Failure;
  for (size_t I = 1; I < Units.size() && Failure.empty(); ++I)
    if (L.linkInModule(std::move(Units[I].IR)))
      Failure = "cannot link '" + Units[I].File + "' into the program: " +
                (Message.empty() ? std::string("link error") : Message);
  Ctx.setDiagnosticHandlerCallBack(OldHandler, OldContext);
  if (!Failure.empty())
    return inputError(Failure);
  return Program;
}

bool anyCxxSource(const std::vector<TranslationUnit> &Units) {
  for (const TranslationUnit &U : Units) {
    StringRef Ext = sys::path::extension(U.File);
    if (Ext == ".cc" || Ext == ".cpp" || Ext == ".cxx" || Ext == ".c++" ||
        Ext == ".C" || Ext == ".ii")
      return true;
  }
  return false;
}

} // namespace driver
} // namespace asap
