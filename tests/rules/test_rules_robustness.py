"""Rules never crash on partial models: damaged reports give findings, never GX009."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from gxlint.testing import lint_text
from tests.mutations import mutated_report


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_report())
def test_no_rule_crashes_on_a_damaged_report(text: str) -> None:
    crashed = [f.message for f in lint_text(text) if f.code == "GX009"]
    assert crashed == []
