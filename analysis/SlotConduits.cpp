//===- analysis/SlotConduits.cpp - Records pushed into slots by value -----===//
//
// A memcpy push copies a stack record into a slot: an alloca, or a byval
// parameter whose every caller passes such an alloca (or a constant
// without pointers). The record is a *conduit* (SlotVectors.h) when it is
// never read as pointers and each copy out of it is preceded in its own
// block by the store of each pointer field it carries (RecordCheck);
// findConduits follows byval parameters one level up to their callers.
//
//===----------------------------------------------------------------------===//
#include "analysis/Shapes.h"
#include "analysis/SlotVectorsImpl.h"

#include "llvm/Analysis/CFG.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IntrinsicInst.h"

#include <map>
#include <optional>

using namespace llvm;

namespace asap {
namespace slotvectors {

namespace {

std::string describeRecord(const Value *R) {
  if (auto *A = dyn_cast<Argument>(R))
    return "byval parameter " + std::to_string(A->getArgNo()) + " of " +
           A->getParent()->getName().str();
  return "local record" + (R->hasName() ? " '" + R->getName().str() + "'"
                                        : std::string()) +
         " in " + cast<Instruction>(R)->getFunction()->getName().str();
}

/// Checks the records memcpy pushes copy from (see the header).
class RecordCheck {
public:
  RecordCheck(const DenseMap<const Instruction *, Push> &Pushes,
              const std::vector<int64_t> &PtrFields)
      : Pushes(Pushes), PtrFields(PtrFields) {}

  /// Why the conduit R (an alloca, or a byval parameter whose callers are
  /// checked apart) is not one, or "". Byval calls are copies out when the
  /// callee's parameter is in Params.
  std::string check(const Value *R,
                    const DenseSet<const Argument *> &Params) const;

private:
  const DenseMap<const Instruction *, Push> &Pushes;
  const std::vector<int64_t> &PtrFields;
};

std::string RecordCheck::check(const Value *R,
                               const DenseSet<const Argument *> &Params) const {
  const DataLayout &DL = *dataLayoutOf(R);
  const int64_t PtrSize = DL.getPointerSize();
  // Writes of each pointer field (the write instruction, whether null).
  std::map<int64_t, std::vector<std::pair<const Instruction *, bool>>> Writes;
  SmallVector<const Instruction *, 4> CopyOuts, Starts;
  auto Overlaps = [&](int64_t Off, int64_t Size) {
    return any_of(PtrFields, [&](int64_t F) {
      return Off < F + PtrSize && F < Off + Size;
    });
  };
  auto NullWrites = [&](const Instruction *I, int64_t Off, const Value *Len) {
    auto *C = dyn_cast<ConstantInt>(Len);
    if (!C)
      return false;
    int64_t End = Off + int64_t(C->getZExtValue());
    for (int64_t F : PtrFields)
      if (Off <= F && F + PtrSize <= End)
        Writes[F].push_back({I, true});
      else if (F < End && Off < F + PtrSize)
        return false; // Part of a pointer.
    return true;
  };
  SmallVector<std::pair<const Value *, int64_t>, 8> Work{{R, 0}};
  while (!Work.empty()) {
    auto [V, Off] = Work.pop_back_val();
    for (const Use &U : V->uses()) {
      auto *I = dyn_cast<Instruction>(U.getUser());
      if (!I)
        return "used by a constant";
      if (auto *GEP = dyn_cast<GetElementPtrInst>(I)) {
        APInt Delta(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
        if (!GEP->accumulateConstantOffset(DL, Delta))
          return "indexed at a variable offset" + lineOf(I);
        Work.push_back({GEP, Off + Delta.getSExtValue()});
      } else if (isa<BitCastInst>(I) || isa<AddrSpaceCastInst>(I)) {
        Work.push_back({I, Off});
      } else if (auto *LI = dyn_cast<LoadInst>(I)) {
        if (LI->getType()->isPointerTy() ||
            Overlaps(Off, int64_t(DL.getTypeStoreSize(LI->getType()))))
          return "a pointer field is read" + lineOf(I);
      } else if (auto *SI = dyn_cast<StoreInst>(I)) {
        if (SI->getValueOperand() == V)
          return "its address is stored" + lineOf(I);
        Type *T = SI->getValueOperand()->getType();
        int64_t Size = int64_t(DL.getTypeStoreSize(T));
        if (T->isPointerTy() && is_contained(PtrFields, Off) &&
            !SI->isVolatile())
          Writes[Off].push_back({SI, isZero(SI->getValueOperand())});
        else if (T->isPointerTy() || Overlaps(Off, Size))
          return "a pointer field is written as data" + lineOf(I);
      } else if (auto *MS = dyn_cast<MemSetInst>(I)) {
        if (!isZero(MS->getValue()) || !NullWrites(I, Off, MS->getLength()))
          return "written byte-wise" + lineOf(I);
      } else if (auto *MT = dyn_cast<MemTransferInst>(I)) {
        if (MT->getRawDest() == V) {
          if (!isPointerFreeConstant(MT->getRawSource()) ||
              !NullWrites(I, Off, MT->getLength()))
            return "copied into" + lineOf(I);
          continue;
        }
        if (Off != 0 || !Pushes.count(I))
          return "copied somewhere else than a slot" + lineOf(I);
        CopyOuts.push_back(I);
      } else if (auto *II = dyn_cast<IntrinsicInst>(I);
                 II && (II->getIntrinsicID() == Intrinsic::lifetime_end ||
                        isa<DbgInfoIntrinsic>(II))) {
        continue;
      } else if (II && II->getIntrinsicID() == Intrinsic::lifetime_start) {
        Starts.push_back(I);
      } else if (auto *CB = dyn_cast<CallBase>(I)) {
        unsigned K = CB->getArgOperandNo(&U);
        const Function *Callee = CB->getCalledFunction();
        if (Off != 0 || !CB->isArgOperand(&U) || !CB->isByValArgument(K) ||
            !Callee || K >= Callee->arg_size() ||
            !Params.count(Callee->getArg(K)))
          return "passed to a call" + lineOf(I);
        CopyOuts.push_back(I);
      } else {
        return std::string("used by '") + I->getOpcodeName() + "'" +
               lineOf(I);
      }
    }
  }
  const auto *Param = dyn_cast<Argument>(R);
  const Function &F = Param ? *Param->getParent()
                            : *cast<Instruction>(R)->getFunction();
  if (Param) {
    // The value each field holds on entry is the caller's: it may be
    // copied out once per call.
    if (CopyOuts.size() != 1)
      return "a byval parameter copied out more than once";
    const BasicBlock *BB = CopyOuts[0]->getParent();
    for (const BasicBlock *S : successors(BB))
      if (S == BB || isPotentiallyReachable(S, BB))
        return "a byval parameter copied out in a loop";
    if (!Starts.empty())
      return "a byval parameter with a lifetime start";
  }
  std::optional<DominatorTree> DT;
  for (const Instruction *C : CopyOuts) {
    for (int64_t Field : PtrFields) {
      const std::vector<std::pair<const Instruction *, bool>> &WS =
          Writes[Field];
      // The field's last write before C in C's block, up to another copy.
      bool Found = false;
      for (const Instruction *I = C->getPrevNode(); I && !Found;
           I = I->getPrevNode()) {
        if (is_contained(CopyOuts, I) || is_contained(Starts, I))
          break;
        Found = any_of(WS, [&](auto &W) { return W.first == I; });
      }
      if (Found)
        continue;
      if (Param) {
        if (!WS.empty())
          return "a byval parameter's pointer field is written";
        continue;
      }
      // Otherwise only nulls, one of them always written before C.
      if (!Starts.empty() || any_of(WS, [](auto &W) { return !W.second; }))
        return "a pointer field is stored in another block than its copy" +
               lineOf(C);
      if (!DT)
        DT.emplace(const_cast<Function &>(F));
      if (none_of(WS, [&](auto &W) { return DT->dominates(W.first, C); }))
        return "a pointer field may be uninitialized when copied" + lineOf(C);
    }
  }
  return "";
}

} // namespace

/// The records memcpy pushes copy from, all conduits: fills Conduits, or
/// says why one is not.
std::string findConduits(const Candidate &Cand, const DataLayout &DL,
                         DenseSet<const Value *> &Conduits) {
  std::string Why;
  RecordCheck Check(Cand.ByWrite, Cand.PtrFields);
  DenseSet<const Argument *> Params;
  for (const Push &P : Cand.Pushes)
    if (auto *A = dyn_cast_or_null<Argument>(P.Record))
      Params.insert(A);
  // A parameter is a conduit when every caller passes a conduit record
  // (allocas only: one level of byval) or a constant without pointers.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const Argument *A : make_early_inc_range(Params)) {
      std::string PWhy = Check.check(A, Params);
      for (const Use &U : A->getParent()->uses()) {
        if (!PWhy.empty())
          break;
        auto *CB = dyn_cast<CallBase>(U.getUser());
        if (!CB || !CB->isCallee(&U) || CB->arg_size() <= A->getArgNo()) {
          PWhy = "its function is called indirectly";
          break;
        }
        const Value *Arg = CB->getArgOperand(A->getArgNo());
        if (isPointerFreeConstant(Arg))
          continue;
        auto [Rec, Off] = baseAndOffset(Arg, DL);
        if (Off != 0 || !isa<AllocaInst>(Rec))
          PWhy = "a caller passes something else than a local record" +
                 lineOf(CB);
        else
          PWhy = Check.check(Rec, Params);
      }
      if (!PWhy.empty()) {
        Why = describeRecord(A) + ": " + PWhy;
        Params.erase(A);
        Changed = true;
      }
    }
  }
  Conduits.insert(Params.begin(), Params.end());
  for (const Argument *A : Params)
    for (const Use &U : A->getParent()->uses()) {
      const Value *Arg =
          cast<CallBase>(U.getUser())->getArgOperand(A->getArgNo());
      if (!isPointerFreeConstant(Arg))
        Conduits.insert(baseAndOffset(Arg, DL).first);
    }
  for (const Push &P : Cand.Pushes) {
    if (!P.Record || Conduits.count(P.Record))
      continue;
    if (isa<Argument>(P.Record))
      return Why.empty() ? "a record copied into a slot is not moved" : Why;
    if (std::string RWhy = Check.check(P.Record, Params); !RWhy.empty())
      return describeRecord(P.Record) + ": " + RWhy;
    Conduits.insert(P.Record);
  }
  return "";
}

} // namespace slotvectors
} // namespace asap
