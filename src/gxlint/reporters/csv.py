"""CSV for spreadsheets: UTF-8 with a BOM and CRLF, so Excel on Chinese Windows opens it.

Without the BOM Excel reads the file as GBK and shows mojibake; the CLI opens the output
with ``newline=""`` so the ``\\r\\n`` written here reaches the file unchanged.
"""

from __future__ import annotations

import csv
import io
from typing import Any, TextIO

from gxlint.findings import FileResult
from gxlint.reporters.base import Reporter, ReportOptions, region
from gxlint.source.lines import LineCounter

BOM = "\ufeff"
HEADER = (
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "code",
    "name",
    "message",
)


def excel_writer(stream: TextIO) -> Any:
    """A CSV writer with the dialect Excel expects; shared with ``--statistics``."""
    return csv.writer(stream, lineterminator="\r\n")


class CsvReporter(Reporter):
    """A header row, then one row per finding; clean files give no rows."""

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        super().__init__(stream, options)
        self._writer = excel_writer(stream)

    def start(self) -> None:
        self.stream.write(BOM)
        self._writer.writerow(HEADER)

    renders_files = True

    def render(self, result: FileResult) -> str:
        if not result.findings:
            return ""
        index = LineCounter(result.text)
        path = self.path(result, posix=True)
        rows = []
        for finding in result.findings:
            where = region(index, finding.span)
            rows.append(
                (
                    path,
                    where.line,
                    where.column,
                    where.end_line,
                    where.end_column,
                    finding.severity.label,
                    finding.code,
                    finding.name,
                    finding.message,
                )
            )
        buffer = io.StringIO(newline="")
        excel_writer(buffer).writerows(rows)
        return buffer.getvalue()
