"""The ``gxlint/1`` JSON document of ``rules.md``, streamed one file object at a time.

The schema is a public interface (CI scripts, dashboards): its keys change only through
``rules.md``. The document is written in pieces, opening, one object per file, closing, so
a run over thousands of reports never holds them all; the result is still one JSON value.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _string
from typing import Any, TextIO

from gxlint.findings import FileResult, Finding, Severity
from gxlint.meta import __version__
from gxlint.reporters.base import Reporter, ReportOptions, Summary, region
from gxlint.source.lines import LineCounter

SCHEMA = "gxlint/1"

# NOTE: looked up once: ``Severity.label`` goes through the enum's ``name`` descriptor each
# time, for every finding of every file.
_SEVERITY_LABELS = {severity: severity.label for severity in Severity}


def file_json(result: FileResult, path: str) -> str:
    """One ``files[]`` element (``path``, ``encoding``, ``findings``), as compact JSON; shared
    with the ``jsonl`` format.

    NOTE: the keys are fixed and the values are strings and integers, so the text is put
    together here with JSON's own string encoder, without a dict per finding for the encoder
    to walk: a run over thousands of reports writes tens of thousands of findings.
    """
    findings = ""
    if result.findings:  # NOTE: a clean file needs no line counting.
        index = LineCounter(result.text)
        findings = ",".join([_finding_json(finding, index) for finding in result.findings])
    encoding = "null" if result.encoding is None else _string(result.encoding)
    return f'{{"path":{_string(path)},"encoding":{encoding},"findings":[{findings}]}}'


_HEADS: dict[tuple[str, str, Severity], str] = {}


def _finding_json(finding: Finding, index: LineCounter) -> str:
    key = (finding.code, finding.name, finding.severity)
    head = _HEADS.get(key)
    if head is None:
        code, name, severity = map(_string, (key[0], key[1], _SEVERITY_LABELS[key[2]]))
        head = _HEADS[key] = f'{{"code":{code},"name":{name},"severity":{severity},"message":'
    line, column, end_line, end_column = region(index, finding.span)
    fix = finding.fix
    if fix is None:
        fixed = "null"
    else:
        where = region(index, fix.span)
        fixed = (
            f'{{"replacement":{_string(fix.replacement)},"line":{where.line},'
            f'"column":{where.column},"end_line":{where.end_line},'
            f'"end_column":{where.end_column},"safety":{_string(fix.safety.value)}}}'
        )
    return (
        f'{head}{_string(finding.message)},"line":{line},"column":{column},'
        f'"end_line":{end_line},"end_column":{end_column},"fix":{fixed}}}'
    )


def dumps(value: Any) -> str:
    """Compact JSON that keeps Chinese readable (``ensure_ascii=False``)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class JsonReporter(Reporter):
    """``{"schema": "gxlint/1", "version", "files": [...], "summary": {...}}``"""

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        super().__init__(stream, options)
        self._count = 0

    def start(self) -> None:
        self.stream.write(f'{{"schema":{dumps(SCHEMA)},"version":{dumps(__version__)},"files":[')

    renders_files = True

    def render(self, result: FileResult) -> str:
        return file_json(result, self.path(result, posix=True))

    def write(self, rendered: str) -> None:
        # NOTE: one file per line keeps big outputs diffable and greppable.
        self.stream.write(("," if self._count else "") + "\n" + rendered)
        self._count += 1

    def finish(self, summary: Summary) -> None:
        totals = {
            "files": summary.files,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
        }
        self.stream.write(f'\n],"summary":{dumps(totals)}}}\n')
