"""Character-offset spans.

Two distinct frozen types keep the two coordinate systems apart: a :class:`NormSpan` is a
half-open range of code points in the *normalised* text the parser reads, a
:class:`SourceSpan` the same in the *original* decoded text the user wrote. Only
:class:`gxlint.source.offsets.OffsetMap` turns one into the other, so an offset can never be
shown to a user in the wrong system.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class NormSpan(NamedTuple):
    """``[start, end)`` in code points of the normalised text.

    NOTE: a named tuple, not a dataclass: the reader creates hundreds per report, and a frozen
    dataclass costs several times more to build. It never equals a :class:`SourceSpan`, which
    stays a dataclass (tuple equality does not reach across to it).
    """

    start: int
    end: int

    def cover(self, other: NormSpan) -> NormSpan:
        """The smallest span containing both."""
        return NormSpan(min(self.start, other.start), max(self.end, other.end))

    @property
    def empty(self) -> bool:
        return self.start == self.end


@dataclass(frozen=True, slots=True, order=True)
class SourceSpan:
    """``[start, end)`` in code points of the original decoded text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")
