"""Jurisdiction profiles of an installed pack: selected with ``extend = "pack:profile"`` or
``[jurisdiction] profile``; precedence defaults < pack default config < profile < the user's
file; a profile whose pack is missing is a config error (so CI cannot pass without it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import seed_path
from tests.packs.conftest import fake_distribution
from tests.packs.install import ExamplePack


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    shutil.copy(seed_path("004"), folder / "r.txt")
    return folder


def _config(folder: Path, text: str, name: str = "gxlint.toml") -> None:
    (folder / name).write_text(text, encoding="utf-8")


def _concise(cli, folder: Path, *argv: str, site: Path | None = None) -> list[str]:
    result = cli("check", "--format", "concise", *argv, "r.txt", cwd=folder, site=site)
    assert result.code in (0, 1), result.err
    return [line.removeprefix("r.txt:") for line in result.out.splitlines() if line[:6] == "r.txt:"]


def _shown(cli, folder: Path, key: str, site: Path | None = None) -> str:
    """The line of ``config --show`` for ``key`` (``deadline = "01-20"  # 来源：gxlint.toml``)."""
    result = cli("config", "--show", "r.txt", cwd=folder, site=site)
    assert result.code == 0, result.err
    return next(line for line in result.out.splitlines() if line.startswith(f"{key} = "))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("gxlint.toml", 'extend = "xinjiang:default"\n'),
        ("gxlint.toml", '[jurisdiction]\nprofile = "xinjiang:default"\n'),
        ("pyproject.toml", '[tool.gxlint.jurisdiction]\nprofile = "xinjiang:default"\n'),
    ],
)
def test_profile_selected_three_ways(
    xinjiang: ExamplePack, project: Path, name: str, text: str, cli
) -> None:
    _config(project, text, name)
    lines = _concise(cli, project)
    assert any(line.startswith("416:1: XJ101 [warning]") for line in lines)
    assert any(" GX301 [error]" in line for line in lines)
    assert (
        _shown(cli, project, "name")
        == 'name = "新疆维吾尔自治区"  # 来源：profile xinjiang:default'
    )


def test_without_a_profile_nothing_of_it_applies(xinjiang: ExamplePack, project: Path, cli) -> None:
    _config(project, "")
    assert not [line for line in _concise(cli, project) if "XJ101" in line]


def test_user_config_wins_over_the_profile(xinjiang: ExamplePack, project: Path, cli) -> None:
    _config(
        project,
        'extend = "xinjiang:default"\n\n[jurisdiction]\ndeadline = "01-20"\n\n'
        '[rules.XJ101]\nseverity = "error"\n',
    )
    assert any(line.startswith("416:1: XJ101 [error]") for line in _concise(cli, project))
    assert _shown(cli, project, "deadline") == 'deadline = "01-20"  # 来源：gxlint.toml'
    show = cli("config", "--show", "r.txt", cwd=project).out
    assert "# 生效顺序（低 → 高）：默认值 → profile xinjiang:default → gxlint.toml" in show
    assert 'severity = "error"  # 来源：profile xinjiang:default' in show  # GX304's


@pytest.mark.parametrize(
    "override",
    ['ignore = ["XJ"]\n', '[rules.XJ101]\nseverity = "off"\n', '[jurisdiction]\nlevel = "乡镇"\n'],
)
def test_user_config_can_turn_a_profile_requirement_off(
    xinjiang: ExamplePack, project: Path, override: str, cli
) -> None:
    _config(project, 'extend = "xinjiang:default"\n' + override)
    assert not [line for line in _concise(cli, project) if "XJ101" in line]


def test_command_line_beats_the_config(xinjiang: ExamplePack, project: Path, cli) -> None:
    _config(project, 'extend = "xinjiang:default"\nselect = ["GX"]\n')
    assert not [line for line in _concise(cli, project) if "XJ1" in line]
    assert [line for line in _concise(cli, project, "--extend-select", "XJ") if "XJ101" in line]


def test_pack_default_config_lies_beneath_the_profile(
    xinjiang: ExamplePack, project: Path, tmp_path: Path, cli
) -> None:
    module = """
        from gxlint import hookimpl


        @hookimpl
        def gxlint_default_config():
            return {"jurisdiction": {"name": "某辖区", "level": "县"}}
    """
    site = fake_distribution(
        tmp_path / "site",
        "gxlint-defaults",
        "1.0",
        {"defaults": "gxlint_defaults"},
        {"gxlint_defaults.py": module},
    )
    _config(project, "")
    assert _shown(cli, project, "name", site) == 'name = "某辖区"  # 来源：规则包 defaults 默认配置'
    _config(project, 'extend = "xinjiang:default"\n')
    assert _shown(cli, project, "name", site).endswith("# 来源：profile xinjiang:default")
    assert _shown(cli, project, "level", site) == 'level = "县"  # 来源：规则包 defaults 默认配置'
    _config(project, 'extend = "xinjiang:default"\n[jurisdiction]\nname = "和田地区"\n')
    assert _shown(cli, project, "name", site) == 'name = "和田地区"  # 来源：gxlint.toml'


def test_profile_of_a_pack_that_is_not_loaded_is_exit_2(
    xinjiang: ExamplePack, project: Path, cli
) -> None:
    _config(project, 'disable-packs = ["xinjiang"]\nextend = "xinjiang:default"\n')
    result = cli("check", "r.txt", cwd=project)
    assert result.code == 2
    assert (
        "未知 profile “xinjiang:default”（规则包 xinjiang 未安装、加载失败或没有此 profile）"
        in (result.err)
    )
    _config(project, '[jurisdiction]\nprofile = "xinjiang:nonexistent"\n')
    assert cli("check", "r.txt", cwd=project).code == 2
