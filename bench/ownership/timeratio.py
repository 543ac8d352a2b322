#!/usr/bin/env python3
"""Median run-time ratio of two builds of one program, measured side by side.

usage: timeratio.py PROG_A PROG_B [ARGS...]
Prints "ratio ms_a ms_b": the median over 5 rounds of (time of A / time of B)
and the median per-run times in milliseconds. Each round runs A and B
alternately, each enough times to take at least 0.2 s, so that process
start-up noise on a busy machine does not decide the ratio.
"""
import statistics
import subprocess
import sys
import time


def per_run_seconds(cmd, budget=0.2):
    runs, start = 0, time.perf_counter()
    while True:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= budget:
            return elapsed / runs


def main():
    if len(sys.argv) < 3:
        print("usage: timeratio.py PROG_A PROG_B [ARGS...]", file=sys.stderr)
        return 2
    a, b, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    ratios, ta, tb = [], [], []
    for _ in range(5):
        x = per_run_seconds([a] + args)
        y = per_run_seconds([b] + args)
        ta.append(x)
        tb.append(y)
        ratios.append(x / y)
    print("%.2f %.1f %.1f" % (statistics.median(ratios), 1000 * statistics.median(ta),
                              1000 * statistics.median(tb)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
