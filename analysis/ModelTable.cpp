//===- analysis/ModelTable.cpp - What common libc calls do with pointers --===//
//
// Only functions that never free or retain an argument belong here; anything
// that stores a pointer it was given (strtok, setvbuf, strtol's endptr,
// pthread_create...) is deliberately absent so that it stays an escape.
//
//===----------------------------------------------------------------------===//
#include "analysis/ModelTable.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/Function.h"

using namespace llvm;

namespace asap {

namespace {
enum class Kind { None, Borrow, AliasOfArg0, AliasOfArg1 };
} // namespace

std::optional<CallModel> lookupCallModel(const Function &Callee) {
  if (!Callee.isDeclaration() || Callee.isIntrinsic())
    return std::nullopt;
  Kind K = StringSwitch<Kind>(Callee.getName())
               // Read-only string and memory queries.
               .Cases("strlen", "strnlen", "strcmp", "strncmp", "strcasecmp",
                      Kind::Borrow)
               .Cases("strncasecmp", "memcmp", "bcmp", "strcoll", "strspn",
                      Kind::Borrow)
               .Cases("strcspn", "atoi", "atol", "atoll", "atof", Kind::Borrow)
               .Cases("strdup", "strndup", "__strdup", "__strndup", Kind::Borrow)
               // Formatted and unformatted I/O: read or fill the buffers.
               .Cases("printf", "fprintf", "sprintf", "snprintf", "dprintf",
                      Kind::Borrow)
               .Cases("puts", "fputs", "fwrite", "fread", "perror", Kind::Borrow)
               .Cases("scanf", "sscanf", "fscanf", "__isoc99_scanf",
                      "__isoc99_sscanf", Kind::Borrow)
               .Cases("__isoc99_fscanf", "write", "read", "fopen",
                      "__printf_chk", Kind::Borrow)
               .Cases("__fprintf_chk", "__sprintf_chk", "__snprintf_chk",
                      Kind::Borrow)
               // Sorting calls the comparator with pointers into the array;
               // comparators that keep them are not supported.
               .Case("qsort", Kind::Borrow)
               // Results that point into the first argument.
               .Cases("memcpy", "memmove", "memset", "strcpy", "strncpy",
                      Kind::AliasOfArg0)
               .Cases("strcat", "strncat", "stpcpy", "stpncpy", "fgets",
                      Kind::AliasOfArg0)
               .Cases("strchr", "strrchr", "strstr", "strpbrk", "memchr",
                      Kind::AliasOfArg0)
               .Cases("memrchr", "strchrnul", "__memcpy_chk", "__memmove_chk",
                      "__memset_chk", Kind::AliasOfArg0)
               .Cases("__strcpy_chk", "__strcat_chk", "__strncpy_chk",
                      "__stpcpy_chk", Kind::AliasOfArg0)
               .Case("bsearch", Kind::AliasOfArg1)
               .Default(Kind::None);
  CallModel M;
  M.OnlyReads = StringSwitch<bool>(Callee.getName())
                    .Cases("strlen", "strnlen", "strcmp", "strncmp",
                           "strcasecmp", "strncasecmp", true)
                    .Cases("memcmp", "bcmp", "strcoll", "strspn", "strcspn", true)
                    .Cases("atoi", "atol", "atoll", "atof", "strdup", true)
                    .Cases("strndup", "__strdup", "__strndup", "printf",
                           "fprintf", true)
                    .Cases("dprintf", "puts", "fputs", "fwrite", "write", true)
                    .Cases("perror", "fopen", "__printf_chk", "__fprintf_chk",
                           true)
                    .Cases("strchr", "strrchr", "strstr", "strpbrk", "memchr",
                           true)
                    .Cases("memrchr", "strchrnul", "bsearch", true)
                    .Default(false);
  switch (K) {
  case Kind::None:
    return std::nullopt;
  case Kind::Borrow:
    break;
  case Kind::AliasOfArg0:
    M.ReturnsAliasOf = 0;
    break;
  case Kind::AliasOfArg1:
    M.ReturnsAliasOf = 1;
    break;
  }
  return M;
}

} // namespace asap
