"""The transient progress bar (cli.md §8): on stderr, only when stderr is a terminal, the
format is ``full`` or ``concise``, neither ``-q`` nor ``--no-progress`` is given, there are
more than 10 files, and the run has already taken 0.5 s. rich is imported only then.

Findings keep going to stdout. When stdout is the same terminal, the report is written
through whatever ``sys.stdout`` is at that moment, so rich's stdout redirection prints it
above the bar instead of through it.
"""

from __future__ import annotations

import sys
from time import perf_counter
from typing import Any, TextIO

MIN_FILES = 10
DELAY = 0.5


def wanted(args: Any, files: int) -> bool:
    return (
        _isatty(sys.stderr)
        and args.format in ("full", "concise")
        and not args.quiet
        and not args.no_progress
        and files > MIN_FILES
    )


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.done = 0
        self.started = perf_counter()
        self._bar: Any = None
        self._task: Any = None

    def report_stream(self, stream: TextIO) -> TextIO:
        """The stream to give the reporter: one that follows ``sys.stdout`` when the bar may
        redirect it, so that findings print above the bar."""
        from gxlint.cli.output import ReportStream

        if self.enabled and stream is sys.stdout and _isatty(sys.stdout):
            return ReportStream(lambda: sys.stdout)  # type: ignore[return-value]
        return ReportStream(lambda: stream)  # type: ignore[return-value]

    def advance(self) -> None:
        if not self.enabled:
            return
        self.done += 1
        if self._bar is None and perf_counter() - self.started >= DELAY:
            self._start()
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        console = Console(file=sys.stderr, stderr=True)
        self._bar = Progress(
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            redirect_stdout=_isatty(sys.stdout),
            redirect_stderr=False,
        )
        self._task = self._bar.add_task("检查", total=self.total)
        self._bar.start()
