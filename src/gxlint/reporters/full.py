"""The default, compiler-style format: header, location, source snippet, help, doc pointer.

Drawn with rich on a console made from the output stream, so the same code gives plain text
(colour off, tests, files) and styled text (terminals). Report text is never parsed as rich
markup: it is put into :class:`rich.text.Text` objects as-is, and report lines routinely
contain ``[2021]``. What rich would print unchanged is written directly, with the escape
codes rich would write when colour is on (:mod:`gxlint.reporters.ansi`), and rich is not even
imported (about 25 ms of a one-report run, and ~0.5–1 ms per finding).
"""

import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple, TextIO

from gxlint.findings import FileResult, Finding
from gxlint.meta import rule_url
from gxlint.reporters.ansi import PLAIN, AnsiStyle, colour_terminal, sgr_codes, styled
from gxlint.reporters.base import Reporter, ReportOptions, Summary, region, summary_line
from gxlint.reporters.snippet import ELLIPSIS, GapRow, MarkRow, Snippet, SnippetDrawer
from gxlint.reporters.theme import STYLES, make_theme, severity_style
from gxlint.source.lines import LineIndex

if TYPE_CHECKING:
    from rich.console import Console


def make_console(stream: TextIO, options: ReportOptions) -> "Console":
    """A console that writes exactly what we draw: no wrapping, cropping or highlighting.

    NOTE: colour is decided by the CLI (``--color`` beats ``NO_COLOR`` beats ``FORCE_COLOR``
    beats TTY detection), so rich's own environment checks are overridden both ways.
    """
    from rich.console import Console

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


class Link(NamedTuple):
    """A hyperlink layered over a piece (the rule code links to its documentation)."""

    url: str


# A piece of a finding's block: its text, its style, and a style or link layered over it.
Piece = tuple[str, "str | None", "str | Link | None"]


@cache
def _palette() -> dict[str, AnsiStyle] | None:
    """The theme's styles as escape codes, or ``None`` when rich must draw in colour: a
    style outside :mod:`gxlint.reporters.ansi`'s vocabulary, or a dumb terminal (where rich
    prints no codes at all)."""
    return sgr_codes(STYLES) if colour_terminal() else None


# What rich changes in text it prints without colour, under the console of make_console:
# these control codes are dropped and tabs expanded (rich.text.Text), and before rich 14 a
# line longer than the width lost its trailing whitespace. A block free of all three is
# printed exactly as written.
_RICH_REWRITES = re.compile(r"[\t\x07\x08\x0b\x0c\r]")
_TRAILING_SPACE = re.compile(r"\s+$")
_ANY_TRAILING_SPACE = re.compile(r"[^\S\n](?:\n|\Z)")  # NOTE: any line at all; rarely true


class FullReporter(Reporter):
    """``error[GX104] …`` blocks followed by the Chinese summary line.

    A file renders on its own (``-j`` workers draw it). A block rich would print unchanged is
    joined directly, with the escape codes rich would write when colour is on: rich's layout
    of ~15 styled lines per finding cost ~1 ms, the whole run for a large batch; anything
    rich would alter goes through rich.
    """

    renders_files = True

    # NOTE: a class attribute so that a test can fix the palette whatever its terminal.
    palette = staticmethod(_palette)

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        super().__init__(stream, options)
        self._console: Console | None = None

    @property
    def console(self) -> "Console":
        """The rich console on the output stream, made when first needed."""
        if self._console is None:
            self._console = make_console(self.stream, self.options)
        return self._console

    def render(self, result: FileResult) -> str:
        if not result.findings:
            return ""
        index = LineIndex(result.text)
        drawer = SnippetDrawer(index, self.options.width)
        path = self.path(result)
        blocks = []
        for finding in result.findings:
            # NOTE: an empty text (GX001: binary, empty file) has no line worth drawing.
            snippet = drawer.draw(finding) if self.options.show_source and result.text else None
            blocks.append(self._pieces(finding, f"{path}:", index, snippet))
        if not self.options.color:
            return "".join(self._plain(pieces) for pieces in blocks)
        palette = self.palette()
        if palette is None:
            return self._print(blocks)
        return "".join(self._coloured(pieces, palette) for pieces in blocks)

    def finish(self, summary: Summary) -> None:
        if self.options.quiet:
            return
        line = summary_line(summary, self.options.suppressed)
        if self._printed_as_is(line):
            if not self.options.color:
                self.stream.write(line + "\n")
                return
            palette = self.palette()
            if palette is not None:
                self.stream.write(styled(line, palette["gxlint.summary"].codes) + "\n")
                return
        from rich.text import Text

        self.console.print(Text(line, style="gxlint.summary"))

    def _plain(self, pieces: list[Piece]) -> str:
        """What ``console.print`` of the block writes without colour."""
        plain = "".join([piece[0] for piece in pieces])
        return plain + "\n" if self._printed_as_is(plain) else self._print([pieces])

    def _coloured(self, pieces: list[Piece], palette: dict[str, AnsiStyle]) -> str:
        """What ``console.print`` of the block writes in colour."""
        plain = "".join([piece[0] for piece in pieces])
        if not self._printed_as_is(plain):
            return self._print([pieces])
        out = []
        for text, name, layer in pieces:
            style = PLAIN if name is None else palette.get(name)
            link = None
            if isinstance(layer, Link):
                link = layer.url
            elif layer is not None and style is not None:
                over = palette.get(layer)
                style = None if over is None else style.under(over)
            if style is None:  # NOTE: a style name the theme lacks: rich says what it does.
                return self._print([pieces])
            out.append(styled(text, style.codes, link))
        out.append("\n")
        return "".join(out)

    def _print(self, blocks: list[list[Piece]]) -> str:
        """What ``console.print`` writes for each block, styled by rich."""
        from rich.style import Style
        from rich.text import Text

        with self.console.capture() as captured:
            for pieces in blocks:
                block = Text()
                for text, style, layer in pieces:
                    start = len(block)
                    block.append(text, style=style)
                    if isinstance(layer, Link):
                        block.stylize(Style(link=layer.url), start, len(block))
                    elif layer is not None:
                        block.stylize(layer, start, len(block))
                self.console.print(block)
        return captured.get()

    def _printed_as_is(self, plain: str) -> bool:
        if _RICH_REWRITES.search(plain):
            return False
        if not _ANY_TRAILING_SPACE.search(plain):
            return True
        width = self.options.width
        return not any(
            len(line) > width and _TRAILING_SPACE.search(line) for line in plain.split("\n")
        )

    def _pieces(
        self, finding: Finding, path: str, index: LineIndex, snippet: Snippet | None
    ) -> list[Piece]:
        where = region(index, finding.span)
        severity = severity_style(finding.severity.label)
        gutter = snippet.gutter if snippet else len(str(where.line))
        # NOTE: a link escape only where colour is on; never in files.
        link = Link(rule_url(finding.code)) if self.options.color else None
        pieces: list[Piece] = [
            (f"{finding.severity.label}[", severity, None),
            (finding.code, severity, link),
            ("]", severity, None),
            (" " + finding.message, "gxlint.message", None),
            ("\n" + " " * gutter + "--> ", "gxlint.gutter", None),
            (f"{path}{where.line}:{where.column}", "gxlint.path", None),
        ]
        if snippet:
            self._snippet(pieces, snippet, severity)
        pad = " " * (gutter + 1)
        if finding.help:
            pieces.append((f"\n{pad}= ", "gxlint.gutter", None))
            pieces.append(("help", "gxlint.help", None))
            pieces.append((f": {finding.help}", None, None))
        pieces.append((f"\n{pad}= ", "gxlint.gutter", None))
        pieces.append(("参见", "gxlint.help", None))
        pieces.append((f": gxlint rule {finding.code}\n", None, None))
        return pieces

    @staticmethod
    def _snippet(pieces: list[Piece], snippet: Snippet, severity: str) -> None:
        bar = " " * (snippet.gutter + 1) + "|"
        pieces.append(("\n" + bar, "gxlint.gutter", None))
        for row in snippet.rows:
            pieces.append(("\n", None, None))
            kind = row.__class__
            if kind is GapRow:
                pieces.append((ELLIPSIS, "gxlint.gutter", None))
            elif kind is MarkRow:
                pieces.append((bar, "gxlint.gutter", None))
                pieces.append((" " + " " * row.indent, None, None))
                if row.primary:
                    # NOTE: the primary caret takes its severity's colour; the theme's
                    # caret style is layered on top so that it can still override it.
                    text = row.marks + (" " + row.message if row.message else "")
                    pieces.append((text, severity, "gxlint.caret.primary"))
                else:
                    pieces.append((row.marks, "gxlint.caret.secondary", None))
                    if row.message:
                        pieces.append((" " + row.message, "gxlint.label", None))
            else:
                pieces.append((f"{row.number:>{snippet.gutter}} |", "gxlint.gutter", None))
                if row.text or row.cut_left or row.cut_right:  # NOTE: ``row.plain`` not empty
                    pieces.append((" ", None, None))
                if row.cut_left:
                    pieces.append((ELLIPSIS, "gxlint.ellipsis", None))
                pieces.append((row.text, "gxlint.source", None))
                if row.cut_right:
                    pieces.append((ELLIPSIS, "gxlint.ellipsis", None))
