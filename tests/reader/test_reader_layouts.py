"""Every table layout reads into the same tables (the clean reports share one data set)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gxlint.model.layouts import detect
from gxlint.parse.lexer import Lines
from gxlint.reader import read_text
from gxlint.source import SourceText
from tests.conftest import REPORTS

sys.path.insert(0, str(REPORTS))
import generate

EXPECTED_T3 = [values for _label, values in generate.T3 if values is not None]


def _tables(text: str):
    report = read_text(SourceText("x.txt", text, "utf-8")).report
    return report.active_table, report.application_table, report.review_table


def alternating(rows: list[list[str]]) -> list[str]:
    """Cell and `|` on alternating lines."""
    return [line for row in rows for cell in row for line in (cell, "|")]


def pdf_rows(rows: list[list[str]]) -> list[str]:
    """PDF text: labels on their own line, a row's numbers as one space-separated run."""
    out: list[str] = []
    for row in rows:
        labels = [c for c in row if not c.replace(".", "").isdigit()]
        numbers = [c for c in row if c.replace(".", "").isdigit()]
        out += labels + ([" ".join(numbers)] if numbers else [])
    return out


def pipe_rows(rows: list[list[str]]) -> list[str]:
    """One row per line, `cell | cell |`, merged leading cells as empty `| |`."""
    return [
        "| | " + " | ".join(row) + " |" if row[0].startswith("（") else " | ".join(row) + " |"
        for row in rows
    ]


LAYOUTS = {
    "cell_per_line": generate.cell_per_line,
    "tab_indented": generate.tab_indented,
    "pipes": generate.pipes,
    "tab_rows": generate.tab_rows,
    "markdown": generate.markdown,
    "alternating": alternating,
    "pdf_rows": pdf_rows,
    "pipe_rows": pipe_rows,
}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_reads_every_cell(name: str) -> None:
    text = generate.render("测试镇人民政府", LAYOUTS[name])
    active, application, review = _tables(text)
    assert [[c.value for c in row.cells] for row in application.rows.values()] == EXPECTED_T3
    assert all(row.complete for row in application.rows.values())
    assert [c.value for c in active.row("normative").cells] == [2, 1, 9]
    assert str(active.cell("fees", "fees").value) == "12.5"
    assert [c.value for row in review.rows.values() for c in row.cells] == generate.T4


def test_committed_clean_reports_are_current() -> None:
    for name, (organ, layout) in generate.REPORTS.items():
        assert (REPORTS / name).read_text("utf-8") == generate.render(organ, layout), name


@pytest.mark.parametrize(
    ("lines", "layout"),
    [
        (["规章 |", "0 |", "||"], "pipes"),
        (["| 规章 | 0 | 0 | 0 |", "|---|---|---|---|"], "pipes"),
        (["规章\t0\t0\t0", "行政许可\t5\t\t"], "tab-rows"),
        (["\t规章", "\t0", "\t0"], "cell-per-line"),
        (["规章", "", "0", "", "0"], "cell-per-line"),
    ],
)
def test_layout_detection(lines: list[str], layout: str) -> None:
    assert detect(Lines.of("\n".join(lines))) == layout


def test_truncated_table_keeps_what_is_there() -> None:
    text = generate.render("测试镇人民政府", generate.tab_rows)
    cut = text.index("4.无正当理由大量反复申请")
    end = text.index("四、政府信息公开行政复议")
    _active, application, _review = _tables(text[:cut] + "\n" + text[end:])
    assert len(application.rows) == 18
    assert application.missing_rows[:2] == ["not_processed_mass", "not_processed_confirm"]
    assert Path  # the rows before the cut are complete:
    assert all(row.complete for row in application.rows.values())
