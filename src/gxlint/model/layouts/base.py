"""The cell stream every layout produces: raw cells with normalised spans, and row breaks."""

from typing import NamedTuple

from gxlint.regexcache import compile_cached

_NUMBER_RUN = compile_cached(r"-?\d+(?:\.\d+)?")
_ONLY_NUMBERS = compile_cached(r"^(?:-?\d+(?:\.\d+)?[ ]+)+-?\d+(?:\.\d+)?$")


RawCell = tuple[str, int, int, str]
"""A cell as found: ``(text, start, end, kind)``, its text (possibly over several lines), its
span in the normalised text, and its kind, :data:`TEXT`, :data:`BLANK` or :data:`FILLER`.

NOTE: a plain tuple, not a named tuple: the layouts make one for every cell of every table, and
a named tuple costs four times as much to make. Read it by unpacking, or as
``cell[KIND_OF]`` and the like.
"""

TEXT_OF, START_OF, END_OF, KIND_OF = range(4)  # the fields of a raw cell
TEXT, BLANK, FILLER = "text", "blank", "filler"  # its kinds


class RowBreak(NamedTuple):
    """End of a physical row (only layouts that have rows emit it).

    NOTE: a named tuple, not a frozen dataclass: cheaper to create at import (start-up time).
    Streams tell it from a raw cell by ``item.__class__ is RowBreak``.
    """

    offset: int


Stream = list[RawCell | RowBreak]


def stripped_texts(texts: list[str]) -> list[str]:
    """Each line without the spaces and tabs around it (``""`` for a blank one): what layout
    detection and every layout read first, made once per table region."""
    return [text.strip(" \t") for text in texts]


def text_cells(text: str, start: int) -> list[RawCell]:
    """Cells for one piece of text; a run of space-separated numbers is one cell per number.

    ``start`` is the normalised offset of ``text[0]``. Surrounding whitespace is trimmed from
    the span so carets point at the characters themselves.
    """
    stripped = text.strip(" \t")
    if not stripped:
        return []
    offset = start + text.index(stripped[0])
    if " " not in stripped or not _ONLY_NUMBERS.match(stripped):
        return [(stripped, offset, offset + len(stripped), TEXT)]
    # NOTE: PDF flip-book rows: "0 0 0 0 …"
    return [
        (m.group(), offset + m.start(), offset + m.end(), TEXT)
        for m in _NUMBER_RUN.finditer(stripped)
    ]
