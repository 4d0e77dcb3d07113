"""``--statistics``: how often each rule fired, instead of the findings themselves.

Used to size up a backlog ("which rules matter across 3,000 reports?"), so the table is
plain text for people and data for ``--format json`` / ``csv``; rich is never needed.
Only per-rule counters are kept, so memory does not grow with the number of files.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, TextIO

from gxlint.findings import FileResult, Severity
from gxlint.meta import __version__
from gxlint.reporters.base import Reporter, ReportOptions, Summary, summary_line

SCHEMA = "gxlint-statistics/1"
COLUMNS = ("count", "code", "name", "severity", "files")


class RuleCount:
    """One row: a rule, its findings and the number of files it fired in.

    NOTE: a plain class, not a dataclass: cheaper to create at import (start-up time).
    """

    __slots__ = ("code", "count", "files", "name", "severity")

    def __init__(
        self, code: str, name: str, severity: Severity, count: int = 0, files: int = 0
    ) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.count = count
        self.files = files

    def values(self) -> tuple[int, str, str, str, int]:
        return (self.count, self.code, self.name, self.severity.label, self.files)


class StatisticsReporter(Reporter):
    """Plain-text table, most frequent rule first, then the summary line."""

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        super().__init__(stream, options)
        self._rules: dict[str, RuleCount] = {}

    def file(self, result: FileResult) -> None:
        per_code = Counter(finding.code for finding in result.findings)
        for finding in result.findings:
            row = self._rules.setdefault(
                finding.code, RuleCount(finding.code, finding.name, finding.severity)
            )
            # NOTE: config can give one rule different severities per file; show the worst.
            row.severity = max(row.severity, finding.severity)
        for code, count in per_code.items():
            self._rules[code].count += count
            self._rules[code].files += 1

    def rows(self) -> list[RuleCount]:
        return sorted(self._rules.values(), key=lambda row: (-row.count, row.code))

    def finish(self, summary: Summary) -> None:
        rows = self.rows()
        if rows:
            count_width = len(str(rows[0].count))
            code_width = max(len(row.code) for row in rows)
            name_width = max(len(row.name) for row in rows)
            for row in rows:
                self.stream.write(
                    f"{row.count:>{count_width}}  {row.code:<{code_width}}  "
                    f"{row.name:<{name_width}}  {row.severity.label:<7}  {row.files} 个文件\n"
                )
        if not self.options.quiet:
            self.stream.write(summary_line(summary, self.options.suppressed) + "\n")


class JsonStatisticsReporter(StatisticsReporter):
    """``{"schema": "gxlint-statistics/1", "version", "rules": [...], "summary": {...}}``"""

    def finish(self, summary: Summary) -> None:
        from gxlint.reporters.json import dumps

        document: dict[str, Any] = {
            "schema": SCHEMA,
            "version": __version__,
            "rules": [dict(zip(COLUMNS, row.values(), strict=True)) for row in self.rows()],
            "summary": {
                "files": summary.files,
                "errors": summary.errors,
                "warnings": summary.warnings,
                "infos": summary.infos,
            },
        }
        self.stream.write(dumps(document) + "\n")


class CsvStatisticsReporter(StatisticsReporter):
    """``count,code,name,severity,files`` rows, with the BOM and CRLF of the csv format."""

    def finish(self, summary: Summary) -> None:
        from gxlint.reporters.csv import BOM, excel_writer

        self.stream.write(BOM)
        writer = excel_writer(self.stream)
        writer.writerow(COLUMNS)
        writer.writerows(row.values() for row in self.rows())
