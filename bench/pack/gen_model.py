#!/usr/bin/env python3
"""Synthetic packing instances shaped like real model graphs.

Writes a CSV (id,lower,upper,size) to stdout. The shape follows what
activation/weight buffers of an ML model graph look like after scheduling:

* one time step per operator; each operator produces 1-3 activations that
  die soon after (a few steps: consumed by the next operators), a few of
  them are skip connections living tens to hundreds of steps;
* each operator may use a scratch workspace live for that step only;
* a few long-lived weights live over the whole run;
* sizes log-uniform over six orders of magnitude (64 B .. 64 MiB),
  rounded up to 64 bytes as tensor allocators do.

The output depends only on --buffers and --seed, so benchmark runs are
reproducible.
"""
import argparse
import random
import sys


def log_uniform_size(rng, lo_exp=6, hi_exp=26):
    size = int(2 ** rng.uniform(lo_exp, hi_exp))
    return max(64, (size + 63) // 64 * 64)


def generate(buffers, seed):
    rng = random.Random(seed)
    weights = max(8, buffers // 400)
    rows = []
    step = 0
    while len(rows) < buffers - weights:
        for _ in range(rng.choice((1, 1, 2, 3))):
            if rng.random() < 0.05:
                life = rng.randint(10, 300)  # skip connection
            else:
                life = 1 + min(int(rng.expovariate(1 / 2.0)), 12)
            rows.append((step, step + life, log_uniform_size(rng)))
        if rng.random() < 0.3:
            rows.append((step, step + 1, log_uniform_size(rng, 10, 24)))
        step += 1
    rows = rows[:buffers - weights]
    horizon = max(upper for _, upper, _ in rows)
    for _ in range(weights):
        rows.append((0, horizon, log_uniform_size(rng, 10, 24)))
    rng.shuffle(rows)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--buffers", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.buffers < 16:
        print("gen_model.py: --buffers must be at least 16", file=sys.stderr)
        return 2
    out = sys.stdout
    out.write("id,lower,upper,size\n")
    for i, (lower, upper, size) in enumerate(generate(args.buffers, args.seed)):
        out.write(f"{i},{lower},{upper},{size}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
