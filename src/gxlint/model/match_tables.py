"""Cell stream + catalogue → typed tables 二, 三 and 四.

The layouts say where cells are; this module says what they are. A label cell that matches a
catalogue row starts a row; the cells after it, up to the next label (or the end of a physical
row), are its values. Surplus blanks at either end of a row are merge artefacts and dropped; a
row with fewer values than columns keeps its values but is marked unaligned, because which
column lost its value cannot be known. So is a row whose surplus blanks could be dropped in more
than one way, or whose blank right after the label leaves too few values behind it: either
reading would put the values in different columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from gxlint.model.layouts.base import (
    BLANK,
    END_OF,
    FILLER,
    KIND_OF,
    START_OF,
    TEXT,
    TEXT_OF,
    RawCell,
    RowBreak,
    Stream,
)
from gxlint.model.tables import (
    ActiveDisclosureTable,
    ApplicationTable,
    Cell,
    CellState,
    Label,
    ReviewTable,
    Row,
    Table,
)
from gxlint.parse.patterns import CELL_VALUE
from gxlint.record import new_tuple
from gxlint.source.spans import NormSpan
from gxlint.spec import FormatSpec, LabelMatch, LabelSet, fold

if TYPE_CHECKING:
    from decimal import Decimal

_FILLERS = {"/", "／", "-", "—", "——", "－", "无", "空", "\\"}


def _decimal(number: str) -> Decimal:
    """``Decimal(number)``; :mod:`decimal` is imported only when a table holds a fraction
    (~3 ms of a cold start, and most reports hold none)."""
    from decimal import Decimal

    return Decimal(number)


@lru_cache(maxsize=4096)
def parse_value(text: str) -> tuple[int | Decimal | None, str | None]:
    """``"22(其中修订16件)"`` → (22, "(其中修订16件)"); non-numbers → (None, None).

    Cached: a table repeats a handful of cell texts (``0``) hundreds of times.
    """
    match = CELL_VALUE.match(fold(text))
    if not match:
        return None, None
    number = match.group("num")
    try:
        value: int | Decimal = int(number) if "." not in number else _decimal(number)
    except ValueError:  # NOTE: decimal.InvalidOperation is a ValueError.
        return None, None
    return value, match.group("note") or None


_Reading = tuple[CellState, "int | Decimal | None", str | None, bool]
_READINGS: dict[str, _Reading] = {}
"""Cell text → its reading (:func:`_reading`). NOTE: a dict, not an ``lru_cache``: the loops
over every cell look it up themselves (``readings.get(text) or _reading(text)``), ~450
look-ups per report, each a third of the cost of a cache hit."""


def _reading(text: str) -> _Reading:
    """How a written cell reads: state, value, note, and whether it is a value slot (a number
    or a filler) rather than text that could be a label; remembered in :data:`_READINGS`
    (up to 4,096 texts), for the same reason as :func:`parse_value`.
    """
    known = _READINGS.get(text)
    if known is not None:
        return known
    if fold(text) in _FILLERS:
        reading: _Reading = (CellState.FILLER, None, None, True)
    else:
        value, note = parse_value(text)
        reading = (CellState.PRESENT, value, note, value is not None)
    if len(_READINGS) >= 4096:
        _READINGS.clear()
    _READINGS[text] = reading
    return reading


def _span(cell: RawCell) -> NormSpan:
    return new_tuple(NormSpan, cell[START_OF : END_OF + 1])


def _cell(raw: RawCell, row: str, column: str) -> Cell:
    text, start, end, kind = raw
    span = new_tuple(NormSpan, (start, end))
    if kind == BLANK:
        return Cell(span, "", None, CellState.BLANK, row, column)
    if kind == FILLER:
        return Cell(span, text, None, CellState.FILLER, row, column)
    state, value, note, _slot = _reading(text)
    return Cell(span, text, value, state, row, column, note)


def finish_row(key: str, label: Label, slots: list[RawCell], columns: Sequence[str]) -> Row:
    """Align ``slots`` to ``columns``; see the module docstring for the policy."""
    wanted = len(columns)
    surplus = len(slots) - wanted
    ambiguous = False
    if surplus > 0:  # NOTE: most rows have no surplus, and nothing below applies to them.
        slots = list(slots)
        lead = next((i for i, raw in enumerate(slots) if raw[KIND_OF] == TEXT), len(slots))
        trail = next((i for i, raw in enumerate(reversed(slots)) if raw[KIND_OF] == TEXT), 0)
        # NOTE: surplus blanks at both ends that can be dropped in more than one way would put
        # the values in different columns: the columns are then unknown, never guessed.
        ambiguous = lead < len(slots) and min(surplus, lead) > max(0, surplus - trail)
        if ambiguous:
            slots = slots[lead : len(slots) - trail]
        while len(slots) > wanted and slots[0][KIND_OF] != TEXT:
            slots.pop(0)
        while len(slots) > wanted and slots[-1][KIND_OF] != TEXT:
            slots.pop()
    # NOTE: _cell written out for the usual cell, a number: every cell of every table.
    cells: list[Cell] = []
    append = cells.append
    readings = _READINGS
    for (text, start, end, kind), column in zip(slots, columns, strict=False):
        if kind == TEXT:
            state, value, note, _slot = readings.get(text) or _reading(text)
            append(Cell(new_tuple(NormSpan, (start, end)), text, value, state, key, column, note))
        else:
            append(_cell((text, start, end, kind), key, column))
    at = slots[-1][END_OF] if slots else label.span.end
    for column in columns[len(cells) :]:
        cells.append(Cell(NormSpan(at, at), "", None, CellState.MISSING, key, column))
    extra = [_cell(raw, key, "") for raw in slots[wanted:]] if len(slots) > wanted else []
    span = label.span.cover(cells[-1].span) if cells else label.span
    aligned = len(slots) >= wanted and not ambiguous
    return Row(span, key, label, cells, aligned, extra)


def match_headers(cells: list[RawCell], sets: Sequence[LabelSet]) -> list[Label]:
    """Header labels, joining fragments split over cells (``商业`` + ``企业``)."""
    labels: list[Label] = []
    index = 0
    texts = tuple([cell[TEXT_OF] for cell in cells])
    for width, text, found in _header_plan(texts, tuple(sets)):
        span = NormSpan(cells[index][START_OF], cells[index + width - 1][END_OF])
        labels.append(Label(span, text, found))
        index += width
    return labels


_Plan = list[tuple[int, str, LabelMatch | None]]
_PLANS: dict[tuple[tuple[str, ...], tuple[LabelSet, ...]], _Plan] = {}


def _header_plan(texts: tuple[str, ...], sets: tuple[LabelSet, ...]) -> _Plan:
    """How header cells group into labels: ``(cells joined, their text, match)`` in order.

    NOTE: a pure function of the texts; reports repeat the same header cells, so the plans
    are kept (up to a bound) and a table's header costs one look-up instead of ~9 per cell.
    """
    key = (texts, sets)
    plan = _PLANS.get(key)
    if plan is not None:
        return plan
    plan: _Plan = []
    index = 0
    while index < len(texts):
        for width in (3, 2, 1):
            if index + width > len(texts):
                continue
            text = "".join(texts[index : index + width])
            found = _first_match(text, sets, strict=width > 1)
            if found is not None or width == 1:
                plan.append((width, text, found))
                index += width
                break
    if len(_PLANS) >= 1024:
        _PLANS.clear()
    _PLANS[key] = plan
    return plan


def _first_match(text: str, sets: Sequence[LabelSet], *, strict: bool) -> LabelMatch | None:
    # NOTE: a strict match (cells joined) takes only exact and variant labels, so it never
    # starts the fuzzy search: most joined texts are no label at all, and each fuzzy look-up
    # of a text seen for the first time costs tens of microseconds.
    for labels in sets:
        found = labels.exact(text) if strict else labels.match(text)
        if found is not None:
            return found
    return None


class _Assembler:
    """Walks a cell stream, splitting it into header cells and labelled rows."""

    __slots__ = (
        "_key",
        "_label",
        "_slots",
        "columns_of",
        "group_labels",
        "groups",
        "header_cells",
        "header_sets",
        "row_labels",
        "rows",
        "unknown",
    )

    def __init__(
        self,
        row_labels: LabelSet,
        columns_of: Callable[[str], Sequence[str]],
        group_labels: LabelSet | None = None,
        header_sets: Sequence[LabelSet] = (),
    ) -> None:
        self.row_labels = row_labels
        self.columns_of = columns_of
        self.group_labels = group_labels
        self.header_sets = header_sets
        self.rows: dict[str, Row] = {}
        self.header_cells: list[RawCell] = []
        self.groups: list[Label] = []
        self.unknown: list[Label] = []
        self._key: str | None = None
        self._label: Label | None = None
        self._slots: list[RawCell] = []

    def run(self, stream: Stream) -> None:
        readings = _READINGS
        for item in stream:
            if item.__class__ is RowBreak:
                self._finish()
            elif (
                item[KIND_OF] != TEXT or (readings.get(item[TEXT_OF]) or _reading(item[TEXT_OF]))[3]
            ):
                if self._key is not None:
                    self._slots.append(item)
            else:
                self._text(item)
        self._finish()

    def _text(self, item: RawCell) -> None:
        text = item[TEXT_OF]
        found = self.row_labels.match(text)
        if found is not None:
            self._finish()
            label = Label(_span(item), text, found)
            if found.key in self.rows:
                self.unknown.append(label)
                return
            self._key, self._label = found.key, label
            return
        group = self.group_labels.match(text) if self.group_labels else None
        if group is not None:
            self._finish()
            self.groups.append(Label(_span(item), text, group))
            return
        if (not self.rows and self._key is None) or any(
            labels.match(text) is not None for labels in self.header_sets
        ):
            self._finish()
            self.header_cells.append(item)
            return
        if self._key is not None and len(self._slots) < len(self.columns_of(self._key)):
            self._slots.append(item)  # text where a number belongs (GX207)
            return
        self._finish()
        self.unknown.append(Label(_span(item), text, None))

    def _finish(self) -> None:
        if self._key is not None and self._label is not None:
            columns = self.columns_of(self._key)
            slots = self._slots
            lead = 0
            if slots and slots[0][KIND_OF] == BLANK:  # NOTE: rare; most rows start with a value
                lead = next((i for i, raw in enumerate(slots) if raw[KIND_OF] != BLANK), 0)
            if lead and len(slots) == len(columns):
                # NOTE: a blank right after the label is as likely a merged label column as an
                # empty first column (seed 003: lines 57–58 beside 69–70): columns unknown.
                slots = slots[lead:]
            self.rows[self._key] = finish_row(self._key, self._label, slots, columns)
        self._key, self._label, self._slots = None, None, []


def _fill(table: Table, assembler: _Assembler, order: Sequence[str], span: NormSpan) -> None:
    table.rows = {key: assembler.rows[key] for key in order if key in assembler.rows}
    table.missing_rows = [key for key in order if key not in assembler.rows]
    table.unknown_rows = assembler.unknown
    table.span = span


def active_table(stream: Stream, spec: FormatSpec, span: NormSpan, layout: str) -> Table:
    group_of = {row.key: group for group in spec.table2_groups for row in group.rows}
    sets = [spec.table2_headings, spec.table2_columns, spec.table2_first_column_labels]
    assembler = _Assembler(spec.table2_rows, lambda key: group_of[key].columns, header_sets=sets)
    assembler.run(stream)
    table = ActiveDisclosureTable(span, layout=layout)
    table.headers = match_headers(assembler.header_cells, sets)
    order = [row.key for group in spec.table2_groups for row in group.rows]
    _fill(table, assembler, order, span)
    return table


def application_table(stream: Stream, spec: FormatSpec, span: NormSpan, layout: str) -> Table:
    columns = spec.table3_column_keys
    sets = [spec.table3_columns, spec.table3_other_headers]
    assembler = _Assembler(
        spec.table3_rows, lambda _key: columns, spec.table3_groups, header_sets=sets
    )
    assembler.run(stream)
    table = ApplicationTable(span, layout=layout)
    table.headers = match_headers(assembler.header_cells, sets)
    table.group_labels = assembler.groups
    _fill(table, assembler, spec.table3_row_keys, span)
    return table


def review_table(stream: Stream, spec: FormatSpec, span: NormSpan, layout: str) -> Table:
    """Table 四: the first 15 values by position; the header is never required."""
    header: list[RawCell] = []
    slots: list[RawCell] = []
    for item in stream:
        if item.__class__ is RowBreak:
            continue
        if item[KIND_OF] == TEXT and not _reading(item[TEXT_OF])[3]:
            if not slots:
                header.append(item)
            continue
        if slots or item[KIND_OF] == TEXT:
            slots.append(item)
    table = ReviewTable(span, layout=layout)
    table.headers = match_headers(header, [spec.table4_columns, spec.table4_other_headers])
    columns = [entry.key for entry in spec.table4_columns.entries]
    wanted = len(columns) * len(spec.table4_groups)
    while len(slots) > wanted and slots[-1][KIND_OF] != TEXT:
        slots.pop()
    aligned = len(slots) >= wanted
    table.values_found = sum(1 for s in slots[:wanted] if s[KIND_OF] == TEXT)
    for index, (group, _label) in enumerate(spec.table4_groups):
        part = slots[index * len(columns) : (index + 1) * len(columns)]
        at = part[0] if part else (slots[-1] if slots else None)
        label_span = _span(at) if at else NormSpan(span.end, span.end)
        at_start = NormSpan(label_span.start, label_span.start)
        row = finish_row(group, Label(at_start, "", None), part, columns)
        row.aligned = aligned
        table.rows[group] = row
    table.missing_rows = []
    return table
