//===- driver/PassRunner.h - Running asap's pipelines on a module -*- C++ -*-=//
//
// Both modes run a textual asap pipeline ("asap-prepare,asap-check" or
// "asap-prepare,asap-free") registered through asap::registerPasses, the
// same registration the opt plugin uses, so a pipeline that works under
// opt-16 works in asapc. Build mode then runs LLVM's default pipeline.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_DRIVER_PASSRUNNER_H
#define ASAP_DRIVER_PASSRUNNER_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Support/Error.h"

#include <optional>

namespace llvm {
class Module;
class TargetMachine;
} // namespace llvm

namespace asap {

struct PipelineOptions;

namespace driver {

/// Runs Pipeline (textual, asap passes registered) on M and verifies the
/// result; then, if OptLevel is set (0-3, 4 = s, 5 = z), LLVM's default
/// per-module pipeline at that level. TM may be null (check mode).
/// AddPasses, if given, appends driver passes after Pipeline (they see the
/// asap analyses, e.g. explain's printer).
llvm::Error
runPipeline(llvm::Module &M, llvm::StringRef Pipeline,
            const PipelineOptions &Opts, llvm::TargetMachine *TM,
            std::optional<unsigned> OptLevel = std::nullopt,
            llvm::function_ref<void(llvm::ModulePassManager &)> AddPasses = {});

} // namespace driver
} // namespace asap

#endif // ASAP_DRIVER_PASSRUNNER_H
