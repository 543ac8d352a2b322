#!/usr/bin/env python3
"""Prints the findings of a SARIF 2.1.0 log as "LINE RULE" lines, one per
result whose primary location is in a file named BASENAME, and fails on a
log that is not SARIF 2.1.0 or on results located elsewhere.

usage: sarif-findings.py SARIF BASENAME
"""
import json
import os
import sys
import urllib.parse


def main():
    if len(sys.argv) != 3:
        print("usage: sarif-findings.py SARIF BASENAME", file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1]) as f:
            log = json.load(f)
    except (OSError, ValueError) as e:
        print("FAIL: cannot read SARIF log: %s" % e, file=sys.stderr)
        return 1
    if log.get("version") != "2.1.0" or not log.get("runs"):
        print("FAIL: not a SARIF 2.1.0 log with a run", file=sys.stderr)
        return 1
    status = 0
    for run in log["runs"]:
        for result in run.get("results", []):
            rule = result.get("ruleId", "?")
            try:
                loc = result["locations"][0]["physicalLocation"]
                uri = urllib.parse.urlparse(loc["artifactLocation"]["uri"]).path
                line = loc["region"]["startLine"]
            except (KeyError, IndexError, TypeError):
                print("FAIL: result without a physical location: %s" % rule, file=sys.stderr)
                status = 1
                continue
            if os.path.basename(uri) != sys.argv[2]:
                print("FAIL: result in another file: %s %s" % (uri, rule), file=sys.stderr)
                status = 1
                continue
            print("%d %s" % (line, rule))
    return status


if __name__ == "__main__":
    sys.exit(main())
