"""Tables 二, 三 and 四 as typed data: cells with raw text, value, state and span.

A cell the report does not provide is MISSING, never 0; a row whose values could not be
aligned to columns (fewer values than columns with blanks between) is marked unaligned so
that no rule reads a value in the wrong column.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar, NamedTuple

from gxlint.model.nodes import Node
from gxlint.spec import LabelMatch, MatchKind

Number = int | Decimal


class CellState(enum.Enum):
    PRESENT = "present"  # a value was written (it may still be invalid: see Cell.value)
    BLANK = "blank"  # an empty cell
    FILLER = "filler"  # a placeholder such as "/", "-" or a merged-cell marker
    MISSING = "missing"  # the row ended before this column


@dataclass(eq=False, repr=False)
class Cell(Node):
    """One table cell. ``value`` is None unless the raw text is a number."""

    raw: str
    value: Number | None
    state: CellState
    row: str
    column: str
    note: str | None = None  # an annotation after the number: 22（其中修订16件）

    @property
    def usable(self) -> bool:
        """True when arithmetic may use this cell: a count, i.e. a non-negative integer.

        NOTE: a negative or fractional count is GX207's finding; adding it up would only
        repeat that defect as a mismatch. The decimal fee column takes part in no relation.
        """
        return self.state is CellState.PRESENT and isinstance(self.value, int) and self.value >= 0


@dataclass(eq=False, repr=False)
class Label(Node):
    """A row or column label as written, and what it was matched to."""

    raw: str
    match: LabelMatch | None

    @property
    def key(self) -> str | None:
        return self.match.key if self.match else None

    @property
    def standard(self) -> bool:
        return self.match is not None and self.match.kind is MatchKind.EXACT


class TotalCheck(NamedTuple):
    """A total cell and the cells that should add up to it (all usable).

    NOTE: a named tuple, not a frozen dataclass: cheaper to create at import (start-up time).
    """

    total: Cell
    parts: list[Cell]

    @property
    def values(self) -> list[Number]:
        return [cell.value for cell in self.parts if cell.value is not None]

    @property
    def expected(self) -> Number:
        return sum(self.values)

    @property
    def balanced(self) -> bool:
        return self.expected == self.total.value

    @property
    def addends(self) -> str:
        """``40+5+0+1+0+0`` for messages."""
        return "+".join(str(value) for value in self.values)


@dataclass(eq=False, repr=False)
class Row(Node):
    """A table row: its label and one cell per expected column."""

    key: str
    label: Label
    cells: list[Cell]
    aligned: bool = True  # False: fewer values than columns with gaps; positions unknown
    extra: list[Cell] = field(default_factory=list)  # values beyond the last column
    _by_column: dict[str, Cell] | None = field(default=None, init=False, repr=False)

    @property
    def values_found(self) -> int:
        return sum(1 for cell in self.cells if cell.state is CellState.PRESENT)

    @property
    def complete(self) -> bool:
        return self.aligned and all(cell.state is CellState.PRESENT for cell in self.cells)

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
        is the stray one cannot be known, so no column of it is used.
        """
        cell = self.cell(column)
        usable = self.aligned and not self.extra and cell is not None and cell.usable
        return cell if usable else None

    def total_check(self, total: str, parts: Sequence[str]) -> TotalCheck | None:
        """The row's ``total`` cell against its ``parts`` cells, when all of them are usable.

        None when any cell involved is missing, blank or unreadable: the sum cannot be checked
        (GX202/GX207 say why) and a gap is never read as 0.
        """
        total_cell = self.usable(total)
        part_cells = [self.usable(column) for column in parts]
        if total_cell is None or any(cell is None for cell in part_cells):
            return None
        return TotalCheck(total_cell, [cell for cell in part_cells if cell is not None])

    def children(self) -> Iterator[Node]:
        yield self.label
        yield from self.cells
        yield from self.extra


@dataclass(eq=False, repr=False)
class Table(Node):
    """Common part of the three tables: rows by key and header labels in order."""

    number: ClassVar[int] = 0  # the section the table belongs to: 2, 3 or 4

    rows: dict[str, Row] = field(default_factory=dict)
    headers: list[Label] = field(default_factory=list)
    missing_rows: list[str] = field(default_factory=list)  # catalogue keys never found
    unknown_rows: list[Label] = field(default_factory=list)
    layout: str = ""

    @property
    def name(self) -> str:
        """How messages name the table: 表二, 表三, 表四."""
        return "表" + "一二三四"[self.number - 1]

    def row(self, key: str) -> Row | None:
        return self.rows.get(key)

    def cell(self, row: str, column: str) -> Cell | None:
        found = self.rows.get(row)
        return found.cell(column) if found else None

    def usable(self, row: str, column: str) -> Cell | None:
        found = self.rows.get(row)
        return found.usable(column) if found else None

    def children(self) -> Iterator[Node]:
        yield from self.headers
        yield from self.rows.values()
        yield from self.unknown_rows


@dataclass(eq=False, repr=False)
class ActiveDisclosureTable(Table):
    """Table 二 (主动公开): 规章/行政规范性文件 × 制发/废止/现行有效, 许可, 处罚, 强制, 收费."""

    number: ClassVar[int] = 2


@dataclass(eq=False, repr=False)
class ApplicationTable(Table):
    """Table 三 (依申请公开): 25 rows × 7 columns."""

    number: ClassVar[int] = 3

    group_labels: list[Label] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class ReviewTable(Table):
    """Table 四 (行政复议、行政诉讼): one row of 15 cells, three groups of five.

    Stored as three rows keyed by group (review, direct_suit, suit_after_review) so that the
    group-total relation reads like the row-total relation of table 三.
    """

    number: ClassVar[int] = 4

    values_found: int = 0
