"""The benchmark suite: cold start, many files, memory, pathological inputs, and peers.

``python bench/run.py [--repeat 15] [--count 2000] [--json bench/results/latest.json]``

Every scenario runs the real ``gxlint`` command of this environment several times and reports
median and min–max wall time. Scenarios run in turn within each round (the single-file ones
``--repeat`` rounds, the 2,000-report ones three), and ratios are medians of per-round ratios,
so a machine whose speed drifts during the run affects both sides alike. Peers (autocorrect,
zhlint) are measured in the same run when they are installed (``npm i -g autocorrect-node
zhlint`` or ``pip install autocorrect-py``), and skipped with a note otherwise. Installs
nothing; never run by the tests.

"Cold" is a new process, as a pre-commit hook starts one: bytecode and gxlint's user cache
(entry points, catalogue, compiled patterns, module code) are warm after the first repeat, as
they are for a user; the content cache is not (``--no-cache``), except in the scenarios that
say "cache hit".
Commands run in a temporary folder, so the content cache never lands in the checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
BIN = Path(sys.executable).parent
GXLINT = str(BIN / "gxlint")


def timed(command: list[str], repeat: int, env: dict[str, str], cwd: str) -> dict[str, float]:
    """Median, min and max wall milliseconds of ``repeat`` runs."""
    stats, _ = timed_together({"command": (command, cwd)}, repeat, env)
    return stats["command"]


def timed_together(
    commands: dict[str, tuple[list[str], str]], repeat: int, env: dict[str, str]
) -> tuple[dict[str, dict[str, float]], dict[str, list[float]]]:
    """Like :func:`timed` for several commands, run in turn within each repeat.

    NOTE: interleaved, so that a machine that slows down or speeds up during the run affects
    every command alike; ratios are taken per round (see :func:`paired_ratio`).
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, (command, cwd) in commands.items():
            start = time.perf_counter()
            subprocess.run(
                command,
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
                cwd=cwd,
            )
            times[name].append((time.perf_counter() - start) * 1000)
    stats = {
        name: {
            "median_ms": round(statistics.median(values), 1),
            "min_ms": round(min(values), 1),
            "max_ms": round(max(values), 1),
        }
        for name, values in times.items()
    }
    return stats, times


def paired_ratio(
    results: dict[str, object], times: dict[str, list[float]], ours: str, theirs: str
) -> None:
    """Median over the rounds of ``ours / theirs`` (below 1: gxlint faster); printed and
    stored under ``ratios``."""
    if ours not in times or theirs not in times:
        return
    ratio = round(
        statistics.median(a / b for a, b in zip(times[ours], times[theirs], strict=True)), 2
    )
    results.setdefault("ratios", {})[f"{ours} / {theirs}"] = ratio  # type: ignore[union-attr]
    print(f"  ratio {ours} / {theirs}: {ratio}")


def peak_rss(command: list[str], cwd: str | None = None) -> float | None:
    """Peak RSS of one run in MiB (GNU time), or None when /usr/bin/time is absent."""
    if not Path("/usr/bin/time").exists():
        return None
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
    )
    try:
        return round(int(result.stderr.strip().splitlines()[-1]) / 1024, 1)
    except (ValueError, IndexError):
        return None


class Peer:
    """Another linter of Chinese text, run on the same files in the same run.

    zhlint accepts only paths relative to its working folder and reads folders as globs, so
    each peer says how it is given one file or one folder of reports.
    """

    def __init__(self, name: str, command: list[str], *, relative: bool, folder_glob: str):
        self.name = name
        self.command = command
        self.relative = relative
        self.folder_glob = folder_glob

    def on_file(self, path: Path) -> tuple[list[str], str]:
        if self.relative:
            return [*self.command, path.name], str(path.parent)
        return [*self.command, str(path)], str(path.parent)

    def on_folder(self, path: Path) -> tuple[list[str], str]:
        if self.relative:
            return [*self.command, f"{path.name}/{self.folder_glob}"], str(path.parent)
        return [*self.command, str(path)], str(path.parent)


def peers() -> list[Peer]:
    found = []
    if shutil.which("autocorrect"):
        found.append(
            Peer("autocorrect --lint", ["autocorrect", "--lint"], relative=False, folder_glob="")
        )
    if shutil.which("zhlint"):
        found.append(Peer("zhlint", ["zhlint"], relative=True, folder_glob="**/*.txt"))
    return found


def row(name: str, result: dict[str, float]) -> None:
    print(
        f"{name:<48} {result['median_ms']:>9.1f} {result['min_ms']:>9.1f} {result['max_ms']:>9.1f}"
    )


def install_kind() -> str:
    """``editable`` when this environment's gxlint is the checkout itself (``pip install -e``),
    else ``regular``.

    NOTE: an editable install's import hook runs in every Python process of the environment,
    ``python -c pass`` included (~20 ms here), so it both slows gxlint's cold start and hides
    that in the ratio; representative start-up figures come from a regular install.
    """
    found = subprocess.run(
        [sys.executable, "-c", "import gxlint; print(gxlint.__file__)"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return "editable" if found and Path(found).resolve().is_relative_to(ROOT) else "regular"


def libpython_kind() -> str:
    """``shared`` when the interpreter runs from a ``libpython`` shared library (position-
    independent code, slower), ``static`` when it is one binary, ``unknown`` off Linux."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            return "shared" if "libpython" in maps.read() else "static"
    except OSError:
        return "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = parser.parse_args()
    seed = sorted(SEEDS.glob("000_*.txt"))
    if not seed:
        print(f"no seeds in {SEEDS}", file=sys.stderr)
        return 2
    seed_path = str(seed[0])
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # NOTE: measure with bytecode caches, as users run.
    libpython = libpython_kind()
    results: dict[str, object] = {
        "install": install_kind(),
        # NOTE: the interpreter's build matters as much as gxlint's code: the same per-report
        # work ran ~20 % faster under Debian's CPython 3.11 (one static, profile-optimised
        # binary) than under a default pyenv build (libpython as a shared library, no PGO).
        "python": {
            "executable": sys.executable,
            "version": sys.version,
            "libpython": libpython,
        },
    }
    print(f"python: {sys.executable} ({sys.version.split()[0]}, {libpython} libpython)")
    if results["install"] == "editable":
        print(
            "note: gxlint is an editable install here; for representative start-up figures run\n"
            "  python3 -m venv /tmp/v && /tmp/v/bin/pip install . && /tmp/v/bin/python bench/run.py"
        )
    print(f"{'scenario':<48} {'median ms':>9} {'min':>9} {'max':>9}")

    with tempfile.TemporaryDirectory() as folder:
        many = Path(folder) / "many_findings.txt"
        many.write_text(Path(seed_path).read_text("utf-8") * 7, encoding="utf-8")
        cold: dict[str, tuple[list[str], str]] = {
            "python -c pass": ([sys.executable, "-c", "pass"], folder)
        }
        for fmt in ("concise", "json", "full"):
            command = [GXLINT, "--no-cache", "--format", fmt, seed_path]
            cold[f"gxlint --format {fmt} SEED (cold)"] = (command, folder)
        cold["gxlint --format concise SEED (cold, cache hit)"] = (
            [GXLINT, "--format", "concise", seed_path],
            folder,
        )
        cold["gxlint --format full, ~100 findings (cold)"] = (
            [GXLINT, "--no-cache", "--format", "full", "--color", "always", str(many)],
            folder,
        )
        for peer in peers():
            cold[f"{peer.name} SEED (cold)"] = peer.on_file(Path(seed_path))
        stats, times = timed_together(cold, args.repeat, env)
        for name, r in stats.items():
            results[name] = r
            row(name, r)
        concise = "gxlint --format concise SEED (cold)"
        paired_ratio(results, times, concise, "python -c pass")
        for peer in peers():
            paired_ratio(results, times, concise, f"{peer.name} SEED (cold)")
        if not peers():
            print(
                "(peers not installed: npm i -g autocorrect-node zhlint, "
                "or pip install autocorrect-py)"
            )
        results["peak_rss_mib_one_report"] = peak_rss(
            [GXLINT, "--no-cache", "--format", "concise", seed_path], folder
        )

        corpus = Path(folder) / "corpus"
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "corpus.py"),
                "--count",
                str(args.count),
                "--out",
                str(corpus),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )

        subprocess.run(  # NOTE: fills the content cache for the "cache hit" scenario.
            [GXLINT, "-j", "2", "--format", "json", str(corpus)],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=folder,
        )
        label = f"({args.count} reports)"
        json_j2 = f"gxlint -j 2 --format json {label}"
        many_files: dict[str, tuple[list[str], str]] = {
            f"gxlint -j 1 --format json {label}": (
                [GXLINT, "--no-cache", "-j", "1", "--format", "json", str(corpus)],
                folder,
            ),
            json_j2: ([GXLINT, "--no-cache", "-j", "2", "--format", "json", str(corpus)], folder),
            # NOTE: the default format, as a reviewer runs it over a folder (colour off: a pipe).
            f"gxlint -j 2 --format full {label}": (
                [GXLINT, "--no-cache", "-j", "2", "--format", "full", str(corpus)],
                folder,
            ),
            f"gxlint -j 2 --format json ({args.count} reports, cache hit)": (
                [GXLINT, "-j", "2", "--format", "json", str(corpus)],
                folder,
            ),
        }
        for peer in peers():
            many_files[f"{peer.name} {label}"] = peer.on_folder(corpus)
        # NOTE: in turn within each round, like the cold runs: the ratio to a peer is taken
        # per round, so that the machine's drift over minutes does not decide it.
        stats, times = timed_together(many_files, 3, env)
        for name, r in stats.items():
            r["reports_per_s"] = round(args.count / (r["median_ms"] / 1000), 1)
            results[name] = r
            row(name, r)
            print(f"{'':<48} {r['reports_per_s']:>9.1f} reports/s")
        for peer in peers():
            paired_ratio(results, times, json_j2, f"{peer.name} {label}")
        results["peak_rss_mib_corpus_j2"] = peak_rss(
            [GXLINT, "--no-cache", "-j", "2", "--format", "json", str(corpus)], folder
        )

        big = Path(folder) / "big.txt"
        big.write_text(Path(seed_path).read_text("utf-8") * 700, encoding="utf-8")
        long_line = Path(folder) / "long_line.txt"
        long_line.write_text("政府信息公开" * 170_000, encoding="utf-8")
        table = Path(folder) / "table_lines.txt"
        table.write_text("三、收到和处理政府信息公开申请情况\n" + "0\t0\t0\t0\t0\t0\t0\n" * 100_000)
        for name, path in (
            ("5 MB file", big),
            ("1 MB single line", long_line),
            ("100,000 table lines", table),
        ):
            command = [GXLINT, "--no-cache", "--format", "concise", str(path)]
            r = timed(command, 1, env, folder)
            results[f"pathological: {name}"] = r
            row(f"pathological: {name}", r)

    print(
        f"peak RSS, one report: {results['peak_rss_mib_one_report']} MiB; "
        f"{args.count} reports with -j 2: {results['peak_rss_mib_corpus_j2']} MiB"
    )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
