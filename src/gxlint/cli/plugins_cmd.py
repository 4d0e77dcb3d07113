"""``gxlint plugins``: the packs (entry-point name, distribution, version, prefixes, rule
count) and the packs that failed to load; also ``gxlint --version``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from gxlint.cli import exit_codes, session
from gxlint.cli.args import Parser, add_common, add_format


def build_parser() -> Parser:
    p = Parser(prog="gxlint plugins", description="列出规则包及加载错误。")
    add_common(p)
    add_format(p)
    return p


def run(args: argparse.Namespace) -> int:
    # NOTE: the load errors are this command's output, so they are not also warnings.
    manager = session.load(session.setup_from(args), warn=False).manager
    packs = [_pack(pack) for pack in manager.packs]
    errors = [error.message for error in manager.errors]
    if args.format == "json":
        document = {"packs": packs, "errors": errors}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        return exit_codes.OK
    for pack in packs:
        origin = pack["distribution"] or pack["path"] or "-"
        prefixes = "、".join(pack["prefixes"]) or "-"
        sys.stdout.write(
            f"{pack['name']}  {origin} {pack['version'] or '-'}  前缀 {prefixes}  "
            f"{pack['rules']} 条规则\n"
        )
    if errors:
        sys.stdout.write("加载失败：\n" + "".join(f"  {message}\n" for message in errors))
    return exit_codes.OK


def _pack(pack: Any) -> dict[str, Any]:
    return {
        "name": pack.name,
        "distribution": pack.distribution,
        "version": pack.version,
        "path": pack.path,
        "prefixes": list(pack.prefixes),
        "rules": len(pack.rules),
    }


def show_version() -> int:
    """``gxlint 0.1.0``, then one line per installed pack: name, version, prefixes."""
    from gxlint.meta import __version__
    from gxlint.plugins.manager import PluginManager

    lines = [f"gxlint {__version__}"]
    for pack in PluginManager().load().packs:
        lines.append(f"{pack.name} {pack.version or '-'} {'、'.join(pack.prefixes) or '-'}")
    sys.stdout.write("\n".join(lines) + "\n")
    return exit_codes.OK
