"""The pack as a whole: rule conventions, profiles and their precedence, the clean reports,
fixes. Everything through ``gxlint.testing``, against the installed pack."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

from gxlint import Rule, discover_rules
from gxlint.findings import Severity
from gxlint.testing import apply_fixes, lint_result, lint_text, load_packs, rule_problems

HERE = Path(__file__).parent
CASES = HERE / "cases"
REPORTS = sorted((HERE / "reports").glob("clean_*.txt"))
# NOTE: the codes come from the case files, not from importing the pack at collection time,
# so a missing install is one clear failure (conftest.py) instead of a collection error.
CODES = sorted(path.stem for path in CASES.glob("XJ*.toml"))
PROFILES = ("xinjiang:default", "xinjiang:strict")


def _rule(code: str) -> type[Rule]:
    return next(rule for rule in discover_rules("gxlint_xinjiang") if rule.code == code)


def test_the_pack_is_loaded_from_its_entry_point() -> None:
    packs = load_packs()
    assert [e.message for e in packs.errors if e.pack == "xinjiang"] == []
    rules = discover_rules("gxlint_xinjiang")
    assert [rule.code for rule in rules] == CODES == ["XJ101", "XJ102"]  # a case file per rule
    assert all(packs.registry.pack_of(rule.code) == "xinjiang" for rule in rules)
    assert set(PROFILES) <= set(packs.profiles)


@pytest.mark.parametrize("code", CODES)
def test_rule_follows_the_conventions(code: str) -> None:
    assert rule_problems(_rule(code)) == []


@pytest.mark.parametrize("code", CODES)
def test_rule_has_passing_and_failing_cases(code: str) -> None:
    data = tomli.loads((CASES / f"{code}.toml").read_text("utf-8"))
    assert data["rule"] == code
    expectations = [case.get("expect", []) for case in data["case"]]
    assert any(not expect for expect in expectations)
    assert any(any(item["code"] == code for item in expect) for expect in expectations)


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_clean_reports_are_clean_under_every_profile(path: Path, profile: str) -> None:
    findings = lint_text(path.read_text("utf-8"), config={"extend": profile}, path=path.name)
    assert [(f.code, f.message) for f in findings] == []


def test_default_profile_settings() -> None:
    settings = load_packs().settings({"extend": "xinjiang:default"})
    jurisdiction = settings.jurisdiction
    assert jurisdiction.name == "新疆维吾尔自治区"
    assert jurisdiction.deadline == "auto"
    assert jurisdiction.label_variants == {"行政规范性文件": ("规范性文件",)}
    [item] = jurisdiction.required_section_six
    assert item.name == "人大代表建议和政协提案办理结果公开情况"
    assert item.levels == ("省", "市", "县")
    assert settings.rule("GX304").severity is Severity.ERROR
    assert settings.sources["jurisdiction.name"] == "profile xinjiang:default"


def test_strict_profile_extends_default() -> None:
    settings = load_packs().settings({"jurisdiction": {"profile": "xinjiang:strict"}})
    assert settings.jurisdiction.name == "新疆维吾尔自治区"  # from default, through strict
    assert settings.jurisdiction.label_variants == {"行政规范性文件": ()}
    assert settings.rule("XJ101").severity is Severity.ERROR
    assert settings.rule("GX208").severity is Severity.ERROR
    assert settings.chain == (
        "默认值",
        "profile xinjiang:default",
        "profile xinjiang:strict",
        settings.chain[-1],  # the config file itself
    )


def test_user_config_wins_over_the_profile() -> None:
    config = """
extend = "xinjiang:default"

[jurisdiction]
deadline = "01-20"

[rules.GX304]
severity = "info"
"""
    settings = load_packs().settings(config)
    assert settings.jurisdiction.deadline == "01-20"
    assert settings.sources["jurisdiction.deadline"].endswith("gxlint.toml")
    assert settings.rule("GX304").severity is Severity.INFO
    assert settings.jurisdiction.name == "新疆维吾尔自治区"  # not overridden: still the profile's


LATE = "2025年1月20日"


def _county(signed: str) -> str:
    return (HERE / "reports" / "clean_county.txt").read_text("utf-8").replace(LATE, signed)


def test_profile_severity_and_deadline_reach_the_findings() -> None:
    late = _county("2025年4月2日")  # after 3月31日, the deadline of a county's own report
    [plain] = lint_text(late, select=["GX304"])
    assert plain.severity is Severity.WARNING
    [profiled] = lint_text(late, select=["GX304"], config={"extend": "xinjiang:default"})
    assert profiled.severity is Severity.ERROR
    early = _county("2025年1月25日")
    assert lint_text(early, select=["GX304"], config={"extend": "xinjiang:default"}) == []
    stricter = {"extend": "xinjiang:default", "jurisdiction": {"deadline": "01-20"}}
    [user] = lint_text(early, select=["GX304"], config=stricter)
    assert user.severity is Severity.ERROR and "2025年1月20日" in user.message


def test_accepted_label_variant() -> None:
    text = (HERE / "reports" / "clean_county.txt").read_text("utf-8")
    variant = text.replace("\t行政规范性文件\n", "\t规范性文件\n", 1)
    assert variant != text
    assert [f.code for f in lint_text(variant, select=["GX208"])] == ["GX208"]
    assert lint_text(variant, select=["GX208"], config={"extend": "xinjiang:default"}) == []
    strict = lint_text(variant, select=["GX208"], config={"extend": "xinjiang:strict"})
    assert [(f.code, f.severity) for f in strict] == [("GX208", Severity.ERROR)]


def test_fixes_give_the_legal_name() -> None:
    text = "新疆维吾尔族自治区人民政府\n新彊各地\n新疆自治区政务公开办\n"
    result = lint_result(text, select=["XJ102"])
    fixed = apply_fixes(text, result.findings)
    assert fixed == "新疆维吾尔自治区人民政府\n新疆各地\n新疆维吾尔自治区政务公开办\n"
    assert lint_text(fixed, select=["XJ102"]) == []
