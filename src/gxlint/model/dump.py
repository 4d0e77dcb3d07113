"""The model as JSON for ``gxlint parse``: what the reader understood, with original lines.

Positions are converted here (for display only) from normalised spans to 1-based line and
column of the ORIGINAL file, the same numbers findings use.
"""

from __future__ import annotations

from typing import Any

from gxlint.model.nodes import DateMention, Heading, Node
from gxlint.model.report import Report, Section
from gxlint.model.tables import Cell, Label, Row, Table
from gxlint.source import LineIndex, NormalizedText


class _Positions:
    def __init__(self, norm: NormalizedText) -> None:
        self.norm = norm
        self.index = LineIndex(norm.original)

    def text(self, node: Node) -> str:
        """The ORIGINAL characters under a node (what the user wrote)."""
        return self.norm.original_slice(node.span)

    def at(self, node: Node) -> dict[str, int]:
        source = self.norm.to_source(node.span)
        start = self.index.position(source.start)
        return {"line": start.line, "column": start.column}


def dump_report(
    report: Report, norm: NormalizedText, *, path: str, encoding: str
) -> dict[str, Any]:
    """A JSON-serialisable description of ``report``."""
    pos = _Positions(norm)
    title = report.title
    signoff = report.signoff
    period = report.statistics_period
    return {
        "schema": "gxlint-model/1",
        "path": path,
        "encoding": encoding,
        "title": None
        if title is None
        else {"text": title.text, "organ": title.organ, "year": title.year, **pos.at(title)},
        "statistics_period": None
        if period is None
        else {
            "text": report.text[period.span.start : period.span.end],
            "year": period.year,
            **pos.at(period),
        },
        "sections": [_section(s, pos) for s in report.sections],
        "signoff": None
        if signoff is None
        else {
            "organ": signoff.organ.text if signoff.organ else None,
            "organ_line": pos.at(signoff.organ)["line"] if signoff.organ else None,
            "date": _date(signoff.date, pos) if signoff.date else None,
        },
        "dates": [_date(d, pos) for d in report.dates],
        "doc_numbers": [{"text": d.raw, **pos.at(d)} for d in report.doc_numbers],
        "unrecognized": [
            {"text": u.text, "reason": u.reason, **pos.at(u)} for u in report.unrecognized
        ],
    }


def _date(date: DateMention, pos: _Positions) -> dict[str, Any]:
    return {
        "text": date.raw,
        "value": date.value.isoformat() if date.value else None,
        "kind": date.kind,
        "problem": date.problem,
        "suggestion": date.suggestion,
        **pos.at(date),
    }


def _heading(heading: Heading, pos: _Positions) -> dict[str, Any]:
    return {
        "text": heading.text,
        "ordinal": heading.ordinal.raw if heading.ordinal else None,
        "title": heading.title,
        "implied": heading.implied,
        "match": heading.match.kind.value if heading.match else None,
        **pos.at(heading),
    }


def _section(section: Section, pos: _Positions) -> dict[str, Any]:
    return {
        "number": section.number,
        "heading": _heading(section.heading, pos),
        "items": [
            [{"ordinal": i.ordinal.raw, "value": i.ordinal.value, **pos.at(i)} for i in items]
            for items in section.item_lists
        ],
        "paragraphs": len(section.paragraphs),
        "table": _table(section.table, pos) if section.table is not None else None,
    }


def _label(label: Label, pos: _Positions) -> dict[str, Any]:
    match = label.match
    return {
        "text": pos.text(label),
        "canonical": match.canonical if match else None,
        "match": match.kind.value if match else None,
        **pos.at(label),
    }


def _cell(cell: Cell, pos: _Positions) -> dict[str, Any]:
    value = cell.value
    return {
        "key": cell.column,
        "raw": pos.text(cell),
        "value": str(value) if value is not None and not isinstance(value, int) else value,
        "state": cell.state.value,
        **({"note": cell.note} if cell.note else {}),
        **pos.at(cell),
    }


def _row(row: Row, pos: _Positions) -> dict[str, Any]:
    return {
        "label": _label(row.label, pos),
        "aligned": row.aligned,
        "cells": [_cell(c, pos) for c in row.cells],
        **({"extra": [_cell(c, pos) for c in row.extra]} if row.extra else {}),
    }


def _table(table: Table, pos: _Positions) -> dict[str, Any]:
    return {
        "type": type(table).__name__,
        "layout": table.layout,
        "headers": [_label(h, pos) for h in table.headers],
        "rows": {key: _row(row, pos) for key, row in table.rows.items()},
        "missing_rows": table.missing_rows,
        "unknown_rows": [_label(u, pos) for u in table.unknown_rows],
    }
