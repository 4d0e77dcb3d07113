"""Patterns written for speed find exactly what their plain form finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.model.dates import _YEAR_LOOKAHEAD, _YEAR_START
from gxlint.parse.patterns import DOC_NUMBER
from tests.conftest import SEEDS

# DOC_NUMBER without its leading lookahead: the plain statement of a document number.
PLAIN_DOC_NUMBER = re.compile(DOC_NUMBER.pattern.removeprefix(r"(?=[\[【(〔［ \t12])"))

PIECES = ["国办函", "〔", "〕", "[", "]", "【", "】", "(", ")", "［", "］", "2021", "1999", "20",
          "19", "30", "第", "号", " ", "\t", "年", "\n", "5", "0"]  # fmt: skip


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


def test_the_lookahead_is_what_tells_the_two_apart():
    assert DOC_NUMBER.pattern != PLAIN_DOC_NUMBER.pattern
    assert _spans(DOC_NUMBER, "国办函〔2021〕30号") == [(3, 12)]
    assert _spans(DOC_NUMBER, "某函 2021 5号") == [(2, 10)]  # a match may start at a blank


def test_doc_numbers_in_the_seeds_are_the_plain_pattern_s():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        assert _spans(DOC_NUMBER, text) == _spans(PLAIN_DOC_NUMBER, text), path.name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_doc_numbers_in_any_text_are_the_plain_pattern_s(text):
    assert _spans(DOC_NUMBER, text) == _spans(PLAIN_DOC_NUMBER, text)


# _YEAR_START without its leading lookahead.
PLAIN_YEAR_START = re.compile(
    _YEAR_START.pattern.removeprefix(_YEAR_LOOKAHEAD).removeprefix("(?:").removesuffix(")")
)
YEAR_PIECES = ["2021", "1999", "20", "19", "二〇二一", "〇", "零", "○", "一", "年", "3", "x", " "]


def test_year_starts_in_the_seeds_are_the_plain_pattern_s():
    assert _YEAR_START.pattern != PLAIN_YEAR_START.pattern
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        assert _spans(_YEAR_START, text) == _spans(PLAIN_YEAR_START, text), path.name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(YEAR_PIECES), max_size=30).map("".join))
def test_year_starts_in_any_text_are_the_plain_pattern_s(text):
    assert _spans(_YEAR_START, text) == _spans(PLAIN_YEAR_START, text)
