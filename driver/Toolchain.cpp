//===- driver/Toolchain.cpp - Where asapc finds clang and the runtime -----===//
//
// Configure-time paths come in as compile definitions from
// driver/CMakeLists.txt; the runtime library is located relative to the
// running executable.
//
//===----------------------------------------------------------------------===//

#include "driver/Toolchain.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace asap {
namespace driver {

StringRef asapcVersion() { return ASAP_VERSION; }
StringRef clangExecutable() { return ASAP_CLANG_EXECUTABLE; }
StringRef clangResourceDir() { return ASAP_CLANG_RESOURCE_DIR; }
StringRef runtimeIncludeDir() { return ASAP_RUNTIME_INCLUDE_DIR; }

std::string runtimeLibraryPath(const char *Argv0) {
  static int AnchorForMainExecutable;
  SmallString<256> Path(
      sys::fs::getMainExecutable(Argv0, &AnchorForMainExecutable));
  sys::path::remove_filename(Path); // .../bin
  sys::path::remove_filename(Path); // ...
  sys::path::append(Path, "lib", "libasaprt.a");
  return std::string(Path);
}

} // namespace driver
} // namespace asap
