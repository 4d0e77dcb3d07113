"""Reader benchmark: median time to read each seed (decode → normalise → parse → model).

Run: ``python bench/parse.py [--repeat 200] [--json results.json]``. The first call loads the
generated LALR table and the catalogue; every timed call reads the file from its bytes.
Never run by the tests: timings belong here, not in assertions.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from gxlint.reader import read_bytes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def measure(data: bytes, repeat: int) -> list[float]:
    read_bytes(data, "warm-up.txt")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read_bytes(data, "bench.txt")
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--json", type=Path, help="write results as JSON here")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    files = args.files or sorted(SEEDS.glob("*.txt"))
    if not files:
        print(f"no input files (seeds expected in {SEEDS})", file=sys.stderr)
        return 2
    started = time.perf_counter()
    read_bytes(files[0].read_bytes(), "first.txt")
    first = (time.perf_counter() - started) * 1000
    rows = []
    print(f"first read in this process (LALR table + catalogue): {first:.1f} ms")
    print(f"{'file':<28} {'KB':>6} {'median ms':>10} {'min':>7} {'max':>7} {'ms/KB':>7}")
    for path in files:
        data = path.read_bytes()
        times = measure(data, args.repeat)
        kb = len(data) / 1024
        median = statistics.median(times)
        rows.append(
            {
                "file": path.name,
                "kb": round(kb, 2),
                "median_ms": round(median, 3),
                "min_ms": round(min(times), 3),
                "max_ms": round(max(times), 3),
                "ms_per_kb": round(median / kb, 3),
            }
        )
        print(
            f"{path.name:<28} {kb:6.1f} {median:10.3f} {min(times):7.3f} {max(times):7.3f} "
            f"{median / kb:7.3f}"
        )
    if args.json:
        args.json.write_text(json.dumps({"first_ms": first, "files": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
