//===- test/unit/findings/TestFindings.h - Findings for the tests -*- C++ -*-=//
//
// Small constructors for Finding values, so each test states only what it
// is about.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_TEST_UNIT_FINDINGS_TESTFINDINGS_H
#define ASAP_TEST_UNIT_FINDINGS_TESTFINDINGS_H

#include "passes/Findings.h"

#include <string>

namespace asap {
namespace test {

inline Finding makeFinding(FindingKind K, std::string File, unsigned Line,
                           unsigned Column, std::string Message,
                           std::string Function = "main") {
  Finding F;
  F.Kind = K;
  F.Loc = SourceLocation{std::move(File), Line, Column};
  F.Message = std::move(Message);
  F.Function = std::move(Function);
  return F;
}

/// The leak of docs/driver.md: warning at the last use, note at the
/// allocation, fix after the last use.
inline Finding makeLeak(std::string File = "/src/leak.c") {
  Finding F = makeFinding(FindingKind::Leak, File, 9, 3,
                          "memory allocated for 'buf' is never released");
  F.Notes.push_back({SourceLocation{File, 7, 15}, "'buf' allocated here"});
  F.Fix = FixIt{SourceLocation{File, 9, 3}, "free(buf);"};
  return F;
}

} // namespace test
} // namespace asap

#endif // ASAP_TEST_UNIT_FINDINGS_TESTFINDINGS_H
