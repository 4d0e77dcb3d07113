"""``gxlint rule CODE|NAME`` and ``gxlint rule --all [--format json]``: a rule's documentation
(summary, default severity, fix safety, options, pack and the docstring's sections)."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from typing import Any

from gxlint.cli import exit_codes, session
from gxlint.cli.args import Parser, add_common, add_format
from gxlint.errors import UsageError


def build_parser() -> Parser:
    p = Parser(
        prog="gxlint rule",
        usage="gxlint rule (CODE|NAME | --all) [--format json]",
        description="显示规则的说明、默认级别、修复方式、配置项和所属规则包。",
    )
    p.add_argument("key", nargs="?", metavar="CODE|NAME", help="规则代码或名称（如 GX104）")
    p.add_argument("--all", action="store_true", help="显示全部规则")
    add_common(p)
    add_format(p)
    return p


def run(args: argparse.Namespace) -> int:
    from gxlint.docs import render_rule_doc, rule_doc_data

    if bool(args.key) == bool(args.all):
        raise UsageError("请指定一个规则代码或名称，或者 --all（用法见 gxlint rule -h）")
    registry = session.load(session.setup_from(args), verbose=args.verbose).registry
    found = (
        [registry.lookup(code) for code in registry.codes]
        if args.all
        else [_find(registry, args.key)]
    )
    if args.format == "json":
        data = [rule_doc_data(cls, pack) for cls, pack in found]
        sys.stdout.write(json.dumps(data if args.all else data[0], ensure_ascii=False, indent=1))
        sys.stdout.write("\n")
    else:
        sys.stdout.write(
            "\n\n".join(render_rule_doc(cls, pack).rstrip("\n") for cls, pack in found)
        )
        sys.stdout.write("\n")
    return exit_codes.OK


def _find(registry: Any, key: str) -> tuple[type, str]:
    for candidate in (key, key.upper(), key.lower()):
        found = registry.lookup(candidate)
        if found is not None:
            return found
    names = [*registry.codes, *(info.name for info in registry.infos().values())]
    close = difflib.get_close_matches(key, names, n=1)
    hint = f"（是否为 “{close[0]}”？）" if close else "（gxlint rules 列出所有规则）"
    raise UsageError(f"未知规则 “{key}”{hint}")
