"""Line index over the original text: offsets → 1-based line and column.

Lines are split on ``\\n`` only and columns count code points, as ``rules.md`` requires; this
is the single place that computes them, and only output code calls it.
"""

from bisect import bisect_right
from itertools import accumulate, count
from operator import add
from typing import NamedTuple


class Position(NamedTuple):
    """1-based line and column (column in code points).

    NOTE: a named tuple, not a frozen dataclass: cheaper to create at import (start-up time).
    """

    line: int
    column: int


class LineIndex:
    """Start offsets of every line of ``text``.

    NOTE: a plain class, not a dataclass: nothing compares or prints an index, and a dataclass
    costs far more to create at import (start-up time).
    """

    __slots__ = ("starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        # NOTE: line i+1 starts after the lengths of lines 0..i and their i+1 newlines; summed
        # with accumulate, this is 3× faster than finding every "\n" (built once per file).
        lengths = map(len, text.split("\n")[:-1])
        self.starts: list[int] = [0, *map(add, accumulate(lengths), count(1))]

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def position(self, offset: int) -> Position:
        """Line and column of ``offset`` (clamped into the text)."""
        offset = max(0, min(offset, len(self.text)))
        line, start = self.locate(offset)
        return Position(line + 1, offset - start + 1)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its ``\\n`` (a trailing ``\\r`` is kept)."""
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end]

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    def locate(self, offset: int) -> tuple[int, int]:
        """0-based line of ``offset`` (in ``0..len(text)``) and where that line starts."""
        line = bisect_right(self.starts, offset) - 1
        return line, self.starts[line]


class LineCounter:
    """Lines of a few offsets of ``text``, by counting line breaks (:meth:`LineIndex.locate`).

    NOTE: a :class:`LineIndex` splits the whole text (~35 µs for a report); a file with a few
    dozen findings needs a few dozen lines, and counting the breaks from the offset asked
    before (findings come in order) reads each character about once, in C.
    """

    __slots__ = ("_line", "_offset", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._offset = 0  # the last offset located, and its 0-based line
        self._line = 0

    def locate(self, offset: int) -> tuple[int, int]:
        """0-based line of ``offset`` (in ``0..len(text)``) and where that line starts."""
        text, last = self.text, self._offset
        if offset >= last:
            line = self._line + text.count("\n", last, offset)
        else:
            line = self._line - text.count("\n", offset, last)
        self._offset, self._line = offset, line
        return line, text.rfind("\n", 0, offset) + 1
