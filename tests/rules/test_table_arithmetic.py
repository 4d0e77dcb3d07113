"""Table arithmetic (GX203–GX206) on every layout of the clean reports, one cell at a time.

Changing one number must give exactly the findings the relations predict, at the predicted
cells; a cell made blank or a filler must give none (a gap is never read as 0). The case files
cover single examples with their messages' places; this sweeps rows and layouts.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from gxlint.model import Cell
from gxlint.reader import read_text
from gxlint.source import SourceText
from gxlint.spec import load_spec
from gxlint.testing import lint_result
from tests.conftest import REPORTS

LAYOUTS = ["cell_per_line", "tab_indented", "pipes", "tab_rows", "markdown"]
ARITHMETIC = ["GX203", "GX204", "GX205", "GX206"]
# Rows whose every column is changed: each relation's left, right and part sides.
ROWS = ("new", "carried_in", "disclosed", "withheld_query", "other_other", "total", "carried_out")


@dataclass(frozen=True)
class Clean:
    text: str
    cells: list[tuple[int, Cell, int, int]]  # table, cell, original start, end
    where: dict[tuple[int, str, str], int]  # (table, row, column) → original start


def _clean(layout: str) -> Clean:
    text = (REPORTS / f"clean_{layout}.txt").read_text("utf-8")
    read = read_text(SourceText(layout, text, "utf-8"))
    report = read.report
    cells, where = [], {}
    for number, table in ((3, report.application_table), (4, report.review_table)):
        for row in table.rows.values():
            for cell in row.cells:
                span = read.norm.to_source(cell.span)
                cells.append((number, cell, span.start, span.end))
                where[(number, cell.row, cell.column)] = span.start
    return Clean(text, cells, where)


def _expected(clean: Clean, number: int, cell: Cell, start: int, delta: int) -> set:
    spec = load_spec()

    def at(row: str, column: str) -> int:
        found = clean.where[(number, row, column)]
        return found + delta if found > start else found

    if number == 4:
        return {("GX206", at(cell.row, "total"))}
    want = {("GX203", at(cell.row, "total"))}
    if cell.row in spec.table3_outcome_keys or cell.row == "total":
        want.add(("GX204", at("total", cell.column)))
    if cell.row in ("new", "carried_in", "total", "carried_out"):
        want.add(("GX205", at("total", cell.column)))
    return want


@pytest.mark.parametrize("layout", LAYOUTS)
def test_changing_one_number_gives_exactly_the_predicted_findings(layout: str) -> None:
    clean = _clean(layout)
    for number, cell, start, end in clean.cells:
        if number == 3 and cell.row not in ROWS:
            continue
        new = str(cell.value + 1)
        text = clean.text[:start] + new + clean.text[end:]
        findings = lint_result(text, select=ARITHMETIC).findings
        got = {(f.code, f.span.start) for f in findings}
        want = _expected(clean, number, cell, start, len(new) - (end - start))
        assert got == want, (layout, cell.row, cell.column, [f.message for f in findings])
        assert all(text[f.span.start : f.span.end].isdigit() for f in findings)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("gap", ["/", ""])
def test_a_gap_is_never_read_as_zero(layout: str, gap: str) -> None:
    clean = _clean(layout)
    for number, cell, start, end in clean.cells:
        if number == 3 and cell.row not in ("new", "total"):
            continue
        text = clean.text[:start] + gap + clean.text[end:]
        findings = lint_result(text, select=[*ARITHMETIC, "GX202"]).findings
        assert [f.code for f in findings] == ["GX202"], (layout, cell.row, cell.column)
