"""The user cache folder (entry points, the parsed catalogue):
derived data only, rebuilt when damaged, never needed for a correct result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gxlint import spec
from gxlint.usercache import cache_home, load_marshal, store_marshal


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GXLINT_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_cache_home_follows_the_environment():
    assert cache_home({"GXLINT_CACHE_HOME": "/x"}) == "/x"
    if os.name != "nt":
        assert cache_home({"XDG_CACHE_HOME": "/c", "HOME": "/h"}) == "/c/gxlint"
        assert cache_home({"HOME": "/h"}) == "/h/.cache/gxlint"
        assert cache_home({}) is None
        assert cache_home({"HOME": "/h", "GXLINT_NO_USER_CACHE": "1"}) is None


def test_marshal_round_trip_and_key_check(home):
    store_marshal("x.marshal", "key", {"a": [1, 2]})
    assert load_marshal("x.marshal", "key") == {"a": [1, 2]}
    assert load_marshal("x.marshal", "other") is None
    (home / "x.marshal").write_bytes(b"\x00garbage")
    assert load_marshal("x.marshal", "key") is None
    assert load_marshal("missing.marshal", "key") is None


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX mode bits")
def test_files_are_private_and_one_others_may_write_is_not_read(home):
    store_marshal("x.marshal", "key", {"a": 1})
    path = home / "x.marshal"
    assert path.stat().st_mode & 0o777 == 0o600
    for mode in (0o620, 0o602, 0o666):
        path.chmod(mode)
        assert load_marshal("x.marshal", "key") is None, oct(mode)
    path.chmod(0o644)
    assert load_marshal("x.marshal", "key") == {"a": 1}
    store_marshal("x.marshal", "key", {"a": 2})  # NOTE: a refused file is simply replaced
    assert load_marshal("x.marshal", "key") == {"a": 2}


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX mode bits")
def test_a_cached_entry_point_list_others_may_write_is_scanned_again(home, monkeypatch):
    from gxlint.plugins import discovery

    monkeypatch.delenv(discovery.DISABLE_ENV, raising=False)
    found = [ep.name for ep in discovery.installed_entry_points()]
    (cached,) = home.glob("entry-points-*.txt")
    assert cached.stat().st_mode & 0o777 == 0o600
    assert discovery._read(str(cached))
    cached.chmod(0o666)
    assert discovery._read(str(cached)) == []
    assert [ep.name for ep in discovery.installed_entry_points()] == found


def test_an_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("GXLINT_CACHE_HOME", str(blocker / "cache"))
    store_marshal("x.marshal", "key", 1)  # NOTE: no error, nothing stored
    assert load_marshal("x.marshal", "key") is None


def test_catalogue_from_cache_equals_a_fresh_parse(home):
    import tomli

    fresh = tomli.loads(spec._catalogue_bytes().decode("utf-8"))
    assert spec._catalogue() == fresh  # NOTE: parsed, then stored
    assert list(home.glob("format2021-*.marshal"))
    assert spec._catalogue() == fresh  # NOTE: from the cache
    for path in home.glob("format2021-*.marshal"):
        path.write_bytes(b"damaged")
    assert spec._catalogue() == fresh


def test_a_run_without_config_imports_no_toml_parser(tmp_path):
    code = textwrap.dedent(
        """
        import json, sys
        from gxlint.spec import load_spec
        load_spec()
        print(json.dumps([m for m in ("tomli", "tomllib") if m in sys.modules]))
        """
    )
    env = dict(os.environ, GXLINT_CACHE_HOME=str(tmp_path))
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
        )
        for _ in range(2)
    ]
    assert [json.loads(run.stdout) for run in runs] == [["tomli"], []]
