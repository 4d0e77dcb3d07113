"""Tables 二, 三 and 四 as typed data: cells with raw text, value, state and span.

A cell the report does not provide is MISSING, never 0; a row whose values could not be
aligned to columns (fewer values than columns with blanks between) is marked unaligned so
that no rule reads a value in the wrong column.
"""

import enum
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from gxlint.model.nodes import Node
from gxlint.record import new_tuple
from gxlint.source.spans import NormSpan
from gxlint.spec import LabelMatch, MatchKind

if TYPE_CHECKING:
    from decimal import Decimal

    Number = int | Decimal  # NOTE: a fee may be fractional; decimal is imported only then.


class CellState(enum.Enum):
    PRESENT = "present"  # a value was written (it may still be invalid: see Cell.value)
    BLANK = "blank"  # an empty cell
    FILLER = "filler"  # a placeholder such as "/", "-" or a merged-cell marker
    MISSING = "missing"  # the row ended before this column


class Cell(Node):
    """One table cell. ``value`` is None unless the raw text is a number."""

    __slots__ = ("column", "note", "raw", "row", "state", "value")

    raw: str
    value: "Number | None"
    state: CellState
    row: str
    column: str
    note: str | None  # an annotation after the number: 22（其中修订16件）

    def __init__(
        self,
        span: NormSpan,
        raw: str,
        value: "Number | None",
        state: CellState,
        row: str,
        column: str,
        note: str | None = None,
    ) -> None:
        self.span = span
        self.raw = raw
        self.value = value
        self.state = state
        self.row = row
        self.column = column
        self.note = note

    @property
    def usable(self) -> bool:
        """True when arithmetic may use this cell: a count, i.e. a non-negative integer.

        NOTE: a negative or fractional count is GX207's finding; adding it up would only
        repeat that defect as a mismatch. The decimal fee column takes part in no relation.
        """
        return self.state is CellState.PRESENT and isinstance(self.value, int) and self.value >= 0


class Label(Node):
    """A row or column label as written, and what it was matched to."""

    __slots__ = ("match", "raw")

    raw: str
    match: LabelMatch | None

    def __init__(self, span: NormSpan, raw: str, match: LabelMatch | None) -> None:
        self.span = span
        self.raw = raw
        self.match = match

    @property
    def key(self) -> str | None:
        return self.match.key if self.match else None

    @property
    def standard(self) -> bool:
        return self.match is not None and self.match.kind is MatchKind.EXACT


class TotalCheck(NamedTuple):
    """A total cell and the cells that should add up to it (all usable), with their values.

    NOTE: a named tuple, not a frozen dataclass: cheaper to create at import (start-up time).
    ``values`` is filled in once by :meth:`Row.total_check` (every part is usable, so every
    value is a number): a rule asks for the sum, the comparison and the addends of each row.
    """

    total: Cell
    parts: list[Cell]
    values: "list[Number]"

    @property
    def expected(self) -> "Number":
        return sum(self.values)

    @property
    def balanced(self) -> bool:
        return sum(self.values) == self.total.value

    @property
    def addends(self) -> str:
        """``40+5+0+1+0+0`` for messages."""
        return "+".join(map(str, self.values))


class Row(Node):
    """A table row: its label and one cell per expected column."""

    __slots__ = ("_by_column", "_usable", "aligned", "cells", "extra", "key", "label")
    child_types = (Label, Cell)

    key: str
    label: Label
    cells: list[Cell]
    aligned: bool  # False: fewer values than columns with gaps; positions unknown
    extra: list[Cell]  # values beyond the last column
    _by_column: dict[str, Cell] | None
    _usable: dict[str, Cell | None] | None

    def __init__(
        self,
        span: NormSpan,
        key: str,
        label: Label,
        cells: list[Cell],
        aligned: bool = True,
        extra: list[Cell] | None = None,
    ) -> None:
        self.span = span
        self.key = key
        self.label = label
        self.cells = cells
        self.aligned = aligned
        self.extra = [] if extra is None else extra
        self._by_column = None
        self._usable = None

    @property
    def values_found(self) -> int:
        # NOTE: counted in C (a list's count), not by a generator: rules ask for every row.
        return [cell.state for cell in self.cells].count(CellState.PRESENT)

    @property
    def complete(self) -> bool:
        return self.aligned and self.values_found == len(self.cells)

    def cell(self, column: str) -> Cell | None:
        # NOTE: rules ask for cells by column hundreds of times per report; the index is built
        # on the first question (cells are final once the reader has built the row).
        index = self._by_column
        if index is None:
            index = self._by_column = {}
            for cell in self.cells:
                index.setdefault(cell.column, cell)
        return index.get(column)

    def usable(self, column: str) -> Cell | None:
        """The cell of ``column`` if arithmetic may use it, else None.

        NOTE: a row with more values than columns is no safer than one with fewer: which value
        is the stray one cannot be known, so no column of it is used. The table rules ask
        this of every cell of every relation; the answers are indexed on the first question,
        like :meth:`cell`.
        """
        return self.usable_cells().get(column)

    def usable_cells(self) -> dict[str, Cell | None]:
        """Column → its cell if arithmetic may use it, else None (built on the first call)."""
        index = self._usable
        if index is None:
            index = self._usable = {}
            if self.aligned and not self.extra:
                present = CellState.PRESENT
                for cell in self.cells:
                    # NOTE: Cell.usable written out: a property call per cell of every row
                    # was 2 % of checking a report (a test holds the two to agree).
                    value = cell.value
                    usable = cell.state is present and isinstance(value, int) and value >= 0
                    index.setdefault(cell.column, cell if usable else None)
        return index

    def total_check(self, total: str, parts: Sequence[str]) -> TotalCheck | None:
        """The row's ``total`` cell against its ``parts`` cells, when all of them are usable.

        None when any cell involved is missing, blank or unreadable: the sum cannot be checked
        (GX202/GX207 say why) and a gap is never read as 0.
        """
        index = self.usable_cells()
        total_cell = index.get(total)
        if total_cell is None:
            return None
        cells = list(map(index.get, parts))
        if None in cells:
            return None
        # NOTE: made without NamedTuple's argument binding: every row of every relation.
        return new_tuple(TotalCheck, (total_cell, cells, [cell.value for cell in cells]))

    def children(self) -> Iterator[Node]:
        yield self.label
        yield from self.cells
        yield from self.extra


class Table(Node):
    """Common part of the three tables: rows by key and header labels in order."""

    __slots__ = ("headers", "layout", "missing_rows", "rows", "unknown_rows")

    number: ClassVar[int] = 0  # the section the table belongs to: 2, 3 or 4
    name: ClassVar[str] = "表"  # how messages name it: 表二, 表三, 表四

    rows: dict[str, Row]
    headers: list[Label]
    missing_rows: list[str]  # catalogue keys never found
    unknown_rows: list[Label]
    layout: str

    def __init__(
        self,
        span: NormSpan,
        rows: dict[str, Row] | None = None,
        headers: list[Label] | None = None,
        missing_rows: list[str] | None = None,
        unknown_rows: list[Label] | None = None,
        layout: str = "",
    ) -> None:
        self.span = span
        self.rows = {} if rows is None else rows
        self.headers = [] if headers is None else headers
        self.missing_rows = [] if missing_rows is None else missing_rows
        self.unknown_rows = [] if unknown_rows is None else unknown_rows
        self.layout = layout

    def row(self, key: str) -> Row | None:
        return self.rows.get(key)

    def cell(self, row: str, column: str) -> Cell | None:
        found = self.rows.get(row)
        return found.cell(column) if found else None

    def usable(self, row: str, column: str) -> Cell | None:
        found = self.rows.get(row)
        return found.usable(column) if found else None

    def usable_column(self, rows: Sequence[str], column: str) -> list[Cell | None]:
        """``[self.usable(row, column) for row in rows]``.

        NOTE: one call per row, not two: the column relations ask it for every column of
        table 三, twenty rows at a time.
        """
        get = self.rows.get
        return [row.usable_cells().get(column) if (row := get(key)) else None for key in rows]

    def children(self) -> Iterator[Node]:
        yield from self.headers
        yield from self.rows.values()
        yield from self.unknown_rows


class ActiveDisclosureTable(Table):
    """Table 二 (主动公开): 规章/行政规范性文件 × 制发/废止/现行有效, 许可, 处罚, 强制, 收费."""

    __slots__ = ()

    number: ClassVar[int] = 2
    name: ClassVar[str] = "表二"


class ApplicationTable(Table):
    """Table 三 (依申请公开): 25 rows × 7 columns."""

    __slots__ = ("group_labels",)

    number: ClassVar[int] = 3
    name: ClassVar[str] = "表三"

    group_labels: list[Label]

    def __init__(
        self, span: NormSpan, *, group_labels: list[Label] | None = None, **table: Any
    ) -> None:
        super().__init__(span, **table)
        self.group_labels = [] if group_labels is None else group_labels


class ReviewTable(Table):
    """Table 四 (行政复议、行政诉讼): one row of 15 cells, three groups of five.

    Stored as three rows keyed by group (review, direct_suit, suit_after_review) so that the
    group-total relation reads like the row-total relation of table 三.
    """

    __slots__ = ("values_found",)

    number: ClassVar[int] = 4
    name: ClassVar[str] = "表四"

    values_found: int

    def __init__(self, span: NormSpan, *, values_found: int = 0, **table: Any) -> None:
        super().__init__(span, **table)
        self.values_found = values_found
