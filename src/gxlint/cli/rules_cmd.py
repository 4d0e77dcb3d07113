"""``gxlint rules [--format json]``: every loaded rule, engine codes included.

Columns: code, name, pack, default severity, fix safety, summary. Needs the packs but not the
linter, so nothing of the parser, model or reporters is imported.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from gxlint.cli import exit_codes, session
from gxlint.cli.args import Parser, add_common, add_format


def build_parser() -> Parser:
    p = Parser(prog="gxlint rules", description="列出所有已加载的规则（含引擎代码）。")
    add_common(p)
    add_format(p)
    return p


def rule_rows(registry: Any) -> list[dict[str, Any]]:
    from gxlint.engine_codes import engine_infos

    infos = {**engine_infos(), **registry.infos()}
    return [
        {
            "code": info.code,
            "name": info.name,
            "pack": info.pack,
            "severity": info.severity.label,
            "fix": info.fix.value if info.fix is not None else None,
            "summary": info.summary,
        }
        for _, info in sorted(infos.items())
    ]


def run(args: argparse.Namespace) -> int:
    loaded = session.load(session.setup_from(args), verbose=args.verbose)
    rows = rule_rows(loaded.registry)
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return exit_codes.OK
    columns = ("code", "name", "pack", "severity", "fix")
    widths = {c: max([len(c), *(len(str(r[c] or "-")) for r in rows)]) for c in columns}
    header = [*(c.ljust(widths[c]) for c in columns), "summary"]
    sys.stdout.write("  ".join(header).rstrip() + "\n")
    for row in rows:
        cells = [str(row[c] or "-").ljust(widths[c]) for c in columns]
        sys.stdout.write("  ".join([*cells, row["summary"]]).rstrip() + "\n")
    return exit_codes.OK
