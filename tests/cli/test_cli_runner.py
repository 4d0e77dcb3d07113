"""-j: byte-identical output in display-path order for any number of processes (cli.md §8)."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from gxlint.cli.output import BUILTIN
from gxlint.runner import MIN_PARALLEL, worker_count
from tests.cli.conftest import with_marks, write
from tests.conftest import SEEDS


@pytest.fixture
def folder(tmp_path, seeds_dir):
    """Every seed three times over, in nested folders, plus a binary file: ≥ 8 files."""
    for copy in ("a", "b/c", "d"):
        for seed in sorted(seeds_dir.glob("*.txt")):
            target = tmp_path / "reports" / copy / seed.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(seed, target)
    write(tmp_path, {"reports/b/binary.txt": b"PK\x03\x04\x00\x00"})
    return tmp_path


@pytest.mark.parametrize("fmt", BUILTIN)
def test_jobs_2_output_is_identical_to_jobs_1(gxlint, folder, fmt):
    # NOTE: --no-cache, or the second run would be answered from the first one's cache.
    one = gxlint("--no-cache", "--format", fmt, "-j", "1", "reports")
    two = gxlint("--no-cache", "--format", fmt, "-j", "2", "reports")
    assert one.code == two.code == 1
    assert one.out == two.out
    assert one.err == two.err == ""


def test_jobs_2_coloured_full_output_is_identical_to_jobs_1(gxlint, folder, monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    one = gxlint("--no-cache", "--color", "always", "-j", "1", "reports")
    two = gxlint("--no-cache", "--color", "always", "-j", "2", "reports")

    def unlinked(out):  # NOTE: each link gets its own id, run by run.
        return re.sub(r"\x1b\]8;id=\d+;", "\x1b]8;id=;", out)

    assert "\x1b[" in one.out and unlinked(one.out) == unlinked(two.out)
    # NOTE: forked workers must not repeat each other's ids: a terminal would take two
    # findings' codes with the same id and address for one link.
    ids = re.findall(r"\x1b\]8;id=(\d+);", two.out)
    assert len(ids) > 30 and len(set(ids)) == len(ids)


def test_jobs_output_is_in_display_path_order(gxlint, folder):
    paths = [f["path"] for f in gxlint("--format", "json", "-j", "2", "reports").json()["files"]]
    assert len(paths) == 3 * len(list(SEEDS.glob("*.txt"))) + 1 >= MIN_PARALLEL
    assert paths == sorted(paths, key=lambda p: p.split("/"))


def test_local_plugins_and_crashes_work_in_workers(gxlint, folder):
    with_marks(folder, boom=True)
    one = gxlint("--format", "concise", "-j", "1", "--select", "ZZ1,BM", "reports")
    two = gxlint("--format", "concise", "-j", "2", "--select", "ZZ1,BM", "reports")
    assert one.out == two.out
    assert one.out.count(" GX009 ") == 15 and one.out.count(" ZZ101 ") == 15


# A local pack whose two formats print the process that rendered each file.
PID_FORMATS = """
import os

from gxlint.reporters.base import Reporter


class PerFile(Reporter):
    renders_files = True

    def render(self, result):
        return f"{self.path(result, posix=True)} {len(result.findings)} {os.getpid()}\\n"


class Whole(Reporter):
    def file(self, result):
        self.stream.write(f"{self.path(result, posix=True)} {len(result.findings)} {os.getpid()}\\n")


def gxlint_formatters():
    return {"pid-per-file": PerFile, "pid-whole": Whole}
"""


def _pid_lines(out):
    rows = [line.split(" ") for line in out.splitlines()]
    return [(path, int(count)) for path, count, _ in rows], {int(pid) for _, _, pid in rows}


def test_workers_render_the_files_of_a_format_that_renders_files(gxlint, folder):
    with_marks(folder)
    write(
        folder,
        {
            "rules_local/pid_formats.py": PID_FORMATS,
            "gxlint.toml": 'plugins = ["rules_local/marks.py", "rules_local/pid_formats.py"]',
        },
    )
    # NOTE: --no-cache: the main process answers (and renders) the files the cache holds.
    one = gxlint("--no-cache", "--format", "pid-per-file", "-j", "1", "reports")
    two = gxlint("--no-cache", "--format", "pid-per-file", "-j", "2", "reports")
    whole = gxlint("--no-cache", "--format", "pid-whole", "-j", "2", "reports")
    files, one_pids = _pid_lines(one.out)
    assert len(files) == 16 and all(count >= 2 for path, count in files if "binary" not in path)
    assert one_pids == {os.getpid()}  # in-process: the main process renders
    two_files, two_pids = _pid_lines(two.out)
    assert two_files == files  # same files, same order, same findings
    assert os.getpid() not in two_pids and len(two_pids) >= 1  # rendered by the workers
    assert _pid_lines(whole.out) == (files, {os.getpid()})  # a stateful format: main process
    assert one.code == two.code == whole.code == 1


def test_worker_rendering_keeps_the_summary_and_exit_code(gxlint, folder):
    one = gxlint("--no-cache", "--format", "json", "-j", "1", "--exit-zero", "reports").json()
    two = gxlint("--no-cache", "--format", "json", "-j", "2", "--max-warnings", "0", "reports")
    assert two.code == 1 and two.json()["summary"] == one["summary"]
    assert one["summary"]["errors"] > 0 and one["summary"]["files"] == 16


def test_timing_reports_stages_and_rules_on_stderr(gxlint, folder):
    result = gxlint("--format", "json", "--timing", "-j", "2", "reports")
    assert result.json()["summary"]["files"] == 16
    assert "解析（parse" in result.err and "建模（model" in result.err and "规则 GX" in result.err


def test_worker_count():
    assert worker_count(1, 100) == 1
    assert worker_count(4, MIN_PARALLEL - 1) == 1
    assert worker_count(4, MIN_PARALLEL) == 4
    assert worker_count(16, 9) == 9
    assert worker_count(0, 100) >= 1
