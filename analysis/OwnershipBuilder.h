//===- analysis/OwnershipBuilder.h - Ownership, inside ----------*- C++ -*-===//
//
// The builder behind computeOwnership (Ownership.h), shared by the two files
// that implement it: Ownership.cpp finds the owners and their aliases,
// OwnershipUses.cpp gives every use of them a role. Not a public header.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_ANALYSIS_OWNERSHIPBUILDER_H
#define ASAP_ANALYSIS_OWNERSHIPBUILDER_H

#include "analysis/Ownership.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"

#include <string>

namespace asap {

bool isNullish(const llvm::Value *V);
/// Source line of I as " at line N", or "" without debug info.
std::string atLine(const llvm::Instruction *I);
/// Does the result of user U point into (or equal) its operand V?
bool derivesFrom(const llvm::User *U, const llvm::Value *V,
                 const ModuleSummaries *Summaries = nullptr);

class OwnershipBuilder {
public:
  OwnershipBuilder(llvm::Function &F, const AllocationInfo &Allocs,
                   const llvm::DominatorTree &DT, const ModuleSummaries *Summaries,
                   bool IncludeParams,
                   const llvm::SmallPtrSetImpl<const llvm::Argument *> *KeptParams)
      : F(F), Allocs(Allocs), DT(DT), Summaries(Summaries),
        IncludeParams(IncludeParams), KeptParams(KeptParams) {}

  OwnershipInfo build();

private:
  struct Base {
    llvm::SmallSetVector<llvm::Value *, 2> Owners;
    bool Foreign = false;
  };

  void computeBases();
  bool isBorrowAlias(llvm::Instruction *V) const;
  bool isReturnedOwnerOrNull(llvm::Instruction *V) const;
  bool growOwners();
  void createOwners();
  void classifyUses(unsigned OwnerIdx);
  void classifyUse(unsigned OwnerIdx, llvm::Use &U);
  void escape(unsigned OwnerIdx, llvm::Instruction *At, llvm::Value *V, std::string Why);

  bool derives(const llvm::User *U, const llvm::Value *V) const {
    return derivesFrom(U, V, Summaries);
  }
  const llvm::BasicBlock *ownerBlock(const llvm::Value *O) const {
    if (auto *I = llvm::dyn_cast<llvm::Instruction>(O))
      return I->getParent();
    return &F.getEntryBlock(); // A parameter.
  }
  void addHelperSites();
  void addTakes();

  llvm::Function &F;
  const AllocationInfo &Allocs;
  const llvm::DominatorTree &DT;
  const ModuleSummaries *Summaries;
  bool IncludeParams;
  const llvm::SmallPtrSetImpl<const llvm::Argument *> *KeptParams;
  OwnershipInfo Info;

  /// Allocation sites: the library ones and calls of fresh-returning helpers.
  llvm::DenseMap<const llvm::Value *, AllocationSite> Sites;
  llvm::SetVector<llvm::Value *> OwnerSet;
  llvm::SetVector<llvm::Instruction *> Derived; ///< Non-owner values derived from owners.
  llvm::DenseMap<const llvm::Value *, Base> Bases;
  /// Take loads and the owner root whose field each moves out of.
  llvm::MapVector<llvm::Instruction *, llvm::Value *> Takes;
  /// Loads that take an element out of a slot vector (SlotMoves.h).
  llvm::SetVector<llvm::Instruction *> SlotTakes;
};

} // namespace asap

#endif // ASAP_ANALYSIS_OWNERSHIPBUILDER_H
