//===- analysis/SlotVectorsImpl.h - Shared by SlotVectors*.cpp -*- C++ -*-===//
//
// Private to SlotVectors.cpp (finding and checking vectors) and
// SlotConduits.cpp (records pushed by value): a matched push and a
// candidate vector.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_SLOTVECTORSIMPL_H
#define ASAP_ANALYSIS_SLOTVECTORSIMPL_H

#include "analysis/SlotVectors.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"

#include <string>
#include <vector>

namespace llvm {
class DataLayout;
} // namespace llvm

namespace asap {
namespace slotvectors {

using namespace llvm;

/// `b = load C.Items; n = load C.Count; C.Count = n + 1; b[n] = x`.
struct Push {
  const Value *Base; ///< The container pointer.
  int64_t ItemsOff, CountOff, Stride;
  unsigned CountBytes;
  const Instruction *Write;      ///< The store or memcpy into slot n.
  const StoreInst *CountStore;   ///< count = n + 1.
  const Value *Record = nullptr; ///< A memcpy's source record, if not constant.
  const Value *Slot = nullptr;   ///< &b[n].
  int64_t FieldOff = 0;          ///< A store's offset in the element.
};


inline std::string lineOf(const Instruction *I) {
  std::string S = " (in " + I->getFunction()->getName().str();
  if (const DebugLoc &DL = I->getDebugLoc())
    S += " line " + std::to_string(DL.getLine());
  return S + ")";
}


inline bool isZero(const Value *V) {
  auto *C = dyn_cast<Constant>(V);
  return C && C->isNullValue();
}


inline bool isRecord(const Value *V) {
  if (isa<AllocaInst>(V))
    return true;
  auto *A = dyn_cast<Argument>(V);
  return A && A->hasByValAttr();
}

/// One vector's pushes, as the checks below need them.
struct Candidate {
  SlotVector V;
  std::vector<Push> Pushes;
  DenseMap<const Instruction *, Push> ByWrite;
  DenseSet<const StoreInst *> CountStores;
  std::vector<int64_t> PtrFields; ///< Pointer fields of an element.
};

/// The records memcpy pushes copy from, all conduits: fills Conduits, or
/// says why one is not (SlotConduits.cpp).
std::string findConduits(const Candidate &Cand, const DataLayout &DL,
                         DenseSet<const Value *> &Conduits);

} // namespace slotvectors
} // namespace asap

#endif // ASAP_ANALYSIS_SLOTVECTORSIMPL_H
