"""The wheel contains every package and data file: an editable install can hide a gap."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
TOOL = PYPROJECT["tool"]["setuptools"]


def _package_dirs() -> set[str]:
    """Every folder with an __init__.py below the three mapped package roots."""
    found = set()
    for package, folder in TOOL["package-dir"].items():
        base = ROOT / folder
        for init in base.rglob("__init__.py"):
            relative = init.parent.relative_to(base)
            found.add(".".join([package, *relative.parts]))
    return found


def test_packages_list_matches_the_folders() -> None:
    assert set(TOOL["packages"]) == _package_dirs()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("gxlint-*.whl"))


def test_wheel_has_grammar_and_catalogue(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "gxlint_grammar/report.lark" in names
    assert "gxlint/spec/format2021.toml" in names
    assert any(n.startswith("gxlint_rules/tables/") for n in names)


def test_installed_wheel_lints_a_seed(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    seed = sorted(SEEDS.glob("004_*.txt"))
    if not seed:
        pytest.skip("seed corpus not available")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import gxlint_grammar, gxlint;"
        "assert gxlint_grammar.__file__.startswith(sys.argv[1]), gxlint_grammar.__file__;"
        "from gxlint.reader import read_file;"
        "r = read_file(sys.argv[2]);"
        "print(len(r.report.sections), r.report.application_table.cell('total','total').value)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(target), str(seed[0])],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["6", "85"]
