"""One cell per line (seeds 000, 002, 004), with or without tab indentation.

Two conventions decide when a line break is *inside* a cell (``商业`` / ``企业``, ``总`` /
``计``): when cells are separated by blank lines, consecutive non-blank lines are one cell;
when cells are tab-indented, a line without the indent continues the cell above. A line
holding only tabs is an empty (merged) cell.
"""

from __future__ import annotations

from gxlint.model.layouts.base import BLANK, KIND_OF, TEXT, TEXT_OF, Stream, text_cells
from gxlint.parse.lexer import Lines


def _is_number(text: str) -> bool:
    return text.strip().replace(".", "", 1).lstrip("-").isdigit()


def read(lines: Lines, stripped: list[str]) -> Stream:
    texts = lines.texts
    content = [i for i, cell in enumerate(stripped) if cell]
    size = len(texts)
    # NOTE: counted as list lengths: a list comprehension is cheaper than sum() of a generator.
    followed_by_blank = len([i for i in content if i + 1 >= size or not stripped[i + 1]])
    blank_separated = bool(content) and followed_by_blank * 10 >= len(content) * 6
    indented = len([i for i in content if texts[i].startswith("\t")])
    tab_indented = bool(content) and indented * 2 >= len(content)

    stream: Stream = []
    above = False  # the line directly above holds text
    for line_start, text, cell in zip(lines.starts, texts, stripped, strict=True):
        if not cell:
            if "\t" in text and not blank_separated:
                stream.append(("", line_start, line_start, BLANK))
            above = False
            continue
        if (
            above
            and (blank_separated or (tab_indented and not text.startswith(("\t", " "))))
            and stream
            and stream[-1][KIND_OF] == TEXT  # NOTE: this layout emits no row breaks
            and not _is_number(stream[-1][TEXT_OF])
            and not _is_number(text)
        ):
            above_text, above_start, _, _ = stream[-1]
            end = line_start + text.index(cell[0]) + len(cell)
            stream[-1] = (above_text + cell, above_start, end, TEXT)
        elif " " in cell:
            stream.extend(text_cells(text, line_start))
        else:  # NOTE: most lines: one cell, no number run to split (text_cells, inlined)
            start = line_start + text.index(cell[0])
            stream.append((cell, start, start + len(cell), TEXT))
        above = True
    return stream
