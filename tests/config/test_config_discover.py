"""Discovery: closest file wins, file precedence in one folder, pyproject rules, caching."""

from __future__ import annotations

from pathlib import Path

import pytest

from gxlint.config import discover
from gxlint.config.discover import ConfigFinder, config_in, user_config_path


def test_closest_config_wins(tmp_path: Path, write) -> None:
    outer = write("a/gxlint.toml", "")
    inner = write("a/b/c/gxlint.toml", "")
    finder = ConfigFinder()
    assert finder.find(tmp_path / "a/b/c/d") == str(inner)
    assert finder.find(tmp_path / "a/b") == str(outer)
    assert finder.find(tmp_path / "a") == str(outer)


@pytest.mark.parametrize(
    ("present", "expected"),
    [
        ((".gxlint.toml", "gxlint.toml", "pyproject.toml"), ".gxlint.toml"),
        (("gxlint.toml", "pyproject.toml"), "gxlint.toml"),
        (("pyproject.toml",), "pyproject.toml"),
    ],
)
def test_file_precedence_in_one_folder(tmp_path: Path, write, present, expected) -> None:
    for name in present:
        write(f"d/{name}", "[tool.gxlint]\n" if name == "pyproject.toml" else "")
    assert config_in(tmp_path / "d") == str(tmp_path / "d" / expected)


def test_pyproject_without_tool_gxlint_is_not_a_config(tmp_path: Path, write) -> None:
    outer = write("gxlint.toml", "")
    write("proj/pyproject.toml", '[project]\nname = "x"\n[tool.ruff]\nline-length = 100\n')
    assert ConfigFinder().find(tmp_path / "proj") == str(outer)


def test_broken_pyproject_mentioning_gxlint_is_a_config(tmp_path: Path, write) -> None:
    # So that the user sees its syntax error rather than a silently ignored config.
    broken = write("proj/pyproject.toml", "[tool.gxlint]\nselect = [\n")
    write("proj/other/pyproject.toml", "[tool.black\n")
    assert config_in(tmp_path / "proj") == str(broken)
    assert config_in(tmp_path / "proj/other") is None


def test_no_config_and_no_user_config_gives_none(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert ConfigFinder().find(tmp_path / "empty") is None


def test_user_config_is_the_fallback_only_when_given(tmp_path: Path, write) -> None:
    user = write("home/.config/gxlint/gxlint.toml", "")
    (tmp_path / "reports").mkdir()
    assert ConfigFinder(user_config=user).find(tmp_path / "reports") == str(user)
    assert ConfigFinder(user_config=tmp_path / "missing.toml").find(tmp_path / "reports") is None


def test_user_config_path_comes_from_the_given_environment(tmp_path: Path) -> None:
    home = str(tmp_path / "home")
    assert user_config_path({"HOME": home}) == str(Path(home, ".config", "gxlint", "gxlint.toml"))
    xdg = str(tmp_path / "xdg")
    assert user_config_path({"HOME": home, "XDG_CONFIG_HOME": xdg}) == str(
        Path(xdg, "gxlint", "gxlint.toml")
    )
    assert user_config_path({}) is None


def test_directories_are_scanned_once(tmp_path: Path, write, monkeypatch) -> None:
    config = write("gxlint.toml", "")
    (tmp_path / "x/y").mkdir(parents=True)
    scanned: list[str] = []
    real = discover.config_in

    def counting(directory: str) -> str | None:
        scanned.append(directory)
        return real(directory)

    monkeypatch.setattr(discover, "config_in", counting)
    finder = ConfigFinder()
    assert finder.find(tmp_path / "x/y") == str(config)
    assert finder.find(tmp_path / "x/y") == str(config)
    assert finder.find(tmp_path / "x") == str(config)
    assert scanned == [str(tmp_path / "x/y"), str(tmp_path / "x"), str(tmp_path)]


PYPROJECTS = {
    '[project]\nname = "x"\n[project.scripts]\ngxlint = "gxlint.cli:run"\n': False,
    '[project]\ndependencies = [\n  "gxlint"]\n[tool.ruff]\n# gxlint\n': False,
    '[tool.gxlint]\nselect = ["ALL"]\n': True,
    '[ tool . "gxlint" ]\nselect = ["ALL"]\n': True,
    "[tool.'gxlint'.rules.GX104]\nseverity = \"off\"\n": True,
    '[tool] # gxlint below\ngxlint = { select = ["ALL"] }\n': True,
    '[tool]\n  gxlint . select = ["ALL"]\n': True,
    'tool.gxlint.select = ["ALL"]\n': True,
    'tool = { gxlint = { select = ["ALL"] } }\n': True,
    '"tool".gxlint.select = ["ALL"]\n': True,
}


@pytest.mark.parametrize(("text", "declares"), PYPROJECTS.items())
def test_pyproject_prefilter_agrees_with_tomli(tmp_path: Path, write, text, declares) -> None:
    """The quick look that spares tomli never dismisses a real ``[tool.gxlint]``."""
    import tomli

    from gxlint.config.read import _may_declare_gxlint, declares_gxlint

    tool = tomli.loads(text).get("tool")
    assert (isinstance(tool, dict) and "gxlint" in tool) == declares
    assert declares_gxlint(write("p/pyproject.toml", text)) == declares
    assert _may_declare_gxlint(text) or not declares
