//===- test/unit/findings/SarifTest.cpp - SARIF 2.1.0 rendering ----------===//
//
// Parses the log writeSarif produces with llvm::json and checks what code
// scanning relies on: the schema keys, a stable rule table that ruleIndex
// points into, locations (relative to %SRCROOT% below the working
// directory, file:// URIs elsewhere, percent-encoded), related locations
// for notes and a fix that inserts the release on the next line.
//
//===----------------------------------------------------------------------===//

#include "TestFindings.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace asap;
using namespace asap::test;
using namespace llvm;

namespace {

json::Value sarif(const FindingSet &Set) {
  std::string Out;
  raw_string_ostream OS(Out);
  writeSarif(OS, Set);
  Expected<json::Value> V = json::parse(OS.str());
  if (!V) {
    ADD_FAILURE() << toString(V.takeError());
    return nullptr;
  }
  return std::move(*V);
}

const json::Object &run(const json::Value &Log) {
  return *Log.getAsObject()->getArray("runs")->front().getAsObject();
}

std::string str(const json::Object &O, StringRef Path) {
  const json::Object *Cur = &O;
  StringRef Rest = Path;
  while (true) {
    auto [Head, Tail] = Rest.split('.');
    if (Tail.empty())
      return Cur->getString(Head).value_or("<missing>").str();
    Cur = Cur->getObject(Head);
    if (!Cur)
      return "<missing>";
    Rest = Tail;
  }
}

TEST(SarifTest, EmptyLogHasSchemaToolAndRules) {
  json::Value Log = sarif(FindingSet());
  const json::Object &Top = *Log.getAsObject();
  EXPECT_EQ(str(Top, "version"), "2.1.0");
  EXPECT_TRUE(StringRef(str(Top, "$schema")).endswith("sarif-2.1.0.json"));
  const json::Object &Run = run(Log);
  EXPECT_EQ(str(Run, "tool.driver.name"), "asap");
  EXPECT_EQ(str(Run, "tool.driver.version"), toolVersion().str());
  const json::Array &Rules =
      *Run.getObject("tool")->getObject("driver")->getArray("rules");
  ASSERT_EQ(Rules.size(), allFindingKinds().size());
  for (size_t I = 0; I < Rules.size(); ++I) {
    const json::Object &Rule = *Rules[I].getAsObject();
    EXPECT_EQ(str(Rule, "id"), ruleId(allFindingKinds()[I]).str());
    EXPECT_EQ(str(Rule, "shortDescription.text"),
              ruleDescription(allFindingKinds()[I]).str());
  }
  EXPECT_EQ(Run.getArray("results")->size(), 0u);
}

TEST(SarifTest, ResultCarriesRuleLocationNotesFixAndFingerprint) {
  SmallString<256> Cwd;
  ASSERT_FALSE(sys::fs::current_path(Cwd));
  SmallString<256> File(Cwd);
  sys::path::append(File, "src", "my file.c");

  FindingSet Set;
  Set.add(makeLeak(std::string(File)));
  Set.add(makeFinding(FindingKind::UseAfterFree, "/elsewhere-asap/u.c", 4, 2,
                      "'q' is used after it was freed"));
  json::Value Log = sarif(Set);
  const json::Object &Run = run(Log);
  const json::Array &Results = *Run.getArray("results");
  ASSERT_EQ(Results.size(), 2u);

  const json::Object &Leak = *Results[0].getAsObject();
  EXPECT_EQ(str(Leak, "ruleId"), "asap-leak");
  EXPECT_EQ(Leak.getInteger("ruleIndex"), 0);
  EXPECT_EQ(str(Leak, "level"), "warning");
  EXPECT_EQ(str(Leak, "message.text"),
            "memory allocated for 'buf' is never released");
  const json::Object &Loc =
      *Leak.getArray("locations")->front().getAsObject();
  EXPECT_EQ(str(Loc, "physicalLocation.artifactLocation.uri"),
            "src/my%20file.c");
  EXPECT_EQ(str(Loc, "physicalLocation.artifactLocation.uriBaseId"),
            "%SRCROOT%");
  const json::Object &Region =
      *Loc.getObject("physicalLocation")->getObject("region");
  EXPECT_EQ(Region.getInteger("startLine"), 9);
  EXPECT_EQ(Region.getInteger("startColumn"), 3);
  EXPECT_EQ(str(*Loc.getArray("logicalLocations")->front().getAsObject(),
                "name"),
            "main");
  EXPECT_TRUE(StringRef(str(Run, "originalUriBaseIds.%SRCROOT%.uri"))
                  .startswith("file:///"));

  const json::Object &Note =
      *Leak.getArray("relatedLocations")->front().getAsObject();
  EXPECT_EQ(str(Note, "message.text"), "'buf' allocated here");
  EXPECT_EQ(Note.getObject("physicalLocation")
                ->getObject("region")
                ->getInteger("startLine"),
            7);

  const json::Object &Fix = *Leak.getArray("fixes")->front().getAsObject();
  EXPECT_EQ(str(Fix, "description.text"), "insert 'free(buf);' after line 9");
  const json::Object &Change =
      *Fix.getArray("artifactChanges")->front().getAsObject();
  const json::Object &Replacement =
      *Change.getArray("replacements")->front().getAsObject();
  EXPECT_EQ(str(Replacement, "insertedContent.text"), "free(buf);\n");
  const json::Object &Deleted = *Replacement.getObject("deletedRegion");
  EXPECT_EQ(Deleted.getInteger("startLine"), 10);
  EXPECT_EQ(Deleted.getInteger("endLine"), 10);
  EXPECT_EQ(Deleted.getInteger("startColumn"), 1);
  EXPECT_EQ(Deleted.getInteger("endColumn"), 1);

  EXPECT_EQ(str(Leak, "partialFingerprints.asapFingerprint/v1"),
            Set.all()[0].fingerprint());

  const json::Object &Uaf = *Results[1].getAsObject();
  EXPECT_EQ(str(Uaf, "ruleId"), "asap-use-after-free");
  EXPECT_EQ(Uaf.getInteger("ruleIndex"), 2);
  const json::Object &UafLoc =
      *Uaf.getArray("locations")->front().getAsObject();
  EXPECT_EQ(str(UafLoc, "physicalLocation.artifactLocation.uri"),
            "file:///elsewhere-asap/u.c");
  EXPECT_EQ(Uaf.getArray("fixes"), nullptr);
  EXPECT_EQ(Uaf.getArray("relatedLocations"), nullptr);
}

} // namespace
