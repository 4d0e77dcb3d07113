"""``gxlint config --show [FILE]``: every effective setting for FILE (default: the current
folder) as TOML, each with where it came from; command-line selectors included."""

from __future__ import annotations

import argparse
import sys

from gxlint.cli import exit_codes, session
from gxlint.cli.args import Parser, add_common
from gxlint.errors import UsageError


def build_parser() -> Parser:
    p = Parser(
        prog="gxlint config",
        usage="gxlint config --show [FILE]",
        description="显示 FILE（默认为当前文件夹）生效的全部配置及其来源。",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="报告文件或文件夹")
    p.add_argument("--show", action="store_true", help="显示生效的配置")
    add_common(p, selection=True)
    return p


def run(args: argparse.Namespace) -> int:
    from gxlint.config import show_config

    if not args.show:
        raise UsageError("请使用 gxlint config --show [FILE]")
    resolver = session.load(session.setup_from(args), verbose=args.verbose).resolver
    settings = resolver.for_path(args.file) if args.file else resolver.root()
    sys.stdout.write(show_config(settings))
    return exit_codes.OK
