//===- driver/CodeGen.cpp - Object code and the final link ----------------===//
//
// Code generation uses the legacy pass manager because LLVM 16's
// addPassesToEmitFile still requires it. The link goes through clang so the
// C runtime start files, libc and (for C++) libstdc++ come out right on
// every distribution, exactly as for a plain clang build.
//
//===----------------------------------------------------------------------===//

#include "driver/CodeGen.h"

#include "driver/DriverError.h"
#include "driver/Toolchain.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"

using namespace llvm;

namespace asap {
namespace driver {

Expected<std::unique_ptr<TargetMachine>>
createTargetMachine(Module &M, unsigned OptLevel) {
  InitializeNativeTarget();
  InitializeNativeTargetAsmPrinter();

  std::string Triple = M.getTargetTriple();
  if (Triple.empty())
    Triple = sys::getDefaultTargetTriple();
  std::string Why;
  const Target *T = TargetRegistry::lookupTarget(Triple, Why);
  if (!T)
    return internalError("no target for '" + Triple + "': " + Why);

  CodeGenOpt::Level Level = OptLevel == 0   ? CodeGenOpt::None
                            : OptLevel == 1 ? CodeGenOpt::Less
                            : OptLevel == 3 ? CodeGenOpt::Aggressive
                                            : CodeGenOpt::Default;
  // CPU and features stay generic: clang already put "target-cpu" and
  // "target-features" on every function, and those take precedence.
  std::unique_ptr<TargetMachine> TM(T->createTargetMachine(
      Triple, "", "", TargetOptions(), Reloc::PIC_, std::nullopt, Level));
  if (!TM)
    return internalError("cannot create a target machine for '" + Triple + "'");
  M.setTargetTriple(Triple);
  M.setDataLayout(TM->createDataLayout());
  return TM;
}

Error emitObject(Module &M, TargetMachine &TM, StringRef ObjectPath) {
  std::error_code EC;
  raw_fd_ostream OS(ObjectPath, EC, sys::fs::OF_None);
  if (EC)
    return inputError("cannot write '" + ObjectPath + "': " + EC.message());
  legacy::PassManager CodeGen;
  if (TM.addPassesToEmitFile(CodeGen, OS, nullptr, CGFT_ObjectFile))
    return internalError("the target cannot emit object files");
  CodeGen.run(M);
  OS.close();
  if (OS.has_error()) {
    std::string Msg = OS.error().message();
    OS.clear_error();
    return inputError("cannot write '" + ObjectPath + "': " + Msg);
  }
  return Error::success();
}

Error linkProgram(StringRef ObjectPath, StringRef RuntimeLib,
                  ArrayRef<std::string> LinkArgs, bool Cxx, StringRef Output) {
  std::vector<std::string> Args = {clangExecutable().str()};
  if (Cxx)
    Args.push_back("--driver-mode=g++");
  Args.insert(Args.end(), {"-o", Output.str(), ObjectPath.str()});
  Args.insert(Args.end(), LinkArgs.begin(), LinkArgs.end());
  // After the program's objects and libraries, so its malloc/free and
  // __asap_release come from libasaprt, not from libc.
  // -u malloc: a C++ program that only uses operator new references no
  // allocator symbol itself, and would otherwise keep glibc's malloc.
  Args.push_back("-Wl,-u,malloc");
  Args.push_back(RuntimeLib.str());
  Args.push_back("-lpthread");

  std::vector<StringRef> ArgRefs(Args.begin(), Args.end());
  std::string Why;
  int Status =
      sys::ExecuteAndWait(Args.front(), ArgRefs, std::nullopt, {}, 0, 0, &Why);
  if (Status < 0)
    return inputError("cannot run the linker '" + Args.front() + "': " + Why);
  if (Status != 0)
    return inputError("linking '" + Output + "' failed (" + Args.front() +
                      " exited with status " + Twine(Status) + ")");
  return Error::success();
}

} // namespace driver
} // namespace asap
