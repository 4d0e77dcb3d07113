"""The one mapping from normalised offsets back to original offsets.

Normalisation only ever *replaces* a run of original characters by a (possibly empty,
possibly different-length) run of normalised characters. The map records each such edit;
everything between edits is copied verbatim, so offsets there shift by a constant.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from gxlint.record import FrozenRecord, set_field
from gxlint.source.spans import NormSpan, SourceSpan, source_span


class Edit(FrozenRecord):
    """Original ``[orig_start, orig_end)`` became normalised ``[norm_start, norm_end)``."""

    __slots__ = ("norm_end", "norm_start", "orig_end", "orig_start")

    orig_start: int
    orig_end: int
    norm_start: int
    norm_end: int

    def __init__(self, orig_start: int, orig_end: int, norm_start: int, norm_end: int) -> None:
        set_field(self, "orig_start", orig_start)
        set_field(self, "orig_end", orig_end)
        set_field(self, "norm_start", norm_start)
        set_field(self, "norm_end", norm_end)


class OffsetMap:
    """Maps normalised offsets to original offsets through a sorted list of edits."""

    __slots__ = ("_norm_starts", "edits")

    def __init__(self, edits: list[Edit] | None = None) -> None:
        self.edits: list[Edit] = [] if edits is None else edits
        self._norm_starts = [e.norm_start for e in self.edits]

    def add(self, edit: Edit) -> None:
        """Append an edit; edits must arrive in increasing order."""
        self.edits.append(edit)
        self._norm_starts.append(edit.norm_start)

    def to_original(self, offset: int, *, end: bool = False) -> int:
        """Original offset for normalised ``offset``.

        A start inside a replaced run maps to the run's original start, an end to its original
        end, so a span never splits a replaced run. A start at a deletion lands after the
        deleted characters, an end before them (a line's span never includes its ``\\r``).
        """
        if end:
            index = bisect_left(self._norm_starts, offset) - 1
        else:
            index = bisect_right(self._norm_starts, offset) - 1
        if index < 0:
            return offset
        edit = self.edits[index]
        if offset >= edit.norm_end:
            return edit.orig_end + (offset - edit.norm_end)
        return edit.orig_end if end else edit.orig_start

    def span(self, span: NormSpan) -> SourceSpan:
        """The original span covering normalised ``span``.

        An empty span (where something absent belongs) maps like an end, so it stays on the
        line it was placed on rather than jumping past a deleted ``\\r``.

        NOTE: ``to_original(end, end=True)`` and ``to_original(start)`` written out: this runs
        for every finding and label, and the calls were most of its cost.
        """
        start, stop = span
        if start < 0:
            raise ValueError(f"bad span {start}..{stop}")
        if not self.edits:  # NOTE: most reports: nothing moved (see normalize).
            return source_span(start, max(start, stop))
        index = bisect_left(self._norm_starts, stop) - 1
        if index >= 0:
            edit = self.edits[index]
            after = stop >= edit.norm_end
            stop = edit.orig_end + (stop - edit.norm_end) if after else edit.orig_end
        if span.start == span.end:
            return source_span(stop, stop)
        index = bisect_right(self._norm_starts, start) - 1
        if index >= 0:
            edit = self.edits[index]
            after = start >= edit.norm_end
            start = edit.orig_end + (start - edit.norm_end) if after else edit.orig_start
        return source_span(start, max(start, stop))
