"""The content cache (cli.md §8): byte-identical output with or without it, hits that skip
parsing, keys that change with the file, the config and the rule selection, and a folder that
is safe to delete and never committed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import gxlint.reader
from gxlint.cache import CACHEDIR_TAG, ENTRIES
from gxlint.runner import Runner
from tests.cli.conftest import with_marks
from tests.conftest import SEEDS

FORMATS = ["full", "concise", "json", "jsonl", "sarif", "github", "junit", "csv"]


@pytest.fixture
def reports(tmp_path: Path, seeds_dir: Path) -> Path:
    """Every seed twice (≥ 8 files, so ``-j 2`` really starts workers), and a binary file."""
    for copy in ("a", "b"):
        for seed in sorted(seeds_dir.glob("*.txt")):
            target = tmp_path / "reports" / copy / seed.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(seed, target)
    (tmp_path / "reports" / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00")
    return tmp_path / "reports"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the parser reads, in order (a cache hit reads none)."""
    seen: list[str] = []
    real = gxlint.reader.read_text

    def counting(source, *rest):  # type: ignore[no-untyped-def]
        seen.append(source.path)
        return real(source, *rest)

    monkeypatch.setattr(gxlint.reader, "read_text", counting)
    return seen


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / ENTRIES).rglob("*") if p.is_file())


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_byte_identical_with_and_without_cache(gxlint, reports, fmt):
    fresh = gxlint("--no-cache", "--format", fmt, "reports")
    stored = gxlint("--format", fmt, "reports")  # NOTE: misses, then writes every entry.
    cached = gxlint("--format", fmt, "reports")
    assert fresh.code == stored.code == cached.code == 1
    assert fresh.out == stored.out == cached.out
    assert fresh.err == stored.err == cached.err


@pytest.mark.parametrize("fmt", ["json", "full"])
def test_parallel_runs_share_the_cache_byte_identically(gxlint, reports, fmt):
    fresh = gxlint("--no-cache", "--format", fmt, "-j", "1", "reports")
    assert gxlint("--format", fmt, "-j", "2", "reports").out == fresh.out  # workers store
    assert gxlint("--format", fmt, "-j", "2", "reports").out == fresh.out  # workers hit
    assert gxlint("--format", fmt, "-j", "1", "reports").out == fresh.out


def test_a_parallel_rerun_over_unchanged_files_starts_no_worker(gxlint, reports, monkeypatch):
    gxlint("--format", "json", "-j", "2", "reports")  # NOTE: stores every entry.
    started: list[int] = []
    real = Runner._pool

    def counting(self, workers):  # type: ignore[no-untyped-def]
        started.append(workers)
        return real(self, workers)

    monkeypatch.setattr(Runner, "_pool", counting)
    fresh = gxlint("--no-cache", "--format", "json", "-j", "1", "reports")
    assert gxlint("--format", "json", "-j", "2", "reports").out == fresh.out
    assert started == []  # every file was answered from the cache by the main process
    changed = reports / "b" / min(p.name for p in SEEDS.glob("*.txt"))
    changed.write_text(changed.read_text("utf-8") + "\n某某单位XX镇人民政府\n", encoding="utf-8")
    fresh = gxlint("--no-cache", "--format", "json", "-j", "1", "reports")
    assert gxlint("--format", "json", "-j", "2", "reports").out == fresh.out  # order kept
    assert started == [2]  # the one changed file went to the workers


def test_statistics_are_identical_with_cache(gxlint, reports):
    fresh = gxlint("--no-cache", "--statistics", "--format", "json", "reports")
    gxlint("--format", "json", "reports")
    assert gxlint("--statistics", "--format", "json", "reports").out == fresh.out


def test_a_hit_skips_reading_and_parsing(gxlint, reports, parses):
    gxlint("-j", "1", "--format", "json", "reports")
    assert len(parses) == 10  # NOTE: the binary file never reaches the parser.
    parses.clear()
    gxlint("-j", "1", "--format", "json", "reports")
    assert parses == []


def test_a_changed_file_is_linted_again(gxlint, reports, parses):
    gxlint("-j", "1", "--format", "concise", "reports")
    changed = reports / "a" / min(p.name for p in SEEDS.glob("*.txt"))
    changed.write_text(changed.read_text("utf-8") + "\n某某单位XX镇人民政府\n", encoding="utf-8")
    parses.clear()
    result = gxlint("-j", "1", "--format", "concise", "reports")
    assert parses == [str(Path("reports") / "a" / changed.name)]
    assert result.out == gxlint("-j", "1", "--no-cache", "--format", "concise", "reports").out


def test_a_changed_config_invalidates(gxlint, reports, parses, tmp_path):
    before = gxlint("-j", "1", "--format", "concise", "reports")
    (tmp_path / "gxlint.toml").write_text('[rules.GX202]\nseverity = "info"\n', "utf-8")
    parses.clear()
    after = gxlint("-j", "1", "--format", "concise", "reports")
    assert len(parses) == 10
    assert after.out != before.out
    assert after.out == gxlint("-j", "1", "--no-cache", "--format", "concise", "reports").out


def test_a_changed_rule_selection_invalidates(gxlint, reports, parses):
    gxlint("-j", "1", "--format", "concise", "reports")
    parses.clear()
    selected = gxlint("-j", "1", "--format", "concise", "--select", "GX2", "reports")
    assert len(parses) == 10
    assert (
        selected.out
        == gxlint("-j", "1", "--no-cache", "--format", "concise", "--select", "GX2", "reports").out
    )
    parses.clear()
    gxlint("-j", "1", "--format", "concise", "--select", "GX2", "reports")
    assert parses == []


def test_a_changed_local_rule_file_invalidates(gxlint, reports, tmp_path, parses):
    with_marks(tmp_path)
    first = gxlint("-j", "1", "--format", "concise", "--select", "ZZ", "reports")
    assert "测试错误。" in first.out
    marks = tmp_path / "rules_local" / "marks.py"
    marks.write_text(marks.read_text("utf-8").replace("测试错误。", "改过的错误。"), "utf-8")
    parses.clear()
    second = gxlint("-j", "1", "--format", "concise", "--select", "ZZ", "reports")
    assert len(parses) == 10 and "改过的错误。" in second.out


def test_crashes_are_never_cached(gxlint, reports, tmp_path, parses):
    with_marks(tmp_path, boom=True)
    gxlint("-j", "1", "--format", "concise", "--select", "BM", "reports")
    parses.clear()
    result = gxlint("-j", "1", "--format", "concise", "--select", "BM", "reports")
    assert len(parses) == 10 and result.out.count(" GX009 ") == 10


def test_cache_folder_beside_the_root_config_with_a_gitignore(gxlint, reports, tmp_path):
    (tmp_path / "gxlint.toml").write_text("", "utf-8")
    gxlint("--format", "concise", "reports")
    folder = tmp_path / ".gxlint_cache"
    assert (folder / ".gitignore").read_text("utf-8").splitlines()[-1] == "*"
    assert (folder / "CACHEDIR.TAG").read_text("utf-8") == CACHEDIR_TAG
    assert len(_entries(folder)) == 11


def test_cache_dir_setting_and_option(gxlint, reports, tmp_path):
    (tmp_path / "gxlint.toml").write_text('cache-dir = "build/lint-cache"\n', "utf-8")
    gxlint("--format", "concise", "reports")
    assert _entries(tmp_path / "build" / "lint-cache")
    gxlint("--format", "concise", "--cache-dir", "elsewhere", "reports")
    assert _entries(tmp_path / "elsewhere")


def test_no_cache_and_timing_write_nothing(gxlint, reports, tmp_path):
    gxlint("--no-cache", "--format", "concise", "reports")
    gxlint("--timing", "--format", "concise", "reports")
    assert not (tmp_path / ".gxlint_cache").exists()


def test_damaged_entries_are_misses_not_errors(gxlint, reports, tmp_path, parses):
    fresh = gxlint("-j", "1", "--format", "json", "reports")
    entries = _entries(tmp_path / ".gxlint_cache")
    for number, entry in enumerate(entries):
        entry.write_bytes([b"", b"\x00garbage", entry.read_bytes()[:-7]][number % 3])
    parses.clear()
    again = gxlint("-j", "1", "--format", "json", "reports")
    assert again.out == fresh.out and again.err == ""
    assert len(parses) == 10
    parses.clear()
    assert gxlint("-j", "1", "--format", "json", "reports").out == fresh.out and parses == []


def test_clean_deletes_the_cache_and_nothing_else(gxlint, reports, tmp_path):
    gxlint("--format", "concise", "reports")
    before = sorted(p for p in tmp_path.rglob("*") if ".gxlint_cache" not in p.parts)
    result = gxlint("clean")
    assert result.code == 0 and "已删除缓存：.gxlint_cache" in result.err
    assert not (tmp_path / ".gxlint_cache").exists()
    assert sorted(tmp_path.rglob("*")) == before
    again = gxlint("clean")
    assert again.code == 0 and "没有缓存" in again.err


def test_clean_refuses_a_folder_that_is_not_a_cache(gxlint, reports, tmp_path):
    result = gxlint("clean", "--cache-dir", "reports")
    assert result.code == 2 and "不是 gxlint 的缓存文件夹" in result.err
    assert len(list(reports.rglob("*.txt"))) == 11


def test_clean_follows_the_config(gxlint, reports, tmp_path):
    (tmp_path / "gxlint.toml").write_text('cache-dir = "build/lint-cache"\n', "utf-8")
    gxlint("--format", "concise", "reports")
    assert gxlint("clean").code == 0
    assert not (tmp_path / "build" / "lint-cache").exists() and (tmp_path / "build").is_dir()
