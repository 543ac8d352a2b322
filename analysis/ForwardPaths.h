//===- analysis/ForwardPaths.h - Walking the paths after an instruction -*- C++ -*-===//
//
// Several checks ask a question of every path that starts just after an
// instruction: does each path push before it returns (SlotVectors), does
// some path reach a use before the value is defined again (SlotTakes)? The
// walk is the same: scan the rest of the block, then each reachable block
// once; a step may end the path (Stop) or answer the question (Hit).
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_FORWARDPATHS_H
#define ASAP_ANALYSIS_FORWARDPATHS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/BasicBlock.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Instruction.h"

namespace asap {

enum class PathStep { Continue, Stop, Hit };

/// Does some path from just after From reach a Hit? Visit judges each
/// instruction on the way; AtEnd judges a block's end once its
/// instructions all continued (for uses on an outgoing edge, such as a
/// successor's phi).
inline bool somePathHits(
    const llvm::Instruction &From,
    llvm::function_ref<PathStep(const llvm::Instruction &)> Visit,
    llvm::function_ref<PathStep(const llvm::BasicBlock &)> AtEnd =
        [](const llvm::BasicBlock &) { return PathStep::Continue; }) {
  auto Scan = [&](llvm::BasicBlock::const_iterator It,
                  const llvm::BasicBlock *BB) {
    for (; It != BB->end(); ++It)
      if (PathStep S = Visit(*It); S != PathStep::Continue)
        return S;
    return AtEnd(*BB);
  };
  PathStep First = Scan(std::next(From.getIterator()), From.getParent());
  if (First != PathStep::Continue)
    return First == PathStep::Hit;
  llvm::SmallPtrSet<const llvm::BasicBlock *, 16> Seen;
  llvm::SmallVector<const llvm::BasicBlock *, 16> Work(
      llvm::succ_begin(From.getParent()), llvm::succ_end(From.getParent()));
  while (!Work.empty()) {
    const llvm::BasicBlock *BB = Work.pop_back_val();
    if (!Seen.insert(BB).second)
      continue;
    PathStep S = Scan(BB->begin(), BB);
    if (S == PathStep::Hit)
      return true;
    if (S == PathStep::Continue)
      Work.append(llvm::succ_begin(BB), llvm::succ_end(BB));
  }
  return false;
}

} // namespace asap

#endif // ASAP_ANALYSIS_FORWARDPATHS_H
