"""``gxlint parse FILE``: the report model as JSON, for debugging the reader.

The file is decoded with the settings that would lint it (``encoding``, ``max-file-size``).
A file that cannot be read prints its GX001 message on stderr and exits 1, as ``check`` would.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from gxlint.cli import exit_codes, messages, session
from gxlint.cli.args import Parser, add_common


def build_parser() -> Parser:
    p = Parser(prog="gxlint parse", description="以 JSON 输出报告模型（调试用）。")
    p.add_argument("file", metavar="FILE", help="报告文件")
    add_common(p)
    p.add_argument("--encoding", metavar="NAME", help="按此编码解码，不再自动检测")
    return p


def run(args: argparse.Namespace) -> int:
    from gxlint.model.dump import dump_report
    from gxlint.reader import read_file
    from gxlint.reporters.base import display_path
    from gxlint.source import DecodeProblem

    if not os.path.exists(args.file):
        messages.error(f"路径不存在：{args.file}")
        return exit_codes.ERROR
    settings = session.load(session.setup_from(args)).resolver.for_path(args.file)
    shown = display_path(os.path.abspath(args.file), os.getcwd())
    encoding = None if settings.encoding == "auto" else settings.encoding
    read = read_file(
        args.file, encoding=encoding, max_bytes=settings.max_file_size, display_path=shown
    )
    if isinstance(read, DecodeProblem):
        messages.error(f"{shown}:1:1: GX001 unreadable-input: {read.message}")
        return exit_codes.FINDINGS
    data = dump_report(read.report, read.norm, path=shown, encoding=read.source.encoding)
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return exit_codes.OK
