"""Positions, paths and summaries shared by every format."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.findings import FileResult, Finding, Severity
from gxlint.reporters.base import Region, Summary, display_path, region, summary_line
from gxlint.source.lines import LineCounter, LineIndex
from gxlint.source.spans import SourceSpan

# Both ways of finding lines: a LineIndex (the whole text split) and a LineCounter (counting).
INDEXES = pytest.mark.parametrize("lines", [LineIndex, LineCounter])


@INDEXES
def test_region_counts_code_points_and_end_is_exclusive(lines):
    text = "一、总体情况\n（七）总计\t40\n"
    start = text.index("40")
    assert region(lines(text), SourceSpan(start, start + 2)) == Region(2, 7, 2, 9)


@INDEXES
def test_region_of_empty_span_ends_where_it_starts(lines):
    where = region(lines("一、\n二、\n"), SourceSpan(3, 3))
    assert (where.line, where.column, where.end_line, where.end_column) == (2, 1, 2, 1)


@INDEXES
def test_region_ending_with_the_newline_stays_on_its_line(lines):
    where = region(lines("一、\n二、\n"), SourceSpan(0, 3))
    assert (where.line, where.column, where.end_line, where.end_column) == (1, 1, 1, 4)


@INDEXES
def test_region_of_astral_character_is_one_column(lines):
    where = region(lines("𠀀字"), SourceSpan(1, 2))
    assert (where.column, where.end_column) == (2, 3)


@INDEXES
def test_region_clamps_spans_past_the_end(lines):
    where = region(lines("ab"), SourceSpan(5, 9))
    assert (where.line, where.column, where.end_line, where.end_column) == (1, 3, 1, 3)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(st.sampled_from(["a", "字", "\n", "\r", "\t"]), max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=12),
)
def test_a_counter_asked_in_any_order_places_spans_as_an_index_does(text, spans):
    counter, index = LineCounter(text), LineIndex(text)
    for a, b in spans:
        span = SourceSpan(min(a, b), max(a, b))
        assert region(counter, span) == region(index, span)


def test_display_path_relative_below_cwd_only(tmp_path):
    inside = str(tmp_path / "2024" / "某某县.txt")
    assert display_path(inside, str(tmp_path)) == os.path.join("2024", "某某县.txt")
    assert display_path(inside, str(tmp_path), posix=True) == "2024/某某县.txt"
    outside = str(tmp_path.parent / "其他.txt")
    assert display_path(outside, str(tmp_path)) == outside
    assert display_path("相对/路径.txt", str(tmp_path)) == "相对/路径.txt"
    assert display_path(inside, None) == inside


@pytest.mark.parametrize(
    ("suppressed", "expected"),
    [
        (0, "共检查 2 个文件，发现 1 个错误、1 个警告、0 条提示。"),
        (4, "共检查 2 个文件，发现 1 个错误、1 个警告、0 条提示，另有 4 条已被抑制。"),
    ],
)
def test_summary_counts_and_sentence(suppressed, expected):
    def finding(severity: Severity) -> Finding:
        return Finding("GX104", "duplicate-ordinal", severity, "重复。", SourceSpan(0, 1))

    results = [
        FileResult("a.txt", "甲", "utf-8", [finding(Severity.ERROR), finding(Severity.WARNING)]),
        FileResult("b.txt", "乙", "utf-8", []),
    ]
    summary = Summary.of(results, suppressed=suppressed)
    assert (summary.files, summary.errors, summary.warnings, summary.infos) == (2, 1, 1, 0)
    assert summary_line(summary) == expected
    assert summary_line(Summary.of(results), suppressed) == expected


def _display_by_relpath(path: str, cwd: str) -> str:
    """What ``display_path`` shows, by ``os.path.relpath`` alone."""
    if not (cwd and os.path.isabs(path)):
        return path
    relative = os.path.relpath(path, cwd)
    above = relative == os.pardir or relative.startswith(os.pardir + os.sep)
    return path if relative == os.curdir or above else relative


_PARTS = st.sampled_from(["a", "报告", "b.txt", ".", "..", "", "a b"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_PARTS, max_size=4).map(lambda parts: os.sep + os.sep.join(parts)),
    st.lists(_PARTS, max_size=4).map(lambda parts: os.sep.join(parts)),
    st.sampled_from(["below", "elsewhere", "relative"]),
)
def test_display_path_is_what_relpath_gives(cwd, rest, where):
    path = {"below": os.path.join(cwd, rest), "elsewhere": os.sep + rest, "relative": rest}[where]
    assert display_path(path, cwd) == _display_by_relpath(path, cwd)
    normal = os.path.normpath(cwd)
    assert display_path(os.path.join(normal, "甲", "乙.txt"), normal) == os.path.join(
        "甲", "乙.txt"
    )
