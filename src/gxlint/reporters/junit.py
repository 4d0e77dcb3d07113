"""JUnit XML, for CI systems that only understand test reports (GitLab, Jenkins, Azure).

Each report is a ``<testsuite>``, each finding a failing ``<testcase>``; a clean report gets
one passing case so that it still shows up as checked.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from gxlint.findings import FileResult
from gxlint.regexcache import compile_cached
from gxlint.reporters.base import Reporter, Summary, region
from gxlint.source.lines import LineCounter

# Characters XML 1.0 forbids even as references; Word text can carry \x0b and \x0c.
_NOT_XML = compile_cached("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    def picture(match: re.Match[str]) -> str:
        code = ord(match.group())
        return chr(0x2400 + code) if code < 0x20 else "\ufffd"

    return _NOT_XML.sub(picture, text)


def _attr(text: str) -> str:
    return quoteattr(_clean(text), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


class JunitReporter(Reporter):
    """``<testsuites>`` with a ``<testsuite>`` per file, streamed file by file."""

    def start(self) -> None:
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="gxlint">\n')

    def file(self, result: FileResult) -> None:
        path = self.path(result, posix=True)
        failures = len(result.findings)
        write = self.stream.write
        write(
            f'  <testsuite name={_attr(path)} tests="{max(failures, 1)}"'
            f' failures="{failures}" errors="0" skipped="0">\n'
        )
        if not result.findings:
            write(f'    <testcase name="gxlint" classname={_attr(path)}/>\n')
        index = LineCounter(result.text)
        for finding in result.findings:
            where = region(index, finding.span)
            name = f"{finding.code} {where.line}:{where.column}"
            body = f"{finding.code} {finding.name}\n{path}:{where.line}:{where.column}\n"
            body += finding.message + (f"\n{finding.help}" if finding.help else "")
            write(f"    <testcase name={_attr(name)} classname={_attr(path)}>\n")
            write(
                f"      <failure type={_attr(finding.severity.label)}"
                f" message={_attr(finding.message)}>{escape(_clean(body))}</failure>\n"
            )
            write("    </testcase>\n")
        write("  </testsuite>\n")

    def finish(self, summary: Summary) -> None:
        self.stream.write("</testsuites>\n")
