"""Pipe layouts: ``cell |`` per line with ``||`` fillers (seed 001), cell and ``|`` on
alternating lines, one row per line ``a | b |``, and markdown rows ``| a | b |``.

In the per-line form a line of ``||`` stands for a merged cell (filler) and a lone ``|`` for
a blank cell; pipes after a cell's text are merge markers and carry nothing. When lone ``|``
lines alternate with cells (about every other line), they are separators instead, and a
second ``|`` in a row is the blank cell. A line that starts with a pipe, or holds several
cells, is a row.
"""

from __future__ import annotations

from gxlint.model.layouts.base import BLANK, FILLER, TEXT, RowBreak, Stream, text_cells
from gxlint.parse.lexer import Lines
from gxlint.regexcache import compile_cached

_SEPARATOR_ROW = compile_cached(r"^[\s|:\-]+$")


def read(lines: Lines, stripped_lines: list[str]) -> Stream:
    content = [stripped for stripped in stripped_lines if stripped]
    lone = content.count("|")
    alternating = bool(content) and lone * 10 >= len(content) * 4
    stream: Stream = []
    after_separator = False
    for line_start, text, stripped in zip(lines.starts, lines.texts, stripped_lines, strict=True):
        if not stripped:
            continue
        if alternating and stripped == "|":
            if after_separator:
                at = line_start + text.index("|")
                stream.append(("", at, at + 1, BLANK))
            after_separator = True
            continue
        after_separator = False
        if "|" not in stripped:
            stream.extend(text_cells(text, line_start))
            continue
        if not stripped.strip("| \t"):  # NOTE: only pipes and blanks
            kind = BLANK if stripped.count("|") == 1 else FILLER
            at = line_start + text.index("|")
            stream.append(("", at, at + len(stripped), kind))
            continue
        if "-" in stripped and _SEPARATOR_ROW.match(stripped):
            continue  # markdown |---|---|
        bar = text.find("|")
        head = text[:bar]
        cell = head.strip(" \t")
        if cell and not text[bar:].strip(" \t|"):  # "cell |" or "cell | ||"
            if " " in cell:
                stream.extend(text_cells(head, line_start))
            else:  # NOTE: most lines of this layout: text_cells of one word, inlined
                at = line_start + head.index(cell[0])
                stream.append((cell, at, at + len(cell), TEXT))
            continue
        parts = _segments(text, line_start)
        filled = [i for i, (part, _) in enumerate(parts) if part.strip()]
        if not stripped.startswith("|") and len(filled) == 1 and filled[0] == 0:
            part, start = parts[0]
            stream.extend(text_cells(part, start))
            continue
        if stripped.startswith("|"):
            parts = parts[1:]
        if stripped.endswith("|") and parts and not parts[-1][0].strip():
            parts = parts[:-1]
        for part, start in parts:
            cells = text_cells(part, start)
            stream.extend(cells or [("", start, start, BLANK)])
        stream.append(RowBreak(line_start + len(text)))
    return stream


def _segments(text: str, start: int) -> list[tuple[str, int]]:
    result: list[tuple[str, int]] = []
    position = 0
    for piece in text.split("|"):
        result.append((piece, start + position))
        position += len(piece) + 1
    return result
