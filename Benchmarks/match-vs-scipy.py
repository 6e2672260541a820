#!/usr/bin/env python3
"""`jobtwin match --scores` against SciPy's linear_sum_assignment on the same CSV.

Generates a seeded random score matrix (decimals with three places) as CSV, then times whole
processes, from reading the CSV to the printed total, each in a fresh process:

  ours:  jobtwin match --scores FILE --json                       (release build)
  SciPy: python3 -c 'numpy.loadtxt(FILE, delimiter=",", skiprows=1, usecols=range(1, n+1));
                     scipy.optimize.linear_sum_assignment(m, maximize=True); print(total)'

and checks that both find the same optimum (relative difference at most 1e-6). The dense
matrix is the comparison of DESIGN §9 (target: ours at most half of SciPy's time). With
--forbidden FRACTION a second matrix with that share of empty (forbidden) cells is run too;
numpy.loadtxt cannot read empty cells, so SciPy's side then reads them with a Python converter
as -inf, which is slower: that run checks the optimum more than it compares speed.

Usage: Benchmarks/match-vs-scipy.py [--size 2000] [--runs 5] [--seed 1] [--forbidden 0.1]
                                    [--binary PATH] [--no-build]
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SCIPY_DENSE = """
import sys, numpy
from scipy.optimize import linear_sum_assignment
path, n = sys.argv[1], int(sys.argv[2])
m = numpy.loadtxt(path, delimiter=",", skiprows=1, usecols=range(1, n + 1))
rows, columns = linear_sum_assignment(m, maximize=True)
print(repr(float(m[rows, columns].sum())))
"""

SCIPY_FORBIDDEN = """
import sys, numpy
from scipy.optimize import linear_sum_assignment
path, n = sys.argv[1], int(sys.argv[2])
cell = lambda text: float(text) if text.strip() else -numpy.inf
m = numpy.loadtxt(path, delimiter=",", skiprows=1, usecols=range(1, n + 1), converters=cell)
rows, columns = linear_sum_assignment(m, maximize=True)
print(repr(float(m[rows, columns].sum())))
"""


def write_matrix(path, size, seed, forbidden):
    """A size × size CSV: header of column ids, row id then scores; empty cells forbidden."""
    rng = random.Random(seed)
    with open(path, "w", newline="") as out:
        out.write("," + ",".join(f"p{j}" for j in range(size)) + "\n")
        for i in range(size):
            cells = []
            for _ in range(size):
                value = rng.uniform(-50.0, 100.0)
                cells.append("" if rng.random() < forbidden else f"{value:.3f}")
            out.write(f"t{i}," + ",".join(cells) + "\n")


def timed(command):
    """Seconds and standard output of one whole process."""
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
    return elapsed, result.stdout


def compare(label, path, size, runs, binary, scipy_script):
    ours_command = [binary, "match", "--scores", path, "--json"]
    scipy_command = [sys.executable, "-c", scipy_script, path, str(size)]
    # One untimed run each, so that both read the file from the page cache.
    timed(ours_command)
    timed(scipy_command)
    ours, theirs = [], []
    ours_total = scipy_total = None
    for _ in range(runs):
        elapsed, output = timed(ours_command)
        ours.append(elapsed)
        ours_total = json.loads(output)["total"]
        elapsed, output = timed(scipy_command)
        theirs.append(elapsed)
        scipy_total = float(output)
    difference = abs(ours_total - scipy_total) / max(1.0, abs(scipy_total))
    same = difference <= 1e-6
    print(f"\n{label}: {size} × {size}, {runs} runs, whole process from CSV to printed total")
    print(f"{'':10} {'min s':>8} {'median s':>9} {'mean s':>8}   total")
    for name, times, total in (("jobtwin", ours, ours_total), ("SciPy", theirs, scipy_total)):
        print(f"{name:10} {min(times):8.3f} {statistics.median(times):9.3f} {statistics.mean(times):8.3f}   {total!r}")
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"jobtwin / SciPy (medians): {ratio:.2f}   same optimum: {'yes' if same else 'NO'} (relative difference {difference:.1e})")
    return same, ratio


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--forbidden", type=float, default=0.0,
                        help="also run a matrix with this share of empty cells (e.g. 0.1)")
    parser.add_argument("--binary", help="the jobtwin binary (default: the release build)")
    parser.add_argument("--no-build", action="store_true", help="do not run swift build first")
    args = parser.parse_args()

    binary = args.binary
    if binary is None:
        if not args.no_build:
            subprocess.run(["swift", "build", "-c", "release", "--product", "jobtwin"], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
        bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout.strip()
        binary = os.path.join(bin_path, "jobtwin")

    all_same = True
    with tempfile.TemporaryDirectory() as folder:
        dense = os.path.join(folder, "dense.csv")
        write_matrix(dense, args.size, args.seed, 0.0)
        print(f"{dense}: {os.path.getsize(dense) / 1e6:.1f} MB")
        same, ratio = compare("dense", dense, args.size, args.runs, binary, SCIPY_DENSE)
        all_same &= same
        print(f"target (at most half of SciPy's time): {'met' if ratio <= 0.5 else 'NOT met'}")
        if args.forbidden > 0:
            sparse = os.path.join(folder, "forbidden.csv")
            write_matrix(sparse, args.size, args.seed + 1, args.forbidden)
            same, _ = compare(f"{args.forbidden:.0%} forbidden (SciPy reads them with a Python converter)",
                              sparse, args.size, args.runs, binary, SCIPY_FORBIDDEN)
            all_same &= same
    sys.exit(0 if all_same else 1)


if __name__ == "__main__":
    main()
