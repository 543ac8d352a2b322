//===- passes/SourceInfo.h - Source names and places for diagnostics -*- C++
//-*-//
//
// Diagnostics talk about the program as written: file:line:col from an
// instruction's DebugLoc, the variable a pointer was held in (dbg.value /
// dbg.declare), the function's source name (DISubprogram, demangled C++
// names otherwise). When debug info is missing the helpers degrade to empty
// names and locations, and the callers word their messages accordingly.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_PASSES_SOURCEINFO_H
#define ASAP_PASSES_SOURCEINFO_H

#include "passes/Findings.h"

#include <string>

namespace llvm {
class BasicBlock;
class Function;
class Instruction;
class Value;
} // namespace llvm

namespace asap {

/// Location of I; when I has none (compiler-made code), the nearest
/// located instruction before it in its block, then after it.
SourceLocation sourceLocationOf(const llvm::Instruction *I);

/// Location of the first located instruction of BB (phis and debug
/// intrinsics skipped).
SourceLocation firstSourceLocationIn(const llvm::BasicBlock *BB);

/// Source variable V was held in, looking through casts and zero-offset
/// address arithmetic; empty when debug info does not say.
std::string sourceVariableName(const llvm::Value *V);

/// True when line Line of File (read from disk, cached) ends a statement or
/// opens/closes a block, so that a line inserted after it starts a statement
/// of its own; false when the file cannot be read or the line ends otherwise
/// (`if (c)`, `for (...)`: inserting there would change the control flow).
bool lineEndsStatement(const std::string &File, unsigned Line);

/// The function's name in source (unmangled for C++).
std::string sourceFunctionName(const llvm::Function &F);

} // namespace asap

#endif // ASAP_PASSES_SOURCEINFO_H
