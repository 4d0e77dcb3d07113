"""Exit codes (cli.md §2): the same for every format and with ``--output-file``."""

from __future__ import annotations

from typing import Any

OK = 0
"""No error-level finding (warnings and infos allowed)."""
FINDINGS = 1
"""At least one error-level finding, or more warnings than ``--max-warnings``."""
ERROR = 2
"""A usage, config or internal error: gxlint could not do what it was asked."""
INTERRUPTED = 130
"""Ctrl-C (128 + SIGINT), as shells report it."""


def for_summary(summary: Any, *, max_warnings: int | None = None, exit_zero: bool = False) -> int:
    """0 or 1 from a run's totals; ``--exit-zero`` turns 1 into 0 (2 never gets here)."""
    failed = summary.errors > 0 or (max_warnings is not None and summary.warnings > max_warnings)
    return FINDINGS if failed and not exit_zero else OK
