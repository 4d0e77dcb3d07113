"""Source snippets that stay aligned under CJK text, tabs and long lines.

Columns in findings count code points, but a terminal counts *cells*: a CJK character takes
two. Everything drawn here is measured with :func:`rich.cells.cell_len`, tabs are expanded
to the next multiple of four cells (``str.expandtabs`` counts characters and drifts after
CJK), and the same expanded units serve the source line and the marker padding, so a caret
can only land under the character it means.

The result is plain rows (:class:`SourceRow`, :class:`MarkRow`, :class:`GapRow`); styling
them is the ``full`` reporter's job. Only ``full`` imports this module.
"""

from collections.abc import Callable
from itertools import accumulate
from typing import NamedTuple

from rich.cells import cell_len

from gxlint.findings import Finding
from gxlint.record import new_tuple
from gxlint.reporters.base import region
from gxlint.source.lines import LineIndex
from gxlint.source.spans import SourceSpan

TAB_STOP = 4
# NOTE: ASCII dots, not "…": U+2026 is East Asian Ambiguous and may take one or two cells.
ELLIPSIS = "..."
_CUT = len(ELLIPSIS)
# Below this many cells a window shows too little to be useful; draw wider instead.
MIN_WIDTH = 16

Unit = tuple[str, int]  # a character as printed, and its width in cells


# NOTE: named tuples, not frozen dataclasses: a finding draws a dozen rows, and a named tuple
# costs a fraction of a frozen dataclass both to build and to define at start-up.


class SourceRow(NamedTuple):
    """One line of the report, possibly a window of it."""

    number: int
    text: str
    cut_left: bool = False
    cut_right: bool = False

    @property
    def plain(self) -> str:
        return (
            (ELLIPSIS if self.cut_left else "") + self.text + (ELLIPSIS if self.cut_right else "")
        )


class MarkRow(NamedTuple):
    """Markers under the preceding source row: ``indent`` cells, then ``marks``, then text."""

    indent: int
    marks: str
    primary: bool
    message: str


class GapRow(NamedTuple):
    """Lines of the file skipped between two shown lines."""


Row = SourceRow | MarkRow | GapRow


class Snippet(NamedTuple):
    """The rows of one finding and the digits its gutter needs."""

    gutter: int
    rows: tuple[Row, ...]


class _Mark(NamedTuple):
    """A span on one line, in character indexes of that line (``end`` exclusive)."""

    start: int
    end: int
    primary: bool
    message: str


class _Measured(NamedTuple):
    """One line measured once per file: its characters as printed and the cells before each.

    ``prefix[i]`` is the width in cells of the first ``i`` characters; ``printed`` is the whole
    line as printed, for the usual row that fits the window unchanged.
    """

    size: int  # characters (the ``\r`` of a CRLF line left out)
    units: list[Unit]
    prefix: list[int]
    printed: str


def measure(line: str) -> _Measured:
    """``line`` (without its ``\n``) measured for drawing."""
    units = line_units(line)
    prefix = [0, *accumulate([size for _, size in units])]
    return _Measured(len(line), units, prefix, "".join([shown for shown, _ in units]))


class _Window(NamedTuple):
    lo: int
    hi: int
    cut_left: bool
    cut_right: bool


def printable(char: str) -> str:
    """What to print for ``char`` so that the terminal neither moves nor hides it.

    Word's vertical tab and form feed become ␋ ␌ (one cell each, like every control
    picture); a bare control code would be dropped by rich or move the cursor.
    """
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0 or 0xD800 <= code < 0xE000:
        return "\ufffd"
    return char


_UNITS: dict[str, Unit] = {}
"""Each character met so far as printed, with its width: measuring one is ~20 times slower
than looking it up, and a report uses a few thousand distinct characters."""
_MAX_UNITS = 65_536


def _unit(char: str) -> Unit:
    if len(_UNITS) >= _MAX_UNITS:
        _UNITS.clear()
    shown = printable(char)
    unit = _UNITS[char] = (shown, cell_len(shown))
    return unit


def line_units(line: str) -> list[Unit]:
    """Each character of ``line`` as printed, with tabs expanded at their true cell column."""
    units: list[Unit] = []
    column = 0
    known = _UNITS.get
    for char in line:
        if char == "\t":
            size = TAB_STOP - column % TAB_STOP
            units.append((" " * size, size))
        else:
            unit = known(char) or _unit(char)
            units.append(unit)
            size = unit[1]
        column += size
    return units


def _extend_left(prefix: list[int], start: int, budget: int) -> int:
    """The first character index from which ``prefix[start]`` is at most ``budget`` cells."""
    index = start
    while index > 0 and prefix[start] - prefix[index - 1] <= budget:
        index -= 1
    return index


def _extend_right(prefix: list[int], end: int, budget: int) -> int:
    """The last character index up to which ``prefix[end]`` grows by at most ``budget``."""
    last = len(prefix) - 1
    index = end
    while index < last and prefix[index + 1] - prefix[end] <= budget:
        index += 1
    return index


def choose_window(prefix: list[int], start: int, end: int, width: int) -> _Window:
    """Which characters to show so that ``[start, end)`` fits in ``width`` cells.

    The focus is centred; a side with less text than its half yields the rest to the other
    side. A cut side costs three cells for ``...``. A focus wider than the window is shown
    from its start.
    """
    count = len(prefix) - 1
    if start == end and start < count:
        end = start + 1  # NOTE: an empty span's caret sits under the next character.
    focus_start = prefix[start]
    focus_end = max(prefix[end], focus_start + 1)
    total = max(prefix[count], focus_end)
    if total <= width:
        return new_tuple(_Window, (0, count, False, False))
    left_need, right_need = focus_start, total - focus_end
    room = width - (focus_end - focus_start)
    if room < (_CUT if left_need else 0) + (_CUT if right_need else 0):
        cut_left = start > 0
        budget = width - (_CUT if cut_left else 0) - _CUT
        hi = max(_extend_right(prefix, start, budget), min(start + 1, count))
        return new_tuple(_Window, (start, hi, cut_left, hi < count))
    half = room // 2
    if right_need <= room - half:
        left_budget = room - right_need
    elif left_need <= half:
        left_budget = left_need
    else:
        left_budget = half
    right_budget = room - left_budget
    lo = 0 if left_need <= left_budget else _extend_left(prefix, start, left_budget - _CUT)
    hi = count if right_need <= right_budget else _extend_right(prefix, end, right_budget - _CUT)
    return new_tuple(_Window, (lo, hi, lo > 0, hi < count))


def _focus(marks: list[_Mark], prefix: list[int], width: int) -> tuple[int, int]:
    """The character range to centre on: every mark if they fit together, else the main one."""
    if len(marks) == 1:  # NOTE: most lines; both answers below are then this mark.
        return marks[0].start, marks[0].end
    start = min(mark.start for mark in marks)
    end = max(mark.end for mark in marks)
    if prefix[end] - prefix[start] <= width - 2 * _CUT:
        return start, end
    main = next((mark for mark in marks if mark.primary), marks[0])
    return main.start, main.end


def draw_line(
    number: int, line: _Measured, marks: list[_Mark], width: int
) -> tuple[SourceRow, list[MarkRow]]:
    """One source row, windowed to ``width`` cells, and one marker row per mark."""
    prefix = line.prefix
    window = choose_window(prefix, *_focus(marks, prefix, width), width)
    if window.lo == 0 and window.hi == line.size:
        text = line.printed  # NOTE: most rows: the whole line fits.
    else:
        text = "".join([shown for shown, _ in line.units[window.lo : window.hi]])
    row = new_tuple(SourceRow, (number, text, window.cut_left, window.cut_right))
    left = _CUT if window.cut_left else 0
    first, last = left, left + prefix[window.hi] - prefix[window.lo]
    mark_rows = []
    for mark in marks:
        begin = prefix[mark.start] - prefix[window.lo] + left
        finish = prefix[mark.end] - prefix[window.lo] + left
        if min(finish, last) > max(begin, first):
            begin, finish = max(begin, first), min(finish, last)
        else:
            # NOTE: empty, zero-width, or scrolled out of the window: one marker where it
            # belongs, under the ``...`` when it lies beyond a cut.
            begin = max(first - 1, 0) if begin < first else min(begin, last)
            finish = begin + 1
        symbol = "^" if mark.primary else "-"
        marks_drawn = symbol * (finish - begin)
        mark_rows.append(new_tuple(MarkRow, (begin, marks_drawn, mark.primary, mark.message)))
    return row, mark_rows


def _stripped(index: LineIndex, number: int) -> str:
    return index.line_text(number).removesuffix("\r")


def _marks_by_line(
    finding: Finding, index: LineIndex, line: Callable[[int], _Measured]
) -> dict[int, list[_Mark]]:
    spans: list[tuple[SourceSpan, bool, str]] = [(finding.span, True, "")]
    spans += [(label.span, False, label.message) for label in finding.labels]
    by_line: dict[int, list[_Mark]] = {}
    for span, primary, message in spans:
        where = region(index, span)
        size = line(where.line).size
        start = min(where.column - 1, size)
        if where.end_line == where.line:
            end = min(max(where.end_column - 1, start), size)
        else:
            # NOTE: a multi-line span is underlined to the end of its first line, and the
            # row says where it ends; drawing every line would bury the point.
            end = size
            more = f"延续至第 {where.end_line} 行"
            message = f"{message}（{more}）" if message else more
        by_line.setdefault(where.line, []).append(new_tuple(_Mark, (start, end, primary, message)))
    for marks in by_line.values():
        if len(marks) > 1:
            marks.sort(key=lambda mark: (not mark.primary, mark.start, mark.end))
    return by_line


_CACHED_CHARS = 262_144
_CACHED_LINES = 8
"""A drawer keeps its last :data:`_CACHED_LINES` measured lines whatever their length, and
older ones while all of them hold at most :data:`_CACHED_CHARS` characters: findings cluster
on a few hundred lines (a table's cells are labelled by several sums), but a 5 MB file must
not be held as units."""


class SnippetDrawer:
    """Draws the snippets of one file; built once per file with that file's line index."""

    def __init__(self, index: LineIndex, width: int) -> None:
        self.index = index
        self.width = width
        self._lines: dict[int, _Measured] = {}
        self._cached = 0  # characters in ``_lines``

    def draw(self, finding: Finding) -> Snippet:
        """The rows for ``finding``: its lines in file order, ``...`` across skipped lines."""
        by_line = _marks_by_line(finding, self.index, self._line)
        gutter = len(str(max(by_line)))
        width = max(self.width - gutter - 3, MIN_WIDTH)
        rows: list[Row] = []
        previous = None
        for number in sorted(by_line):
            if previous is not None and number > previous + 1:
                rows.append(GapRow())
            row, mark_rows = draw_line(number, self._line(number), by_line[number], width)
            rows.append(row)
            rows.extend(mark_rows)
            previous = number
        return Snippet(gutter, tuple(rows))

    def _line(self, number: int) -> _Measured:
        """Line ``number`` measured, from the cache when a finding drew it before."""
        line = self._lines.get(number)
        if line is None:
            line = self._lines[number] = measure(_stripped(self.index, number))
            self._cached += line.size
            while len(self._lines) > _CACHED_LINES and self._cached > _CACHED_CHARS:
                self._cached -= self._lines.pop(next(iter(self._lines))).size
        return line
