"""The report as a whole: sections, tables, sign-off, and every node reachable by ``walk``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from gxlint.model.nodes import (
    DateMention,
    DocNumber,
    Heading,
    Item,
    ItemList,
    Node,
    Paragraph,
    SignOff,
    StatisticsPeriod,
    Title,
    Unrecognized,
)
from gxlint.model.tables import ActiveDisclosureTable, ApplicationTable, ReviewTable, Table
from gxlint.source.spans import NormSpan


@dataclass(eq=False, repr=False)
class Section(Node):
    """One of the six sections; ``number`` is 1…6 whatever its heading says."""

    number: int
    heading: Heading
    paragraphs: list[Paragraph] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    item_lists: list[ItemList] = field(default_factory=list)
    table: Table | None = None
    has_table_region: bool = False

    @property
    def table_region(self) -> NormSpan | None:
        """The section after its heading when it holds a table: labels there copy the format's
        own wording and punctuation, so text rules skip it. None for a section without one."""
        if not (self.has_table_region or self.table is not None):
            return None
        start = self.span.start if self.heading.implied else self.heading.span.end
        return NormSpan(start, self.span.end)

    @property
    def body_text(self) -> str:
        """Paragraph and item text of the section (not its tables)."""
        parts = [(p.span.start, p.text) for p in self.paragraphs]
        parts += [(i.span.start, i.ordinal.raw + i.text) for i in self.items if not i.inline]
        return "\n".join(text for _, text in sorted(parts))

    def children(self) -> Iterator[Node]:
        yield self.heading
        yield from self.paragraphs
        yield from self.item_lists
        if self.table is not None:
            yield self.table


@dataclass(eq=False, repr=False)
class Report(Node):
    """A whole report. ``text`` is the normalised text all spans refer to."""

    text: str
    title: Title | None = None
    preamble: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    signoff: SignOff | None = None
    tail: list[Paragraph] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    doc_numbers: list[DocNumber] = field(default_factory=list)
    statistics_period: StatisticsPeriod | None = None
    unrecognized: list[Unrecognized] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)

    def section(self, number: int) -> Section | None:
        """Section ``number``; when it occurs twice, the one whose heading is the format's
        (a body that numbers its own topics 一、二、 before the format's sections)."""
        found = [section for section in self.sections if section.number == number]
        for section in found:
            if section.heading.match is not None:
                return section
        return found[0] if found else None

    @property
    def active_table(self) -> ActiveDisclosureTable | None:
        found = self.section(2)
        table = found.table if found else None
        return table if isinstance(table, ActiveDisclosureTable) else None

    @property
    def application_table(self) -> ApplicationTable | None:
        found = self.section(3)
        table = found.table if found else None
        return table if isinstance(table, ApplicationTable) else None

    @property
    def review_table(self) -> ReviewTable | None:
        found = self.section(4)
        table = found.table if found else None
        return table if isinstance(table, ReviewTable) else None

    @property
    def year(self) -> int | None:
        """The report year: from the title, else the statistics period."""
        if self.title and self.title.year:
            return self.title.year
        if self.statistics_period and self.statistics_period.year:
            return self.statistics_period.year
        return None

    @property
    def title_date(self) -> DateMention | None:
        """A 成文日期 in parentheses on its own line under the title (``（2025年1月20日）``)."""
        after = self.title.span.end if self.title is not None else 0
        for paragraph in self.preamble:
            text = paragraph.text
            if paragraph.span.start < after or not (text.startswith("(") and text.endswith(")")):
                continue
            for mention in self.dates:
                inside = paragraph.span.start <= mention.span.start < paragraph.span.end
                if inside and mention.raw == text[1:-1].strip():
                    return mention
        return None

    @property
    def issue_date(self) -> DateMention | None:
        """The 成文日期: the sign-off's date, else a date in parentheses under the title."""
        if self.signoff is not None and self.signoff.date is not None:
            return self.signoff.date
        return self.title_date

    def point(self, offset: int) -> NormSpan:
        """A zero-width span at ``offset`` (where something absent should be)."""
        return NormSpan(offset, offset)

    @property
    def end_point(self) -> NormSpan:
        """A zero-width span after the last non-blank character (the end of the content)."""
        end = len(self.text.rstrip())
        return NormSpan(end, end)

    def line_of(self, offset: int) -> int:
        """0-based line of a normalised offset (for grouping, never for output)."""
        from bisect import bisect_right

        return bisect_right(self.line_starts, offset) - 1

    def children(self) -> Iterator[Node]:
        if self.title is not None:
            yield self.title
        yield from self.preamble
        yield from self.sections
        if self.signoff is not None:
            yield self.signoff
        yield from self.dates
        yield from self.doc_numbers
        if self.statistics_period is not None:
            yield self.statistics_period
        yield from self.unrecognized

    def walk(self) -> Iterator[Node]:
        """Every node once, in document order of parents (the report first)."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(list(node.children())))
