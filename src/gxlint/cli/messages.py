"""Run messages on stderr, never on stdout (stdout carries only the report)."""

from __future__ import annotations

import sys

PREFIX = "gxlint: "


def error(message: str) -> None:
    """``gxlint: 错误: …``, one line per line of ``message``."""
    _lines("错误: ", message)


def config_error(message: str) -> None:
    _lines("配置错误: ", message)


def warning(message: str) -> None:
    _lines("警告: ", message)


def info(message: str) -> None:
    """A ``-v`` or ``--timing`` line."""
    _lines("", message)


def internal(message: str) -> None:
    # NOTE: cli.md writes this one with a full-width colon: ``gxlint: 内部错误：…``.
    _lines("内部错误：", message)


def _lines(kind: str, message: str) -> None:
    for line in str(message).splitlines() or [""]:
        sys.stderr.write(f"{PREFIX}{kind}{line}\n")
    sys.stderr.flush()
