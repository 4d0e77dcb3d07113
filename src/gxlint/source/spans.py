"""Character-offset spans.

Two distinct frozen types keep the two coordinate systems apart: a :class:`NormSpan` is a
half-open range of code points in the *normalised* text the parser reads, a
:class:`SourceSpan` the same in the *original* decoded text the user wrote. Only
:class:`gxlint.source.offsets.OffsetMap` turns one into the other, so an offset can never be
shown to a user in the wrong system.
"""

from typing import NamedTuple

from gxlint.record import frozen_error
from gxlint.record import new_tuple as _new_tuple


class NormSpan(NamedTuple):
    """``[start, end)`` in code points of the normalised text.

    NOTE: a named tuple, not a dataclass: the reader creates hundreds per report, and a frozen
    dataclass costs several times more to build. It never equals a :class:`SourceSpan`, which
    is not a tuple (tuple equality does not reach across to it).
    """

    start: int
    end: int

    def cover(self, other: "NormSpan") -> "NormSpan":
        """The smallest span containing both."""
        start, end = self
        other_start, other_end = other
        # NOTE: not NormSpan(...), whose __new__ binds arguments by name: rows and sections.
        return _new_tuple(NormSpan, (min(start, other_start), max(end, other_end)))

    @property
    def empty(self) -> bool:
        return self.start == self.end


class SourceSpan:
    """``[start, end)`` in code points of the original decoded text.

    NOTE: written out rather than ``@dataclass(frozen=True, slots=True, order=True)``, which
    costs ~1.5 ms to create at start-up. It behaves as that dataclass did: immutable,
    hashable, ordered by ``(start, end)``, and equal only to another :class:`SourceSpan`.
    """

    __slots__ = ("end", "start")
    __match_args__ = ("start", "end")

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        if start < 0 or end < start:
            raise ValueError(f"bad span {start}..{end}")
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(start={self.start!r}, end={self.end!r})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.start, self.end) == (other.start, other.end)  # type: ignore[attr-defined]
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.start, self.end) < (other.start, other.end)  # type: ignore[attr-defined]
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.start, self.end) <= (other.start, other.end)  # type: ignore[attr-defined]
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.start, self.end) > (other.start, other.end)  # type: ignore[attr-defined]
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.start, self.end) >= (other.start, other.end)  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __setattr__(self, name: str, value: object) -> None:
        raise frozen_error(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise frozen_error(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type["SourceSpan"], tuple[int, int]]:
        return (SourceSpan, (self.start, self.end))


_new_object = object.__new__
_set_start = SourceSpan.__dict__["start"].__set__
_set_end = SourceSpan.__dict__["end"].__set__


def source_span(start: int, end: int) -> SourceSpan:
    """``SourceSpan(start, end)`` for offsets the caller has checked (``0 <= start <= end``).

    NOTE: the offset map makes one for every finding and label (~200 per report); setting the
    slots directly skips ``__init__``'s checks and two ``object.__setattr__`` calls, 40 % of
    the cost.
    """
    span = _new_object(SourceSpan)
    _set_start(span, start)
    _set_end(span, end)
    return span
