"""The format catalogue (``format2021.toml``) as typed, immutable data.

Everything that knows a label reads it from here: the lexer (is this line a table label?),
the table matcher (which row is this?), and the rules (what should this label say?). The
catalogue is parsed once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from gxlint.spec.labels import LabelEntry, LabelMatch, LabelSet, MatchKind, fold

__all__ = [
    "FormatSpec",
    "LabelEntry",
    "LabelMatch",
    "LabelSet",
    "MatchKind",
    "SectionSpec",
    "Table2Group",
    "Table3Row",
    "fold",
    "load_spec",
]

CHINESE_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True, slots=True)
class SectionSpec:
    number: int
    title: str
    variants: tuple[str, ...]

    @property
    def ordinal(self) -> str:
        return CHINESE_NUMERALS[self.number - 1]

    @property
    def heading(self) -> str:
        return f"{self.ordinal}、{self.title}"


@dataclass(frozen=True, slots=True)
class Table2Group:
    key: str
    heading: str
    columns: tuple[str, ...]
    rows: tuple[LabelEntry, ...]


@dataclass(frozen=True, slots=True)
class Table3Row:
    key: str
    label: str
    group: str | None
    outcome: bool


@dataclass(frozen=True, slots=True)
class FormatSpec:
    """The whole catalogue; see ``format2021.toml`` for the meaning of every field."""

    sections: tuple[SectionSpec, ...]
    section_titles: LabelSet
    table2_groups: tuple[Table2Group, ...]
    table2_headings: LabelSet
    table2_rows: LabelSet
    table2_columns: LabelSet
    table2_first_column: str
    table2_decimal_columns: frozenset[str]
    table3_caption: str
    table3_header_labels: tuple[str, ...]
    table3_columns: LabelSet
    table3_groups: LabelSet
    table3_rows: LabelSet
    table3_row_specs: tuple[Table3Row, ...]
    table3_relations: tuple[dict[str, Any], ...]
    table4_groups: tuple[tuple[str, str], ...]
    table4_columns: LabelSet
    table4_header_labels: tuple[str, ...]
    table4_header_fragments: tuple[str, ...]
    table4_relations: tuple[dict[str, Any], ...]
    format2019_labels: frozenset[str]
    all_table_labels: frozenset[str]

    def section(self, number: int) -> SectionSpec:
        return self.sections[number - 1]

    @property
    def table3_column_keys(self) -> tuple[str, ...]:
        return tuple(entry.key for entry in self.table3_columns.entries)

    @property
    def table3_row_keys(self) -> tuple[str, ...]:
        return tuple(row.key for row in self.table3_row_specs)

    @property
    def table3_outcome_keys(self) -> tuple[str, ...]:
        return tuple(row.key for row in self.table3_row_specs if row.outcome)

    @property
    def table4_cell_keys(self) -> tuple[tuple[str, str], ...]:
        """(group, column) for the 15 cells in reading order."""
        columns = [entry.key for entry in self.table4_columns.entries]
        return tuple((group, column) for group, _ in self.table4_groups for column in columns)

    def is_table_label(self, text: str) -> bool:
        """True when ``text`` is, or starts like, any label of the three tables."""
        key = fold(text)
        if not key:
            return False
        if key in self.all_table_labels:
            return True
        return any(
            labels.match(key, folded=True) is not None
            for labels in (self.table3_rows, self.table3_groups, self.table2_rows)
        )


def _entries(items: list[dict[str, Any]]) -> tuple[LabelEntry, ...]:
    return tuple(
        LabelEntry(item["key"], item["label"], tuple(item.get("variants", ()))) for item in items
    )


@lru_cache(maxsize=1)
def load_spec() -> FormatSpec:
    """Parse the bundled catalogue once per process."""
    import tomli  # NOTE: lazy: only a run that builds a model pays for it.

    raw = tomli.loads(resources.files("gxlint.spec").joinpath("format2021.toml").read_text("utf-8"))
    sections = tuple(
        SectionSpec(s["number"], s["title"], tuple(s["variants"])) for s in raw["sections"]
    )
    t2 = raw["table2"]
    groups = tuple(
        Table2Group(g["key"], g["heading"], tuple(g["columns"]), _entries(g["rows"]))
        for g in t2["groups"]
    )
    t2_columns = [{"key": key, **value} for key, value in t2["columns"].items()]
    t3, t4 = raw["table3"], raw["table4"]
    row_specs = tuple(
        Table3Row(r["key"], r["label"], r.get("group"), bool(r.get("outcome"))) for r in t3["rows"]
    )
    spec_labels: set[str] = set()
    for text in (
        [t2["first-column"]["label"], t3["caption"], *t3["header-labels"], *t4["header-labels"]]
        + [g.heading for g in groups]
        + [c["label"] for c in t2_columns]
        + [c["label"] for c in t3["columns"]]
        + [c["label"] for c in t4["columns"]]
        + [v for c in t2_columns + t3["columns"] for v in c.get("variants", ())]
        + list(raw["format2019"]["labels"])
    ):
        spec_labels.add(fold(text))
    return FormatSpec(
        sections=sections,
        section_titles=LabelSet(
            (LabelEntry(str(s.number), s.title, s.variants) for s in sections), fuzzy_min=6
        ),
        table2_groups=groups,
        table2_headings=LabelSet(LabelEntry(g.key, g.heading) for g in groups),
        table2_rows=LabelSet(row for g in groups for row in g.rows),
        table2_columns=LabelSet(_entries(t2_columns)),
        table2_first_column=t2["first-column"]["label"],
        table2_decimal_columns=frozenset(c["key"] for c in t2_columns if c.get("decimal")),
        table3_caption=t3["caption"],
        table3_header_labels=tuple(t3["header-labels"]),
        table3_columns=LabelSet(_entries(t3["columns"])),
        table3_groups=LabelSet(_entries(t3["groups"])),
        table3_rows=LabelSet(_entries(t3["rows"])),
        table3_row_specs=row_specs,
        table3_relations=tuple(t3["relations"]),
        table4_groups=tuple((g["key"], g["label"]) for g in t4["groups"]),
        table4_columns=LabelSet(_entries(t4["columns"])),
        table4_header_labels=tuple(t4["header-labels"]),
        table4_header_fragments=tuple(t4["header-fragments"]),
        table4_relations=tuple(t4["relations"]),
        format2019_labels=frozenset(fold(x) for x in raw["format2019"]["labels"]),
        all_table_labels=frozenset(spec_labels),
    )
