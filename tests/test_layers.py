"""Data flows one way: source ← parse ← model ← rules ← linter ← cli (style.md §9)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src" / "gxlint"

# package → gxlint packages/modules it must never import
FORBIDDEN = {
    "source": [
        "gxlint.parse",
        "gxlint.model",
        "gxlint.rule",
        "gxlint.linter",
        "gxlint.cli",
        "gxlint.reporters",
        "gxlint.engine",
    ],
    "parse": ["gxlint.model", "gxlint.rule", "gxlint.linter", "gxlint.cli", "gxlint.reporters"],
    "model": [
        "gxlint.rule",
        "gxlint.engine",
        "gxlint.linter",
        "gxlint.cli",
        "gxlint.reporters",
        "gxlint_rules",
    ],
    "reporters": [
        "gxlint.parse",
        "gxlint.model",
        "gxlint.rule",
        "gxlint.engine",
        "gxlint.linter",
        "gxlint.cli",
        "gxlint.config",
        "gxlint_rules",
    ],
    "spec": ["gxlint.parse", "gxlint.model", "gxlint.rule", "gxlint.cli"],
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layer_does_not_import_later_stages(package: str) -> None:
    bad = []
    for path in (SRC / package).rglob("*.py"):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[package]):
                bad.append(f"{path.relative_to(SRC)} imports {name}")
    assert bad == []


def test_core_pack_imports_only_the_public_api() -> None:
    allowed = (
        "gxlint",
        "gxlint.model",
        "gxlint.testing",
        "gxlint.plugins.hookspecs",
        "gxlint.findings",
        "gxlint.rule",
        "gxlint.spec",
        "gxlint.parse.patterns",
        "gxlint.source",
    )
    bad = []
    for path in (ROOT / "rules").rglob("*.py"):
        for name in _imports(path):
            public = any(name == a or name.startswith(a + ".") for a in allowed)
            if name.startswith("gxlint") and not name.startswith("gxlint_rules") and not public:
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    assert bad == []
