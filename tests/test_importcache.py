"""gxlint.importcache: modules come from the cache only when they are the very files a normal
import would load, unchanged; everything else is imported the normal way."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gxlint import importcache
from gxlint.importcache import CachedSourceLoader, ImportCache
from gxlint.usercache import crc, load_marshal
from tests.conftest import seed_path

ROOT = "gxic_demo"


@pytest.fixture
def demo(tmp_path, monkeypatch):
    """A package ``gxic_demo`` (a module, a subpackage and its module) on ``sys.path``; the
    finders and modules a test adds are removed afterwards."""
    package = tmp_path / "site" / ROOT
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("", "utf-8")
    (package / "plain.py").write_text("VALUE = 1\n", "utf-8")
    (package / "sub" / "__init__.py").write_text("KIND = 'package'\n", "utf-8")
    (package / "sub" / "leaf.py").write_text("from . import KIND\nLEAF = KIND + '/leaf'\n", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setenv("GXLINT_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GXLINT_NO_USER_CACHE", raising=False)
    finders = list(sys.meta_path)
    yield package
    sys.meta_path[:] = finders
    for name in [name for name in sys.modules if name.partition(".")[0] == ROOT]:
        del sys.modules[name]
    importlib.invalidate_caches()


def _forget():
    for name in [name for name in sys.modules if name.partition(".")[0] == ROOT]:
        del sys.modules[name]
    importlib.invalidate_caches()


def _import_all():
    return {
        name: importlib.import_module(name)
        for name in (ROOT, f"{ROOT}.plain", f"{ROOT}.sub", f"{ROOT}.sub.leaf")
    }


def _installed(entries):
    finder = ImportCache(entries, file_name="modules-test.marshal", roots=(ROOT,))
    sys.meta_path.insert(0, finder)
    return finder


def _recorded(demo):
    """The entries after one normal import of the demo package."""
    finder = _installed({})
    _import_all()
    entries = finder.collect()
    sys.meta_path.remove(finder)
    _forget()
    return entries


def _attributes(module):
    spec = module.__spec__
    return (
        module.__name__,
        module.__file__,
        module.__cached__,
        getattr(module, "__path__", None),
        module.__package__,
        spec.origin,
        spec.submodule_search_locations,
        spec.cached,
        spec.parent,
        spec.has_location,
    )


def test_submodules_are_recorded_with_their_file_and_folder(demo):
    entries = _recorded(demo)
    assert sorted(entries) == [f"{ROOT}.plain", f"{ROOT}.sub", f"{ROOT}.sub.leaf"]
    folder, origin, package, mtime, size, code = entries[f"{ROOT}.sub"]
    assert (folder, origin, package) == (str(demo), str(demo / "sub" / "__init__.py"), True)
    stat = os.stat(origin)
    assert (mtime, size) == (stat.st_mtime_ns, stat.st_size)
    assert isinstance(code, bytes)
    assert entries[f"{ROOT}.sub.leaf"][:3] == (str(demo / "sub"), str(demo / "sub/leaf.py"), False)


def test_a_cached_module_is_the_same_module_a_normal_import_gives(demo):
    normal = {name: _attributes(module) for name, module in _import_all().items()}
    _forget()
    entries = _recorded(demo)
    finder = _installed(entries)
    modules = _import_all()
    served = [n for n, m in modules.items() if isinstance(m.__spec__.loader, CachedSourceLoader)]
    assert served == [f"{ROOT}.plain", f"{ROOT}.sub", f"{ROOT}.sub.leaf"]
    assert {name: _attributes(module) for name, module in modules.items()} == normal
    assert (modules[f"{ROOT}.plain"].VALUE, modules[f"{ROOT}.sub.leaf"].LEAF) == (1, "package/leaf")
    assert not finder.missed  # NOTE: nothing to save: the next run finds the same file.


def test_the_code_comes_from_the_cache_while_the_file_is_unchanged(demo):
    entries = _recorded(demo)
    plain = demo / "plain.py"
    stat = plain.stat()
    plain.write_text("VALUE = 2\n", "utf-8")  # NOTE: same size, and the old time put back:
    os.utime(plain, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the file "is" unchanged.
    _installed(entries)
    assert importlib.import_module(f"{ROOT}.plain").VALUE == 1


def test_an_edited_module_is_imported_afresh_and_recorded_at_save(demo):
    entries = _recorded(demo)
    (demo / "plain.py").write_text("VALUE = 222\n", "utf-8")
    finder = _installed(entries)
    module = importlib.import_module(f"{ROOT}.plain")
    assert module.VALUE == 222
    assert not isinstance(module.__spec__.loader, CachedSourceLoader)
    assert finder.missed
    finder.save()
    stored = load_marshal("modules-test.marshal", importcache._key())
    assert stored[f"{ROOT}.plain"][4] == len("VALUE = 222\n")
    assert stored[f"{ROOT}.sub"] == entries[f"{ROOT}.sub"]  # NOTE: unchanged entries kept


def test_another_copy_of_the_package_first_on_the_path_is_not_served(demo, tmp_path):
    entries = _recorded(demo)
    other = tmp_path / "other" / ROOT
    other.mkdir(parents=True)
    (other / "__init__.py").write_text("", "utf-8")
    (other / "plain.py").write_text("VALUE = 'other'\n", "utf-8")
    sys.path.insert(0, str(tmp_path / "other"))
    try:
        finder = _installed(entries)
        assert importlib.import_module(f"{ROOT}.plain").VALUE == "other"
        assert finder.missed
    finally:
        sys.path.remove(str(tmp_path / "other"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: ("x",),
        lambda entry: entry[:5],
        lambda entry: (*entry[:5], b"not marshal data"),
        lambda entry: (*entry[:5], 42),
        lambda entry: (entry[0], 3, *entry[2:]),
        lambda entry: "a string",
        lambda entry: (),
        lambda entry: (*entry[:1], entry[1].encode(), *entry[2:]),
        lambda entry: (*entry[:2], 1, *entry[3:]),
    ],
)
def test_a_damaged_entry_is_imported_the_normal_way(demo, damage):
    entries = _recorded(demo)
    entries[f"{ROOT}.plain"] = damage(entries[f"{ROOT}.plain"])
    _installed(entries)
    assert importlib.import_module(f"{ROOT}.plain").VALUE == 1
    assert importlib.import_module(f"{ROOT}.sub.leaf").LEAF == "package/leaf"


def test_modules_outside_the_roots_and_top_level_packages_are_never_served(demo):
    finder = _installed(_recorded(demo))
    assert finder.find_spec(ROOT, None) is None
    assert finder.find_spec("json.decoder", ["/nowhere"]) is None
    assert not finder.missed


def test_install_without_a_user_cache_installs_nothing(monkeypatch):
    monkeypatch.setenv("GXLINT_NO_USER_CACHE", "1")
    finders = list(sys.meta_path)
    assert importcache.install() is None
    assert sys.meta_path == finders


def test_install_reads_a_damaged_file_as_empty(demo, tmp_path):
    finders = [f for f in sys.meta_path if not isinstance(f, ImportCache)]
    sys.meta_path[:] = finders
    name = f"modules-{crc(sys.prefix)}.marshal"
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / name).write_bytes(b"\x00garbage")
    finder = importcache.install()
    assert finder is not None and finder.entries == {}
    assert sys.meta_path[0] is finder
    assert importcache.install() is finder  # NOTE: once per process


SERVED = """
import sys
from gxlint.importcache import CachedSourceLoader, install
install()
import gxlint.cli.args, gxlint_rules.tables.gx203_row_total_mismatch
names = ("gxlint.cli.args", "gxlint_rules.tables.gx203_row_total_mismatch")
print(all(isinstance(sys.modules[n].__spec__.loader, CachedSourceLoader) for n in names))
"""


def _python(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_the_command_line_fills_the_cache_and_the_next_process_uses_it(tmp_path):
    env = dict(os.environ, GXLINT_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("GXLINT_NO_USER_CACHE", None)
    command = ["-m", "gxlint", "--no-cache", "--format", "concise", str(seed_path("000"))]
    first, second = (_python(command, tmp_path, env) for _ in range(2))
    assert first.stdout and first.stdout == second.stdout
    assert (first.returncode, first.stderr) == (second.returncode, second.stderr)
    assert [p.name for p in Path(tmp_path / "cache").glob("modules-*.marshal")]
    served = _python(["-c", SERVED], tmp_path, env)
    assert served.stdout.strip() == "True", served.stderr
