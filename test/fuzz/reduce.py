#!/usr/bin/env python3
"""A small line-based reducer for programs the differential tester flags.

Given a C file whose check (run.check_source: clang build vs asapc build,
memcheck) ends in MISCOMPILE or ASAPC-FAIL, it deletes chunks of lines
(halves, quarters, ... single lines; ddmin-style, several passes) and
keeps a deletion when the file still compiles without a missing `return`
(deleting one leaves the exit status to chance, which then passes for an
"exit status differs" verdict), the plain build is still memcheck-clean
(no undefined behaviour introduced) and the verdict is still the same.
Chunks must keep braces balanced, so blocks go whole.

Usage: reduce.py IN.c -o OUT.c [--asapc PATH] [--levels O1,O0]
Exit status: 0 when OUT.c was written, 1 when IN.c is not failing, 2 on
usage errors.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402


def balanced(lines):
    depth = 0
    for line in lines:
        depth += line.count("{") - line.count("}")
        if depth < 0:
            return False
    return depth == 0


def main():
    ap = argparse.ArgumentParser(description="reduce a failing fuzz program")
    ap.add_argument("input")
    ap.add_argument("-o", dest="output", required=True)
    ap.add_argument("--asapc", default=run.default_asapc())
    ap.add_argument("--levels", default="O1", help="comma-separated, e.g. O1,O0")
    args = ap.parse_args()
    levels = [l.strip() for l in args.levels.split(",") if l.strip()]
    try:
        lines = open(args.input).read().split("\n")
    except OSError as e:
        print("reduce.py: error: cannot read %s: %s" % (args.input, e.strerror), file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="asap-reduce-")
    counter = [0]

    def verdict(candidate):
        counter[0] += 1
        path = os.path.join(work, "try%d.c" % counter[0])
        with open(path, "w") as f:
            f.write("\n".join(candidate))
        lint = subprocess.run([run.CLANG, "-fsyntax-only", "-Werror=return-type",
                               "-Werror=implicit-function-declaration", path],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if lint.returncode != 0:
            return "INVALID"
        return run.check_source(path, args.asapc, levels, freed=False,
                                native_memcheck=True)["verdict"]

    target = verdict(lines)
    if target not in ("MISCOMPILE", "ASAPC-FAIL"):
        print("reduce.py: %s is %s, nothing to reduce" % (args.input, target), file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
        return 1
    print("reducing a %s of %d lines" % (target, len(lines)))
    changed = True
    while changed:
        changed = False
        size = max(1, len(lines) // 2)
        while size >= 1:
            i = 0
            while i < len(lines):
                chunk = lines[i:i + size]
                rest = lines[:i] + lines[i + size:]
                if chunk and balanced(chunk) and verdict(rest) == target:
                    lines = rest
                    changed = True
                    print("  %d lines" % len(lines))
                    sys.stdout.flush()
                else:
                    i += size
            size //= 2
    with open(args.output, "w") as f:
        f.write("\n".join(lines))
    shutil.rmtree(work, ignore_errors=True)
    print("wrote %s (%d lines, %d checks)" % (args.output, len(lines), counter[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
