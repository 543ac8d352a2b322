#!/usr/bin/env python3
"""Differential tester of `asapc build`: for each seed, generate a random
allocation-only C program (gen.py), build it with plain clang and with
asapc, run both and compare.

A seed is
  ok           same stdout and exit status, and memcheck saw no error in
               the asapc build;
  MISCOMPILE   the asapc build prints something else, exits differently,
               or memcheck reports an invalid read/write/free in it (a free
               inserted too early, or twice);
  ASAPC-FAIL   asapc crashed or rejected the (valid) program;
  GEN-BAD      the plain clang build failed or misbehaved: a generator bug,
               not asap's.
Leaks are not errors here: undecided objects are allowed to stay alive.
The `freed` column is the share of the blocks the plain build leaks at
exit that the asapc build released (from memcheck's heap summaries).

Usage: run.py [--seeds 1-50,77] [-j 2] [--asapc PATH] [--keep DIR]
Exit status: 0 if every seed is ok, 1 otherwise, 2 on usage errors.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import gen  # noqa: E402

CLANG = shutil.which("clang-16") or "/usr/lib/llvm-16/bin/clang"
RUN_TIMEOUT = 20
BUILD_TIMEOUT = 120
# A distinct status so a memcheck error is never confused with the
# program's own exit status (the generated programs exit with 0..12).
VG_ERROR_STATUS = 97


def parse_seeds(text):
    seeds = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            lo, hi = part.split("-", 1)
            seeds.extend(range(int(lo), int(hi) + 1))
        else:
            seeds.append(int(part))
    return seeds


def run(cmd, timeout, env=None):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, env=env)
        return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return None, "", "timeout after %d s" % timeout


def memcheck(exe, log):
    """Runs exe under memcheck (errors only, no leak search); returns
    (status, stdout, error count, blocks in use at exit, allocations)."""
    cmd = ["valgrind", "--error-exitcode=%d" % VG_ERROR_STATUS, "--leak-check=no",
           "--log-file=" + log, exe]
    status, out, _ = run(cmd, RUN_TIMEOUT * 10)
    text = open(log, errors="replace").read() if os.path.exists(log) else ""
    m = re.search(r"ERROR SUMMARY: ([\d,]+) errors", text)
    errors = int(m.group(1).replace(",", "")) if m else -1
    m = re.search(r"in use at exit: [\d,]+ bytes in ([\d,]+) blocks", text)
    in_use = int(m.group(1).replace(",", "")) if m else -1
    m = re.search(r"total heap usage: ([\d,]+) allocs", text)
    allocs = int(m.group(1).replace(",", "")) if m else -1
    return status, out, errors, in_use, allocs


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:160]
    return "(no output)"


def test_seed(seed, asapc, work, opt_levels, freed=True):
    """Returns a dict describing the outcome of one seed."""
    src = os.path.join(work, "seed%d.c" % seed)
    with open(src, "w") as f:
        f.write(gen.generate(seed))
    res = check_source(src, asapc, opt_levels, freed)
    res["seed"] = seed
    return res


def check_source(src, asapc, opt_levels, freed=True, native_memcheck=False):
    """Builds and compares one C file (binaries next to it); returns a dict
    with verdict, detail and the memcheck figures. With native_memcheck, a
    memcheck error in the plain build is GEN-BAD (the reducer uses this to
    reject reductions that introduce undefined behaviour)."""
    res = {"verdict": "ok", "detail": "", "native_leaks": -1,
           "asap_leaks": -1, "allocs": -1, "freed": None, "levels": opt_levels}
    stem = os.path.splitext(src)[0]
    native = stem + ".native"
    # DWARF 4: valgrind 3.19 cannot read clang 16's default DWARF 5.
    st, _, err = run([CLANG, "-O1", "-g", "-gdwarf-4", "-w", src, "-o", native], BUILD_TIMEOUT)
    if st != 0:
        res.update(verdict="GEN-BAD", detail="clang: " + first_line(err))
        return res
    nst, nout, nerr = run([native], RUN_TIMEOUT)
    if nst is None or nst < 0 or nst == 100:
        res.update(verdict="GEN-BAD", detail="native run: status %s %s" % (nst, first_line(nerr)))
        return res
    if freed or native_memcheck:
        _, _, nerrors, res["native_leaks"], _ = memcheck(native, native + ".vg")
        if native_memcheck and nerrors != 0:
            res.update(verdict="GEN-BAD", detail="memcheck errors in the plain build")
            return res

    for level in opt_levels:
        exe = "%s.asap%s" % (stem, level)
        st, out, err = run([asapc, "build", "-" + level, src, "-o", exe], BUILD_TIMEOUT)
        if st != 0:
            res.update(verdict="ASAPC-FAIL",
                       detail="-%s: status %s: %s" % (level, st, first_line(err + out)))
            return res
        ast, aout, aerr = run([exe], RUN_TIMEOUT)
        if (ast, aout) != (nst, nout):
            res.update(verdict="MISCOMPILE",
                       detail="-%s: status %s vs %s, output %s" % (
                           level, ast, nst, "same" if aout == nout else
                           "%r vs %r" % (first_line(aout), first_line(nout))))
            return res
        vst, vout, errors, in_use, allocs = memcheck(exe, exe + ".vg")
        if errors != 0 or vst == VG_ERROR_STATUS or vout != nout:
            vg = open(exe + ".vg", errors="replace").read()
            m = re.search(r"^==\d+== (Invalid [^\n]*)", vg, re.M)
            res.update(verdict="MISCOMPILE",
                       detail="-%s: memcheck: %d errors, %s" % (
                           level, errors, m.group(1) if m else
                           "output under valgrind differs" if vout != nout else "see log"))
            return res
        if level == opt_levels[0]:
            res["asap_leaks"], res["allocs"] = in_use, allocs
    if res["native_leaks"] > 0 and res["asap_leaks"] >= 0:
        res["freed"] = max(0.0, 1.0 - res["asap_leaks"] / res["native_leaks"])
    return res


def default_asapc():
    for build in ("build-fuzz", "build"):
        path = os.path.join(ROOT, build, "bin", "asapc")
        if os.path.exists(path):
            return path
    return "asapc"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", default="1-20", help="e.g. 1-100,250 (default 1-20)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--asapc", default=default_asapc())
    ap.add_argument("--o0-every", type=int, default=4,
                    help="also build with -O0 the seeds divisible by N, and with -O2 those "
                         "equal to N/2 modulo N (0: -O1 only)")
    ap.add_argument("--keep", help="keep the programs and binaries in this directory")
    ap.add_argument("--no-freed", action="store_true",
                    help="skip the memcheck run of the plain build (no `freed` column; faster)")
    ap.add_argument("--failures-only", action="store_true",
                    help="print only the seeds that are not ok, then the summary")
    try:
        args = ap.parse_args()
        seeds = parse_seeds(args.seeds)
    except ValueError:
        print("run.py: error: bad --seeds (want e.g. 1-100,250)", file=sys.stderr)
        return 2
    if not seeds:
        print("run.py: error: no seed to run", file=sys.stderr)
        return 2
    if not os.path.exists(args.asapc) and not shutil.which(args.asapc):
        print("run.py: error: asapc not found at %s (use --asapc)" % args.asapc, file=sys.stderr)
        return 2
    if not shutil.which("valgrind"):
        print("run.py: error: valgrind not found", file=sys.stderr)
        return 2

    work = args.keep or tempfile.mkdtemp(prefix="asap-fuzz-")
    os.makedirs(work, exist_ok=True)
    results = []
    print("%-6s %-11s %7s %7s %6s  %s" % ("seed", "verdict", "allocs", "leaks", "freed", "detail"))
    sys.stdout.flush()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = []
        for s in seeds:
            levels = ["O1"]
            if args.o0_every and s % args.o0_every == 0:
                levels.append("O0")
            elif args.o0_every and s % args.o0_every == args.o0_every // 2:
                levels.append("O2")
            futures.append(pool.submit(test_seed, s, args.asapc, work, levels,
                                       not args.no_freed))
        for fut in futures:
            r = fut.result()
            results.append(r)
            if args.failures_only and r["verdict"] == "ok":
                continue
            freed = "-" if r["freed"] is None else "%.0f%%" % (100 * r["freed"])
            leaks = "-" if r["asap_leaks"] < 0 else "%d/%s" % (
                r["asap_leaks"], r["native_leaks"] if r["native_leaks"] >= 0 else "?")
            print("%-6d %-11s %7s %7s %6s  %s" % (
                r["seed"], r["verdict"], r["allocs"] if r["allocs"] >= 0 else "-",
                leaks, freed, r["detail"] or "-".join(r["levels"])))
            sys.stdout.flush()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)

    counts = {}
    for r in results:
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    fractions = [r["freed"] for r in results if r["freed"] is not None]
    print()
    print("summary: %d seeds: %d ok, %d MISCOMPILE, %d ASAPC-FAIL, %d GEN-BAD" % (
        len(results), counts.get("ok", 0), counts.get("MISCOMPILE", 0),
        counts.get("ASAPC-FAIL", 0), counts.get("GEN-BAD", 0)))
    if fractions:
        print("freed: median %.0f%% of the blocks the plain build leaks (min %.0f%%, max %.0f%%)" % (
            100 * statistics.median(fractions), 100 * min(fractions), 100 * max(fractions)))
    bad = [str(r["seed"]) for r in results if r["verdict"] != "ok"]
    if bad:
        print("not ok: " + ",".join(bad))
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
