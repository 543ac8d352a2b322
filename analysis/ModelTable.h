//===- analysis/ModelTable.h - What common libc calls do with pointers -*- C++//
//
// LLVM's attributes say little about variadic functions (printf's arguments)
// and nothing safe about functions that return a pointer into their argument
// (strchr, memcpy). This small table fills the gap for libc functions that
// neither free nor keep the pointers they are given: passing an owned object
// to them is a borrow, and a returned pointer into the argument is an alias
// of the object (its liveness extends the owner's).
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_MODELTABLE_H
#define ASAP_ANALYSIS_MODELTABLE_H

#include <optional>

namespace llvm {
class Function;
} // namespace llvm

namespace asap {

struct CallModel {
  /// Every pointer argument (variadic ones included) is only borrowed: the
  /// callee neither frees it nor keeps a copy after returning.
  bool BorrowsAllArguments = true;
  /// When >= 0, the result may point into the object passed as this argument
  /// (or be null): it is an alias, not a new object.
  int ReturnsAliasOf = -1;
  /// The callee only reads through its pointer arguments (strlen, printf);
  /// false for those that write bytes (memcpy, sprintf, fread, qsort...).
  bool OnlyReads = false;
};

/// The model of Callee if it is a declared (external) libc function we know.
std::optional<CallModel> lookupCallModel(const llvm::Function &Callee);

} // namespace asap

#endif // ASAP_ANALYSIS_MODELTABLE_H
