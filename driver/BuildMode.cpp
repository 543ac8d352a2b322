//===- driver/BuildMode.cpp - asapc build ---------------------------------===//
//
// Allocation-only C to an executable: the whole program is linked into one
// module, asap-prepare and asap-free (with UseRuntime, so releases call
// __asap_release) insert the frees, LLVM's default pipeline optimizes at
// the requested level, the host back end writes an object file and clang
// links it against libasaprt.a. The runtime is required: without it the
// program would silently get glibc's malloc and no collector.
//
//===----------------------------------------------------------------------===//

#include "driver/CodeGen.h"
#include "driver/DriverError.h"
#include "driver/Frontend.h"
#include "driver/Modes.h"
#include "driver/Options.h"
#include "driver/PassRunner.h"
#include "driver/Toolchain.h"

#include "passes/Pipeline.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Target/TargetMachine.h"

using namespace llvm;

namespace asap {
namespace driver {

Expected<int> runBuild(const DriverOptions &Opts, const char *Argv0) {
  std::string RuntimeLib = runtimeLibraryPath(Argv0);
  if (!sys::fs::exists(RuntimeLib))
    return inputError("runtime library '" + RuntimeLib +
                      "' not found; build the runtime first (cmake --build "
                      "<build> --target asaprt)");

  LLVMContext Ctx;
  Expected<std::vector<TranslationUnit>> Units = compileSources(Opts, Ctx);
  if (!Units)
    return Units.takeError();
  bool Cxx = anyCxxSource(*Units);
  Expected<std::unique_ptr<Module>> Program = linkUnits(std::move(*Units));
  if (!Program)
    return Program.takeError();
  Module &M = **Program;

  Expected<std::unique_ptr<TargetMachine>> TM =
      createTargetMachine(M, Opts.OptLevel);
  if (!TM)
    return TM.takeError();

  PipelineOptions PO;
  PO.UseRuntime = true;
  if (Error E = runPipeline(M, "asap-prepare,asap-free", PO, TM->get(),
                            Opts.OptLevel))
    return E;

  SmallString<128> ObjectPath;
  if (std::error_code EC =
          sys::fs::createTemporaryFile("asapc", "o", ObjectPath))
    return inputError("cannot create a temporary object file: " + EC.message());
  FileRemover RemoveObject(ObjectPath);
  if (Error E = emitObject(M, **TM, ObjectPath))
    return E;
  if (Error E =
          linkProgram(ObjectPath, RuntimeLib, Opts.LinkArgs, Cxx, Opts.Output))
    return E;
  return ExitClean;
}

} // namespace driver
} // namespace asap
