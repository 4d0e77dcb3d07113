"""The line lexer remembers its decisions across reports: tokens are the same whether a line
is classified afresh or replayed from an earlier report."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gxlint.parse.lexer import LineLexer, Lines
from gxlint.source import normalize
from gxlint.spec import load_spec
from tests.mutations import TEXTS, mutated_report

SHARED = LineLexer(load_spec())


def _tokens(lexer: LineLexer, text: str) -> list[object]:
    return lexer.tokens(Lines.of(normalize(text).text))


def test_every_known_report_lexes_alike_fresh_and_replayed() -> None:
    for text in TEXTS:
        _tokens(SHARED, text)  # NOTE: every line of every report is now remembered.
    for text in TEXTS:
        assert _tokens(SHARED, text) == _tokens(LineLexer(load_spec()), text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutated_report(), min_size=2, max_size=3))
def test_damaged_reports_lex_alike_after_others(texts: list[str]) -> None:
    for text in texts[:-1]:
        _tokens(SHARED, text)
    assert _tokens(SHARED, texts[-1]) == _tokens(LineLexer(load_spec()), texts[-1])


def test_a_remembered_line_is_decided_again_in_another_section() -> None:
    """``三、某某情况`` opens section 三 right after section 二, and is no heading before it."""
    after_two = "一、总体情况\n正文。\n二、主动公开政府信息情况\n正文。\n三、某某情况\n正文。\n"
    alone = "三、某某情况\n正文。\n"
    lexer = LineLexer(load_spec())
    kinds_after_two = [token.type for token in _tokens(lexer, after_two)]
    assert kinds_after_two.count("HEADING") == 3
    replayed = [token.type for token in _tokens(lexer, alone)]
    assert replayed == [token.type for token in _tokens(LineLexer(load_spec()), alone)]
    assert "HEADING" not in replayed
