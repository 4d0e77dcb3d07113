"""``gxlint.testing``, the kit packs test with: configs as text or tables, local rule files,
the extra expectation keys, fixes, rule conventions, and seeing a pack installed mid-run."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
import tomli

from gxlint import Rule, Severity
from gxlint.findings import Finding, Fix, FixSafety
from gxlint.registry import Registry
from gxlint.source.spans import SourceSpan
from gxlint.testing import (
    Case,
    apply_fixes,
    check_case,
    lint_fragment,
    lint_result,
    lint_text,
    load_cases,
    load_packs,
    rule_problems,
    to_toml,
)
from tests.packs.conftest import fake_distribution, rule_module

LOCAL = '''
from dataclasses import dataclass

from gxlint import FixSafety, Rule, Severity
from gxlint.model import NormSpan, Report


class Tbd(Rule):
    """报告中留有“待定”字样。

    ## 说明
    测试用。
    """

    code = "KT101"
    name = "tbd-left"
    target = Report
    default_severity = Severity.WARNING
    fix = FixSafety.UNSAFE

    @dataclass(frozen=True)
    class Options:
        word: str = "待定"

    def check(self, report, ctx):
        start = report.text.find(ctx.options.word)
        if start >= 0:
            span = NormSpan(start, start + len(ctx.options.word))
            yield ctx.finding(
                span,
                "留有待定字样。",
                labels=[ctx.label(report.title, "标题")] if report.title else [],
                fix=ctx.replace(span, ""),
            )
'''

TEXT = "示例县人民政府2024年政府信息公开工作年度报告\n\n一、总体情况\n\n数据待定。\n"


@pytest.fixture
def local(tmp_path: Path) -> Path:
    path = tmp_path / "rules_local" / "kit.py"
    path.parent.mkdir()
    path.write_text(LOCAL, encoding="utf-8")
    return path


def test_config_as_text_or_table_is_the_same(local: Path) -> None:
    text = '[rules.KT101]\nseverity = "error"\nword = "数据"\n'
    table = {"rules": {"KT101": {"severity": "error", "word": "数据"}}}
    by_text = lint_text(TEXT, select=["KT101"], config=text, plugins=[local])
    by_table = lint_text(TEXT, select=["KT101"], config=table, plugins=[local])
    assert by_text == by_table
    assert [(f.severity, TEXT[f.span.start : f.span.end]) for f in by_table] == [
        (Severity.ERROR, "数据")
    ]


def test_a_bad_config_table_is_a_config_error(local: Path) -> None:
    from gxlint.errors import ConfigErrors

    with pytest.raises(ConfigErrors, match="未知配置项"):
        lint_text(TEXT, config={"selct": ["ALL"]}, plugins=[local])
    with pytest.raises(
        ConfigErrors, match="未知配置项 “rules.KT101.wrd”（是否为 “rules.KT101.word”？）"
    ):
        lint_text(TEXT, config={"rules": {"KT101": {"wrd": "x"}}}, plugins=[local])


def test_to_toml_round_trips() -> None:
    config = {
        "extend": "xinjiang:default",
        "select": ["GX", "XJ"],
        "max-file-size": 10,
        "respect-gitignore": False,
        "per-file-ignores": {"归档/**": ["GX208"]},
        "jurisdiction": {
            "label-variants": {"行政规范性文件": ["规范性文件"]},
            "required-section-six": [{"name": '说"明"\n', "any-of": ["a"], "levels": []}],
        },
    }
    assert tomli.loads(to_toml(config)) == config


def test_lint_fragment_needs_a_selection(local: Path) -> None:
    [finding] = lint_fragment("数据待定。", select=["KT101"], plugins=[local])
    assert finding.code == "KT101" and finding.labels == ()  # no title in a fragment
    with pytest.raises(TypeError):
        lint_fragment("数据待定。")  # type: ignore[call-arg]


def test_load_packs_is_cached_and_explicit(local: Path) -> None:
    first = load_packs(["rules_local/kit.py"], base_dir=local.parent.parent)
    assert first is load_packs([local])
    assert first.registry.pack_of("KT101") == "local:kit.py"
    assert first.registry.pack_of("GX101") == "core"
    alone = load_packs([local], entry_points=False)
    assert alone.registry.pack_of("GX101") is None
    assert [f.code for f in lint_text(TEXT, packs=alone)] == ["KT101"]


def test_a_bare_registry_still_works(local: Path) -> None:
    registry = load_packs([local]).registry
    assert isinstance(registry, Registry)
    result = lint_result(TEXT, select=["KT101"], registry=registry)
    assert [f.code for f in result.findings] == ["KT101"]


def test_a_pack_installed_during_the_session_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = (
        "\n\nfrom gxlint import hookimpl\n\n\n@hookimpl\ndef gxlint_rules():\n    return [Late]\n"
    )
    module = rule_module("Late", "LT101", "late-comer", "return []") + hook
    assert load_packs().registry.pack_of("LT101") is None
    site = fake_distribution(
        tmp_path / "site", "gxlint-late", "1.0", {"late": "gxlint_late"}, {"gxlint_late.py": module}
    )
    monkeypatch.syspath_prepend(str(site))
    try:
        assert load_packs().registry.pack_of("LT101") == "late"
    finally:
        sys.modules.pop("gxlint_late", None)


def _case_file(tmp_path: Path, local: Path, body: str) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    path = folder / "KT101.toml"
    head = f'rule = "KT101"\nplugins = ["../rules_local/{local.name}"]\n'
    path.write_text(head + textwrap.dedent(body), encoding="utf-8")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "small.txt").write_text(TEXT, encoding="utf-8")
    return path


def test_case_file_with_local_plugins_and_every_key(tmp_path: Path, local: Path) -> None:
    path = _case_file(
        tmp_path,
        local,
        """
        config = { rules = { KT101 = { severity = "info" } } }

        [[case]]
        name = "clean"
        base = "small.txt"
        edit = [{ find = "数据待定。", replace = "数据已齐。" }]
        expect = []

        [[case]]
        name = "everything"
        base = "small.txt"
        expect = [{ code = "KT101", line = 5, at = "待定", severity = "info", fix = "", labels = [
            "示例县人民政府2024年政府信息公开工作年度报告",
        ] }]

        [[case]]
        name = "own_config_replaces_the_files"
        base = "small.txt"
        config = ""
        expect = [{ code = "KT101", severity = "warning", fix = "", labels = [
            "示例县人民政府2024年政府信息公开工作年度报告",
        ] }]
        """,
    )
    cases = load_cases(path)
    assert [case.id for case in cases] == [
        "KT101-clean",
        "KT101-everything",
        "KT101-own_config_replaces_the_files",
    ]
    assert cases[1].plugins == (str(local.parent.parent / "cases" / "../rules_local/kit.py"),)
    for case in cases:
        check_case(case)


def test_a_failing_case_says_what_was_compared(tmp_path: Path, local: Path) -> None:
    path = _case_file(
        tmp_path,
        local,
        """
        [[case]]
        name = "wrong_fix"
        base = "small.txt"
        expect = [{ code = "KT101", fix = "已定" }]
        """,
    )
    [case] = load_cases(path)
    with pytest.raises(AssertionError) as caught:
        check_case(case)
    message = str(caught.value)
    assert "compared on (code, fix)" in message
    assert "expected [('KT101', '已定')]" in message and "got [('KT101', '')]" in message
    assert "[fix: '']" in message and "[label '示例县人民政府" in message


def test_hand_built_cases_keep_working(local: Path) -> None:
    case = Case("KT101-hand", "KT101", TEXT, (("KT101", 5, None),), ("KT101",))
    check_case(case, packs=load_packs([local]))


def _finding(start: int, end: int, text: str, safety: FixSafety) -> Finding:
    span = SourceSpan(start, end)
    return Finding("KT101", "x", Severity.INFO, "m", span, fix=Fix(span, text, safety))


def test_apply_fixes() -> None:
    text = "abcdef"
    findings = [
        _finding(0, 1, "A", FixSafety.SAFE),
        _finding(2, 4, "", FixSafety.UNSAFE),
        _finding(3, 5, "X", FixSafety.SAFE),  # overlaps the unsafe one
    ]
    assert apply_fixes(text, findings) == "AbcXf"
    assert apply_fixes(text, findings, unsafe=True) == "AbcXf"  # the later fix wins the overlap
    assert apply_fixes(text, findings[:2], unsafe=True) == "Abef"


class _Undocumented(Rule):
    """没有其他标题。"""

    code = "GX999"
    name = "undocumented"
    target = object
    default_severity = Severity.INFO

    def check(self, node: object, ctx: object) -> list[Finding]:
        return []


def test_rule_problems_names_every_problem() -> None:
    problems = rule_problems(_Undocumented)
    assert "GX999: 文档缺少 ## 说明" in problems
    assert any("文件应命名为 gx999_undocumented.py" in p for p in problems)
    assert any("前缀 GX 只属于" in p for p in problems)
    assert not any("前缀 GX" in p for p in rule_problems(_Undocumented, pack="core"))
