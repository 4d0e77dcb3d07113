"""Table text layouts: each module turns the lines of one table region into a cell stream.

Reports reach gxlint through web pages, PDFs and Word, and the same table arrives as one
cell per line, ``cell |`` pipes, markdown rows, tab-indented cells or tab-separated rows.
Each layout module knows one of these shapes and nothing of the catalogue; the table matcher
(:mod:`gxlint.model.match_tables`) gives the cells meaning. :func:`detect` picks the layout
from the region's own lines.
"""

from __future__ import annotations

from collections.abc import Callable

from gxlint.model.layouts import cell_per_line, pipes, tab_rows
from gxlint.model.layouts.base import RawCell, RowBreak, Stream, stripped_texts
from gxlint.parse.lexer import Lines

__all__ = ["LAYOUTS", "RawCell", "RowBreak", "Stream", "detect", "read_region"]

LAYOUTS: dict[str, Callable[[Lines, list[str]], Stream]] = {
    "pipes": pipes.read,
    "tab-rows": tab_rows.read,
    "cell-per-line": cell_per_line.read,
}


def detect(lines: Lines, stripped: list[str] | None = None) -> str:
    """The layout name that best explains ``lines`` (``stripped``: their texts without the
    spaces and tabs around them, when the caller has them)."""
    if stripped is None:
        stripped = stripped_texts(lines.texts)
    # NOTE: counts as list lengths, cheaper than sum() over generators (every table region).
    content = [text for text in stripped if text]
    if not content:
        return "cell-per-line"
    piped = len([text for text in content if "|" in text])
    if piped * 10 >= len(content) * 3:
        return "pipes"
    rows = len(
        [
            text
            for text in content
            if "\t" in text and len([part for part in text.split("\t") if part.strip()]) >= 2
        ]
    )
    if rows * 10 >= len(content) * 3:
        return "tab-rows"
    return "cell-per-line"


def read_region(lines: Lines) -> tuple[str, Stream]:
    """Detect the layout of ``lines`` and read them into a cell stream."""
    # NOTE: every line of every table region is stripped once, for detecting and reading.
    stripped = stripped_texts(lines.texts)
    name = detect(lines, stripped)
    return name, LAYOUTS[name](lines, stripped)
