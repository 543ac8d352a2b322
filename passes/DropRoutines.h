//===- passes/DropRoutines.h - Iterative deep drops of owned shapes -*- C++ -*-//
//
// Releasing an object whose abstract node has owning fields must also
// release everything reachable through them (a list, a tree, an AST). The
// routine generated here does that without recursion: it keeps an explicit
// stack of (object, node tag) pairs in a heap buffer that doubles when full,
// so dropping a ten-million-cell list or a degenerate tree uses constant C
// stack. One routine per root node, covering every node reachable from it
// through owning fields; each object is released with free() (or the
// runtime's __asap_release).
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_PASSES_DROPROUTINES_H
#define ASAP_PASSES_DROPROUTINES_H

namespace llvm {
class Function;
class Module;
} // namespace llvm

namespace asap {

class ShapeInfo;

/// The drop routine for objects of points-to node Node (created on first
/// use, internal linkage, named "__asap.drop.<Node>").
llvm::Function *getOrCreateDropRoutine(llvm::Module &M, const ShapeInfo &Sh,
                                       unsigned Node, bool UseRuntime);

/// Whether F is one of the generated routines (asap passes skip them).
bool isDropRoutine(const llvm::Function &F);

} // namespace asap

#endif // ASAP_PASSES_DROPROUTINES_H
