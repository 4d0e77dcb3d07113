"""The command line: ``gxlint [check] [OPTIONS] [PATH ...]`` and the other subcommands.

``check`` is the default subcommand. The first positional word decides: a subcommand name
there beats a file name (``gxlint rules`` lists rules, ``gxlint check rules`` lints a file
called ``rules``). Options go anywhere (``parse_intermixed_args``), ``--`` ends them, list
options take commas and repeat (``--select GX1,GX2 --select XJ``).

Each subcommand module has ``build_parser()`` and ``run(args)``; only the one named is
imported, so ``gxlint rules`` never imports the linter.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from types import ModuleType

from gxlint.errors import UsageError

COMMANDS = {
    "check": "gxlint.cli.check",
    "rules": "gxlint.cli.rules_cmd",
    "rule": "gxlint.cli.rule_cmd",
    "plugins": "gxlint.cli.plugins_cmd",
    "parse": "gxlint.cli.parse_cmd",
    "config": "gxlint.cli.config_cmd",
    "clean": "gxlint.cli.clean_cmd",
}
# NOTE: options whose value may be the next word, needed to find the first positional word
# before argparse runs; abbreviations are disabled so that this list stays exact.
VALUE_OPTIONS = frozenset(
    "--select --extend-select --ignore --config --encoding --format --output-format "  # noqa: SIM905
    "-o --output-file --color --max-warnings -j --jobs --stdin-filename --cache-dir".split()
)
_ARGPARSE_MESSAGES = {
    "unrecognized arguments: ": "无法识别的参数：",
    "the following arguments are required: ": "缺少参数：",
    "expected one argument": "需要一个值",
    "invalid choice: ": "无效的取值：",
    "argument ": "参数 ",
}


class Parser(argparse.ArgumentParser):
    """Raises :class:`UsageError` (exit 2, ``gxlint: 错误: …``) instead of printing."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, allow_abbrev=False, add_help=False, **kwargs)  # type: ignore[arg-type]
        self.add_argument("-h", "--help", action="help", help="显示帮助并退出")

    def _get_formatter(self) -> argparse.HelpFormatter:
        # NOTE: argparse makes a formatter for every add_argument, and its default width comes
        # from shutil (a 5 ms import on a cold start); the same width, computed directly.
        return self.formatter_class(prog=self.prog, width=_columns() - 2)  # type: ignore[call-arg]

    def error(self, message: str) -> None:  # type: ignore[override]
        message = message.replace(_WORD, "")
        for english, chinese in _ARGPARSE_MESSAGES.items():
            message = message.replace(english, chinese)
        raise UsageError(f"{message}（用法见 {self.prog} -h）")


def _columns() -> int:
    """``shutil.get_terminal_size().columns``: ``COLUMNS``, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def split_command(argv: Sequence[str]) -> tuple[str, list[str]]:
    """The subcommand and the remaining arguments (``check`` when none is named)."""
    command, _ = _scan(argv)
    if command is None:
        return "check", list(argv)
    return argv[command], [*argv[:command], *argv[command + 1 :]]


def _scan(argv: Sequence[str]) -> tuple[int | None, int | None]:
    """Index of the subcommand word (the first positional word, if it names a subcommand)
    and of the ``--`` that ends the options (if any)."""
    skip = False
    command: int | None = None
    first = True
    for index, token in enumerate(argv):
        if skip:
            skip = False
        elif token == "--":
            return command, index
        elif token.startswith("-") and token != "-":
            skip = token in VALUE_OPTIONS
        elif first:
            first = False
            command = index if token in COMMANDS else None
    return command, None


def command_module(command: str) -> ModuleType:
    return import_module(COMMANDS[command])


_WORD = "\x00"  # marks the words after ``--``


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    command, rest = split_command(argv)
    _, end = _scan(rest)
    if end is not None:
        # NOTE: parse_intermixed_args mishandles ``--`` (Python 3.11): the words after it are
        # marked so that none looks like an option, and unmarked once parsed.
        rest = [*rest[:end], *(_WORD + word for word in rest[end + 1 :])]
    with _untranslated_argparse():
        args = command_module(command).build_parser().parse_intermixed_args(rest)
    for name, value in vars(args).items():
        if isinstance(value, str):
            setattr(args, name, value.removeprefix(_WORD))
        elif isinstance(value, list):
            setattr(args, name, [v.removeprefix(_WORD) if isinstance(v, str) else v for v in value])
    args.command = command
    return args


@contextmanager
def _untranslated_argparse() -> Iterator[None]:
    """argparse's own words stay in English while it runs.

    NOTE: :meth:`Parser.error` translates them to Chinese from the English originals, which a
    system message catalogue would defeat; asking gettext for one also imports locale and
    probes the file system for every message (~2 ms of a cold start).
    """
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = _english  # type: ignore[attr-defined]
    argparse.ngettext = _english_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _english(message: str) -> str:
    return message


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def comma_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"应为非负整数，而不是 “{value}”")
    return number


def add_common(parser: argparse.ArgumentParser, *, selection: bool = False) -> None:
    """``--config``, ``--isolated``, ``-v``; with ``selection`` also the rule selectors and
    ``--encoding`` (command-line overrides of the config)."""
    parser.add_argument("--config", metavar="FILE", help="对所有报告使用此配置文件，不再查找")
    parser.add_argument("--isolated", action="store_true", help="忽略所有配置文件")
    parser.add_argument("-v", "--verbose", action="store_true", help="在标准错误输出中显示详情")
    if selection:
        for flag, text in (
            ("--select", "只启用这些规则（代码、前缀、名称或 ALL；可用逗号分隔、可重复）"),
            ("--extend-select", "在配置的基础上再启用这些规则"),
            ("--ignore", "不启用这些规则"),
        ):
            parser.add_argument(flag, type=comma_list, action="extend", metavar="CODES", help=text)
        parser.add_argument("--encoding", metavar="NAME", help="按此编码解码，不再自动检测")


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
