//===- passes/Sarif.cpp - SARIF 2.1.0 rendering of findings ---------------===//
//
// Code-scanning services (GitHub, GitLab, VS Code's SARIF viewer) read SARIF
// 2.1.0. One run, the asap rules in a fixed order (so ruleIndex is stable),
// one result per finding with its notes as relatedLocations, its fix-it as a
// SARIF fix (an insertion at the start of the line after the last use) and
// its baseline fingerprint as a partialFingerprint. Paths below the working
// directory are written relative to %SRCROOT%, which is declared in
// originalUriBaseIds, so the log stays valid when the checkout moves.
//
//===----------------------------------------------------------------------===//

#include "passes/Findings.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace asap {

namespace {

const char *const SrcRoot = "%SRCROOT%";

/// Percent-encodes what RFC 3986 does not allow in a path.
std::string encodeUriPath(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (isAlnum(C) || StringRef("-._~/").contains(C))
      Out += C;
    else
      Out += "%" + utohexstr(C, /*LowerCase=*/false, 2);
  }
  return Out;
}

json::Object artifactLocation(StringRef File) {
  std::string Shown = displayPath(File);
  if (!sys::path::is_absolute(Shown))
    return json::Object{{"uri", encodeUriPath(Shown)}, {"uriBaseId", SrcRoot}};
  return json::Object{{"uri", "file://" + encodeUriPath(Shown)}};
}

json::Object region(const SourceLocation &Loc) {
  json::Object R{{"startLine", Loc.Line}};
  if (Loc.Column)
    R["startColumn"] = Loc.Column;
  return R;
}

json::Object physicalLocation(const SourceLocation &Loc) {
  json::Object P{{"artifactLocation", artifactLocation(Loc.File)}};
  if (Loc.Line)
    P["region"] = region(Loc);
  return P;
}

json::Array rules() {
  json::Array Rules;
  for (FindingKind K : allFindingKinds())
    Rules.push_back(json::Object{
        {"id", ruleId(K)},
        {"name", ruleId(K)},
        {"shortDescription", json::Object{{"text", ruleDescription(K)}}},
        {"defaultConfiguration", json::Object{{"level", "warning"}}},
    });
  return Rules;
}

unsigned ruleIndex(FindingKind K) {
  ArrayRef<FindingKind> Kinds = allFindingKinds();
  return std::find(Kinds.begin(), Kinds.end(), K) - Kinds.begin();
}

/// The fix-it inserts a line after Fix.Loc's line: in SARIF, an empty
/// deletedRegion at column 1 of the next line plus the inserted text.
json::Object fix(const FixIt &Fix) {
  std::string Description = "insert '" + Fix.Text + "'";
  if (Fix.Loc.Line)
    Description += " after line " + std::to_string(Fix.Loc.Line);
  json::Object Inserted{{"text", Fix.Text + "\n"}};
  json::Object Replacement{
      {"deletedRegion", json::Object{{"startLine", Fix.Loc.Line + 1},
                                     {"startColumn", 1},
                                     {"endLine", Fix.Loc.Line + 1},
                                     {"endColumn", 1}}},
      {"insertedContent", std::move(Inserted)},
  };
  return json::Object{
      {"description", json::Object{{"text", std::move(Description)}}},
      {"artifactChanges",
       json::Array{json::Object{
           {"artifactLocation", artifactLocation(Fix.Loc.File)},
           {"replacements", json::Array{std::move(Replacement)}},
       }}},
  };
}

json::Object result(const Finding &F) {
  json::Object Location{{"physicalLocation", physicalLocation(F.Loc)}};
  if (!F.Function.empty())
    Location["logicalLocations"] =
        json::Array{json::Object{{"name", F.Function}, {"kind", "function"}}};

  json::Object R{
      {"ruleId", ruleId(F.Kind)},
      {"ruleIndex", ruleIndex(F.Kind)},
      {"level", "warning"},
      {"message", json::Object{{"text", F.Message}}},
      {"locations", json::Array{std::move(Location)}},
      {"partialFingerprints",
       json::Object{{"asapFingerprint/v1", F.fingerprint()}}},
  };

  json::Array Related;
  unsigned Id = 0;
  for (const FindingNote &N : F.Notes) {
    if (!N.Loc.isValid())
      continue;
    Related.push_back(json::Object{
        {"id", Id++},
        {"physicalLocation", physicalLocation(N.Loc)},
        {"message", json::Object{{"text", N.Message}}},
    });
  }
  if (!Related.empty())
    R["relatedLocations"] = std::move(Related);

  if (F.Fix && F.Fix->Loc.isValid())
    R["fixes"] = json::Array{fix(*F.Fix)};
  return R;
}

} // namespace

void writeSarif(raw_ostream &OS, const FindingSet &Set) {
  json::Array Results;
  for (const Finding &F : Set.all())
    Results.push_back(result(F));

  json::Object Run{
      {"tool", json::Object{{"driver",
                             json::Object{
                                 {"name", "asap"},
                                 {"version", toolVersion()},
                                 {"rules", rules()},
                             }}}},
      {"results", std::move(Results)},
  };
  SmallString<256> Cwd;
  if (!sys::fs::current_path(Cwd))
    Run["originalUriBaseIds"] = json::Object{
        {SrcRoot, json::Object{{"uri", "file://" + encodeUriPath(Cwd) + "/"}}}};

  json::Value Log = json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::Array{std::move(Run)}},
  };
  OS << formatv("{0:2}", Log) << '\n';
}

} // namespace asap
