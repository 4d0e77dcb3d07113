"""Where the report goes and how it looks: stream, colour, width, reporter (cli.md §5).

Colour: ``--color`` beats ``NO_COLOR`` (off) beats ``FORCE_COLOR`` (on) beats whether the
output is a terminal. Width: the terminal's, else ``COLUMNS``, else 100. Only the chosen
reporter is imported (``full`` pulls in rich, the others do not).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any, TextIO

from gxlint.errors import UsageError

DEFAULT_WIDTH = 100
BUILTIN = ("full", "concise", "json", "jsonl", "sarif", "github", "junit", "csv")


class OutputClosed(Exception):
    """The reader of the report went away (``gxlint … | head``): stop quietly, exit 0.

    NOTE: not a ``BrokenPipeError``, because rich catches that one and exits 1 itself.
    """


class ReportStream:
    """What reporters write to: ``target()`` at each write (``sys.stdout`` may be replaced by
    the progress bar), with a closed pipe turned into :class:`OutputClosed`."""

    def __init__(self, target: Callable[[], TextIO]) -> None:
        self._target = target

    def write(self, text: str) -> int:
        try:
            return self._target().write(text)
        except BrokenPipeError:
            raise OutputClosed from None

    def flush(self) -> None:
        try:
            self._target().flush()
        except BrokenPipeError:
            raise OutputClosed from None

    def isatty(self) -> bool:
        return _isatty(self._target())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target(), name)


def use_color(choice: str | None, stream: TextIO, env: Mapping[str, str] = os.environ) -> bool:
    if choice in ("always", "never"):
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return _isatty(stream)


def width(stream: TextIO, env: Mapping[str, str] = os.environ) -> int:
    if _isatty(stream):
        try:
            return os.get_terminal_size(stream.fileno()).columns or DEFAULT_WIDTH
        except (OSError, ValueError, AttributeError):
            pass
    try:
        columns = int(env.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    return columns if columns > 0 else DEFAULT_WIDTH


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def open_output(path: str | None, fmt: str) -> TextIO:
    """stdout, or ``-o FILE`` as UTF-8 (``newline=""`` for csv: its CRLF is written as is)."""
    if path is None:
        if fmt == "csv":  # NOTE: no "\r\r\n" where stdout translates newlines (Windows).
            try:
                sys.stdout.reconfigure(newline="")  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                pass
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="" if fmt == "csv" else None)
    except OSError as exc:
        raise UsageError(f"无法写入输出文件 {path}：{exc.strerror or exc}") from None


def pack_formatters(fmt: str, formatters: Mapping[str, Any]) -> dict[str, type]:
    """The pack formatter named ``fmt`` as a class (``"module:Class"`` is imported now)."""
    if fmt in BUILTIN:
        return {}
    if fmt not in formatters:
        known = "、".join([*BUILTIN, *sorted(formatters)])
        raise UsageError(f"未知输出格式 “{fmt}”（可用：{known}）")
    target = formatters[fmt]
    if isinstance(target, str):
        module, _, name = target.partition(":")
        try:
            target = getattr(import_module(module), name)
        except Exception as exc:  # noqa: BLE001  NOTE: a pack's bug, reported as usage.
            raise UsageError(f"输出格式 “{fmt}”（{formatters[fmt]}）无法加载：{exc}") from None
    return {fmt: target}


def make_reporter(args: Any, stream: TextIO, rules: Mapping[str, Any], extra: Any) -> Any:
    from gxlint.reporters import create_reporter
    from gxlint.reporters.base import ReportOptions

    options = ReportOptions(
        color=use_color("never" if args.no_color else args.color, stream),
        width=width(stream),
        rules=rules,
        quiet=args.quiet,
        statistics=args.statistics,
        cwd=os.getcwd(),
    )
    return create_reporter(args.format, stream, options, extra=extra)
