//===- driver/CodeGen.h - Object code and the final link ---------*- C++
//-*-===//
//
// Build mode's back end: a TargetMachine for the host (from libLLVM's
// registered targets), an object file written with it, and a link through
// clang-16 as the linker driver against libasaprt.a, so the program gets
// the runtime's allocator and collector instead of glibc's malloc.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_DRIVER_CODEGEN_H
#define ASAP_DRIVER_CODEGEN_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>

namespace llvm {
class Module;
class TargetMachine;
} // namespace llvm

namespace asap {
namespace driver {

/// Host target machine for M's triple at the given -O level (0-5 as in
/// DriverOptions::OptLevel); position-independent, as clang's default PIE.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(llvm::Module &M, unsigned OptLevel);

/// Writes M as an object file to ObjectPath.
llvm::Error emitObject(llvm::Module &M, llvm::TargetMachine &TM,
                       llvm::StringRef ObjectPath);

/// Links ObjectPath with RuntimeLib (and LinkArgs) into Output with clang.
llvm::Error linkProgram(llvm::StringRef ObjectPath, llvm::StringRef RuntimeLib,
                        llvm::ArrayRef<std::string> LinkArgs, bool Cxx,
                        llvm::StringRef Output);

} // namespace driver
} // namespace asap

#endif // ASAP_DRIVER_CODEGEN_H
