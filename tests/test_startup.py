"""What a one-report run loads: a pre-commit hook pays for every import on every commit.

Each standard-library module in :data:`NOT_NEEDED` costs a measurable share of a cold run
(counted in instructions, as ``bench/instructions.py`` does) and a ``--format concise`` run
needs none of them.

NOTE: an editable install (``pip install -e``, as CI and developers install) puts an import
hook in ``site`` that imports pathlib before any gxlint code runs, so "not in ``sys.modules``"
would prove nothing there. The run therefore records every import statement for these modules
executed while it runs, and gxlint's own code must make none, except of a module another
library already loaded during the run (the run reads a config file to keep other installed
packs out, and tomli imports ``datetime``).
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from tests.conftest import ROOT, seed_path

NOT_NEEDED = {
    "signal": "gxlint.timelimit uses the C module _signal directly",
    "dataclasses": "rule options are named tuples (gxlint.options_type)",
    "copy": "raw config data is copied by gxlint.config.schema.copy_toml",
    "pathlib": "paths are strings (gxlint.paths)",
    "datetime": "dates come from the C module _datetime (gxlint.datetype)",
    "fnmatch": "only per-file-ignores match globs with it (gxlint.linter)",
    "unicodedata": "only a path that is not ASCII needs normalising (gxlint.cli.ignore.nfc)",
    "hashlib": "the grammar is compared as text, not hashed (gxlint.parse.parser)",
    "_sha256": "the grammar is compared as text, not hashed (gxlint.parse.parser)",
}

CODE = """
import builtins, json, sys

watched = json.loads(sys.argv[2])
before = {name for name in watched if name in sys.modules}
importers = []
real_import = builtins.__import__


def recording_import(name, globals=None, locals=None, fromlist=(), level=0):
    if name in watched and level == 0:
        already = name in sys.modules and name not in before  # loaded by the run itself
        importers.append([name, (globals or {}).get("__name__", "?"), already])
    return real_import(name, globals, locals, fromlist, level)


builtins.__import__ = recording_import
from gxlint.cli import main

main(["--no-cache", "--format", "concise", sys.argv[1]])
builtins.__import__ = real_import
print(json.dumps(importers))
"""


def _imports_in_concise_run(report: Path, folder: Path) -> list[list]:
    """The run uses the core pack only (a pack installed next to it may import anything).

    It runs twice: the first run fills gxlint's user cache (the installed entry points: a scan
    imports ``importlib.metadata``, which imports pathlib), as any run after the first finds it.
    That folder is made first: making it would change the mtime of the current folder, which
    is on ``sys.path`` and so part of the entry points' cache key.
    """
    others = sorted({ep.name for ep in entry_points(group="gxlint")} - {"core"})
    (folder / "gxlint.toml").write_text(f"disable-packs = {json.dumps(others)}\n", "utf-8")
    (folder / "cache").mkdir()
    env = dict(os.environ, GXLINT_CACHE_HOME=str(folder / "cache"))
    for switch in ("GXLINT_NO_USER_CACHE", "GXLINT_NO_PLUGIN_CACHE"):
        env.pop(switch, None)  # NOTE: either would scan the entry points again on every run.
    command = [sys.executable, "-c", CODE, str(report), json.dumps(sorted(NOT_NEEDED))]
    for _ in range(2):
        run = subprocess.run(
            command, cwd=folder, env=env, capture_output=True, text=True, check=False
        )
    assert run.stdout, run.stderr
    return json.loads(run.stdout.splitlines()[-1])


def test_a_concise_run_imports_none_of_the_unneeded_standard_modules(tmp_path):
    report = seed_path("000")
    ours = [
        [name, importer]
        for name, importer, already in _imports_in_concise_run(report, tmp_path)
        if importer.startswith("gxlint") and not already
    ]
    assert ours == []


def _postponed(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(alias.name == "annotations" for alias in node.names)
        for node in tree.body
    )


def _named_tuples(tree: ast.Module) -> list[str]:
    return [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(isinstance(base, ast.Name) and base.id == "NamedTuple" for base in node.bases)
    ]


MODULES = sorted(
    path for folder in (ROOT / "src" / "gxlint", ROOT / "rules") for path in folder.rglob("*.py")
)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_named_tuples_get_evaluated_annotations(path: Path) -> None:
    """``typing.NamedTuple`` compiles every string annotation into a ``ForwardRef``: with
    ``from __future__ import annotations`` a named tuple costs about twice as much to create,
    and the reader's records are created at every start. Modules that define one therefore
    keep annotations evaluated (quoting only the few names that exist for type checkers)."""
    tree = ast.parse(path.read_text("utf-8"))
    if _named_tuples(tree):
        assert not _postponed(tree), f"{path.name}: {_named_tuples(tree)}"


def test_datetype_classes_are_the_datetime_classes():
    import datetime

    from gxlint import datetype

    assert (datetype.date, datetype.time, datetype.timedelta) == (
        datetime.date,
        datetime.time,
        datetime.timedelta,
    )
    assert all(getattr(datetype, name) is getattr(datetime, name) for name in datetype.__all__)
