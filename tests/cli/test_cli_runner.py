"""-j: byte-identical output in display-path order for any number of processes (cli.md §8)."""

from __future__ import annotations

import shutil

import pytest

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


@pytest.mark.parametrize("fmt", ["full", "json", "sarif", "csv"])
def test_jobs_2_output_is_identical_to_jobs_1(gxlint, folder, fmt):
    one = gxlint("--format", fmt, "-j", "1", "reports")
    two = gxlint("--format", fmt, "-j", "2", "reports")
    assert one.code == two.code == 1
    assert one.out == two.out
    assert one.err == two.err == ""


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
