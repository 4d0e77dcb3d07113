"""Instructions per report, by stage: a measure of per-report work that does not drift.

``python bench/instructions.py [--count 100] [--corpus DIR]``

Wall-clock time on a shared machine varies by up to 2× within minutes, which hides any
change smaller than that. The number of machine instructions the interpreter executes for
the same work is the same on every run, so this script counts them with ``valgrind
--tool=cachegrind`` (no cache simulation): once for a process that reads ``--count`` corpus
reports up to a stage, once for the same process reading none, and divides the difference.
Stages are cumulative: ``parse`` (decode, normalise, line lexer, LALR parser), ``model`` (the
typed report, tables included), ``tables`` (the model without reading the three tables, to
show their share), ``lint`` (everything ``gxlint`` does for a file but printing it).

Needs valgrind (``apt install valgrind``); without it the script says so and exits 0. The
corpus is built with ``bench/corpus.py`` when ``--corpus`` does not hold one. A run takes
about a minute per stage for 100 reports.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("parse", "tables", "model", "lint")

# NOTE: run inside the measured process; the stage and file count come from argv.
DRIVER = """
import glob, sys
stage, count, corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3]
from gxlint.linter import Linter
from gxlint.model import build
from gxlint.parse.parser import parse_text
from gxlint.source import normalize, read_source
from gxlint.spec import load_spec
from gxlint.testing.packs import load_packs
packs = load_packs(())
settings = packs.settings(None, None)
linter = Linter(packs.registry)
spec = load_spec()
if stage == "tables":
    build._TABLE_BUILDERS = {}
files = sorted(glob.glob(corpus + "/**/*.txt", recursive=True))[:count]
for path in files:
    if stage == "lint":
        linter.lint_path(path, settings)
        continue
    norm = normalize(read_source(path).text)
    parsed = parse_text(norm.text)
    if stage != "parse":
        build.build_report(norm.text, parsed, spec)
"""


def instructions(stage: str, count: int, corpus: Path) -> int:
    """Instructions executed by the driver for ``count`` reports up to ``stage``."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(DRIVER)
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        script.name,
        stage,
        str(count),
        str(corpus),
    ]
    # NOTE: a fixed hash seed: randomised string hashes change dict and set work by ~1 %
    # from run to run, more than the changes this script is meant to show.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    finally:
        Path(script.name).unlink()
    for line in done.stderr.splitlines():
        if "I" in line and "refs:" in line:
            return int(line.rpartition(":")[2].replace(",", "").strip())
    raise RuntimeError(f"no instruction count in valgrind's output:\n{done.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus")
    parser.add_argument("--stage", choices=STAGES, action="append")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing measured (apt install valgrind)")
        return 0
    if not any(args.corpus.glob("**/*.txt")):
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "corpus.py"), "--out", str(args.corpus)],
            check=True,
        )
    base = instructions("parse", 0, args.corpus)
    for stage in args.stage or STAGES:
        total = instructions(stage, args.count, args.corpus)
        per_report = (total - base) / args.count
        print(f"{stage:7} {per_report / 1e6:6.2f} million instructions per report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
