"""The clean reference reports, one per table layout, give no finding at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from gxlint.testing import lint_text

REPORTS = sorted((Path(__file__).parent / "reports").glob("clean_*.txt"))


def test_there_is_a_clean_report_per_layout() -> None:
    assert {p.stem.removeprefix("clean_") for p in REPORTS} >= {
        "cell_per_line",
        "tab_indented",
        "pipes",
        "tab_rows",
        "markdown",
    }


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_clean_report_has_no_findings(path: Path) -> None:
    findings = lint_text(path.read_text("utf-8"), path=path.name)
    assert [(f.code, f.message) for f in findings] == []
