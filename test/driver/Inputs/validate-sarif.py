"""Checks that a SARIF file from `asapc check --sarif` has the structure of
SARIF 2.1.0 that code-scanning services read, and prints one line per result
(rule, location, related locations, fix) for FileCheck."""
import json
import sys

with open(sys.argv[1]) as f:
    log = json.load(f)

assert log["$schema"].endswith("sarif-2.1.0.json"), log["$schema"]
assert log["version"] == "2.1.0", log["version"]
assert len(log["runs"]) == 1
run = log["runs"][0]
driver = run["tool"]["driver"]
assert driver["name"] == "asap"
assert driver["version"]
rules = driver["rules"]
ids = [r["id"] for r in rules]
assert len(set(ids)) == len(ids), ids
for r in rules:
    assert r["shortDescription"]["text"], r
print("rules: " + " ".join(ids))
base = run.get("originalUriBaseIds", {})

def where(phys):
    art = phys["artifactLocation"]
    if "uriBaseId" in art:
        assert art["uriBaseId"] in base, art
    reg = phys["region"]
    return "%s:%d:%d" % (art["uri"], reg["startLine"], reg.get("startColumn", 0))

for res in run["results"]:
    assert res["level"] == "warning"
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"], res
    assert res["message"]["text"]
    line = "result: %s at %s: %s" % (res["ruleId"],
                                     where(res["locations"][0]["physicalLocation"]),
                                     res["message"]["text"])
    for rel in res.get("relatedLocations", []):
        line += " | related %s: %s" % (where(rel["physicalLocation"]), rel["message"]["text"])
    for fix in res.get("fixes", []):
        for change in fix["artifactChanges"]:
            for rep in change["replacements"]:
                reg = rep["deletedRegion"]
                line += " | fix %s: insert %r at line %d" % (
                    change["artifactLocation"]["uri"],
                    rep["insertedContent"]["text"], reg["startLine"])
    print(line)
print("results: %d" % len(run["results"]))
