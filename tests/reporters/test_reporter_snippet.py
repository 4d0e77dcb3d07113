"""Cell arithmetic of the snippet drawer, below the level of whole reports."""

from __future__ import annotations

from itertools import accumulate

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from gxlint.findings import Finding, Severity
from gxlint.reporters.snippet import (
    MarkRow,
    SnippetDrawer,
    SourceRow,
    choose_window,
    line_units,
    printable,
)
from gxlint.source.lines import LineIndex
from gxlint.source.spans import SourceSpan


def _prefix(line: str) -> list[int]:
    return [0, *accumulate(size for _, size in line_units(line))]


def test_tabs_stop_at_multiples_of_four_cells_not_characters():
    units = line_units("总计\t4\t")
    # 总计 is 4 cells: the tab fills a whole stop; after "4" (cell 5) it fills 3 cells.
    assert [size for _, size in units] == [2, 2, 4, 1, 3]
    assert "".join(shown for shown, _ in units) == "总计    4   "


def test_control_characters_become_one_cell_pictures():
    assert printable("\x0b") == "␋"
    assert printable("\x0c") == "␌"
    assert printable("\x00") == "␀"
    assert printable("\x7f") == "␡"
    assert printable("政") == "政"
    assert [size for _, size in line_units("a\x0cb")] == [1, 1, 1]


def test_whole_line_when_it_fits():
    window = choose_window(_prefix("一、总体情况"), 0, 2, 12)
    assert (window.lo, window.hi, window.cut_left, window.cut_right) == (0, 6, False, False)


def test_centred_when_both_sides_are_long():
    prefix = _prefix("甲" * 20 + "乙" + "丙" * 20)
    window = choose_window(prefix, 20, 21, 24)
    # 22 cells of room: 11 per side, 3 of them for "...": 4 two-cell characters each side.
    assert (window.lo, window.hi) == (16, 25)
    assert window.cut_left and window.cut_right


def test_short_side_yields_its_room():
    prefix = _prefix("甲" * 40 + "乙" + "丙")
    window = choose_window(prefix, 40, 41, 24)
    # The right side needs 2 cells; the left gets 24 - 2 - 2 - 3 = 17 cells: 8 characters.
    assert (window.lo, window.hi) == (32, 42)
    assert window.cut_left and not window.cut_right


def test_empty_span_at_end_of_a_long_line_keeps_a_cell_for_its_caret():
    prefix = _prefix("甲" * 40)
    window = choose_window(prefix, 40, 40, 20)
    assert window.hi == 40 and not window.cut_right
    assert window.cut_left
    assert 3 + prefix[40] - prefix[window.lo] + 1 <= 20


def _expand(text: str) -> str:
    """Reference tab expansion, written independently of the drawer: 4-cell stops."""
    out = ""
    for char in text:
        if char == "\t":
            out += " " * (4 - cell_len(out) % 4)
        else:
            out += printable(char)
    return out


LINE = st.text(alphabet="一二（）a1\t\x0b𠀀“ ", max_size=40)


@given(before=LINE, inside=LINE, after=LINE, width=st.integers(20, 120))
def test_carets_sit_under_their_cells_and_rows_fit(before, inside, after, width):
    line = before + inside + after
    start = len(before)
    finding = Finding("GX101", "x", Severity.ERROR, "m", SourceSpan(start, start + len(inside)))
    snippet = SnippetDrawer(LineIndex(line), width).draw(finding)
    source, marks = snippet.rows
    assert isinstance(source, SourceRow) and isinstance(marks, MarkRow)
    room = width - snippet.gutter - 3
    assert cell_len(source.plain) <= room
    assert "\t" not in source.plain and "\x0b" not in source.plain
    if not (source.cut_left or source.cut_right):
        shown_before = cell_len(_expand(before))
        shown_inside = cell_len(_expand(before + inside)) - shown_before
        assert marks.indent == shown_before
        assert marks.marks == "^" * max(shown_inside, 1)
