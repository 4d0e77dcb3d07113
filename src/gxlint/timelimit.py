"""The per-file time limit: a pathological report ends with a finding, never a hang.

Python cannot stop a thread from outside, so the limit is an interval timer (``SIGALRM``) in
the main thread of the process that lints (the CLI itself, or each ``-j`` worker): when it
fires, :class:`TimeLimitExceeded` is raised wherever the code is, even inside a regular
expression match (the regex engine checks for signals). It derives from ``BaseException``, like
``KeyboardInterrupt``, so that a rule's own ``except Exception`` cannot swallow it. The linter
turns it into GX003 (reading and parsing) or GX009 (a rule). Where there is no ``setitimer``
(Windows) or the caller is not the main thread, no limit applies.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from time import monotonic
from typing import Any

try:  # NOTE: the C module behind ``signal``, which only adds enums (~1 ms of a cold start).
    import _signal as signal
except ImportError:  # pragma: no cover - an interpreter without it
    import signal  # type: ignore[no-redef]

FILE_TIME_LIMIT = 30.0
"""Seconds per file for reading and parsing, and again for all the rules together."""


class TimeLimitExceeded(BaseException):
    """The time limit of the current stage ran out (raised by the timer)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` inside the block after ``seconds`` (``None`` or ``0``:
    no limit). Not reentrant: blocks must not nest."""
    if not seconds or not hasattr(signal, "setitimer"):
        yield
        return
    try:
        previous = signal.signal(signal.SIGALRM, _expired)
    except ValueError:  # NOTE: not the main thread: signals cannot be used here.
        yield
        return
    started = monotonic()
    outer, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # NOTE: someone else's timer (pytest-timeout, say) was running: resume it.
            left = max(outer - (monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, interval)


def _expired(signum: int, frame: Any) -> None:
    raise TimeLimitExceeded
