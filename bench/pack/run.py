#!/usr/bin/env python3
"""Packing benchmark for asap-pack: prints tables, is not a timed test.

Usage: bench/pack/run.py [--build DIR | --tool PATH] [--repeat N]
                         [--skip-large] [--quick]

1. ../shared/packing/challenging/ (when present) at capacity 1048576:
   buffers, lower bound, peak, median wall/cpu time of N runs, whether
   asap-pack --validate accepts the output; then the same problem with
   --minimize under a 5 s limit: peak reached, proven optimal or not.
2. ../shared/packing/omnimalloc_small/ minimised: peak vs lower bound.
3. Exact phases side by side on the small problems the heuristics do not
   solve: the dedicated search vs Z3 (same time limit).
4. Synthetic model graphs (bench/pack/gen_model.py, seed fixed at 1):
   18,000 / 40,000 / 62,000 buffers, peak vs lower bound, time, max RSS;
   the baseline in the same run is the single TFLite/XLA heuristic
   (greedy by size, best fit: --heuristic=size/best-fit --exact=none).
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "packing")
SUMMARY = re.compile(r"(\d+) buffers, (\d+) components, lower bound (\d+), "
                     r"peak (\d+), (optimal|not proven optimal), by (.*), "
                     r"([0-9.]+) s")


def run_pack(tool, path, args, out):
    cmd = [tool, path, "-o", out] + args
    if os.path.exists("/usr/bin/time"):
        cmd = ["/usr/bin/time", "-f", "RSS_KB %M CPU %U %S"] + cmd
    start = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.monotonic() - start
    m = SUMMARY.search(p.stderr)
    rss = re.search(r"RSS_KB (\d+)", p.stderr)
    cpu = re.search(r"CPU ([0-9.]+) ([0-9.]+)", p.stderr)
    res = {"rc": p.returncode, "wall": wall,
           "rss_mb": int(rss.group(1)) / 1024 if rss else float("nan"),
           "cpu": (float(cpu.group(1)) + float(cpu.group(2))) if cpu
           else float("nan"),
           "stderr": p.stderr.strip().splitlines()[0] if p.stderr else ""}
    if m:
        res.update(buffers=int(m.group(1)), lb=int(m.group(3)),
                   peak=int(m.group(4)), optimal=m.group(5) == "optimal",
                   method=m.group(6), seconds=float(m.group(7)))
    return res


def validate(tool, out, capacity=None):
    args = [tool, out, "--validate"]
    if capacity is not None:
        args += ["--capacity", str(capacity)]
    return subprocess.run(args, capture_output=True).returncode == 0


def table(header, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = "  ".join(f"{{:>{w}}}" for w in widths)
    print(line.format(*header))
    print(line.format(*["-" * w for w in widths]))
    for r in rows:
        print(line.format(*r))
    print()


def challenging(tool, tmp, repeat, min_limit=5):
    folder = os.path.join(SHARED, "challenging")
    if not os.path.isdir(folder):
        print(f"(no {folder}: challenging set skipped)\n")
        return
    print(f"== challenging/ at capacity 1048576 (median of {repeat} runs) ==")
    rows, total, total_cpu = [], 0.0, 0.0
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        cap = int(name.split(".")[1])
        out = os.path.join(tmp, name)
        runs = [run_pack(tool, path, ["--capacity", str(cap),
                                      "--time-limit", "60"], out)
                for _ in range(repeat)]
        r = runs[-1]
        med = statistics.median(x["wall"] for x in runs)
        med_cpu = statistics.median(x["cpu"] for x in runs)
        total += med
        total_cpu += med_cpu
        if r["rc"] != 0:
            rows.append((name, "-", "-", "-", "no", f"{med:.2f}",
                         f"{med_cpu:.2f}", "-", r["stderr"][:40]))
            continue
        ok = validate(tool, out, cap)
        # The same problem minimised under a short limit: how low it goes.
        mout = out + ".min"
        m = run_pack(tool, path, ["--minimize", "--time-limit",
                                  str(min_limit)], mout)
        mok = m["rc"] == 0 and validate(tool, mout)
        rows.append((name, r["buffers"], r["lb"], r["peak"],
                     "yes" if r["peak"] <= cap else "no", f"{med:.2f}",
                     f"{med_cpu:.2f}", "yes" if ok else "NO", r["method"],
                     m.get("peak", "-"),
                     ("yes" if m.get("optimal") else "no")
                     + ("" if mok else " INVALID")))
    table(("problem", "buffers", "lower bound", "peak", "fits", "wall s",
           "cpu s", "validated", "by", f"minimised {min_limit}s", "optimal"),
          rows)
    print(f"total of medians: wall {total:.2f} s, cpu {total_cpu:.2f} s\n")


def omnimalloc(tool, tmp):
    folder = os.path.join(SHARED, "omnimalloc_small")
    if not os.path.isdir(folder):
        folder = os.path.join(ROOT, "test", "pack", "Inputs")
    print(f"== omnimalloc_small (minimise) from {folder} ==")
    rows = []
    for name in sorted(os.listdir(folder)):
        if "omnimalloc" not in folder and not name.startswith("omnimalloc"):
            continue
        if not name.endswith(".csv"):
            continue
        out = os.path.join(tmp, name)
        r = run_pack(tool, os.path.join(folder, name), ["--minimize"], out)
        rows.append((name, r.get("buffers"), r.get("lb"), r.get("peak"),
                     "yes" if r.get("optimal") else "no",
                     "yes" if validate(tool, out) else "NO", r.get("method")))
    table(("problem", "buffers", "lower bound", "peak", "optimal",
           "validated", "by"), rows)


def exact_phases(tool, tmp):
    print("== exact phase: dedicated search vs Z3 (time limit 10 s each) ==")
    cases = []
    small = os.path.join(ROOT, "test", "pack", "Inputs", "omnimalloc-f.14.csv")
    cases.append(("omnimalloc f.14 (min)", small, ["--minimize"]))
    folder = os.path.join(SHARED, "challenging")
    for p in ("A", "C", "G"):
        path = os.path.join(folder, f"{p}.1048576.csv")
        if os.path.exists(path):
            cases.append((f"challenging {p} (cap)", path,
                          ["--capacity", "1048576"]))
    rows = []
    for label, path, args in cases:
        row = [label]
        for method in ("none", "search", "z3"):
            r = run_pack(tool, path, args + ["--time-limit", "10",
                                             f"--exact={method}"],
                         os.path.join(tmp, "x.csv"))
            if r["rc"] == 0:
                row.append(f"{r['peak']} ({'opt' if r['optimal'] else 'ok'})"
                           f" {r['wall']:.2f}s")
            else:
                row.append(f"none {r['wall']:.2f}s")
        rows.append(row)
    table(("problem", "greedy only", "search", "z3"), rows)


def synthetic(tool, tmp, sizes=(18000, 40000, 62000)):
    print("== synthetic model graphs (gen_model.py --seed 1, "
          "time limit 10 s) ==")
    rows = []
    for n in sizes:
        path = os.path.join(tmp, f"model{n}.csv")
        with open(path, "w") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "gen_model.py"),
                            "--buffers", str(n), "--seed", "1"], stdout=f,
                           check=True)
        out = os.path.join(tmp, f"model{n}.out.csv")
        base = run_pack(tool, path, ["--exact=none", "--heuristic=size/best-fit",
                                     "--time-limit", "10"], out + ".base")
        r = run_pack(tool, path, ["--time-limit", "10"], out)
        ok = validate(tool, out)
        gap = 100.0 * (r["peak"] - r["lb"]) / r["lb"]
        size_only = base["peak"]
        rows.append((n, r["lb"], r["peak"], f"{gap:.3f}%",
                     f"{100.0 * (size_only - r['lb']) / r['lb']:.3f}%",
                     f"{r['wall']:.2f}", f"{r['cpu']:.2f}", f"{r['rss_mb']:.0f}",
                     "yes" if ok else "NO", r["method"]))
    table(("buffers", "lower bound", "peak", "gap", "gap size/best-fit",
           "wall s", "cpu s", "max RSS MB", "validated", "by"), rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tool", help="asap-pack to run (default BUILD/bin)")
    ap.add_argument("--skip-large", action="store_true")
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: no challenging set, small synthetic "
                         "instances (used by test/pack/bench.test)")
    args = ap.parse_args()
    tool = args.tool or os.path.join(args.build, "bin", "asap-pack")
    if not os.access(tool, os.X_OK):
        print(f"run.py: no executable asap-pack at {tool}; build it first",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        if args.quick:
            omnimalloc(tool, tmp)
            synthetic(tool, tmp, sizes=(500, 2000))
            return 0
        challenging(tool, tmp, args.repeat)
        omnimalloc(tool, tmp)
        exact_phases(tool, tmp)
        if not args.skip_large:
            synthetic(tool, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
