//===- passes/Printers.h - print<asap-allocs>, print<asap-lastuse> -*- C++ -*-//
//
// Text dumps of the analyses for lit tests and for people. The formats are
// stable and documented in docs/analysis.md:
//
//   alloc %buf in main: malloc(64) family=malloc line 5
//   dealloc in main: free(%buf) family=malloc line 9
//
//   object %buf in main: owned var=buf line 5
//     aliases: %arrayidx
//     drop after %call3 line 12
//     drop on edge %for.body -> %for.end
//   object %p in f: undecided: stored to memory at line 7
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_PASSES_PRINTERS_H
#define ASAP_PASSES_PRINTERS_H

#include "llvm/IR/PassManager.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace asap {

class AllocsPrinterPass : public llvm::PassInfoMixin<AllocsPrinterPass> {
public:
  explicit AllocsPrinterPass(llvm::raw_ostream &OS) : OS(OS) {}
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &FAM);
  static bool isRequired() { return true; }

private:
  llvm::raw_ostream &OS;
};

class LastUsePrinterPass : public llvm::PassInfoMixin<LastUsePrinterPass> {
public:
  explicit LastUsePrinterPass(llvm::raw_ostream &OS) : OS(OS) {}
  llvm::PreservedAnalyses run(llvm::Function &F,
                              llvm::FunctionAnalysisManager &FAM);
  static bool isRequired() { return true; }

private:
  llvm::raw_ostream &OS;
};

/// print<asap-summary>: one block per summarized function:
///   summary mk: returns fresh-owned family=malloc
///     param 0 %s: borrowed
class SummaryPrinterPass : public llvm::PassInfoMixin<SummaryPrinterPass> {
public:
  explicit SummaryPrinterPass(llvm::raw_ostream &OS) : OS(OS) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }

private:
  llvm::raw_ostream &OS;
};

/// print<asap-shapes>: points-to nodes with pointer fields, owning or not:
///   node 3: build_list/malloc
///     field +8 -> node 3: owning
class ShapesPrinterPass : public llvm::PassInfoMixin<ShapesPrinterPass> {
public:
  explicit ShapesPrinterPass(llvm::raw_ostream &OS) : OS(OS) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  static bool isRequired() { return true; }

private:
  llvm::raw_ostream &OS;
};

} // namespace asap

#endif // ASAP_PASSES_PRINTERS_H
