"""What a one-report run loads: a pre-commit hook pays for every import on every commit.

Each standard-library module below costs a measurable share of a cold run (counted with
``bench/instructions.py``-style instruction counts) and a ``--format concise`` run needs none.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT, seed_path

NOT_NEEDED = (
    "signal",  # gxlint.timelimit uses the C module ``_signal`` directly
    "dataclasses",  # rule options are named tuples (gxlint.options_type)
    "copy",  # config defaults are copied by gxlint.config.schema itself
)


def _modules_after_concise_run(report: Path, folder: Path) -> list[str]:
    """The run uses the core pack only (a pack installed next to it may import anything)."""
    from importlib.metadata import entry_points

    others = sorted({ep.name for ep in entry_points(group="gxlint")} - {"core"})
    (folder / "gxlint.toml").write_text(f"disable-packs = {json.dumps(others)}\n", "utf-8")
    code = textwrap.dedent(
        f"""
        import json, sys
        from gxlint.cli import main
        main(["--no-cache", "--format", "concise", {str(report)!r}])
        print(json.dumps(sorted(m for m in {NOT_NEEDED!r} if m in sys.modules)))
        """
    )
    env = dict(os.environ, GXLINT_CACHE_HOME=str(folder / "cache"))
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.stdout, run.stderr
    return json.loads(run.stdout.splitlines()[-1])


def test_a_concise_run_leaves_unneeded_standard_modules_unimported(tmp_path):
    report = seed_path("000")
    assert _modules_after_concise_run(report, tmp_path) == []


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
