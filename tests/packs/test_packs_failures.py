"""Packs that go wrong, beside the installed example pack: a pack that cannot be imported,
two packs claiming one prefix, a pack rule that raises. Each is a fake distribution (a
``.dist-info`` with ``entry_points.txt``) on PYTHONPATH, so ``gxlint`` finds it exactly as
an installed one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import seed_path
from tests.packs.conftest import fake_distribution, rule_module, run_gxlint
from tests.packs.install import ExamplePack

HOOK = """

from gxlint import hookimpl


@hookimpl
def gxlint_rules():
    return [{cls}]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Seed 004 with the xinjiang profile: XJ101, GX301 and GX302 are expected there."""
    folder = tmp_path / "project"
    folder.mkdir()
    shutil.copy(seed_path("004"), folder / "r.txt")
    (folder / "gxlint.toml").write_text('extend = "xinjiang:default"\n', encoding="utf-8")
    return folder


def _finding_codes(out: str) -> set[str]:
    """Codes of ``--format concise`` lines (``r.txt:416:1: XJ101 [warning] …``)."""
    codes = set()
    for line in out.splitlines():
        parts = line.split(": ", 1)
        if len(parts) == 2 and parts[0].startswith("r.txt:"):
            codes.add(parts[1].split()[0])
    return codes


def test_a_broken_pack_is_reported_and_the_others_still_run(
    xinjiang: ExamplePack, project: Path, tmp_path: Path, cli
) -> None:
    site = fake_distribution(
        tmp_path / "site",
        "gxlint-broken-example",
        "0.0.1",
        {"broken": "gxlint_broken_example"},
        {"gxlint_broken_example.py": "import gxlint_dependency_that_is_not_installed\n"},
    )
    # A fresh process, as a user runs it: the fake distribution is found on PYTHONPATH.
    result = run_gxlint("check", "--format", "concise", "r.txt", cwd=project, pythonpath=site)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert (
        "规则包 broken（gxlint-broken-example 0.0.1）加载失败，已跳过：ModuleNotFoundError"
        in result.err
    )
    assert {"XJ101", "GX301", "GX302"} <= _finding_codes(result.out)

    plugins = cli("plugins", cwd=project, site=site)
    assert plugins.code == 0
    assert (
        "加载失败：" in plugins.out
        and "规则包 broken（gxlint-broken-example 0.0.1）" in plugins.out
    )
    assert any(line.startswith("xinjiang ") for line in plugins.out.splitlines())

    # A config can block the pack by its entry-point name: no warning any more.
    (project / "gxlint.toml").write_text(
        'extend = "xinjiang:default"\ndisable-packs = ["broken"]\n', encoding="utf-8"
    )
    quiet = cli("check", "--format", "concise", "r.txt", cwd=project, site=site)
    assert "broken" not in quiet.err and "XJ101" in quiet.out


def test_two_packs_claiming_one_prefix_is_exit_2_naming_both(
    xinjiang: ExamplePack, project: Path, tmp_path: Path, cli
) -> None:
    module = rule_module("Copy", "XJ901", "xj-copy", "return []") + HOOK.format(cls="Copy")
    site = fake_distribution(
        tmp_path / "site",
        "gxlint-xj-copy",
        "1.0",
        {"xjcopy": "gxlint_xj_copy"},
        {"gxlint_xj_copy.py": module},
    )
    for argv in (["check", "r.txt"], ["rules"]):
        result = cli(*argv, cwd=project, site=site)
        assert result.code == 2, argv
        assert "Traceback" not in result.err
        assert "规则代码前缀 XJ 同时被规则包 xinjiang 和 xjcopy 使用（XJ901）" in result.err


def test_a_pack_claiming_gx_is_exit_2(
    xinjiang: ExamplePack, project: Path, tmp_path: Path, cli
) -> None:
    module = rule_module("Mine", "GX901", "my-gx", "return []") + HOOK.format(cls="Mine")
    site = fake_distribution(
        tmp_path / "site",
        "gxlint-gx-thief",
        "1.0",
        {"thief": "gxlint_gx_thief"},
        {"gxlint_gx_thief.py": module},
    )
    result = cli("check", "r.txt", cwd=project, site=site)
    assert result.code == 2
    assert "规则包 thief 的规则 GX901 使用了保留前缀 GX" in result.err


def test_a_pack_rule_that_raises_is_gx009_and_the_others_still_run(
    xinjiang: ExamplePack, project: Path, tmp_path: Path, cli
) -> None:
    body = 'raise RuntimeError("规则内部错误")'
    module = rule_module("Crashy", "CR101", "always-crashes", body) + HOOK.format(cls="Crashy")
    site = fake_distribution(
        tmp_path / "site",
        "gxlint-crashy",
        "0.1",
        {"crashy": "gxlint_crashy"},
        {"gxlint_crashy.py": module},
    )
    result = cli("check", "--format", "concise", "r.txt", cwd=project, site=site)
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    [crash] = [line for line in result.out.splitlines() if " GX009 " in line]
    assert (
        "规则 CR101（always-crashes，规则包 crashy）运行时出错：RuntimeError: 规则内部错误" in crash
    )
    assert {"GX009", "XJ101", "GX301", "GX302", "GX501"} <= _finding_codes(result.out)
    assert "CR101" not in _finding_codes(result.out)
    verbose = cli("check", "-v", "r.txt", cwd=project, site=site, traceback_ok=True)
    assert "RuntimeError: 规则内部错误" in verbose.err  # -v shows the rule's traceback
