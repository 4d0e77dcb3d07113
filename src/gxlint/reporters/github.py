"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

The command syntax is line-based, so ``%``, CR and LF in the message are escaped; property
values are also cut at ``:`` and ``,``, so those are escaped there too.
"""

from __future__ import annotations

from gxlint.findings import FileResult, Severity
from gxlint.reporters.base import Reporter, region
from gxlint.source.lines import LineCounter

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=…``, ``title=…``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=GX104 name::message``"""

    renders_files = True

    def render(self, result: FileResult) -> str:
        if not result.findings:
            return ""
        index = LineCounter(result.text)
        path = escape_property(self.path(result, posix=True))
        lines = []
        for finding in result.findings:
            where = region(index, finding.span)
            title = escape_property(f"{finding.code} {finding.name}")
            lines.append(
                f"::{COMMANDS[finding.severity]} file={path},line={where.line},"
                f"col={where.column},endLine={where.end_line},endColumn={where.end_column},"
                f"title={title}::{escape_data(finding.message)}\n"
            )
        return "".join(lines)
