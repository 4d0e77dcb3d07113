"""The LALR parser over line tokens.

The structure is ``grammar/report.lark``; its LALR table is generated ahead of time into
:mod:`gxlint.parse.lalr_table` (``python -m gxlint.parse.generate_table``) and run by
:mod:`gxlint.parse.lalr`, so a normal run never imports Lark. Tokens come from
:class:`gxlint.parse.lexer.LineLexer`.
"""

from __future__ import annotations

import os
from functools import lru_cache

from gxlint.parse import lalr
from gxlint.parse.lalr import Node, Table
from gxlint.parse.lexer import LineLexer, Lines, LineToken
from gxlint.paths import read_bytes
from gxlint.record import FrozenRecord, set_field
from gxlint.spec import load_spec

GRAMMAR_PACKAGE = "gxlint_grammar"
GRAMMAR_FILE = "report.lark"


class ParseResult(FrozenRecord):
    """The tree, the line tokens it was built from, and any region it could not place."""

    __slots__ = ("errors", "lines", "tokens", "tree")

    tree: Node
    tokens: list[LineToken]
    lines: Lines
    errors: tuple[tuple[int, int, str], ...]  # (start, end, description)

    def __init__(
        self,
        tree: Node,
        tokens: list[LineToken],
        lines: Lines,
        errors: tuple[tuple[int, int, str], ...] = (),
    ) -> None:
        set_field(self, "tree", tree)
        set_field(self, "tokens", tokens)
        set_field(self, "lines", lines)
        set_field(self, "errors", errors)


def grammar_bytes() -> bytes:
    """The bytes of ``report.lark`` as installed (package ``gxlint_grammar``)."""
    import gxlint_grammar

    if gxlint_grammar.__file__ is not None:
        try:
            return read_bytes(os.path.join(os.path.dirname(gxlint_grammar.__file__), GRAMMAR_FILE))
        except OSError:
            pass
    # NOTE: not a plain folder (a zip file): ask the package's loader.
    from importlib import resources

    return resources.files(GRAMMAR_PACKAGE).joinpath(GRAMMAR_FILE).read_bytes()


def grammar_lines(data: bytes) -> tuple[str, ...]:
    """The grammar's text as the generated table keeps it, to tell whether it was edited since
    (a few hundred bytes compared: no hash, so no hashing module to load at start-up)."""
    return tuple(data.decode("utf-8").split("\n"))


@lru_cache(maxsize=1)
def _table() -> Table:
    """The generated table, or, when the grammar was edited and the table not regenerated,
    the same table built by Lark now (slow: imports Lark), so the grammar is always obeyed."""
    from gxlint.parse import lalr_table as generated

    data = grammar_bytes()
    if grammar_lines(data) == generated.GRAMMAR:
        return Table(generated.START, generated.END, generated.ACTIONS, generated.RULES)
    from gxlint.parse.generate_table import build_table

    return build_table(data)


@lru_cache(maxsize=1)
def _lexer() -> LineLexer:
    return LineLexer(load_spec())


def parse_text(text: str) -> ParseResult:
    """Parse normalised report text; never raises on any input."""
    lines = Lines.of(text)
    tokens = _lexer().tokens(lines)
    # NOTE: a token that fits nowhere is dropped and recorded; it becomes GX003.
    tree, errors = lalr.parse(tokens, _table())
    return ParseResult(tree, tokens, lines, tuple(errors))
