//===- driver/FixIts.h - Applying check mode's fix-its -----------*- C++
//-*-===//
//
// `asapc check --fix` writes the releases that the leak findings propose
// into the sources: each machine-applicable fix-it ("insert 'free(buf);'
// after line 42") becomes a new line after that line, with its
// indentation. Only fix-its the check pass attached as FixIt are applied;
// the ones it could only describe in a note ("in the branch taken at line
// 14") are left to the user.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_DRIVER_FIXITS_H
#define ASAP_DRIVER_FIXITS_H

#include "llvm/Support/Error.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace asap {

class FindingSet;

namespace driver {

/// Applies the fix-its of Set to their files, reporting one line per file
/// on Log. Returns how many insertions were made.
llvm::Expected<unsigned> applyFixIts(const FindingSet &Set,
                                     llvm::raw_ostream &Log);

} // namespace driver
} // namespace asap

#endif // ASAP_DRIVER_FIXITS_H
