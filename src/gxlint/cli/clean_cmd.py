"""``gxlint clean``: delete the content cache (``cache-dir`` of the root config, else
``.gxlint_cache`` in the current folder, or ``--cache-dir DIR``), and nothing else.

A folder that is not a gxlint cache (no ``CACHEDIR.TAG`` written by gxlint, and not empty) is
left alone and reported (exit 2), so a mistyped ``cache-dir`` never deletes anything else.
"""

from __future__ import annotations

import argparse

from gxlint.cli import exit_codes, messages, session
from gxlint.cli.args import Parser, add_common
from gxlint.errors import UsageError
from gxlint.paths import absolute


def build_parser() -> Parser:
    p = Parser(
        prog="gxlint clean",
        description="删除 gxlint 的缓存文件夹（配置中的 cache-dir，默认 .gxlint_cache），不删除其他任何文件。",
    )
    add_common(p)
    p.add_argument(
        "--cache-dir", metavar="DIR", help="要删除的缓存文件夹（默认为配置中的 cache-dir）"
    )
    return p


def run(args: argparse.Namespace) -> int:
    from gxlint.cache import clean
    from gxlint.config import display_path

    setup = session.setup_from(args)
    if setup.cache_dir is not None:
        folder = setup.cache_dir
    else:
        folder = setup.resolver().run_options().cache_dir
    folder = absolute(folder, setup.cwd)
    shown = display_path(folder, setup.cwd)
    try:
        removed = clean(folder)
    except ValueError as error:
        raise UsageError(str(error).replace(str(folder), shown)) from None
    except OSError as error:
        raise UsageError(f"无法删除缓存 {shown}：{error.strerror or error}") from None
    messages.info(f"已删除缓存：{shown}" if removed else f"没有缓存：{shown}")
    return exit_codes.OK
