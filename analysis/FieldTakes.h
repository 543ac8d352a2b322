//===- analysis/FieldTakes.h - Moving children out of containers *- C++ -*-===//
//
// A pointer loaded from an owning field is normally an alias of the
// container: the child lives as long as the container does and dies with
// its deep drop. When the loaded child is *moved on* instead (returned,
// passed to a function that takes ownership of it, stored into another
// owning field), it must leave the container, or the container's deep drop
// would release it a second time. Such a load is a *take*: the child gets
// an owner of its own, and asap-free stores null into the field right after
// the load, so that the container's drop skips it. This is Perceus' drop
// specialization done with one store: the fields that were moved out read
// as null when the container dies, and only the others are released.
//
// Nulling the field is invisible to the program only if nothing reads the
// field afterwards; findTakeContainer checks that statically. The other
// condition, that the container and the child are both exclusively owned
// here, is checked after the ownership analysis (computeLastUse).
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_FIELDTAKES_H
#define ASAP_ANALYSIS_FIELDTAKES_H

namespace llvm {
class LoadInst;
class Value;
} // namespace llvm

namespace asap {

class ModuleSummaries;

/// If LI loads a pointer from an owning field of the object Root points to
/// (at a constant offset), has a use that moves the loaded pointer on, and
/// no instruction reachable after LI can read that field of Root's object,
/// returns Root; otherwise null.
llvm::Value *findTakeContainer(llvm::LoadInst &LI,
                               const ModuleSummaries &Summaries);

} // namespace asap

#endif // ASAP_ANALYSIS_FIELDTAKES_H
