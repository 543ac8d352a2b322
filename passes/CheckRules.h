//===- passes/CheckRules.h - asap-check's rules, one function each -*- C++ -*-//
//
// Each rule turns analysis results of one function into Findings:
//  * release order (double free, use after free) from FreeStates events;
//  * deallocator rules (mismatched family, free of stack/global/interior
//    memory) from each release call and the origins of its operand;
//  * leaks: LastUse drop points reached while FreeStates says the object
//    may still be allocated and unreleased, with the drop point as fix-it.
// CheckPass runs them; keeping them apart keeps each rule readable and
// testable on its own.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_PASSES_CHECKRULES_H
#define ASAP_PASSES_CHECKRULES_H

#include "passes/Findings.h"

#include <vector>

namespace llvm {
class DominatorTree;
class Function;
class TargetLibraryInfo;
} // namespace llvm

namespace asap {

class FreeStates;
class LastUseInfo;

void checkReleaseOrder(const llvm::Function &F, const FreeStates &States,
                       const llvm::TargetLibraryInfo &TLI,
                       std::vector<Finding> &Out);

void checkDeallocators(const llvm::Function &F, const FreeStates &States,
                       const llvm::TargetLibraryInfo &TLI,
                       const llvm::DominatorTree &DT,
                       std::vector<Finding> &Out);

void checkLeaks(const llvm::Function &F, const FreeStates &States,
                const LastUseInfo &LastUse, const llvm::TargetLibraryInfo &TLI,
                std::vector<Finding> &Out);

} // namespace asap

#endif // ASAP_PASSES_CHECKRULES_H
