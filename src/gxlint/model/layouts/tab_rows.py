"""Tab-separated rows (seed 003): one table row per line, blanks for merged cells.

Empty segments before the first filled one belong to merged label columns and are dropped;
empty segments after it are blank cells (the matcher decides whether they are data gaps or
merge shifts). Each line ends with a row break.
"""

from __future__ import annotations

from gxlint.model.layouts.base import BLANK, RowBreak, Stream, text_cells
from gxlint.parse.lexer import Lines


def read(lines: Lines, stripped: list[str]) -> Stream:
    stream: Stream = []
    for line_start, text, content in zip(lines.starts, lines.texts, stripped, strict=True):
        if not content:
            continue
        position = line_start
        started = False
        for part in text.split("\t"):
            cells = text_cells(part, position)
            if cells:
                started = True
                stream.extend(cells)
            elif started:
                stream.append(("", position, position, BLANK))
            position += len(part) + 1
        stream.append(RowBreak(line_start + len(text)))
    return stream
