"""The format catalogue (``format2021.toml``) as typed, immutable data.

Everything that knows a label reads it from here: the lexer (is this line a table label?),
the table matcher (which row is this?), and the rules (what should this label say?). The
catalogue is parsed once per process.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

from gxlint.paths import read_bytes
from gxlint.record import FrozenRecord, set_field
from gxlint.spec.labels import LabelEntry, LabelMatch, LabelSet, MatchKind, display, fold

__all__ = [
    "FormatSpec",
    "LabelEntry",
    "LabelMatch",
    "LabelSet",
    "MatchKind",
    "Reference",
    "SectionSpec",
    "Table2Group",
    "Table3Row",
    "display",
    "fold",
    "load_spec",
]

CHINESE_NUMERALS = "一二三四五六七八九十"


# NOTE: the catalogue's records are written out (gxlint.record), not frozen dataclasses or named
# tuples: a cold run imports this module, and creating those classes costs 0.2–2 ms each.
class SectionSpec(FrozenRecord):
    """One of the six sections: its number, canonical title and accepted variants."""

    __slots__ = ("number", "title", "variants")

    number: int
    title: str
    variants: tuple[str, ...]

    def __init__(self, number: int, title: str, variants: tuple[str, ...]) -> None:
        set_field(self, "number", number)
        set_field(self, "title", title)
        set_field(self, "variants", variants)

    @property
    def ordinal(self) -> str:
        return CHINESE_NUMERALS[self.number - 1]

    @property
    def heading(self) -> str:
        return f"{self.ordinal}、{self.title}"


class Table2Group(FrozenRecord):
    """A group of rows of table 二 under one heading, with its columns."""

    __slots__ = ("columns", "heading", "key", "rows")

    key: str
    heading: str
    columns: tuple[str, ...]
    rows: tuple[LabelEntry, ...]

    def __init__(
        self,
        key: str,
        heading: str,
        columns: tuple[str, ...],
        rows: tuple[LabelEntry, ...],
    ) -> None:
        set_field(self, "key", key)
        set_field(self, "heading", heading)
        set_field(self, "columns", columns)
        set_field(self, "rows", rows)


class Table3Row(FrozenRecord):
    """A data row of table 三; ``group`` names the group it belongs to (None: a row of its own)."""

    __slots__ = ("group", "key", "label", "outcome")

    key: str
    label: str
    group: str | None
    outcome: bool

    def __init__(self, key: str, label: str, group: str | None, outcome: bool) -> None:
        set_field(self, "key", key)
        set_field(self, "label", label)
        set_field(self, "group", group)
        set_field(self, "outcome", outcome)


class Reference(FrozenRecord):
    """A document reports cite, by its 发文字号 (``[[references]]``)."""

    __slots__ = ("issuer", "key", "sequence", "superseded_by", "superseded_from", "title", "year")

    key: str
    issuer: str
    year: int
    sequence: int
    title: str
    superseded_by: str | None
    superseded_from: int | None  # first report year for which citing it is outdated

    def __init__(
        self,
        key: str,
        issuer: str,
        year: int,
        sequence: int,
        title: str,
        superseded_by: str | None = None,
        superseded_from: int | None = None,
    ) -> None:
        set_field(self, "key", key)
        set_field(self, "issuer", issuer)
        set_field(self, "year", year)
        set_field(self, "sequence", sequence)
        set_field(self, "title", title)
        set_field(self, "superseded_by", superseded_by)
        set_field(self, "superseded_from", superseded_from)

    @property
    def number(self) -> str:
        return f"{self.issuer}〔{self.year}〕{self.sequence}号"


_T = TypeVar("_T")
_MISSING = object()


def _derived(method: Callable[..., _T]) -> Callable[..., _T]:
    """Remember what a :class:`FormatSpec` method answers for each of its arguments.

    The catalogue never changes after loading, and the table rules ask for the same key lists
    and row wordings for every table of every report (a scan of the catalogue each time).
    """
    name = method.__name__

    @wraps(method)
    def remembered(self: FormatSpec, *args: Any) -> _T:
        key = (name, *args)
        value = self._answers.get(key, _MISSING)
        if value is _MISSING:
            value = self._answers[key] = method(self, *args)
        return value  # type: ignore[return-value]

    return remembered


class FormatSpec(FrozenRecord):
    """The whole catalogue; see ``format2021.toml`` for the meaning of every field."""

    __slots__ = (
        "_answers",
        "all_table_labels",
        "format2019_labels",
        "references",
        "section_titles",
        "sections",
        "table2_columns",
        "table2_decimal_columns",
        "table2_first_column",
        "table2_first_column_labels",
        "table2_groups",
        "table2_headings",
        "table2_rows",
        "table3_caption",
        "table3_columns",
        "table3_groups",
        "table3_header_labels",
        "table3_other_headers",
        "table3_relations",
        "table3_row_specs",
        "table3_rows",
        "table4_columns",
        "table4_groups",
        "table4_header_fragments",
        "table4_header_labels",
        "table4_other_headers",
        "table4_relations",
    )

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
    table2_first_column_labels: LabelSet
    table3_other_headers: LabelSet  # caption (key "caption") and 申请人情况-style headers
    table4_other_headers: LabelSet
    references: tuple[Reference, ...]

    def __init__(
        self,
        sections: tuple[SectionSpec, ...],
        section_titles: LabelSet,
        table2_groups: tuple[Table2Group, ...],
        table2_headings: LabelSet,
        table2_rows: LabelSet,
        table2_columns: LabelSet,
        table2_first_column: str,
        table2_decimal_columns: frozenset[str],
        table3_caption: str,
        table3_header_labels: tuple[str, ...],
        table3_columns: LabelSet,
        table3_groups: LabelSet,
        table3_rows: LabelSet,
        table3_row_specs: tuple[Table3Row, ...],
        table3_relations: tuple[dict[str, Any], ...],
        table4_groups: tuple[tuple[str, str], ...],
        table4_columns: LabelSet,
        table4_header_labels: tuple[str, ...],
        table4_header_fragments: tuple[str, ...],
        table4_relations: tuple[dict[str, Any], ...],
        format2019_labels: frozenset[str],
        all_table_labels: frozenset[str],
        table2_first_column_labels: LabelSet,
        table3_other_headers: LabelSet,
        table4_other_headers: LabelSet,
        references: tuple[Reference, ...] = (),
    ) -> None:
        set_field(self, "sections", sections)
        set_field(self, "section_titles", section_titles)
        set_field(self, "table2_groups", table2_groups)
        set_field(self, "table2_headings", table2_headings)
        set_field(self, "table2_rows", table2_rows)
        set_field(self, "table2_columns", table2_columns)
        set_field(self, "table2_first_column", table2_first_column)
        set_field(self, "table2_decimal_columns", table2_decimal_columns)
        set_field(self, "table3_caption", table3_caption)
        set_field(self, "table3_header_labels", table3_header_labels)
        set_field(self, "table3_columns", table3_columns)
        set_field(self, "table3_groups", table3_groups)
        set_field(self, "table3_rows", table3_rows)
        set_field(self, "table3_row_specs", table3_row_specs)
        set_field(self, "table3_relations", table3_relations)
        set_field(self, "table4_groups", table4_groups)
        set_field(self, "table4_columns", table4_columns)
        set_field(self, "table4_header_labels", table4_header_labels)
        set_field(self, "table4_header_fragments", table4_header_fragments)
        set_field(self, "table4_relations", table4_relations)
        set_field(self, "format2019_labels", format2019_labels)
        set_field(self, "all_table_labels", all_table_labels)
        set_field(self, "table2_first_column_labels", table2_first_column_labels)
        set_field(self, "table3_other_headers", table3_other_headers)
        set_field(self, "table4_other_headers", table4_other_headers)
        set_field(self, "references", references)
        set_field(self, "_answers", {})  # NOTE: not a field (not compared, not pickled)

    def section(self, number: int) -> SectionSpec:
        return self.sections[number - 1]

    @property
    @_derived
    def table3_column_keys(self) -> tuple[str, ...]:
        return tuple(entry.key for entry in self.table3_columns.entries)

    @property
    @_derived
    def table3_row_keys(self) -> tuple[str, ...]:
        return tuple(row.key for row in self.table3_row_specs)

    @property
    @_derived
    def table3_outcome_keys(self) -> tuple[str, ...]:
        return tuple(row.key for row in self.table3_row_specs if row.outcome)

    @property
    @_derived
    def table4_cell_keys(self) -> tuple[tuple[str, str], ...]:
        """(group, column) for the 15 cells in reading order."""
        columns = [entry.key for entry in self.table4_columns.entries]
        return tuple((group, column) for group, _ in self.table4_groups for column in columns)

    @_derived
    def row_keys(self, table: int) -> tuple[str, ...]:
        """The data rows of table 二, 三 or 四 (its groups), in the format's order."""
        if table == 2:
            return tuple(row.key for group in self.table2_groups for row in group.rows)
        if table == 3:
            return self.table3_row_keys
        return tuple(key for key, _ in self.table4_groups)

    @_derived
    def row_label(self, table: int, key: str) -> str:
        """The format's wording of a row of table 二, 三 or 四 (a group for 四), for messages.

        A numbered sub-row of table 三 is prefixed with its group: ``（三）不予公开 1.属于国家秘密``.
        """
        if table == 4:
            return dict(self.table4_groups)[key]
        labels = self.table2_rows if table == 2 else self.table3_rows
        label = display(next(e.label for e in labels.entries if e.key == key))
        group = next((r.group for r in self.table3_row_specs if r.key == key), None)
        if table == 3 and group is not None:
            entry = next(e for e in self.table3_groups.entries if e.key == group)
            label = f"{display(entry.label)} {label}"
        return label

    @_derived
    def column_label(self, table: int, key: str) -> str:
        """The format's wording of a column of table 二, 三 or 四 (``natural`` → 自然人)."""
        labels = {2: self.table2_columns, 3: self.table3_columns, 4: self.table4_columns}[table]
        return display(next(e.label for e in labels.entries if e.key == key))

    @_derived
    def relation(self, rule: str) -> dict[str, Any]:
        """The arithmetic relation of table 三 or 四 that ``rule`` (a code) checks."""
        return next(r for r in self.table3_relations + self.table4_relations if r["rule"] == rule)

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


def _catalogue() -> dict[str, Any]:
    """``format2021.toml`` as parsed TOML. The parse is kept in the user cache, keyed by the
    file's bytes, so that a run without a config file never imports a TOML parser."""
    from gxlint.usercache import crc, load_marshal, store_marshal

    data = _catalogue_bytes()
    name = f"format2021-{crc(data)}.marshal"
    raw = load_marshal(name, data)
    if isinstance(raw, dict):
        return raw
    import tomli

    raw = tomli.loads(data.decode("utf-8"))
    store_marshal(name, data, raw)
    return raw


def _catalogue_bytes() -> bytes:
    try:
        return read_bytes(os.path.join(os.path.dirname(__file__), "format2021.toml"))
    except OSError:  # NOTE: not a plain folder (a zip file): ask the package's loader.
        from importlib import resources

        return resources.files("gxlint.spec").joinpath("format2021.toml").read_bytes()


@lru_cache(maxsize=1)
def load_spec() -> FormatSpec:
    """Parse the bundled catalogue once per process."""
    raw = _catalogue()
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
        table2_first_column_labels=LabelSet(
            [LabelEntry("first_column", t2["first-column"]["label"])]
        ),
        table3_other_headers=LabelSet(
            [LabelEntry("caption", t3["caption"])]
            + [LabelEntry(f"header:{text}", text) for text in t3["header-labels"]]
        ),
        table4_other_headers=LabelSet(
            LabelEntry(f"header:{text}", text) for text in t4["header-labels"]
        ),
        references=tuple(
            Reference(
                r["key"],
                r["issuer"],
                r["year"],
                r["sequence"],
                r["title"],
                r.get("superseded-by"),
                r.get("superseded-from"),
            )
            for r in raw.get("references", ())
        ),
    )
