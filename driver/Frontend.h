//===- driver/Frontend.h - Sources to LLVM modules, in process ---*- C++
//-*-===//
//
// Runs clang through libTooling (ClangTool over a compilation database) and
// keeps the llvm::Module of each translation unit, compiled with debug info
// and without optnone so asap's passes see every function with source
// locations. Whole-program mode then links the modules into one.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_DRIVER_FRONTEND_H
#define ASAP_DRIVER_FRONTEND_H

#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace asap {
namespace driver {

struct DriverOptions;

struct TranslationUnit {
  std::string File;
  std::unique_ptr<llvm::Module> IR;
};

/// Compiles the inputs of Opts (files, or the -p database). Clang prints its
/// own diagnostics; the returned error is the one-line summary (missing
/// file, unknown database entry, compile failure).
llvm::Expected<std::vector<TranslationUnit>>
compileSources(const DriverOptions &Opts, llvm::LLVMContext &Ctx);

/// True when the units can be linked: no two define the same external
/// symbol (several programs in one database, for instance). Names the
/// first clash in Why otherwise.
bool canLinkTogether(const std::vector<TranslationUnit> &Units,
                     std::string &Why);

/// Links all units into the first one (llvm::Linker) and returns it.
llvm::Expected<std::unique_ptr<llvm::Module>>
linkUnits(std::vector<TranslationUnit> Units);

/// The programs to analyse: all units linked into one module when they can
/// form one program (whole-program mode), otherwise each unit on its own,
/// after a warning naming the clash ("asapc: warning: <Verb> each file on
/// its own: ...").
llvm::Expected<std::vector<std::unique_ptr<llvm::Module>>>
programsToAnalyse(std::vector<TranslationUnit> Units, llvm::StringRef Verb);

/// True if any input is C++ (the link then needs the C++ runtime).
bool anyCxxSource(const std::vector<TranslationUnit> &Units);

} // namespace driver
} // namespace asap

#endif // ASAP_DRIVER_FRONTEND_H
