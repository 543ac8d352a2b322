//===- driver/Toolchain.h - Where asapc finds clang and the runtime -*- C++
//-*-//
//
// asapc compiles in process but still needs files from outside: clang's
// resource directory (stddef.h, stdarg.h), asap's gc.h, the clang driver used
// as the linker, and libasaprt.a. The first three are fixed when asapc is
// configured; the runtime is found next to asapc itself (<bin>/../lib), so a
// build tree works without installing anything.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_DRIVER_TOOLCHAIN_H
#define ASAP_DRIVER_TOOLCHAIN_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace asap {
namespace driver {

/// asapc's version, from the CMake project.
llvm::StringRef asapcVersion();
/// clang-16, used as the linker driver in build mode.
llvm::StringRef clangExecutable();
/// clang's resource directory, passed to the in-process frontend.
llvm::StringRef clangResourceDir();
/// runtime/include: asap's Boehm-compatible gc.h.
llvm::StringRef runtimeIncludeDir();
/// <dir of asapc>/../lib/libasaprt.a (may not exist).
std::string runtimeLibraryPath(const char *Argv0);

} // namespace driver
} // namespace asap

#endif // ASAP_DRIVER_TOOLCHAIN_H
