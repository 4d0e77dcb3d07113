"""One line per finding, ``path:line:col: CODE [severity] message``, for editors and grep.

Editors (Vim's quickfix, VS Code problem matchers) parse exactly this shape, so nothing but
the summary line is added, and ``--quiet`` drops even that.
"""

from __future__ import annotations

from gxlint.findings import FileResult
from gxlint.reporters.base import Reporter, Summary, region, summary_line
from gxlint.source.lines import LineCounter


def one_line(message: str) -> str:
    """``message`` with its line breaks turned into spaces.

    NOTE: a rule's message is one line, but a GX009 crash can quote an exception; a line
    break would split the finding into a second "line" that editors misread.
    """
    return " ".join(message.splitlines())


class ConciseReporter(Reporter):
    """``2024/某某县.txt:21:1: GX104 [error] 同级序号……``"""

    renders_files = True

    def render(self, result: FileResult) -> str:
        if not result.findings:
            return ""
        index = LineCounter(result.text)
        path = self.path(result)
        lines = []
        for finding in result.findings:
            where = region(index, finding.span)
            lines.append(
                f"{path}:{where.line}:{where.column}: "
                f"{finding.code} [{finding.severity.label}] {one_line(finding.message)}\n"
            )
        return "".join(lines)

    def finish(self, summary: Summary) -> None:
        if not self.options.quiet:
            self.stream.write(summary_line(summary, self.options.suppressed) + "\n")
