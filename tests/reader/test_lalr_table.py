"""The generated LALR table is the grammar's, and the driver builds the tree Lark builds.

The reference is Lark itself, built here as parser.py built it before the table was generated:
the same grammar and options, a pass-through lexer, and ``on_error`` returning True.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput
from lark.lexer import Lexer

from gxlint.parse import generate_table, lalr_table, parser
from gxlint.parse.generate_table import build_table, render
from gxlint.parse.lalr import IncompleteParse, Node, Table, parse
from gxlint.parse.lexer import LineToken
from gxlint.parse.parser import grammar_bytes, parse_text
from gxlint.source import DecodeProblem, normalize, read_source
from tests.conftest import REPORTS, ROOT, SEEDS, seed_path
from tests.mutations import mutated_report

TABLE_FILE = ROOT / "src" / "gxlint" / "parse" / "lalr_table.py"
TERMINALS = (
    "TITLE",
    "HEADING",
    "IMPLIED_HEADING",
    "ITEM",
    "TEXT",
    "CELL",
    "SIGN_ORGAN",
    "SIGN_DATE",
    "TAIL",
)
REPORT_FILES = sorted(SEEDS.glob("*.txt")) + sorted(REPORTS.glob("clean_*.txt"))
REPORT_FILES.append(ROOT / "examples" / "sample-report.txt")


class _TokenFeed(Lexer):
    """parser.py's pass-through lexer before the table was generated."""

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


def lark_parse(tokens: list[LineToken]) -> tuple[Any, list[tuple[int, int, str]]]:
    """Lark's tree (as :func:`_form`) and error list, exactly as the old parse_text made them.

    One difference: Lark resumes after an error by asking a custom lexer to lex its input
    again, and a list restarts from its first token, so on a list every error would repeat
    forever (the line lexer never puts a token where the grammar has no place for it, so no
    report met this). An iterator resumes after the dropped token, which is what recording and
    dropping a token means, and what the generated parser does.
    """
    errors: list[tuple[int, int, str]] = []

    def skip(error: UnexpectedInput) -> bool:
        token = getattr(error, "token", None)
        if token is not None and getattr(token, "start_pos", None) is not None:
            errors.append((token.start_pos, token.end_pos or token.start_pos, str(token.type)))
        return True

    tree = _lark().parse(iter(tokens), on_error=skip)  # type: ignore[arg-type]
    return _form(tree), errors


def _form(node: Any) -> Any:
    """A tree as nested tuples: (rule, children…), a token as (type, start, end)."""
    if isinstance(node, Tree | Node):
        return (node.data, *(_form(child) for child in node.children))
    if isinstance(node, Token):
        return (node.type, node.start_pos, node.end_pos)
    return (node.type, node.start, node.end)


def _generated() -> Table:
    return Table(lalr_table.START, lalr_table.END, lalr_table.ACTIONS, lalr_table.RULES)


def assert_same_as_lark(tokens: list[LineToken]) -> None:
    tree, errors = parse(tokens, _generated())
    assert (_form(tree), errors) == lark_parse(tokens)
    # The leaves are the lexer's own tokens, in order, less the dropped ones.
    dropped = {(start, end, kind) for start, end, kind in errors}
    kept = [t for t in tokens if (t.start, t.end, t.type) not in dropped]
    assert [id(t) for t in tree.tokens()] == [id(t) for t in kept]


def _tokens(kinds: Iterable[str]) -> list[LineToken]:
    return [
        LineToken(kind, line, line * 10, line * 10 + 5, f"{kind} {line}", None, line)
        for line, kind in enumerate(kinds)
    ]


# -- the table -------------------------------------------------------------------------------


def test_committed_table_is_generated_from_the_current_grammar() -> None:
    grammar = (ROOT / "grammar" / "report.lark").read_bytes()
    assert grammar == grammar_bytes()
    expected = render(build_table(grammar), grammar)
    assert TABLE_FILE.read_text("utf-8") == expected, (
        "src/gxlint/parse/lalr_table.py is stale: run "
        "`.venv/bin/python -m gxlint.parse.generate_table` and commit the result"
    )


def test_edited_grammar_falls_back_to_a_table_built_by_lark(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[Table] = []

    def spy(grammar: bytes) -> Table:
        built.append(build_table(grammar))
        return built[-1]

    monkeypatch.setattr(lalr_table, "GRAMMAR", ("// edited",))
    monkeypatch.setattr(generate_table, "build_table", spy)
    parser._table.cache_clear()
    try:
        assert parse_text("一、总体情况\n正文。").errors == ()
        assert len(built) == 1 and built[0] == _generated()
    finally:
        parser._table.cache_clear()


# -- the driver against Lark -----------------------------------------------------------------


@pytest.mark.parametrize("path", REPORT_FILES, ids=lambda path: path.name)
def test_reports_parse_as_lark_parses_them(path: Path) -> None:
    source = read_source(path)
    assert not isinstance(source, DecodeProblem)
    result = parse_text(normalize(source.text).text)
    assert (_form(result.tree), list(result.errors)) == lark_parse(result.tokens)
    assert len(result.tree.children) >= 2


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_report())
def test_mutated_reports_parse_as_lark_parses_them(text: str) -> None:
    result = parse_text(normalize(text).text)
    assert (_form(result.tree), list(result.errors)) == lark_parse(result.tokens)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TERMINALS), max_size=40))
@example([])
@example(["TEXT", "HEADING", "TITLE", "TEXT"])  # a title inside a section
@example(["SIGN_DATE", "TEXT", "HEADING", "SIGN_ORGAN", "TAIL"])  # text after the sign-off
@example(["TAIL", "TITLE", "CELL", "CELL", "SIGN_DATE", "SIGN_DATE"])
def test_token_sequences_parse_as_lark_parses_them(kinds: list[str]) -> None:
    assert_same_as_lark(_tokens(kinds))


def test_a_misplaced_token_is_recorded_and_dropped() -> None:
    tokens = _tokens(["TITLE", "HEADING", "TITLE", "TEXT"])
    tree, errors = parse(tokens, _generated())
    assert errors == [(20, 25, "TITLE")]
    assert _form(tree) == (
        "start",
        ("front", ("title", ("TITLE", 0, 5))),
        ("section", ("heading", ("HEADING", 10, 15)), ("paragraph", ("TEXT", 30, 35))),
        ("tail",),
    )


def test_an_input_that_cannot_end_raises() -> None:
    # Every state of this grammar can end; a table that has one that cannot must say so.
    table = _generated()
    broken = table._replace(actions=({},) + table.actions[1:])
    with pytest.raises(IncompleteParse):
        parse([], broken)


# -- the run path ----------------------------------------------------------------------------


def test_reading_a_report_does_not_import_lark() -> None:
    code = (
        "import sys, gxlint.cli\n"
        "from gxlint.reader import ReadReport, read_bytes\n"
        "read = read_bytes(open(sys.argv[1], 'rb').read(), 'x.txt')\n"
        "assert isinstance(read, ReadReport) and read.report.sections, read\n"
        "assert 'lark' not in sys.modules, sorted(m for m in sys.modules if 'lark' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(seed_path("000"))], check=True)
