//===- test/unit/findings/FindingsTest.cpp - Finding model and text ------===//
//
// The parts of passes/Findings.cpp the driver's lit tests cannot reach with
// real programs: every rule's text and plural, de-duplication, baseline
// fingerprints and file syntax, and the exact clang-style layout including
// locations without a column or without a file.
//
//===----------------------------------------------------------------------===//

#include "TestFindings.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <set>

using namespace asap;
using namespace asap::test;
using namespace llvm;

namespace {

std::string text(const FindingSet &Set, bool Color = false) {
  std::string Out;
  raw_string_ostream OS(Out);
  printText(OS, Set, Color);
  return OS.str();
}

std::string summary(const FindingSet &Set, size_t Suppressed = 0) {
  std::string Out;
  raw_string_ostream OS(Out);
  printSummary(OS, Set, Suppressed);
  return OS.str();
}

TEST(FindingsTest, EveryKindHasADistinctRule) {
  std::set<std::string> Ids;
  for (FindingKind K : allFindingKinds()) {
    EXPECT_TRUE(ruleId(K).startswith("asap-")) << ruleId(K).str();
    EXPECT_FALSE(ruleDescription(K).empty());
    Ids.insert(ruleId(K).str());
  }
  EXPECT_EQ(Ids.size(), 5u);
  EXPECT_EQ(ruleId(FindingKind::Leak), "asap-leak");
  EXPECT_EQ(ruleId(FindingKind::DoubleFree), "asap-double-free");
  EXPECT_EQ(ruleId(FindingKind::UseAfterFree), "asap-use-after-free");
  EXPECT_EQ(ruleId(FindingKind::MismatchedDealloc), "asap-mismatched-dealloc");
  EXPECT_EQ(ruleId(FindingKind::NonHeapFree), "asap-non-heap-free");
}

TEST(FindingsTest, TextIsClangStyle) {
  FindingSet Set;
  Set.add(makeLeak("/src/leak.c"));
  EXPECT_EQ(text(Set),
            "/src/leak.c:9:3: warning: memory allocated for 'buf' is never "
            "released [asap-leak]\n"
            "/src/leak.c:7:15: note: 'buf' allocated here\n"
            "/src/leak.c:9:3: note: fix: insert 'free(buf);' after line 9\n");
}

TEST(FindingsTest, TextWithoutColumnOrFile) {
  FindingSet Set;
  Set.add(makeFinding(FindingKind::DoubleFree, "/src/a.c", 4, 0,
                      "'p' is freed twice"));
  Set.add(makeFinding(FindingKind::NonHeapFree, "", 0, 0,
                      "free of a stack address"));
  EXPECT_EQ(text(Set), "/src/a.c:4: warning: 'p' is freed twice "
                       "[asap-double-free]\n"
                       "asap: warning: free of a stack address "
                       "[asap-non-heap-free]\n");
}

TEST(FindingsTest, TextPathsAreRelativeBelowTheWorkingDirectory) {
  SmallString<256> Cwd;
  ASSERT_FALSE(sys::fs::current_path(Cwd));
  SmallString<256> Inside(Cwd);
  sys::path::append(Inside, "sub", "x.c");
  EXPECT_EQ(displayPath(Inside), "sub/x.c");
  EXPECT_EQ(displayPath("/elsewhere-asap-test/x.c"), "/elsewhere-asap-test/x.c");
}

TEST(FindingsTest, ColorUsesClangsEscapes) {
  FindingSet Set;
  Set.add(makeLeak());
  std::string Colored = text(Set, /*Color=*/true);
  EXPECT_NE(Colored.find("\x1b[0;1;35mwarning: "), std::string::npos);
  EXPECT_NE(Colored.find("\x1b[0;1;30mnote: "), std::string::npos);
  EXPECT_EQ(text(Set, /*Color=*/false).find('\x1b'), std::string::npos);
}

TEST(FindingsTest, SummaryCountsEachKindWithItsPlural) {
  FindingSet Set;
  EXPECT_EQ(summary(Set), "0 findings\n");
  Set.add(makeLeak());
  EXPECT_EQ(summary(Set), "1 finding (1 leak)\n");
  Set.add(makeFinding(FindingKind::DoubleFree, "/a.c", 1, 1, "a"));
  Set.add(makeFinding(FindingKind::DoubleFree, "/a.c", 2, 1, "b"));
  Set.add(makeFinding(FindingKind::UseAfterFree, "/a.c", 3, 1, "c"));
  Set.add(makeFinding(FindingKind::MismatchedDealloc, "/a.c", 4, 1, "d"));
  Set.add(makeFinding(FindingKind::NonHeapFree, "/a.c", 5, 1, "e"));
  Set.add(makeFinding(FindingKind::NonHeapFree, "/a.c", 6, 1, "f"));
  EXPECT_EQ(summary(Set, 3),
            "7 findings (1 leak, 2 double frees, 1 use after free, 1 "
            "mismatched deallocation, 2 frees of non-heap memory); 3 "
            "suppressed by baseline\n");
}

TEST(FindingsTest, NormalizeSortsAndDropsDuplicates) {
  FindingSet Set;
  Finding WithNote = makeFinding(FindingKind::Leak, "/b.c", 3, 1, "x");
  WithNote.Notes.push_back({SourceLocation{"/b.c", 1, 1}, "allocated here"});
  Set.add(WithNote);
  Set.add(makeFinding(FindingKind::Leak, "/a.c", 9, 2, "y"));
  Set.add(makeFinding(FindingKind::Leak, "/a.c", 9, 1, "z"));
  // The same problem reached through another path, and a different one at
  // the same place.
  Set.add(makeFinding(FindingKind::Leak, "/b.c", 3, 1, "x"));
  Set.add(makeFinding(FindingKind::Leak, "/b.c", 3, 1, "other message"));
  Set.normalize();
  ASSERT_EQ(Set.size(), 4u);
  EXPECT_EQ(Set.all()[0].Message, "z");
  EXPECT_EQ(Set.all()[1].Message, "y");
  EXPECT_EQ(Set.all()[2].Message, "other message");
  EXPECT_EQ(Set.all()[3].Message, "x");
  EXPECT_EQ(Set.all()[3].Notes.size(), 1u); // The first one is kept.
}

TEST(FindingsTest, FingerprintIgnoresLinesAndDirectories) {
  Finding A = makeFinding(FindingKind::Leak, "/one/dir/x.c", 10, 3,
                          "'p' leaks on the path through line 10", "f");
  Finding Moved = makeFinding(FindingKind::Leak, "/other/x.c", 42, 7,
                              "'p' leaks on the path through line 42", "f");
  EXPECT_EQ(A.fingerprint(), Moved.fingerprint());
  EXPECT_EQ(StringRef(A.fingerprint()).split(':').first, "asap-leak");
  EXPECT_EQ(StringRef(A.fingerprint()).split(':').second.size(), 16u);

  Finding OtherFunction = A;
  OtherFunction.Function = "g";
  Finding OtherVariable = A;
  OtherVariable.Message = "'q' leaks on the path through line 10";
  Finding OtherRule = A;
  OtherRule.Kind = FindingKind::DoubleFree;
  Finding OtherFile = A;
  OtherFile.Loc.File = "/one/dir/y.c";
  for (const Finding *F :
       {&OtherFunction, &OtherVariable, &OtherRule, &OtherFile})
    EXPECT_NE(A.fingerprint(), F->fingerprint()) << F->Message;
}

TEST(FindingsTest, SuppressRemovesBaselinedFindings) {
  FindingSet Set;
  Finding Kept = makeFinding(FindingKind::Leak, "/a.c", 1, 1, "kept");
  Finding Gone = makeFinding(FindingKind::Leak, "/a.c", 2, 1, "gone");
  Set.add(Kept);
  Set.add(Gone);
  EXPECT_EQ(Set.suppress({Gone.fingerprint(), "asap-leak:0000000000000000"}),
            1u);
  ASSERT_EQ(Set.size(), 1u);
  EXPECT_EQ(Set.all()[0].Message, "kept");
  EXPECT_EQ(Set.suppress({}), 0u);
}

TEST(FindingsTest, BaselineRoundTrip) {
  SmallString<128> Path;
  ASSERT_FALSE(sys::fs::createTemporaryFile("asap-baseline", "txt", Path));
  FileRemover Remove(Path);

  FindingSet Set;
  Set.add(makeLeak());
  Set.add(makeLeak()); // Written once.
  Set.add(makeFinding(FindingKind::UseAfterFree, "/a.c", 5, 2, "'q' used"));
  ASSERT_FALSE(bool(writeBaseline(Path, Set)));

  Expected<std::vector<std::string>> Read = readBaseline(Path);
  ASSERT_TRUE(bool(Read)) << toString(Read.takeError());
  ASSERT_EQ(Read->size(), 2u);
  EXPECT_EQ((*Read)[0], Set.all()[0].fingerprint());
  EXPECT_EQ((*Read)[1], Set.all()[2].fingerprint());
  EXPECT_EQ(Set.suppress(*Read), 3u);
}

TEST(FindingsTest, BaselineSyntax) {
  SmallString<128> Path;
  int FD;
  ASSERT_FALSE(sys::fs::createTemporaryFile("asap-baseline", "txt", FD, Path));
  FileRemover Remove(Path);
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << "# a comment\n\n   asap-leak:00000000000000aa   # why\n"
          "asap-double-free:00000000000000bb\tcomment\r\n"
          "asap-leak:00000000000000cc";
  }
  Expected<std::vector<std::string>> Read = readBaseline(Path);
  ASSERT_TRUE(bool(Read)) << toString(Read.takeError());
  EXPECT_EQ(*Read, (std::vector<std::string>{
                       "asap-leak:00000000000000aa",
                       "asap-double-free:00000000000000bb",
                       "asap-leak:00000000000000cc"}));
}

TEST(FindingsTest, MissingBaselineIsAnError) {
  Expected<std::vector<std::string>> Read =
      readBaseline("/nonexistent-asap-dir/baseline.txt");
  ASSERT_FALSE(bool(Read));
  EXPECT_EQ(toString(Read.takeError()),
            "cannot read baseline '/nonexistent-asap-dir/baseline.txt': No "
            "such file or directory");
}

} // namespace
