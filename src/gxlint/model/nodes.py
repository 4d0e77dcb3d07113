"""The typed report model: what a report says, where (normalised spans), nothing about rules.

Every node has a :class:`NormSpan` into the normalised text; rules map it to the original
through their context. Nodes are plain mutable dataclasses filled in by
:mod:`gxlint.model.build`; rules treat them as read-only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date

from gxlint.parse.patterns import to_chinese_number
from gxlint.regexcache import compile_cached
from gxlint.source.spans import NormSpan
from gxlint.spec import LabelMatch

_CN_NUMBER = compile_cached("[一二三四五六七八九十]+")
_AR_NUMBER = compile_cached(r"\d+")


# NOTE: every node class passes ``repr=False`` and shares ``Node.__repr__``: a generated
# ``__repr__`` per class costs start-up time (each is compiled when the class is created).
@dataclass(eq=False, repr=False)
class Node:
    """Anything a finding can point at."""

    span: NormSpan

    def __repr__(self) -> str:
        """Class, span and first field: ``Text(span=NormSpan(start=0, end=1), text='甲')``."""
        extra = "".join(f", {f.name}={getattr(self, f.name)!r}" for f in fields(self)[1:2])
        return f"{type(self).__qualname__}(span={self.span!r}{extra})"

    def children(self) -> Iterator[Node]:
        """Direct child nodes, in document order (used by :meth:`Report.walk`)."""
        return iter(())

    @property
    def start_point(self) -> NormSpan:
        """A zero-width span where this node starts (to point at something missing before it)."""
        return NormSpan(self.span.start, self.span.start)

    @property
    def end_point(self) -> NormSpan:
        """A zero-width span where this node ends (to point at something missing after it)."""
        return NormSpan(self.span.end, self.span.end)


@dataclass(eq=False, repr=False)
class Text(Node):
    """A run of text (a line, a paragraph, an organ name)."""

    text: str


@dataclass(eq=False, repr=False)
class Ordinal(Node):
    """An ordinal as written: ``（二）`` is raw, 2 is value, ``paren_cn`` is style."""

    raw: str
    value: int
    style: str  # paren_cn | paren_ar | dot_ar | shi | broken_close | broken_open | section

    def renumbered(self, value: int, written: str | None = None) -> str:
        """``written`` (default ``raw``) with its number replaced by ``value`` in the same style:
        ``（二）`` → ``（三）``, ``2.`` → ``3.``, ``二是`` → ``三是``."""
        text = self.raw if written is None else written
        if self.style in ("paren_ar", "dot_ar"):
            return _AR_NUMBER.sub(str(value), text, count=1)
        return _CN_NUMBER.sub(to_chinese_number(value), text, count=1)


@dataclass(eq=False, repr=False)
class Heading(Node):
    """A section heading line; ``ordinal`` is None when the heading lost it."""

    text: str
    ordinal: Ordinal | None
    title: str
    title_span: NormSpan
    match: LabelMatch | None
    implied: bool = False  # no heading at all: the section was recognised by its content


@dataclass(eq=False, repr=False)
class Item(Node):
    """A numbered item: the ordinal and the text that follows it on its line."""

    ordinal: Ordinal
    text: str
    inline: bool = False  # 一是 … 二是 inside a paragraph

    def children(self) -> Iterator[Node]:
        yield self.ordinal


@dataclass(eq=False, repr=False)
class ItemList(Node):
    """Sibling items of one numbering style under one parent, in order."""

    style: str
    items: list[Item] = field(default_factory=list)

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def expected_value(self, index: int) -> int:
        """The value item ``index`` should have: 1 first, then one more than the item before."""
        return 1 if index == 0 else self.items[index - 1].ordinal.value + 1

    def children(self) -> Iterator[Node]:
        yield from self.items


@dataclass(eq=False, repr=False)
class Paragraph(Text):
    """A line of running text that is neither a heading, an item nor a table."""


@dataclass(eq=False, repr=False)
class DateMention(Node):
    """A date as written, with its reading and, when malformed, what was probably meant."""

    raw: str
    year: int | None
    month: int | None
    day: int | None
    kind: str  # standard | chinese | broken | iso | digits
    problem: str | None = None  # why it is not a valid YYYY年M月D日, if it is not
    suggestion: str | None = None  # the intended date, when only one reading is valid

    @property
    def value(self) -> date | None:
        if self.problem is not None and self.kind != "standard":
            return None
        try:
            return date(self.year or 0, self.month or 0, self.day or 0)
        except ValueError:
            return None

    @property
    def intended(self) -> date | None:
        """The date meant: ``value``, else the one valid reading of a broken date."""
        if self.value is not None or self.suggestion is None:
            return self.value
        try:
            return date(self.year or 0, self.month or 0, self.day or 0)
        except ValueError:
            return None


@dataclass(eq=False, repr=False)
class DocNumber(Node):
    """A 发文字号 such as 国办公开办函〔2021〕30号, parsed into its parts."""

    raw: str
    issuer: str
    year: int
    sequence: str
    open_bracket: str
    close_bracket: str
    has_di: bool  # 第 before the sequence number


@dataclass(eq=False, repr=False)
class StatisticsPeriod(Node):
    """The 统计期限 stated in the text (``2024年1月1日至2024年12月31日``)."""

    start: DateMention | None
    end: DateMention | None
    year: int | None
    explicit: bool = False  # introduced as the 统计期限 (统计…, …期间), not just a range

    @property
    def full_year(self) -> bool:
        """1月1日 to 12月31日 of one year."""
        start, end = self.start, self.end
        return (
            start is not None
            and end is not None
            and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
            and end.year == start.year
        )


@dataclass(eq=False, repr=False)
class Title(Node):
    """The title block, joined over its lines."""

    text: str
    organ: str | None
    year: int | None
    year_span: NormSpan | None
    lines: list[Text] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class SignOff(Node):
    """The 落款: issuing organ and 成文日期 (either may be missing)."""

    organ: Text | None
    date: DateMention | None
    date_line: Text | None


@dataclass(eq=False, repr=False)
class Unrecognized(Text):
    """Text the parser could not place (becomes GX003 when the structure is broken)."""

    reason: str = ""
