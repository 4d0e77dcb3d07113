"""README.md stays true: it lists every rule and shows the commands CI runs."""

from __future__ import annotations

import re

from gxlint.engine_codes import ENGINE_CODES
from gxlint.plugins.hookspecs import discover_rules
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
CI = (ROOT / ".ci" / "run").read_text("utf-8")


def test_every_rule_is_in_the_rule_table() -> None:
    listed = set(re.findall(r"^\| (GX\d{3}) \| ([a-z-]+) \|", README, re.MULTILINE))
    rules = {(r.code, r.name) for r in discover_rules("gxlint_rules")}
    rules |= {(e.code, e.name) for e in ENGINE_CODES}
    assert rules - listed == set()
    assert listed - rules == set()


def test_ci_runs_the_readme_commands() -> None:
    setup = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/gxlint examples/sample-report.txt"
    assert setup in README
    assert ".venv/bin/python -m pytest" in README and ".venv/bin/python -m pytest" in CI
    assert "python3 -m venv .venv" in CI and "pip install --quiet -e '.[test]'" in CI
    assert "examples/sample-report.txt" in CI
