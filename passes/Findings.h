//===- passes/Findings.h - Check-mode findings and their rendering -*- C++ -*-//
//
// A Finding is one memory-safety problem that asap-check proved on some path:
// a leak, a double free, a use after free, a mismatched deallocator or a free
// of non-heap memory. The check pass produces Findings; the opt plugin and the
// asapc driver render them (clang-style text, SARIF 2.1.0) and compare them
// against a baseline. Keeping the model separate from the pass lets the driver
// gather findings of several modules before printing once.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_PASSES_FINDINGS_H
#define ASAP_PASSES_FINDINGS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace asap {

enum class FindingKind {
  Leak,
  DoubleFree,
  UseAfterFree,
  MismatchedDealloc,
  NonHeapFree,
};

/// Stable rule id used in text output ("[asap-leak]") and SARIF ("asap-leak").
llvm::StringRef ruleId(FindingKind K);
/// One-sentence description of the rule, for SARIF's rule metadata.
llvm::StringRef ruleDescription(FindingKind K);
/// Every kind, in the order of SARIF's rules[] (ruleIndex) and the summary.
llvm::ArrayRef<FindingKind> allFindingKinds();

/// Version reported in SARIF and by `asapc --version`.
llvm::StringRef toolVersion();

/// File as shown to the user: relative to the working directory when it is
/// below it (debug info records absolute, directory-joined paths).
std::string displayPath(llvm::StringRef File);

struct SourceLocation {
  std::string File; ///< As recorded in debug info (directory joined).
  unsigned Line = 0;
  unsigned Column = 0;
  bool isValid() const { return !File.empty() && Line != 0; }
};

/// Secondary location: the allocation site, the earlier free, a call on the
/// path that led to the problem.
struct FindingNote {
  SourceLocation Loc;
  std::string Message;
};

/// Where the missing release belongs, computed by the same last-use analysis
/// that build mode uses. Rendered as "insert 'free(buf);' after line 42".
struct FixIt {
  SourceLocation Loc;   ///< The statement after which Text is inserted.
  std::string Text;     ///< e.g. "free(buf);"
};

struct Finding {
  FindingKind Kind = FindingKind::Leak;
  SourceLocation Loc;     ///< Primary location (where the problem happens).
  std::string Message;    ///< e.g. "memory allocated for 'buf' leaks when ..."
  std::string Function;   ///< Enclosing function (source name when known).
  std::vector<FindingNote> Notes;
  std::optional<FixIt> Fix;

  /// Identity used by baselines: rule, file name, function and message with
  /// its numbers masked, but no line numbers, so unrelated edits above a
  /// finding do not revive it. "asap-leak:<16 hex digits>".
  std::string fingerprint() const;
};

/// Findings of a whole run, possibly over several modules.
class FindingSet {
public:
  void add(Finding F) { Findings.push_back(std::move(F)); }
  /// Sorts by file/line/column and drops exact duplicates (the same problem
  /// reached through several paths).
  void normalize();
  /// Removes findings whose fingerprint appears in Baseline; returns how many.
  size_t suppress(const std::vector<std::string> &BaselineFingerprints);
  const std::vector<Finding> &all() const { return Findings; }
  bool empty() const { return Findings.empty(); }
  size_t size() const { return Findings.size(); }

private:
  std::vector<Finding> Findings;
};

/// Clang-style diagnostics:
///   file.c:12:5: warning: ... [asap-leak]
///   file.c:7:15: note: allocated here
///   file.c:14:3: note: fix: insert 'free(buf);' after line 14
void printText(llvm::raw_ostream &OS, const FindingSet &Set, bool Color);

/// "3 findings (2 leaks, 1 double free)", plus "; N suppressed by baseline"
/// when Suppressed is non-zero. One line, newline-terminated.
void printSummary(llvm::raw_ostream &OS, const FindingSet &Set,
                  size_t Suppressed = 0);

/// SARIF 2.1.0 log with one run, the asap rules and one result per finding.
void writeSarif(llvm::raw_ostream &OS, const FindingSet &Set);

/// Baseline file: one fingerprint per line (written by --write-baseline).
llvm::Expected<std::vector<std::string>> readBaseline(llvm::StringRef Path);
llvm::Error writeBaseline(llvm::StringRef Path, const FindingSet &Set);

} // namespace asap

#endif // ASAP_PASSES_FINDINGS_H
