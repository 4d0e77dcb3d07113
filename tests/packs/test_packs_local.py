"""Local rule files: ``[tool.gxlint] plugins = ["rules_local/my_rules.py"]``, a plain Python
file beside the config, for offices that do not package anything. Paths are relative to the
config file, wherever gxlint is started from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gxlint.testing import lint_text, load_packs
from tests.conftest import seed_path

MY_RULES = '''
from gxlint import Rule, Severity
from gxlint.model import Report


class ContactMissing(Rule):
    """报告没有写明咨询联系电话（本单位的要求）。

    ## 说明
    本单位要求年度报告写明咨询联系电话。
    """

    code = "LC101"
    name = "contact-missing"
    target = Report
    default_severity = Severity.INFO

    def check(self, report, ctx):
        if "联系电话" not in report.text:
            yield ctx.finding(report.end_point, "报告没有写明咨询联系电话。")
'''


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """project/pyproject.toml naming rules_local/my_rules.py; a report two folders down."""
    root = tmp_path / "project"
    (root / "rules_local").mkdir(parents=True)
    (root / "rules_local" / "my_rules.py").write_text(MY_RULES, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[project]\nname = "reports"\n\n[tool.gxlint]\nplugins = ["rules_local/my_rules.py"]\n',
        encoding="utf-8",
    )
    (root / "报告" / "2024").mkdir(parents=True)
    shutil.copy(seed_path("004"), root / "报告" / "2024" / "和田地区.txt")
    return root


def _codes(out: str) -> list[str]:
    return [line.split(": ", 1)[1].split()[0] for line in out.splitlines() if ".txt:" in line]


@pytest.mark.parametrize(
    ("start", "report"),
    [(".", "报告/2024/和田地区.txt"), ("报告/2024", "和田地区.txt"), ("报告", "2024")],
)
def test_local_rule_file_relative_to_the_config(
    project: Path, start: str, report: str, cli
) -> None:
    result = cli("check", "--format", "concise", report, cwd=project / start)
    assert result.code == 1, result.err
    assert "LC101" in _codes(result.out) and "GX301" in _codes(result.out)


def test_started_outside_the_project_with_config(project: Path, cli) -> None:
    report = "project/报告/2024/和田地区.txt"
    # NOTE: run-wide keys (plugins among them) come from the root config: --config FILE, else
    # the one found from the current directory. Above the project there is none.
    named = cli(
        "check",
        "--format",
        "concise",
        "--config",
        "project/pyproject.toml",
        report,
        cwd=project.parent,
    )
    assert named.code == 1, named.err
    assert "LC101" in _codes(named.out)


def test_plugins_lists_the_local_file(project: Path, cli) -> None:
    data = cli("plugins", "--format", "json", cwd=project / "报告").json()
    [local] = [pack for pack in data["packs"] if pack["name"] == "local:my_rules.py"]
    assert local["path"] == str(project / "rules_local" / "my_rules.py")
    assert local["prefixes"] == ["LC"] and local["rules"] == 1
    assert data["errors"] == []


def test_a_missing_local_file_is_a_config_error(project: Path, cli) -> None:
    (project / "rules_local" / "my_rules.py").unlink()
    result = cli("check", "报告", cwd=project)
    assert result.code == 2
    assert "找不到本地规则文件 “rules_local/my_rules.py”" in result.err


def test_local_rule_file_in_process(project: Path) -> None:
    packs = load_packs(["rules_local/my_rules.py"], base_dir=project)
    assert packs.registry.pack_of("LC101") == "local:my_rules.py"
    text = seed_path("004").read_text("utf-8")
    plugin = project / "rules_local" / "my_rules.py"
    [finding] = lint_text(text, select=["LC101"], plugins=[plugin])
    assert finding.pack == "local:my_rules.py"
    assert lint_text(text + "\n联系电话：0903-0000000\n", select=["LC101"], packs=packs) == []
