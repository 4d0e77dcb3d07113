"""docs/writing-rules.md runs: every code block whose first line is ``# 文件：<path>`` is
written out as it stands, and the result is a working pack (installed as a distribution),
whose own tests pass, plus a working local rule file."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from gxlint.testing import lint_text, load_packs, rule_problems
from tests.conftest import ROOT, seed_path
from tests.packs.conftest import fake_distribution

GUIDE = ROOT / "docs" / "writing-rules.md"
BLOCK = re.compile(r"^```(?:python|toml)\n# 文件：(\S+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
MISMATCH = """示例县交通运输局2024年政府信息公开工作年度报告

六、其他需要报告的事项

本机关2024年未收取信息处理费。

示例县人民政府
2025年1月20日
"""


def _files() -> dict[str, str]:
    return {path: body for path, body in BLOCK.findall(GUIDE.read_text("utf-8"))}


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide's files under a temporary folder, and the pack installed from them into
    ``<folder>/site`` (a dist-info with the guide's entry points, and the package), which
    the tests put on PYTHONPATH."""
    root = tmp_path_factory.mktemp("guide")
    for path, body in _files().items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    project = tomllib.loads((root / "gxlint-shifan" / "pyproject.toml").read_text("utf-8"))
    site = fake_distribution(
        root / "site",
        project["project"]["name"],
        project["project"]["version"],
        project["project"]["entry-points"]["gxlint"],
        {},
    )
    shutil.copytree(root / "gxlint-shifan" / "gxlint_shifan", site / "gxlint_shifan")
    return root


def test_the_guide_has_every_file_of_the_pack() -> None:
    assert set(_files()) == {
        "gxlint-shifan/pyproject.toml",
        "gxlint-shifan/gxlint_shifan/__init__.py",
        "gxlint-shifan/gxlint_shifan/rules/__init__.py",
        "gxlint-shifan/gxlint_shifan/rules/sf101_signoff_organ_mismatch.py",
        "gxlint-shifan/gxlint_shifan/profiles/default.toml",
        "gxlint-shifan/tests/cases/SF101.toml",
        "gxlint-shifan/tests/test_cases.py",
        "和田地区报告/pyproject.toml",
        "和田地区报告/rules_local/phone_rules.py",
    }


def test_the_pack_installs_and_is_listed(guide: Path, tmp_path: Path, cli) -> None:
    site = guide / "site"
    plugins = cli("plugins", cwd=tmp_path, site=site)
    assert "shifan  gxlint-shifan 0.1.0  前缀 SF  1 条规则" in plugins.out, plugins.out
    rule = cli("rule", "SF101", cwd=tmp_path, site=site)
    assert rule.out.startswith(
        "SF101 signoff-organ-mismatch（落款的发布机关与标题中的机关名称不一致）"
    )
    assert "allow-abbreviation" in rule.out
    (tmp_path / "报告.txt").write_text(MISMATCH, encoding="utf-8")
    (tmp_path / "gxlint.toml").write_text('extend = "shifan:default"\n', encoding="utf-8")
    check = cli("check", "--select", "SF", "报告.txt", cwd=tmp_path, site=site)
    assert check.code == 1, check.err
    assert "error[SF101] 落款机关“示例县人民政府”与标题中的“示例县交通运输局”不一致。" in check.out
    assert "标题中的机关" in check.out  # the secondary label


def test_the_guide_pack_own_tests_pass(guide: Path) -> None:
    site = guide / "site"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=guide / "gxlint-shifan",
        env={**_env(), "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 passed" in result.stdout


def test_the_guide_rule_in_process(guide: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(guide / "site"))
    try:
        packs = load_packs()  # sys.path changed: the entry points are read again
        rule, pack = packs.registry.lookup("SF101")
        assert pack == "shifan" and rule_problems(rule) == []
        [finding] = lint_text(MISMATCH, select=["SF101"], packs=packs)
        assert finding.fix is not None and finding.fix.replacement == "示例县交通运输局"
        assert [label.message for label in finding.labels] == ["标题中的机关"]
    finally:
        for name in [n for n in sys.modules if n.startswith("gxlint_shifan")]:
            del sys.modules[name]


def test_the_guide_local_rule_file(guide: Path, cli) -> None:
    office = guide / "和田地区报告"
    shutil.copy(seed_path("004"), office / "和田地区.txt")
    result = cli("check", "--format", "concise", "和田地区.txt", cwd=office)
    assert result.code == 1, result.err
    assert "HT101 [info] 报告没有写明政府信息公开咨询电话。" in result.out
    packs = load_packs(["rules_local/phone_rules.py"], base_dir=office)
    assert packs.registry.pack_of("HT101") == "local:phone_rules.py"
    assert lint_text("咨询电话：0903-0000000", select=["HT101"], packs=packs) == []


def _env() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.pop("PYTHONPATH", None)
    return env
