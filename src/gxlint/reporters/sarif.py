"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

Columns are declared as ``unicodeCodePoints``, the unit of every gxlint column, so a viewer
highlights the right characters in CJK text; locations are relative, ``/``-separated and
percent-encoded UTF-8 URIs, as SARIF requires (Chinese file names included).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from gxlint.findings import FileResult, Finding, RuleInfo, Severity
from gxlint.meta import DOCS_URL, __version__, rule_url
from gxlint.reporters.base import Reporter, ReportOptions, Summary, display_path, region
from gxlint.reporters.json import dumps
from gxlint.source.lines import LineIndex
from gxlint.source.spans import SourceSpan

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str, cwd: str | None) -> str:
    """A relative, percent-encoded URI for ``path`` (a ``file:`` URI when outside ``cwd``)."""
    shown = display_path(path, cwd)
    if os.path.isabs(shown):
        return Path(shown).as_uri()
    return quote(display_path(path, cwd, posix=True), safe="/")


def rule_object(
    code: str, name: str, summary: str, severity: Severity, pack: str
) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "defaultConfiguration": {"level": LEVELS[severity]},
    }
    # NOTE: only the core pack's rules live on gxlint's documentation site.
    if pack == "core":
        rule["helpUri"] = rule_url(code)
    return rule


class SarifReporter(Reporter):
    """One SARIF log with one run; results stream, the rule table closes the run."""

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        super().__init__(stream, options)
        known: list[RuleInfo] = sorted(options.rules.values(), key=lambda info: info.code)
        self._rules: list[dict[str, Any]] = [
            rule_object(info.code, info.name, info.summary, info.severity, info.pack)
            for info in known
        ]
        self._index: dict[str, int] = {info.code: i for i, info in enumerate(known)}
        self._count = 0

    def start(self) -> None:
        self.stream.write(
            f'{{"version":{dumps(SARIF_VERSION)},"$schema":{dumps(SARIF_SCHEMA)},'
            '"runs":[{"columnKind":"unicodeCodePoints","results":['
        )

    def file(self, result: FileResult) -> None:
        if not result.findings:
            return
        index = LineIndex(result.text)
        uri = artifact_uri(result.path, self.options.cwd)
        for finding in result.findings:
            self.stream.write(("," if self._count else "") + "\n")
            self.stream.write(dumps(self._result(finding, index, uri)))
            self._count += 1

    def finish(self, summary: Summary) -> None:
        # NOTE: the tool object is written after the results (member order is free in
        # JSON), so a rule missing from ``options.rules`` (an engine code, a late plugin)
        # can still be added to the table that its result's ``ruleIndex`` points into.
        driver = {
            "name": "gxlint",
            "version": __version__,
            "informationUri": DOCS_URL,
            "rules": self._rules,
        }
        self.stream.write(f'\n],"tool":{{"driver":{dumps(driver)}}}}}]}}\n')

    def _rule_index(self, finding: Finding) -> int:
        if finding.code not in self._index:
            self._index[finding.code] = len(self._rules)
            self._rules.append(
                rule_object(
                    finding.code, finding.name, finding.name, finding.severity, finding.pack
                )
            )
        return self._index[finding.code]

    def _result(self, finding: Finding, index: LineIndex, uri: str) -> dict[str, Any]:
        result: dict[str, Any] = {
            "ruleId": finding.code,
            "ruleIndex": self._rule_index(finding),
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [_location(uri, index, finding.span)],
        }
        if finding.labels:
            result["relatedLocations"] = [
                {
                    "id": number,
                    **_location(uri, index, label.span),
                    "message": {"text": label.message},
                }
                for number, label in enumerate(finding.labels, start=1)
            ]
        return result


def _location(uri: str, index: LineIndex, span: SourceSpan) -> dict[str, Any]:
    where = region(index, span)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": {
                "startLine": where.line,
                "startColumn": where.column,
                "endLine": where.end_line,
                "endColumn": where.end_column,
            },
        }
    }
