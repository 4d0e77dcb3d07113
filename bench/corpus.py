"""Builds a benchmark corpus: the five seeds replicated with numeric and wording perturbations.

``python bench/corpus.py --count 2000 --out bench/corpus`` writes ``count`` reports (never
committed: bench/corpus/ is ignored). Each copy changes table numbers, swaps in accepted
label variants, shifts dates and organ names, so no two files are identical and the caches of
the reader see realistic variety. Deterministic for a given ``--seed``.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

SWAPS = [
    ("行政规范性文件", "规范性文件"),
    ("不再处理", "不再受理"),
    ("（一）", "(一)"),
    ("总体情况", "总体情况"),
    ("镇人民政府", "乡人民政府"),
    ("2024年", "2023年"),
]
_NUMBER_LINE = re.compile(r"^(\s*)(\d+)(\s*\|?\s*)$", re.MULTILINE)


def perturb(text: str, rng: random.Random) -> str:
    """One plausible variant of ``text``."""

    def number(match: re.Match[str]) -> str:
        value = int(match.group(2))
        if rng.random() < 0.3:
            value = max(0, value + rng.randint(-2, 5))
        return f"{match.group(1)}{value}{match.group(3)}"

    text = _NUMBER_LINE.sub(number, text)
    for old, new in SWAPS:
        if rng.random() < 0.3:
            text = text.replace(old, new)
    if rng.random() < 0.2:
        lines = text.split("\n")
        del lines[rng.randrange(len(lines))]
        text = "\n".join(lines)
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "corpus")
    parser.add_argument("--seed", type=int, default=20250131)
    args = parser.parse_args()
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        print(f"no seeds in {SEEDS}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    texts = [path.read_text("utf-8") for path in seeds]
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.txt"):
        old.unlink()
    for index in range(args.count):
        text = perturb(texts[index % len(texts)], rng)
        folder = args.out / f"{index // 100:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"report_{index:05d}.txt").write_text(text, encoding="utf-8")
    print(f"wrote {args.count} reports to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
