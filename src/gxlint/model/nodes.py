"""The typed report model: what a report says, where (normalised spans), nothing about rules.

Every node has a :class:`NormSpan` into the normalised text; rules map it to the original
through their context. Nodes are plain mutable objects filled in by
:mod:`gxlint.model.build`; rules treat them as read-only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from gxlint.datetype import date
from gxlint.parse.patterns import to_chinese_number
from gxlint.record import fields_of
from gxlint.regexcache import compile_cached
from gxlint.source.spans import NormSpan
from gxlint.spec import LabelMatch

_CN_NUMBER = compile_cached("[一二三四五六七八九十]+")
_AR_NUMBER = compile_cached(r"\d+")


class Node:
    """Anything a finding can point at.

    NOTE: nodes are written out (``__slots__`` and ``__init__`` by hand) rather than
    ``@dataclass(eq=False)``, whose generated methods are compiled each time the class is
    created, on every run (see :mod:`gxlint.record`). Nodes compare by identity. The direct
    subclasses set ``span`` themselves: a report builds hundreds of nodes, and a
    ``super().__init__`` call for one attribute would cost more than the assignment.
    """

    __slots__ = ("span",)
    _fields: ClassVar[tuple[str, ...]] = ("span",)
    child_types: ClassVar[tuple[type, ...] | None] = None
    """What every child is an instance of, when a class declares it: a walk then leaves out
    the whole subtree of a node no rule wants whose children no rule wants either."""

    span: NormSpan

    def __init__(self, span: NormSpan) -> None:
        self.span = span

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fields = fields_of(cls)

    def __repr__(self) -> str:
        """Class, span and first field: ``Text(span=NormSpan(start=0, end=1), text='甲')``."""
        extra = "".join(f", {name}={getattr(self, name)!r}" for name in self._fields[1:2])
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


class Text(Node):
    """A run of text (a line, a paragraph, an organ name)."""

    __slots__ = ("text",)

    text: str

    def __init__(self, span: NormSpan, text: str) -> None:
        self.span = span
        self.text = text


class Ordinal(Node):
    """An ordinal as written: ``（二）`` is raw, 2 is value, ``paren_cn`` is style."""

    __slots__ = ("raw", "style", "value")

    raw: str
    value: int
    style: str  # paren_cn | paren_ar | dot_ar | shi | broken_close | broken_open | section

    def __init__(self, span: NormSpan, raw: str, value: int, style: str) -> None:
        self.span = span
        self.raw = raw
        self.value = value
        self.style = style

    def renumbered(self, value: int, written: str | None = None) -> str:
        """``written`` (default ``raw``) with its number replaced by ``value`` in the same style:
        ``（二）`` → ``（三）``, ``2.`` → ``3.``, ``二是`` → ``三是``."""
        text = self.raw if written is None else written
        if self.style in ("paren_ar", "dot_ar"):
            return _AR_NUMBER.sub(str(value), text, count=1)
        return _CN_NUMBER.sub(to_chinese_number(value), text, count=1)


class Heading(Node):
    """A section heading line; ``ordinal`` is None when the heading lost it."""

    __slots__ = ("implied", "match", "ordinal", "text", "title", "title_span")

    text: str
    ordinal: Ordinal | None
    title: str
    title_span: NormSpan
    match: LabelMatch | None
    implied: bool  # no heading at all: the section was recognised by its content

    def __init__(
        self,
        span: NormSpan,
        text: str,
        ordinal: Ordinal | None,
        title: str,
        title_span: NormSpan,
        match: LabelMatch | None,
        implied: bool = False,
    ) -> None:
        self.span = span
        self.text = text
        self.ordinal = ordinal
        self.title = title
        self.title_span = title_span
        self.match = match
        self.implied = implied


class Item(Node):
    """A numbered item: the ordinal and the text that follows it on its line."""

    __slots__ = ("inline", "ordinal", "text")

    ordinal: Ordinal
    text: str
    inline: bool  # 一是 … 二是 inside a paragraph

    def __init__(self, span: NormSpan, ordinal: Ordinal, text: str, inline: bool = False) -> None:
        self.span = span
        self.ordinal = ordinal
        self.text = text
        self.inline = inline

    def children(self) -> Iterator[Node]:
        yield self.ordinal


class ItemList(Node):
    """Sibling items of one numbering style under one parent, in order."""

    __slots__ = ("items", "style")

    style: str
    items: list[Item]

    def __init__(self, span: NormSpan, style: str, items: list[Item] | None = None) -> None:
        self.span = span
        self.style = style
        self.items = [] if items is None else items

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def expected_value(self, index: int) -> int:
        """The value item ``index`` should have: 1 first, then one more than the item before."""
        return 1 if index == 0 else self.items[index - 1].ordinal.value + 1

    def children(self) -> Iterator[Node]:
        yield from self.items


class Paragraph(Text):
    """A line of running text that is neither a heading, an item nor a table."""

    __slots__ = ()


class DateMention(Node):
    """A date as written, with its reading and, when malformed, what was probably meant."""

    __slots__ = ("day", "kind", "month", "problem", "raw", "suggestion", "year")

    raw: str
    year: int | None
    month: int | None
    day: int | None
    kind: str  # standard | chinese | broken | iso | digits
    problem: str | None  # why it is not a valid YYYY年M月D日, if it is not
    suggestion: str | None  # the intended date, when only one reading is valid

    def __init__(
        self,
        span: NormSpan,
        raw: str,
        year: int | None,
        month: int | None,
        day: int | None,
        kind: str,
        problem: str | None = None,
        suggestion: str | None = None,
    ) -> None:
        self.span = span
        self.raw = raw
        self.year = year
        self.month = month
        self.day = day
        self.kind = kind
        self.problem = problem
        self.suggestion = suggestion

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


class DocNumber(Node):
    """A 发文字号 such as 国办公开办函〔2021〕30号, parsed into its parts."""

    __slots__ = ("close_bracket", "has_di", "issuer", "open_bracket", "raw", "sequence", "year")

    raw: str
    issuer: str
    year: int
    sequence: str
    open_bracket: str
    close_bracket: str
    has_di: bool  # 第 before the sequence number

    def __init__(
        self,
        span: NormSpan,
        raw: str,
        issuer: str,
        year: int,
        sequence: str,
        open_bracket: str,
        close_bracket: str,
        has_di: bool,
    ) -> None:
        self.span = span
        self.raw = raw
        self.issuer = issuer
        self.year = year
        self.sequence = sequence
        self.open_bracket = open_bracket
        self.close_bracket = close_bracket
        self.has_di = has_di


class StatisticsPeriod(Node):
    """The 统计期限 stated in the text (``2024年1月1日至2024年12月31日``)."""

    __slots__ = ("end", "explicit", "start", "year")

    start: DateMention | None
    end: DateMention | None
    year: int | None
    explicit: bool  # introduced as the 统计期限 (统计…, …期间), not just a range

    def __init__(
        self,
        span: NormSpan,
        start: DateMention | None,
        end: DateMention | None,
        year: int | None,
        explicit: bool = False,
    ) -> None:
        self.span = span
        self.start = start
        self.end = end
        self.year = year
        self.explicit = explicit

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


class Title(Node):
    """The title block, joined over its lines."""

    __slots__ = ("lines", "organ", "text", "year", "year_span")

    text: str
    organ: str | None
    year: int | None
    year_span: NormSpan | None
    lines: list[Text]

    def __init__(
        self,
        span: NormSpan,
        text: str,
        organ: str | None,
        year: int | None,
        year_span: NormSpan | None,
        lines: list[Text] | None = None,
    ) -> None:
        self.span = span
        self.text = text
        self.organ = organ
        self.year = year
        self.year_span = year_span
        self.lines = [] if lines is None else lines


class SignOff(Node):
    """The 落款: issuing organ and 成文日期 (either may be missing)."""

    __slots__ = ("date", "date_line", "organ")

    organ: Text | None
    date: DateMention | None
    date_line: Text | None

    def __init__(
        self,
        span: NormSpan,
        organ: Text | None,
        date: DateMention | None,
        date_line: Text | None,
    ) -> None:
        self.span = span
        self.organ = organ
        self.date = date
        self.date_line = date_line


class Unrecognized(Text):
    """Text the parser could not place (becomes GX003 when the structure is broken)."""

    __slots__ = ("reason",)

    reason: str

    def __init__(self, span: NormSpan, text: str, reason: str = "") -> None:
        super().__init__(span, text)
        self.reason = reason
