"""The default, compiler-style format: header, location, source snippet, help, doc pointer.

Drawn with rich on a console made from the output stream, so the same code gives plain text
(colour off, tests, files) and styled text (terminals). Report text is never parsed as rich
markup: it is put into :class:`rich.text.Text` objects as-is, and report lines routinely
contain ``[2021]``.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.style import Style
from rich.text import Text

from gxlint.findings import FileResult, Finding
from gxlint.meta import rule_url
from gxlint.reporters.base import Reporter, ReportOptions, Summary, region, summary_line
from gxlint.reporters.snippet import ELLIPSIS, GapRow, MarkRow, Snippet, SnippetDrawer
from gxlint.reporters.theme import make_theme, severity_style
from gxlint.source.lines import LineIndex


def make_console(stream: TextIO, options: ReportOptions) -> Console:
    """A console that writes exactly what we draw: no wrapping, cropping or highlighting.

    NOTE: colour is decided by the CLI (``--color`` beats ``NO_COLOR`` beats ``FORCE_COLOR``
    beats TTY detection), so rich's own environment checks are overridden both ways.
    """
    return Console(
        file=stream,
        width=options.width,
        color_system="auto" if options.color else None,
        force_terminal=options.color,
        no_color=not options.color,
        theme=make_theme(),
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
        legacy_windows=False,
    )


class FullReporter(Reporter):
    """``error[GX104] …`` blocks followed by the Chinese summary line."""

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        super().__init__(stream, options)
        self.console = make_console(stream, options)

    def file(self, result: FileResult) -> None:
        if not result.findings:
            return
        index = LineIndex(result.text)
        drawer = SnippetDrawer(index, self.options.width)
        path = self.path(result)
        for finding in result.findings:
            # NOTE: an empty text (GX001: binary, empty file) has no line worth drawing.
            snippet = drawer.draw(finding) if self.options.show_source and result.text else None
            self.console.print(self._block(finding, f"{path}:", index, snippet))

    def finish(self, summary: Summary) -> None:
        if not self.options.quiet:
            line = summary_line(summary, self.options.suppressed)
            self.console.print(Text(line, style="gxlint.summary"))

    def _block(
        self, finding: Finding, path: str, index: LineIndex, snippet: Snippet | None
    ) -> Text:
        where = region(index, finding.span)
        severity = severity_style(finding.severity.label)
        gutter = snippet.gutter if snippet else len(str(where.line))
        block = Text()
        block.append(f"{finding.severity.label}[", style=severity)
        code_style = Style(link=rule_url(finding.code)) if self.options.color else None
        block.append(finding.code, style=severity)
        if code_style:  # NOTE: a link escape only where colour is on; never in files.
            block.stylize(code_style, len(block) - len(finding.code), len(block))
        block.append("]", style=severity)
        block.append(" " + finding.message, style="gxlint.message")
        block.append("\n" + " " * gutter + "--> ", style="gxlint.gutter")
        block.append(f"{path}{where.line}:{where.column}", style="gxlint.path")
        if snippet:
            self._snippet(block, snippet, severity)
        pad = " " * (gutter + 1)
        if finding.help:
            block.append(f"\n{pad}= ", style="gxlint.gutter")
            block.append("help", style="gxlint.help")
            block.append(f": {finding.help}")
        block.append(f"\n{pad}= ", style="gxlint.gutter")
        block.append("参见", style="gxlint.help")
        block.append(f": gxlint rule {finding.code}\n")
        return block

    @staticmethod
    def _snippet(block: Text, snippet: Snippet, severity: str) -> None:
        bar = " " * (snippet.gutter + 1) + "|"
        block.append("\n" + bar, style="gxlint.gutter")
        for row in snippet.rows:
            block.append("\n")
            if isinstance(row, GapRow):
                block.append(ELLIPSIS, style="gxlint.gutter")
            elif isinstance(row, MarkRow):
                block.append(bar, style="gxlint.gutter")
                block.append(" " + " " * row.indent)
                if row.primary:
                    # NOTE: the primary caret takes its severity's colour; the theme's
                    # caret style is layered on top so that it can still override it.
                    start = len(block)
                    block.append(row.marks + (" " + row.message if row.message else ""), severity)
                    block.stylize("gxlint.caret.primary", start, len(block))
                else:
                    block.append(row.marks, style="gxlint.caret.secondary")
                    if row.message:
                        block.append(" " + row.message, style="gxlint.label")
            else:
                block.append(f"{row.number:>{snippet.gutter}} |", style="gxlint.gutter")
                if row.plain:
                    block.append(" ")
                if row.cut_left:
                    block.append(ELLIPSIS, style="gxlint.ellipsis")
                block.append(row.text, style="gxlint.source")
                if row.cut_right:
                    block.append(ELLIPSIS, style="gxlint.ellipsis")
