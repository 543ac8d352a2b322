//===- analysis/Summaries.h - What functions do with pointers ---*- C++ -*-===//
//
// Interprocedural ownership facts, one summary per function with a body,
// computed bottom-up over the call graph's SCCs (callees before callers) and
// to a fixpoint inside recursive SCCs (starting from the optimistic summary
// and weakening until nothing changes: the greatest fixpoint, sound for
// these properties by induction on the depth of the call tree).
//
//   per pointer parameter: borrowed | consumed (released by the callee) |
//     captured into the return value | captured into another parameter's
//     object | escapes  (flags, several may hold)
//   per pointer return: fresh-owned (every returned non-null value is an
//     object this function owns and moves out) | borrowed from parameter k
//     | unknown
//
// A function's summary is computed with the ownership analysis itself
// (parameters included as owners), using the summaries of its callees, so
// a helper that only reads its argument but calls free on something else is
// still a borrower, and a constructor returning malloc'd memory makes its
// call an allocation site in the caller. Declarations and functions whose
// definition may be replaced at link time have no summary (LLVM attributes
// and the model table decide instead).
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_SUMMARIES_H
#define ASAP_ANALYSIS_SUMMARIES_H

#include "analysis/AllocationSites.h"
#include "analysis/Shapes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/PassManager.h"

#include <string>
#include <vector>

namespace llvm {
class Argument;
class Function;
class Module;
class raw_ostream;
} // namespace llvm

namespace asap {

enum ParamFlag : unsigned {
  PF_Consumed = 1u << 0,           ///< Released by the callee (on some path).
  PF_CapturedIntoReturn = 1u << 1, ///< May be (part of) the return value.
  PF_CapturedIntoParam = 1u << 2,  ///< Stored into another parameter's object.
  PF_Escapes = 1u << 3,            ///< Anything else: stored, leaked, unknown.
  PF_MovedIn = 1u << 4, ///< Moved into an owning field of an object the
                        ///< callee owns (a constructor's children): the
                        ///< caller passes ownership and must not use it after.
  PF_MovedIntoReturn = 1u << 5, ///< Moved into the fresh result: the result
                                ///< is this object or an object that owns
                                ///< it (through owning fields, or dropped
                                ///< on some path). The caller passes
                                ///< ownership and must not use it after.
};

struct ParamSummary {
  bool IsPointer = false;
  unsigned Flags = 0;                        ///< ParamFlag bits; 0 = borrowed.
  llvm::SmallVector<unsigned, 1> IntoParams; ///< For PF_CapturedIntoParam.
  std::string Reason;                        ///< Why it escapes (first reason).
  bool isBorrowed() const { return IsPointer && Flags == 0; }
  bool operator==(const ParamSummary &O) const {
    return Flags == O.Flags && IntoParams == O.IntoParams;
  }
};

enum class ReturnKind {
  NotPointer,        ///< void or a non-pointer type
  FreshOwned,        ///< a new object (or null) that the caller owns; or
                     ///< the argument of a moved-into-return parameter
  BorrowedFromParam, ///< points into parameter RetParam's object (or null)
  Unknown,
};

struct FunctionSummary {
  std::vector<ParamSummary> Params;
  ReturnKind Ret = ReturnKind::Unknown;
  unsigned RetParam = 0;                       ///< For BorrowedFromParam.
  AllocFamily RetFamily = AllocFamily::Malloc; ///< For FreshOwned.
  std::string RetReason;                       ///< Why Unknown.
  bool operator==(const FunctionSummary &O) const {
    return Params == O.Params && Ret == O.Ret && RetParam == O.RetParam &&
           RetFamily == O.RetFamily;
  }
  bool operator!=(const FunctionSummary &O) const { return !(*this == O); }
};

/// "borrowed", "consumed, captured-into-return", "escapes: stored to memory"...
std::string describeParam(const ParamSummary &P);

class ModuleSummaries {
public:
  /// The summary of F, or null (declaration, replaceable definition).
  const FunctionSummary *lookup(const llvm::Function *F) const {
    auto It = Map.find(F);
    return It == Map.end() ? nullptr : &It->second;
  }
  void print(llvm::raw_ostream &OS, const llvm::Module &M) const;

  llvm::DenseMap<const llvm::Function *, FunctionSummary> Map;
  /// Owning parameters: moved-into-return parameters of functions called
  /// only directly from inside the module, where every call passes null or
  /// an object the caller owns and no longer uses. The callee owns them: it
  /// releases them where they die instead of leaving them to the collector.
  /// Empty while summaries and shapes are being computed.
  llvm::DenseMap<const llvm::Argument *, AllocFamily> OwningParams;
  /// Owning fields (containment), computed together with the summaries.
  std::shared_ptr<ShapeInfo> Shapes;
};

/// Computes every summary of M (per-function analyses come from FAM).
ModuleSummaries computeSummaries(llvm::Module &M,
                                 llvm::FunctionAnalysisManager &FAM);

class SummaryAnalysis : public llvm::AnalysisInfoMixin<SummaryAnalysis> {
public:
  using Result = ModuleSummaries;
  Result run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);

private:
  friend llvm::AnalysisInfoMixin<SummaryAnalysis>;
  static llvm::AnalysisKey Key;
};

} // namespace asap

#endif // ASAP_ANALYSIS_SUMMARIES_H
