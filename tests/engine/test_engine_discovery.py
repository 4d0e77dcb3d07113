"""The installed entry points, cached per environment: one registration path for every pack,
importlib.metadata off the hot path, and a key that notices installs and removals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gxlint.plugins import discovery
from gxlint.plugins.discovery import CachedEntryPoint, installed_entry_points
from gxlint.plugins.manager import PluginManager, iter_entry_points

PROBE = textwrap.dedent(
    """
    import json, sys
    from gxlint.plugins.manager import iter_entry_points
    eps = iter_entry_points()
    print(json.dumps({
        "eps": [[ep.name, ep.value, ep.dist.name if ep.dist else None] for ep in eps],
        "scanned": "importlib.metadata" in sys.modules,
        "type": type(eps[0]).__name__,
    }))
    """
)


def _probe(env: dict[str, str], tmp_path: Path) -> dict:
    # NOTE: ``-c`` puts the current folder on sys.path, so it is part of the key: it must not
    # be the folder that receives the cache.
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    values = {k: v for k, v in os.environ.items() if not k.startswith("GXLINT_")}
    values["GXLINT_CACHE_HOME"] = str(tmp_path / "cache")
    values["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    return values


def test_second_run_does_not_scan_the_environment(env, tmp_path):
    first = _probe(env, tmp_path)
    second = _probe(env, tmp_path)
    assert first["scanned"] and not second["scanned"]
    assert first["eps"] == second["eps"] and ["core", "gxlint_rules", "gxlint"] in second["eps"]
    assert second["type"] == "CachedEntryPoint"
    assert list((tmp_path / "cache").glob("entry-points-*.txt"))


def test_installing_a_pack_invalidates_the_cache(env, tmp_path):
    assert "late" not in [name for name, *_ in _probe(env, tmp_path)["eps"]]
    info = tmp_path / "site" / "gxlint_late-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: gxlint-late\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[gxlint]\nlate = gxlint_late\n")
    found = _probe(env, tmp_path)
    assert found["scanned"] and ["late", "gxlint_late", "gxlint-late"] in found["eps"]
    (info / "entry_points.txt").write_text("[gxlint]\nlater = gxlint_late:pack\n")
    names = [name for name, *_ in _probe(env, tmp_path)["eps"]]
    assert "later" in names and "late" not in names


def test_the_cache_can_be_turned_off(env, tmp_path):
    env["GXLINT_NO_PLUGIN_CACHE"] = "1"
    assert _probe(env, tmp_path)["scanned"] and _probe(env, tmp_path)["scanned"]
    assert not list((tmp_path / "cache").glob("entry-points-*.txt"))


def test_a_damaged_cache_is_rebuilt(env, tmp_path):
    _probe(env, tmp_path)
    for path in (tmp_path / "cache").glob("entry-points-*.txt"):
        path.write_text("gxlint-entry-points 1\n\nkey nonsense\ncore\tonly-two\n", "utf-8")
    assert _probe(env, tmp_path)["scanned"]
    assert not _probe(env, tmp_path)["scanned"]


def test_cached_entry_points_load_like_importlib_metadata(monkeypatch, tmp_path):
    monkeypatch.setenv("GXLINT_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("GXLINT_NO_PLUGIN_CACHE", raising=False)
    scanned = {ep.name: ep for ep in installed_entry_points()}
    cached = {ep.name: ep for ep in installed_entry_points()}
    assert isinstance(cached["core"], CachedEntryPoint)
    assert cached["core"].load() is scanned["core"].load()
    assert cached["core"].dist.name == scanned["core"].dist.name == "gxlint"
    assert cached["core"].dist.version == scanned["core"].dist.version


def test_attribute_entry_points_resolve():
    ep = CachedEntryPoint("x", "gxlint.plugins.hookspecs:hookimpl.project_name [extra]", None)
    assert ep.module == "gxlint.plugins.hookspecs" and ep.attr == "hookimpl.project_name"
    assert ep.load() == "gxlint"


def test_core_and_third_party_packs_take_the_same_path(monkeypatch, tmp_path):
    monkeypatch.setenv("GXLINT_CACHE_HOME", str(tmp_path))
    iter_entry_points()  # NOTE: fills the cache; the manager below reads from it.
    manager = PluginManager().load()
    core = next(p for p in manager.packs if p.name == "core")
    assert core.distribution == "gxlint" and core.rules
    assert isinstance(next(iter(iter_entry_points())), CachedEntryPoint)


def test_no_cache_folder_means_a_plain_scan(monkeypatch):
    monkeypatch.setattr(discovery, "cache_home", lambda: None)
    assert [ep.name for ep in installed_entry_points()] == [ep.name for ep in iter_entry_points()]
