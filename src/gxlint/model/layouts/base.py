"""The cell stream every layout produces: raw cells with normalised spans, and row breaks."""

from typing import NamedTuple

from gxlint.record import new_tuple
from gxlint.regexcache import compile_cached

_NUMBER_RUN = compile_cached(r"-?\d+(?:\.\d+)?")
_ONLY_NUMBERS = compile_cached(r"^(?:-?\d+(?:\.\d+)?[ ]+)+-?\d+(?:\.\d+)?$")


class RawCell(NamedTuple):
    """A cell as found: its text (possibly over several lines), kind and span."""

    text: str
    start: int
    end: int
    kind: str = "text"  # text | blank | filler


class RowBreak(NamedTuple):
    """End of a physical row (only layouts that have rows emit it).

    NOTE: a named tuple, not a frozen dataclass: cheaper to create at import (start-up time).
    Streams tell it from a :class:`RawCell` by ``isinstance(item, RowBreak)``.
    """

    offset: int


Stream = list[RawCell | RowBreak]


def text_cells(text: str, start: int) -> list[RawCell]:
    """Cells for one piece of text; a run of space-separated numbers is one cell per number.

    ``start`` is the normalised offset of ``text[0]``. Surrounding whitespace is trimmed from
    the span so carets point at the characters themselves.
    """
    stripped = text.strip(" \t")
    if not stripped:
        return []
    offset = start + text.index(stripped[0])
    if " " not in stripped:
        return [new_tuple(RawCell, (stripped, offset, offset + len(stripped), "text"))]
    if _ONLY_NUMBERS.match(stripped):  # PDF flip-book rows: "0 0 0 0 …"
        return [
            RawCell(m.group(), offset + m.start(), offset + m.end())
            for m in _NUMBER_RUN.finditer(stripped)
        ]
    return [RawCell(stripped, offset, offset + len(stripped))]
