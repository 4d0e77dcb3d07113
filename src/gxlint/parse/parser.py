"""The LALR parser over line tokens, built once per process.

Lark builds the LALR tables from ``grammar/report.lark`` the first time and caches them on
disk (``cache=True``), so a cold run loads tables instead of computing them. Tokens come from
:class:`gxlint.parse.lexer.LineLexer` through a pass-through Lark lexer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput
from lark.lexer import Lexer

from gxlint.parse.lexer import LineLexer, LineToken, split_lines
from gxlint.spec import load_spec


class _TokenFeed(Lexer):
    """Hands the pre-classified line tokens to Lark unchanged."""

    def __init__(self, lexer_conf: Any) -> None:
        self.lexer_conf = lexer_conf

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        for tok in data:
            yield Token(
                tok.type,
                tok.text,
                start_pos=tok.start,
                end_pos=tok.end,
                line=tok.line + 1,
                column=1,
                end_line=(tok.last_line if tok.last_line is not None else tok.line) + 1,
            )


@dataclass(frozen=True, slots=True)
class ParseResult:
    """The tree, the line tokens it was built from, and any region it could not place."""

    tree: Tree
    tokens: list[LineToken]
    lines: list[Any]
    errors: tuple[tuple[int, int, str], ...] = ()  # (start, end, description)


@lru_cache(maxsize=1)
def _lark() -> Lark:
    return Lark.open_from_package(
        "gxlint_grammar",
        "report.lark",
        parser="lalr",
        lexer=_TokenFeed,
        propagate_positions=False,
        maybe_placeholders=False,
        cache=True,
    )


@lru_cache(maxsize=1)
def _lexer() -> LineLexer:
    return LineLexer(load_spec())


def parse_text(text: str) -> ParseResult:
    """Parse normalised report text; never raises on any input."""
    lines = split_lines(text)
    tokens = _lexer().tokens(lines)
    errors: list[tuple[int, int, str]] = []

    def skip(error: UnexpectedInput) -> bool:
        token = getattr(error, "token", None)
        if token is not None and getattr(token, "start_pos", None) is not None:
            errors.append((token.start_pos, token.end_pos or token.start_pos, str(token.type)))
        return True  # NOTE: drop the offending line and go on; it becomes GX003.

    tree = _lark().parse(tokens, on_error=skip)  # type: ignore[arg-type]
    return ParseResult(tree, tokens, lines, tuple(errors))
