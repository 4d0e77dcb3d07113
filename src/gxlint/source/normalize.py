"""Minimal, recorded normalisation of a report for the parser.

Only what the line lexer and the grammar need is changed: line endings become ``\\n``, exotic
spaces (U+00A0, U+2002, U+3000, …) become ASCII spaces, full-width brackets and full stops in
ordinals become ASCII, and zero-width characters vanish. Every change that moves an offset is
recorded in the :class:`OffsetMap`, so spans found in the normalised text map back to the
original exactly. A character replaced by one character moves none (mapping through such an
edit gives the offset it would without it), so it is not recorded: most reports then have an
empty map, and every finding's span maps back by identity.
There is no NFKC and no blanket width folding: typography rules read the original text.
"""

import re
from typing import NamedTuple

from gxlint.regexcache import compile_cached
from gxlint.source.offsets import Edit, OffsetMap
from gxlint.source.spans import NormSpan, SourceSpan

# 1:1 replacements: offsets do not move, so the map need not record them.
_REPLACE = {
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u3000": " ",
    "\x0b": " ",
    "\x0c": " ",
    "（": "(",
    "）": ")",
    "．": ".",
}
_DELETE = "\u200b\u200c\u200d\u2060\ufeff"
# NOTE: only line endings and deletions move offsets; they are rare and found by a scan, the
# 1:1 replacements are made by str.replace (a tenth of the time of handling each match).
_MOVING = compile_cached("\r\n?|[" + re.escape(_DELETE) + "]")


class NormalizedText(NamedTuple):
    """The text the parser reads, and the map back to the original.

    NOTE: a named tuple, not a frozen dataclass: cheaper to create at import (start-up time).
    """

    text: str
    offsets: OffsetMap
    original: str

    def to_source(self, span: NormSpan) -> SourceSpan:
        return self.offsets.span(span)

    def original_slice(self, span: NormSpan) -> str:
        """The characters of the ORIGINAL text under ``span``."""
        source = self.offsets.span(span)
        return self.original[source.start : source.end]


def normalize(original: str) -> NormalizedText:
    """Normalise ``original`` and record every change."""
    offsets = OffsetMap()
    text = original
    if "\r" in text or any(char in text for char in _DELETE):
        text = _line_ends_and_deletions(text, offsets)
    for char, replacement in _REPLACE.items():
        if char in text:
            text = text.replace(char, replacement)
    return NormalizedText(text, offsets, original)


def _line_ends_and_deletions(original: str, offsets: OffsetMap) -> str:
    """``original`` with ``\\r\\n``/``\\r`` as ``\\n`` and zero-width characters deleted; each
    change that moves an offset is added to ``offsets`` (a lone ``\\r`` moves none)."""
    parts: list[str] = []
    last = 0
    norm_pos = 0
    for match in _MOVING.finditer(original):
        start, end = match.span()
        chunk = original[last:start]
        parts.append(chunk)
        norm_pos += len(chunk)
        found = match.group()
        replacement = "\n" if found.startswith("\r") else ""
        if found == "\r\n":
            # NOTE: "\r\n" is recorded as a deleted "\r" so that "\n" keeps its own offset.
            offsets.add(Edit(start, start + 1, norm_pos, norm_pos))
        elif replacement == "":
            offsets.add(Edit(start, end, norm_pos, norm_pos))
        parts.append(replacement)
        norm_pos += len(replacement)
        last = end
    parts.append(original[last:])
    return "".join(parts)
