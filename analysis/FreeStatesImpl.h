//===- analysis/FreeStatesImpl.h - FreeStates internals ---------*- C++ -*-===//
//
// Private to FreeStates.cpp (the dataflow) and FreeStatesEffects.cpp (what
// each instruction and branch does, computed once per function): the
// per-function state both halves share.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_FREESTATESIMPL_H
#define ASAP_ANALYSIS_FREESTATESIMPL_H

#include "analysis/FreeStates.h"

#include "analysis/BranchConditions.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/ConstantRange.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#include <memory>
#include <optional>
#include <vector>

namespace asap {

/// What one instruction does to the objects its pointer operands reach.
struct InstEffects {
  const llvm::CallBase *Allocates = nullptr;
  const PointerOrigins *Releases = nullptr;
  /// The phi the released pointer is (or is derived from), if any.
  const llvm::PHINode *ReleaseVia = nullptr;
  /// The released pointer is that phi itself (up to casts): offset zero.
  bool ReleaseIsPhi = false;
  llvm::SmallVector<const PointerOrigins *, 2> Uses;
  llvm::SmallVector<const llvm::PHINode *, 2> UseVia; ///< Parallel to Uses.
  llvm::SmallVector<const PointerOrigins *, 2> Escapes;
  /// Tracked conditions whose value this instruction recomputes.
  llvm::SmallVector<unsigned, 1> Invalidates;
};

/// How a conditional branch constrains the paths leaving it.
struct BranchEffects {
  int CondId = -1;      ///< Tracked condition, or -1.
  bool Polarity = true; ///< Branch condition == (condition == Polarity).
  const PointerOrigins *NullTested = nullptr;
  unsigned NullSuccessor = 0; ///< Successor taken when the pointer is null.
  /// `icmp pred flag, C` on a flag phi (see PathCase::Flags), or null.
  const llvm::ICmpInst *FlagTest = nullptr;
  bool FlagPolarity = true; ///< Branch condition == (FlagTest == Polarity).
};

struct FreeStates::Impl {
  const llvm::Function &F;
  const llvm::TargetLibraryInfo &TLI;
  const llvm::DominatorTree &DT;
  const llvm::LoopInfo &LI;
  const llvm::DataLayout &DL;
  llvm::DenseMap<const llvm::Instruction *, int> Index;
  /// Program-order instruction table (owned by FreeStates).
  const std::vector<const llvm::Instruction *> *Insts = nullptr;
  mutable llvm::DenseMap<const llvm::Value *, std::unique_ptr<PointerOrigins>>
      Origins;
  std::vector<InstEffects> Effects;
  /// Ids of the phis releases and uses go through (see PathCase::Elsewhere).
  llvm::DenseMap<const llvm::PHINode *, unsigned> PhiIds;
  /// Per tracked condition id, its range form (value vs constant), if any.
  std::vector<std::optional<RangeTest>> IdRanges;
  /// Ids of the flag phis branches test (see PathCase::Flags).
  llvm::DenseMap<const llvm::PHINode *, unsigned> FlagIds;
  llvm::DenseMap<const llvm::Instruction *, BranchEffects> Branches;
  /// Entry cases of each reachable block, per object.
  llvm::DenseMap<const llvm::Value *,
                 llvm::DenseMap<const llvm::BasicBlock *, CaseSet>>
      In;
  std::vector<const llvm::BasicBlock *> RPO;
  llvm::DenseMap<const llvm::BasicBlock *, unsigned> RPOIndex;

  Impl(const llvm::Function &F, const llvm::TargetLibraryInfo &TLI,
       const llvm::DominatorTree &DT, const llvm::LoopInfo &LI)
      : F(F), TLI(TLI), DT(DT), LI(LI), DL(F.getParent()->getDataLayout()) {}

  Instance instanceAt(const PointerOrigins &O, const llvm::Value *Obj,
                      const llvm::Instruction *At) const;
  /// The instance a strong (single-object) reference reaches, or Unknown.
  Instance strongInstance(const PointerOrigins &O, const llvm::Value *Obj,
                          const llvm::Instruction *At) const {
    if (O.Incomplete)
      return Instance::Unknown;
    for (const PointerBase &B : O.Bases)
      if (B.Base != Obj)
        return O.mayPointInto(Obj) ? Instance::Unknown : Instance::None;
    return instanceAt(O, Obj, At);
  }

  const PointerOrigins &origins(const llvm::Value *Ptr) const {
    std::unique_ptr<PointerOrigins> &Slot = Origins[Ptr];
    if (!Slot)
      Slot = std::make_unique<PointerOrigins>(findPointerOrigins(Ptr, DL, &LI));
    return *Slot;
  }

  /// False when the facts on the value condition Id compares leave it no
  /// possible value.
  bool rangesConsistent(
      const llvm::SmallVectorImpl<std::pair<unsigned, bool>> &Facts,
      unsigned Id) const {
    const std::optional<RangeTest> &New = IdRanges[Id];
    if (!New)
      return true;
    llvm::ConstantRange Possible =
        llvm::ConstantRange::getFull(New->WhenTrue.getBitWidth());
    for (const auto &[FactId, Holds] : Facts) {
      const std::optional<RangeTest> &R = IdRanges[FactId];
      if (!R || R->X != New->X)
        continue;
      Possible = Possible.intersectWith(Holds ? R->WhenTrue : R->WhenFalse);
    }
    return !Possible.isEmptySet();
  }

  void computeEffects(FreeStates &Owner, const CalleeFacts *Callees);
  void computeConditions();
  void transfer(const llvm::Value *Obj, int Idx, CaseSet &Cases,
                std::vector<MemoryEvent> *Record) const;
  CaseSet edge(const llvm::Value *Obj, const llvm::Instruction *Term,
               unsigned Succ, const CaseSet &Cases) const;
  void solve(const llvm::Value *Obj);
  CaseSet runBlock(const llvm::Value *Obj, const llvm::BasicBlock *BB,
                   const llvm::Instruction *Stop, bool Inclusive,
                   std::vector<MemoryEvent> *Record) const;
};

} // namespace asap

#endif // ASAP_ANALYSIS_FREESTATESIMPL_H
