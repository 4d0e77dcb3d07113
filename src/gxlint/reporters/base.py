"""The contract every output format implements, and the few facts all formats share.

A reporter sees only :class:`FileResult` objects: the original text plus findings holding
:class:`SourceSpan` offsets. Line and column are derived here, from one :class:`LineIndex`
per file, so every format reports the same position for the same finding.

This module must stay cheap to import: machine formats run in pre-commit hooks and CI, where
importing rich for nothing would double the start-up time.
"""

import os
import posixpath
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar, NamedTuple, TextIO

from gxlint.findings import FileResult, RuleInfo, Severity
from gxlint.paths import relative_below
from gxlint.record import FrozenRecord, new_tuple, set_field
from gxlint.source.lines import LineCounter, LineIndex
from gxlint.source.spans import SourceSpan

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class ReportOptions(FrozenRecord):
    """What the command line decided about presentation; reporters never read config.

    The default ``rules`` is one shared read-only empty mapping (it equals ``{}``).
    """

    __slots__ = (
        "color",
        "cwd",
        "quiet",
        "rules",
        "show_source",
        "statistics",
        "suppressed",
        "width",
    )

    color: bool
    width: int
    rules: Mapping[str, RuleInfo]
    show_source: bool
    quiet: bool
    statistics: bool
    cwd: str | None
    suppressed: int

    def __init__(
        self,
        color: bool = False,
        width: int = 100,
        rules: Mapping[str, RuleInfo] = _EMPTY,
        show_source: bool = True,
        quiet: bool = False,
        statistics: bool = False,
        cwd: str | None = None,
        suppressed: int = 0,
    ) -> None:
        set_field(self, "color", color)
        set_field(self, "width", width)
        set_field(self, "rules", rules)
        set_field(self, "show_source", show_source)
        set_field(self, "quiet", quiet)
        set_field(self, "statistics", statistics)
        set_field(self, "cwd", cwd)
        set_field(self, "suppressed", suppressed)


class Summary:
    """Totals of a run, as shown in the summary line and the JSON ``summary`` object.

    NOTE: a plain class, not a dataclass: nothing compares or prints a summary, and a dataclass
    costs far more to create at import (start-up time).
    """

    __slots__ = ("errors", "files", "infos", "suppressed", "warnings")

    def __init__(
        self,
        files: int = 0,
        errors: int = 0,
        warnings: int = 0,
        infos: int = 0,
        suppressed: int = 0,
    ) -> None:
        self.files = files
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        self.suppressed = suppressed

    def add(self, result: FileResult) -> None:
        """Count one checked file and its findings."""
        self.add_counts(severity_counts(result))

    def add_counts(self, counts: tuple[int, int, int]) -> None:
        """Count one checked file with ``counts`` (:func:`severity_counts`) findings."""
        self.files += 1
        self.errors += counts[0]
        self.warnings += counts[1]
        self.infos += counts[2]

    @classmethod
    def of(cls, results: Iterable[FileResult], suppressed: int = 0) -> "Summary":
        summary = cls(suppressed=suppressed)
        for result in results:
            summary.add(result)
        return summary


def severity_counts(result: FileResult) -> tuple[int, int, int]:
    """The errors, warnings and infos among ``result``'s findings."""
    errors = warnings = 0
    for finding in result.findings:
        if finding.severity is Severity.ERROR:
            errors += 1
        elif finding.severity is Severity.WARNING:
            warnings += 1
    return errors, warnings, len(result.findings) - errors - warnings


def summary_line(summary: Summary, suppressed: int = 0) -> str:
    """The Chinese closing sentence of the human formats.

    ``suppressed`` is the count from :class:`ReportOptions`, used when the summary has none.
    """
    text = (
        f"共检查 {summary.files} 个文件，发现 {summary.errors} 个错误、"
        f"{summary.warnings} 个警告、{summary.infos} 条提示"
    )
    hidden = summary.suppressed or suppressed
    if hidden:
        text += f"，另有 {hidden} 条已被抑制"
    return text + "。"


class Region(NamedTuple):
    """1-based position of a span; ``end_column`` is one past the last character.

    NOTE: a named tuple: every finding of every file shown gets one, and a named tuple is the
    cheapest immutable record to build.
    """

    line: int
    column: int
    end_line: int
    end_column: int


def region(index: LineIndex | LineCounter, span: SourceSpan) -> Region:
    """Line and column of ``span`` in the text ``index`` was built over.

    NOTE: the end is derived from the span's *last character* (rules.md: "end_column is one
    past the last character"), so a span ending with its line's ``\\n`` ends on that line,
    not at column 1 of the next. An empty span ends where it starts.
    """
    size = len(index.text)
    start = max(0, min(span.start, size))
    end = min(span.end, size)
    line, line_start = index.locate(start)
    column = start - line_start + 1
    if end <= start:
        return new_tuple(Region, (line + 1, column, line + 1, column))
    last_line, last_start = index.locate(end - 1)
    return new_tuple(Region, (line + 1, column, last_line + 1, end - last_start + 1))


def display_path(path: str, cwd: str | None, *, posix: bool = False) -> str:
    """``path`` as shown to the user: relative to ``cwd`` when below it.

    ``posix=True`` gives ``/`` separators, which every machine format uses whatever the OS.
    """
    shown = path
    if cwd and _plain(path) and _plain(cwd):
        # NOTE: what os.path.relpath decides, without it (~20 µs per file of a walk).
        relative = relative_below(path, cwd)
        if relative is not None and relative != os.curdir:
            shown = relative
    elif cwd and os.path.isabs(path):
        try:
            relative = os.path.relpath(path, cwd)
        except ValueError:  # NOTE: another drive on Windows: nothing to be relative to.
            relative = None
        if relative is not None and relative != os.curdir and not _is_above(relative):
            shown = relative
    if posix and os.sep != "/":
        shown = shown.replace(os.sep, "/")
    if posix and os.altsep and os.altsep != "/":
        shown = shown.replace(os.altsep, "/")
    return shown


def _plain(path: str) -> bool:
    """A POSIX path that is absolute and normalised, not starting with ``//``: for two such
    paths :func:`relative_below` answers as ``os.path.relpath`` does (and nothing is above)."""
    return (
        _POSIX
        and path.startswith("/")
        and not path.startswith("//")
        and os.path.normpath(path) == path
    )


_POSIX = os.path is posixpath


def _is_above(relative: str) -> bool:
    return relative == os.pardir or relative.startswith(os.pardir + os.sep)


class Reporter:
    """Base class of every output format, built-in or from a pack (``gxlint_formatters``).

    The CLI calls ``start()`` once, ``file()`` once per checked file in final (display-path)
    order, then ``finish()``. Formats write as they go so memory does not grow with the
    number of files; findings arrive in the order the runner sorted them.
    """

    renders_files: ClassVar[bool] = False
    """``True`` when what :meth:`file` writes depends on nothing but that file and the options
    (no state carried from file to file): :meth:`render` then returns it as text, and under
    ``-j`` the worker processes render while the main process only writes (:meth:`write`).
    Without it, the main process would format every finding of a large run by itself and cap
    the speed of any number of workers."""

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.stream = stream
        self.options = options

    def start(self) -> None:
        """Write whatever precedes the first file (an opening bracket, a header)."""

    def file(self, result: FileResult) -> None:
        """Write one file's findings (a ``renders_files`` format: its :meth:`render`)."""
        if not self.renders_files:
            raise NotImplementedError
        self.write(self.render(result))

    def render(self, result: FileResult) -> str:
        """What :meth:`file` writes for ``result``; only formats with ``renders_files``."""
        raise NotImplementedError

    def write(self, rendered: str) -> None:
        """Write one file's :meth:`render` output, made here or in a worker process, in file
        order (a format that separates files, like ``json``, adds the separator here)."""
        self.stream.write(rendered)

    def finish(self, summary: Summary) -> None:
        """Write whatever follows the last file (a closing bracket, the summary line)."""

    def path(self, result: FileResult, *, posix: bool = False) -> str:
        """The file's display path under these options."""
        return display_path(result.path, self.options.cwd, posix=posix)
