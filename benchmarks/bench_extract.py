"""`bizenv extract` on the seed (measures/source/plan.txt) against the measures encoded by
hand (measures/): the figures issue 20 asks for, each beside its yardstick, and the time.

    python benchmarks/bench_extract.py [--plan PATH] [--misses]

Deterministic: the same text gives the same figures on every machine (only the time varies).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bizenv_cli.extract import extract  # noqa: E402
from bizenv_cli.extract.compare import compare  # noqa: E402
from bizenv_cli.loading.measureset import load_measure_set  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, default=ROOT / "measures" / "source" / "plan.txt")
    parser.add_argument("--misses", action="store_true", help="list what was not matched")
    args = parser.parse_args()
    hand, _ = load_measure_set(ROOT / "measures")
    start = time.perf_counter()
    draft = extract(args.plan)
    elapsed = time.perf_counter() - start
    f = compare(draft, hand)
    rows = [
        ("measures found", f.found, f.measures, 100.0),
        ("units right (lead and responsible)", f.units_right, f.found, 95.0),
        ("deadlines right", f.deadlines_right, f.found, 95.0),
        ("numeric targets found", f.targets_found, f.targets, 85.0),
    ]
    print(f"bizenv extract {args.plan.name} against measures/ ({elapsed * 1000:.0f} ms)")
    print(f"{'figure':38} {'got':>9} {'rate':>7} {'yardstick':>10}")
    ok = True
    for label, part, whole, floor in rows:
        rate = f.rate(part, whole)
        ok &= rate >= floor
        print(f"{label:38} {part:>4}/{whole:<4} {rate:6.1f}% {'>= ' + str(floor):>9}%")
    print(f"{'invented (value or quote not in text)':38} {len(f.invented):>9} {'':>7} {'0':>10}")
    ok &= not f.invented
    if args.misses:
        for line in [*f.invented, *f.misses]:
            print("  " + line)
    print("all figures meet the yardstick" if ok else "BELOW THE YARDSTICK")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
