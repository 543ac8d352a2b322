//===- passes/Findings.cpp - Finding model, text rendering, baselines -----===//
//
// Everything about a Finding except SARIF (passes/Sarif.cpp): the rule table,
// the baseline fingerprint, normalization of a run's findings, clang-style
// text and the baseline file. Rendering lives here, not in the check pass, so
// that the opt plugin and the asapc driver print exactly the same thing.
//
//===----------------------------------------------------------------------===//

#include "passes/Findings.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <tuple>

using namespace llvm;

namespace asap {

namespace {

struct RuleInfo {
  FindingKind Kind;
  const char *Id;
  const char *Description;
  const char *Singular; ///< Used by the summary line ("1 leak").
  const char *Plural;
};

// The order here is the order of SARIF's rules[] and of the summary line.
const RuleInfo Rules[] = {
    {FindingKind::Leak, "asap-leak",
     "Heap memory becomes unreachable on some path without being released.",
     "leak", "leaks"},
    {FindingKind::DoubleFree, "asap-double-free",
     "Heap memory is released twice on some path.", "double free",
     "double frees"},
    {FindingKind::UseAfterFree, "asap-use-after-free",
     "Heap memory is accessed after it has been released on some path.",
     "use after free", "uses after free"},
    {FindingKind::MismatchedDealloc, "asap-mismatched-dealloc",
     "Memory is released with a deallocator that does not match its "
     "allocator (malloc/delete, new/free, new[]/delete).",
     "mismatched deallocation", "mismatched deallocations"},
    {FindingKind::NonHeapFree, "asap-non-heap-free",
     "A pointer that does not point to the start of a heap object (stack, "
     "global or interior pointer) is released.",
     "free of non-heap memory", "frees of non-heap memory"},
};

const RuleInfo &ruleInfo(FindingKind K) {
  for (const RuleInfo &R : Rules)
    if (R.Kind == K)
      return R;
  llvm_unreachable("FindingKind without a rule");
}

/// Current working directory with a trailing separator, computed once: used
/// to shorten the absolute paths that debug info records.
const std::string &cwdPrefix() {
  static const std::string Prefix = [] {
    SmallString<256> Cwd;
    if (sys::fs::current_path(Cwd))
      return std::string();
    return std::string(Cwd) + "/";
  }();
  return Prefix;
}

auto sortKey(const Finding &F) {
  return std::tie(F.Loc.File, F.Loc.Line, F.Loc.Column, F.Kind, F.Message);
}

void printLocation(raw_ostream &OS, const SourceLocation &Loc) {
  if (Loc.File.empty()) {
    OS << "asap: ";
    return;
  }
  OS << displayPath(Loc.File);
  if (Loc.Line) {
    OS << ':' << Loc.Line;
    if (Loc.Column)
      OS << ':' << Loc.Column;
  }
  OS << ": ";
}

/// One diagnostic line in clang's layout and, when Color, clang's colors:
/// bold location, bold magenta "warning:" with a bold message, bold black
/// "note:" with a plain message.
void printLine(raw_ostream &OS, const SourceLocation &Loc, bool IsNote,
               StringRef Message, StringRef Rule, bool Color) {
  if (Color)
    OS.changeColor(raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  printLocation(OS, Loc);
  if (Color)
    OS.changeColor(IsNote ? raw_ostream::BLACK : raw_ostream::MAGENTA,
                   /*Bold=*/true);
  OS << (IsNote ? "note: " : "warning: ");
  if (Color) {
    OS.resetColor();
    if (!IsNote)
      OS.changeColor(raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  }
  OS << Message;
  if (!Rule.empty())
    OS << " [" << Rule << ']';
  if (Color)
    OS.resetColor();
  OS << '\n';
}

} // namespace

StringRef ruleId(FindingKind K) { return ruleInfo(K).Id; }

StringRef ruleDescription(FindingKind K) { return ruleInfo(K).Description; }

ArrayRef<FindingKind> allFindingKinds() {
  static const FindingKind Kinds[] = {
      FindingKind::Leak, FindingKind::DoubleFree, FindingKind::UseAfterFree,
      FindingKind::MismatchedDealloc, FindingKind::NonHeapFree};
  return Kinds;
}

StringRef toolVersion() { return ASAP_VERSION; }

std::string displayPath(StringRef File) {
  const std::string &Prefix = cwdPrefix();
  if (!Prefix.empty() && File.startswith(Prefix) && File.size() > Prefix.size())
    return File.drop_front(Prefix.size()).str();
  return File.str();
}

/// Message with every number replaced by '#': messages mention lines ("on
/// the path through line 42", "already freed at line 7") and a baseline must
/// not break when unrelated edits move the code.
static std::string withoutNumbers(StringRef Message) {
  std::string Out;
  for (size_t I = 0; I < Message.size(); ++I) {
    if (!isDigit(Message[I])) {
      Out += Message[I];
      continue;
    }
    Out += '#';
    while (I + 1 < Message.size() && isDigit(Message[I + 1]))
      ++I;
  }
  return Out;
}

std::string Finding::fingerprint() const {
  // Only the file name: a baseline must survive a checkout in another
  // directory and asapc being run from another working directory.
  std::string Key;
  raw_string_ostream KS(Key);
  KS << ruleId(Kind) << '\0' << sys::path::filename(Loc.File) << '\0'
     << Function << '\0' << withoutNumbers(Message);
  KS.flush();
  uint64_t Hash = xxHash64(Key);
  return (ruleId(Kind) + ":" + utohexstr(Hash, /*LowerCase=*/true, 16)).str();
}

void FindingSet::normalize() {
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const Finding &A, const Finding &B) {
                     return sortKey(A) < sortKey(B);
                   });
  // Same rule, place and message = the same problem reached through another
  // path; the first one keeps its notes.
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [](const Finding &A, const Finding &B) {
                               return sortKey(A) == sortKey(B);
                             }),
                 Findings.end());
}

size_t FindingSet::suppress(const std::vector<std::string> &Baseline) {
  StringSet<> Known;
  for (const std::string &FP : Baseline)
    Known.insert(FP);
  size_t Before = Findings.size();
  Findings.erase(std::remove_if(Findings.begin(), Findings.end(),
                                [&](const Finding &F) {
                                  return Known.contains(F.fingerprint());
                                }),
                 Findings.end());
  return Before - Findings.size();
}

void printText(raw_ostream &OS, const FindingSet &Set, bool Color) {
  bool WasColored = OS.colors_enabled();
  if (Color)
    OS.enable_colors(true);
  for (const Finding &F : Set.all()) {
    printLine(OS, F.Loc, /*IsNote=*/false, F.Message, ruleId(F.Kind), Color);
    for (const FindingNote &N : F.Notes)
      printLine(OS, N.Loc, /*IsNote=*/true, N.Message, "", Color);
    if (F.Fix) {
      std::string Text = "fix: insert '" + F.Fix->Text + "'";
      if (F.Fix->Loc.Line)
        Text += " after line " + std::to_string(F.Fix->Loc.Line);
      printLine(OS, F.Fix->Loc, /*IsNote=*/true, Text, "", Color);
    }
  }
  if (Color)
    OS.enable_colors(WasColored);
}

void printSummary(raw_ostream &OS, const FindingSet &Set, size_t Suppressed) {
  size_t N = Set.size();
  OS << N << (N == 1 ? " finding" : " findings");
  std::vector<std::string> Parts;
  for (const RuleInfo &R : Rules) {
    size_t Count =
        std::count_if(Set.all().begin(), Set.all().end(),
                      [&](const Finding &F) { return F.Kind == R.Kind; });
    if (Count)
      Parts.push_back(std::to_string(Count) + " " +
                      (Count == 1 ? R.Singular : R.Plural));
  }
  if (!Parts.empty())
    OS << " (" << join(Parts, ", ") << ")";
  if (Suppressed)
    OS << "; " << Suppressed << " suppressed by baseline";
  OS << '\n';
}

Expected<std::vector<std::string>> readBaseline(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(Buf.getError(), "cannot read baseline '%s': %s",
                             Path.str().c_str(),
                             Buf.getError().message().c_str());
  std::vector<std::string> Fingerprints;
  SmallVector<StringRef, 64> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  for (StringRef Line : Lines) {
    // "<fingerprint>  # human-readable context"; '#' lines are comments.
    Line = Line.trim();
    if (Line.empty() || Line.startswith("#"))
      continue;
    Fingerprints.push_back(Line.split(' ').first.split('\t').first.str());
  }
  return Fingerprints;
}

Error writeBaseline(StringRef Path, const FindingSet &Set) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_Text);
  if (EC)
    return createStringError(EC, "cannot write baseline '%s': %s",
                             Path.str().c_str(), EC.message().c_str());
  OS << "# asap baseline: one fingerprint per line; text after it is a "
        "comment.\n";
  StringSet<> Written;
  for (const Finding &F : Set.all()) {
    std::string FP = F.fingerprint();
    if (!Written.insert(FP).second)
      continue;
    OS << FP << "  # " << sys::path::filename(F.Loc.File);
    if (!F.Function.empty())
      OS << ':' << F.Function;
    OS << ": " << F.Message << '\n';
  }
  OS.close();
  if (OS.has_error()) {
    EC = OS.error();
    OS.clear_error();
    return createStringError(EC, "cannot write baseline '%s': %s",
                             Path.str().c_str(), EC.message().c_str());
  }
  return Error::success();
}

} // namespace asap
