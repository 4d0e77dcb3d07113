"""Meta-tests that keep the rule catalogue honest: docs, files, cases, codes."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
import tomli

from gxlint.docs import missing_headings
from gxlint.engine_codes import ENGINE_CODES
from gxlint.plugins.hookspecs import discover_rules
from gxlint.rule import Rule
from tests.conftest import ROOT

RULES_MD = ROOT.parent / "shared" / "docs" / "rules.md"
CASES = Path(__file__).parent / "cases"
CORE = discover_rules("gxlint_rules")
# Rules the catalogue marks as later work (baseline and inline directives).
LATER = {"GX010", "GX011"}


def _catalogue() -> dict[str, tuple[str, str]]:
    """code → (name, severity) from the tables of rules.md."""
    if not RULES_MD.is_file():
        pytest.skip("rules.md not available")
    rows = re.findall(
        r"^\| (GX\d{3}) \| ([a-z-]+) \| (error|warning|info) \|",
        RULES_MD.read_text("utf-8"),
        re.MULTILINE,
    )
    return {code: (name, severity) for code, name, severity in rows}


def test_every_catalogued_rule_exists_with_its_name_and_severity() -> None:
    implemented = {rule.code: rule for rule in CORE} | {e.code: e for e in ENGINE_CODES}
    for code, (name, severity) in _catalogue().items():
        if code in LATER:
            continue
        assert code in implemented, f"{code} ({name}) is not implemented"
        rule = implemented[code]
        assert rule.name == name, code
        assert rule.default_severity.label == severity, code


def test_no_core_rule_outside_the_catalogue() -> None:
    catalogue = _catalogue()
    assert [rule.code for rule in CORE if rule.code not in catalogue] == []


@pytest.mark.parametrize("rule", CORE, ids=lambda r: r.code)
def test_rule_docstring_has_every_heading(rule: type[Rule]) -> None:
    assert missing_headings(rule) == []


@pytest.mark.parametrize("rule", CORE, ids=lambda r: r.code)
def test_one_rule_per_file_named_after_it(rule: type[Rule]) -> None:
    path = Path(inspect.getfile(rule))
    assert path.stem == f"{rule.code.lower()}_{rule.name.replace('-', '_')}"
    module = inspect.getmodule(rule)
    defined = [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj) and issubclass(obj, Rule) and obj.__module__ == module.__name__
    ]
    assert defined == [rule]


@pytest.mark.parametrize("rule", CORE, ids=lambda r: r.code)
def test_rule_has_passing_and_failing_cases(rule: type[Rule]) -> None:
    path = CASES / f"{rule.code}.toml"
    assert path.is_file(), f"missing case file {path.name}"
    data = tomli.loads(path.read_text("utf-8"))
    assert data["rule"] == rule.code
    expectations = [case.get("expect", []) for case in data["case"]]
    assert any(not expect for expect in expectations), "no passing case"
    assert any(any(item["code"] == rule.code for item in expect) for expect in expectations), (
        "no failing case"
    )
