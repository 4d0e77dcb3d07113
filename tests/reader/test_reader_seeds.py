"""Golden assertions on the model the reader builds from each seed (read in place)."""

from __future__ import annotations

import re

import pytest

from gxlint.model import CellState, Report
from gxlint.reader import ReadReport, read_file
from gxlint.source import LineIndex
from tests.conftest import seed_path


def _read(prefix: str) -> ReadReport:
    result = read_file(seed_path(prefix))
    assert isinstance(result, ReadReport), result
    return result


def _line(read: ReadReport, node) -> int:
    source = read.norm.to_source(node.span)
    return LineIndex(read.source.text).position(source.start).line


SECTION_LINES = {
    "000": {1: 13, 2: 29, 3: 91, 4: 525, 5: 606, 6: 616},
    "001": {1: 2, 2: 12, 3: 41, 4: 257, 5: 292, 6: 295},
    "002": {1: 6, 2: 10, 3: 57, 4: 343, 5: 389},
    "003": {1: 9, 2: 31, 3: 49, 4: 75, 5: 78, 6: 88},
    "004": {1: 7, 2: 19, 3: 66, 4: 354, 5: 410, 6: 416},
}


@pytest.mark.parametrize("prefix", sorted(SECTION_LINES))
def test_sections_and_their_lines(prefix: str) -> None:
    read = _read(prefix)
    found = {s.number: _line(read, s.heading) for s in read.report.sections}
    assert found == SECTION_LINES[prefix]


def test_headings_without_ordinal_are_still_their_sections() -> None:
    report = _read("002").report
    assert report.section(2).heading.ordinal is None
    assert report.section(2).heading.title == "主动公开政府信息情况"
    assert report.section(3).heading.ordinal is None


def test_table_three_row_labels_are_not_sections() -> None:
    report = _read("000").report
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.application_table.row("carried_out").label.raw == "四、结转下年度继续办理"


def test_lost_review_heading_is_implied_from_its_table() -> None:
    read = _read("003")
    section = read.report.section(4)
    assert section.heading.implied and _line(read, section.heading) == 75
    table = read.report.review_table
    assert table.values_found == 15
    assert all(cell.value == 0 for row in table.rows.values() for cell in row.cells)


# Table 三 of seed 004, row by row: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
SEED_004_TABLE_THREE = {
    "new": [83, 1, 0, 0, 0, 0, 84],
    "carried_in": [1, 0, 0, 0, 0, 0, 1],
    "disclosed": [47, 1, 0, 0, 0, 0, 48],
    "partly_disclosed": [2, 0, 0, 0, 0, 0, 2],
    "withheld_secret": [1, 0, 0, 0, 0, 0, 1],
    "withheld_prohibited": [0] * 7,
    "withheld_security": [0] * 7,
    "withheld_third_party": [0] * 7,
    "withheld_internal": [0] * 7,
    "withheld_process": [0] * 7,
    "withheld_enforcement": [0] * 7,
    "withheld_query": [0] * 7,
    "unable_not_held": [29, 0, 0, 0, 0, 0, 29],
    "unable_needs_creation": [0] * 7,
    "unable_unclear": [0] * 7,
    "not_processed_petition": [2, 0, 0, 0, 0, 0, 2],
    "not_processed_repeat": [2, 0, 0, 0, 0, 0, 2],
    "not_processed_publication": [0] * 7,
    "not_processed_mass": [0] * 7,
    "not_processed_confirm": [0] * 7,
    "other_no_correction": [1, 0, 0, 0, 0, 0, 1],
    "other_no_fee": [0] * 7,
    "other_other": [0] * 7,
    "total": [84, 1, 0, 0, 0, 0, 85],
    "carried_out": [0] * 7,
}


def test_seed_004_every_table_three_cell() -> None:
    read = _read("004")
    table = read.report.application_table
    assert list(table.rows) == list(SEED_004_TABLE_THREE)
    values = {key: [cell.value for cell in row.cells] for key, row in table.rows.items()}
    assert values == SEED_004_TABLE_THREE
    assert all(cell.state is CellState.PRESENT for r in table.rows.values() for cell in r.cells)
    # Positions are exact: the 总计 of （七）总计 is the "85" on line 342.
    total = table.cell("total", "total")
    assert _line(read, total) == 342
    assert read.norm.original_slice(total.span) == "85"


def test_seed_004_other_tables() -> None:
    report = _read("004").report
    active = report.active_table
    assert [c.value for c in active.row("normative").cells] == [15, 13, 75]
    assert str(active.cell("fees", "fees").value) == "21613.91"
    review = report.review_table
    assert [c.value for c in review.row("review").cells] == [0, 3, 0, 0, 3]


def _incomplete_rows(report: Report) -> dict[str, list[str]]:
    found = {}
    for section in report.sections:
        if section.table is None:
            continue
        for key, row in section.table.rows.items():
            if not row.complete:
                found[key] = [c.state.value for c in row.cells]
    return found


def test_missing_cells_seed_000() -> None:
    read = _read("000")
    rows = _incomplete_rows(read.report)
    assert rows == {"disclosed": ["present"] * 6 + ["missing"]}
    row = read.report.application_table.row("disclosed")
    assert not row.aligned and _line(read, row.label) == 151


def test_missing_cells_seed_001() -> None:
    read = _read("001")
    rows = _incomplete_rows(read.report)
    assert rows == {
        "rules": ["present", "filler", "missing"],
        "normative": ["present", "filler", "missing"],
    }
    active = read.report.active_table
    assert [_line(read, active.row(k).label) for k in ("rules", "normative")] == [18, 21]


def test_missing_cells_and_rows_seed_003() -> None:
    read = _read("003")
    table = read.report.application_table
    lines = {key: _line(read, row.label) for key, row in table.rows.items() if not row.complete}
    assert lines == {
        "disclosed": 57,
        "partly_disclosed": 58,
        "withheld_secret": 59,
        "unable_not_held": 68,
    }
    assert table.missing_rows == [
        "not_processed_mass",
        "not_processed_confirm",
        "other_no_correction",
        "other_no_fee",
        "other_other",
        "total",
        "carried_out",
    ]
    assert table.row("not_processed_publication").label.match.kind.value == "truncated"


def test_signoffs() -> None:
    read = _read("000")
    signoff = read.report.signoff
    assert signoff.organ.text == "托克逊县夏镇人民政府" and _line(read, signoff.organ) == 620
    assert signoff.date.raw == "20251月8" and _line(read, signoff.date) == 622
    assert signoff.date.suggestion == "2025年1月8日"
    read = _read("002")
    signoff = read.report.signoff
    assert signoff.organ.text == "乌苏市西大沟镇人民政府" and _line(read, signoff.organ) == 394
    assert signoff.date.value.isoformat() == "2025-01-21" and _line(read, signoff.date) == 396
    for prefix in ("001", "003", "004"):
        assert _read(prefix).report.signoff is None, prefix


def test_titles_and_periods() -> None:
    titles = {p: _read(p).report.title for p in ("000", "001", "002", "003", "004")}
    assert titles["001"] is None
    assert (titles["000"].organ, titles["000"].year) == ("托克逊县夏镇人民政府", 2024)
    assert (titles["002"].organ, titles["002"].year) == ("西大沟镇", 2024)
    assert (titles["003"].organ, titles["003"].year) == ("洛浦县恰尔巴格镇人民政府", 2023)
    assert (titles["004"].organ, titles["004"].year) == ("和田地区", 2024)
    assert _read("003").report.statistics_period.year == 2023
    assert _read("002").report.statistics_period is None


def test_nonstandard_labels_are_remembered_as_written() -> None:
    report = _read("002").report
    label = report.active_table.row("normative").label
    assert (label.raw, label.match.canonical, label.match.kind.value) == (
        "规范性文件",
        "行政规范性文件",
        "variant",
    )
    headers = {h.raw: h.match.kind.value for h in _read("000").report.active_table.headers}
    assert headers["本年发件"] == "variant" and headers["现行有效件"] == "variant"


def test_document_numbers_and_broken_dates() -> None:
    report = _read("000").report
    assert [d.raw for d in report.doc_numbers] == ["国办公开办函〔2021〕30号", "国办公开函202130号"]
    broken = [(d.raw, d.suggestion) for d in report.dates if d.problem]
    assert broken == [("20241月1日", "2024年1月1日"), ("20251月8", "2025年1月8日")]


@pytest.mark.parametrize("prefix", sorted(SECTION_LINES))
def test_a_column_of_usable_cells_is_each_row_s_usable_cell(prefix: str) -> None:
    table = _read(prefix).report.application_table
    assert table is not None
    rows = [*table.rows, "no-such-row"]
    for column in ("total", "natural", "other"):
        column_cells = table.usable_column(rows, column)
        assert column_cells == [table.usable(row, column) for row in rows]
        assert column_cells[-1] is None
    assert any(cell is not None for cell in table.usable_column(rows, "total"))
    for row in table.rows.values():  # the index agrees with each cell's own answer
        whole = row.aligned and not row.extra
        for cell in row.cells:
            assert row.usable(cell.column) is (cell if whole and cell.usable else None)


@pytest.mark.parametrize("prefix", sorted(SECTION_LINES))
def test_the_text_outside_tables_is_all_the_text_but_the_tables(prefix: str) -> None:
    report = _read(prefix).report
    tables = [s.table.span for s in report.sections if s.table is not None]
    assert tables
    stretches = report.outside_tables()
    covered = [False] * len(report.text)
    for start, end in stretches + tables:
        for offset in range(start, end):
            assert not covered[offset], (prefix, offset)  # no overlap
            covered[offset] = True
    assert all(covered)
    assert stretches == sorted(stretches)
    for table in tables:  # each table starts a line: a one-line match is never cut
        assert table.start == 0 or report.text[table.start - 1] == "\n"
    word = re.compile("公开")
    outside = [m.span() for m in report.matches_outside_tables(word)]
    every = [m.span() for m in word.finditer(report.text)]
    assert outside == [s for s in every if not any(t.start <= s[0] < t.end for t in tables)]
    assert 0 < len(outside) < len(every)  # the tables hold some, the running text others
