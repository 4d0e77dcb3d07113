"""Compiled patterns kept in the user cache: a rebuilt pattern is the pattern ``re.compile``
makes, and a missing, damaged or foreign cache only costs time."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gxlint import regexcache
from gxlint.parse import patterns
from tests.conftest import seed_path

PATTERNS = [
    (r"[\u4e00-\u9fff]", 0),
    (r"(?P<year>(?:19|20)\d{2})年(?P<month>\d{1,2})月", 0),
    (r"^[ \t]*(?:第[ \t]*\d+[ \t]*页)$", re.MULTILINE),
    (r"(?:函|发|字|办)$", 0),
    (r"  x # comment\n  [a-z]+", re.VERBOSE | re.IGNORECASE),
    (patterns.ITEM_ORDINAL.pattern, patterns.ITEM_ORDINAL.flags & ~re.UNICODE),
]
SAMPLES = ["2024年10月", "国办公开办函", "  第 3 页", "(二)关于", "xABC", "无"]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new process's state with an empty cache folder; returns the cache file."""
    monkeypatch.setenv("GXLINT_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("GXLINT_NO_USER_CACHE", raising=False)
    _new_process(monkeypatch)
    return tmp_path / "regex.marshal"


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "_entries", None)
    monkeypatch.setattr(regexcache, "_enabled", False)
    monkeypatch.setattr(regexcache, "_dirty", False)


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert a == b  # NOTE: flags and the whole compiled code
    assert a.groupindex == b.groupindex and a.groups == b.groups
    for text in SAMPLES:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_rebuilt_pattern_equals_a_fresh_compile(fresh, monkeypatch, pattern, flags):
    first = regexcache.compile_cached(pattern, flags)
    _same(first, re.compile(pattern, flags))
    regexcache.save()
    assert fresh.is_file()

    _new_process(monkeypatch)
    rebuilt = regexcache.compile_cached(pattern, flags)
    assert (pattern, int(flags)) in regexcache._entries
    assert rebuilt is not re.compile(pattern, flags)  # NOTE: not re's own in-process cache
    _same(rebuilt, re.compile(pattern, flags))


def test_nothing_is_written_when_every_pattern_came_from_the_cache(fresh, monkeypatch):
    regexcache.compile_cached(r"\d+年")
    regexcache.save()
    os.utime(fresh, ns=(1_000_000_000, 1_000_000_000))
    _new_process(monkeypatch)
    regexcache.compile_cached(r"\d+年")
    assert regexcache._dirty is False
    regexcache.save()
    assert fresh.stat().st_mtime_ns == 1_000_000_000


def test_a_damaged_entry_falls_back_to_re_compile(fresh, monkeypatch):
    pattern = r"[\u4e00-\u9fff]{2,4}"
    regexcache.compile_cached(pattern)
    regexcache.save()
    key, entries = marshal.loads(fresh.read_bytes())
    flags, code, *rest = entries[(pattern, 0)]
    entries[(pattern, 0)] = (flags, [9999, *code[1:]], *rest)  # NOTE: not valid SRE code
    fresh.write_bytes(marshal.dumps((key, entries)))

    _new_process(monkeypatch)
    _same(regexcache.compile_cached(pattern), re.compile(pattern))


@pytest.mark.parametrize("content", [b"", b"\x00garbage", marshal.dumps(("other", {}))])
def test_a_damaged_file_is_ignored(fresh, monkeypatch, content):
    fresh.write_bytes(content)
    _same(regexcache.compile_cached(r"年度?$"), re.compile(r"年度?$"))
    regexcache.save()
    _new_process(monkeypatch)
    regexcache.compile_cached(r"年度?$")
    assert (r"年度?$", 0) in regexcache._entries  # NOTE: rewritten by the save above


def test_no_user_cache_means_no_file(fresh, monkeypatch):
    monkeypatch.setenv("GXLINT_NO_USER_CACHE", "1")
    _same(regexcache.compile_cached(r"[一二三]、"), re.compile(r"[一二三]、"))
    regexcache.save()
    assert not fresh.exists()
    assert regexcache._dirty is False


def test_a_cold_run_writes_the_cache_and_the_next_run_uses_it(tmp_path):
    seed = seed_path("000")
    env = {"GXLINT_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "gxlint", "--no-cache", "--format", "json", str(seed)]
    first = subprocess.run(command, capture_output=True, env=env, check=False)
    cache_file = tmp_path / "regex.marshal"
    assert cache_file.is_file()
    stored = marshal.loads(cache_file.read_bytes())[1]
    assert (patterns.ITEM_ORDINAL.pattern, 0) in stored
    second = subprocess.run(command, capture_output=True, env=env, check=False)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and b'"GX104"' in second.stdout
