"""Patterns written for speed find exactly what their plain form finds.

A whole-report scan is fast when the regex engine can skip to the characters a match starts
with; a leading lookahead that names them changes no match. Each case below is such a
pattern, its plain form (the lookahead removed), and the pieces random texts are made of.
"""

from __future__ import annotations

import re

import pytest
from gxlint_rules.content.gx407_web_residue import page_footers
from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.model.dates import (
    _YEAR_LOOKAHEAD,
    _YEAR_START,
    _doc_number_matches,
    _year_starts,
)
from gxlint.model.items import inline_shi
from gxlint.parse.lexer import _PLAIN_NUMBER
from gxlint.parse.patterns import DOC_NUMBER, WEB_RESIDUE_FOOTER
from tests.conftest import SEEDS

DOC_NUMBER_LOOKAHEAD = r"(?=[\[【(〔［ \t12])"
CASES = {
    "doc-number": (
        DOC_NUMBER,
        re.compile(DOC_NUMBER.pattern.removeprefix(DOC_NUMBER_LOOKAHEAD)),
        ["国办函", "〔", "〕", "[", "]", "【", "】", "(", ")", "［", "］", "2021", "1999", "20",
         "19", "30", "第", "号", " ", "\t", "年", "\n", "5", "0"],
    ),
    "year-start": (
        _YEAR_START,
        re.compile(_YEAR_START.pattern.removeprefix(_YEAR_LOOKAHEAD + "(?:").removesuffix(")")),
        ["2021", "1999", "20", "19", "二〇二一", "〇", "零", "○", "一", "年", "3", "x", " "],
    ),
}  # fmt: skip


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


def test_doc_number_examples():
    assert _spans(DOC_NUMBER, "国办函〔2021〕30号") == [(3, 12)]
    assert _spans(DOC_NUMBER, "某函 2021 5号") == [(2, 10)]  # a match may start at a blank


@pytest.mark.parametrize("name", CASES)
def test_matches_in_the_seeds_are_the_plain_pattern_s(name):
    fast, plain, _ = CASES[name]
    assert fast.pattern != plain.pattern  # the lookahead was there to remove
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        assert _spans(fast, text) == _spans(plain, text), path.name


@pytest.mark.parametrize("name", CASES)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_matches_in_any_text_are_the_plain_pattern_s(name, data):
    fast, plain, pieces = CASES[name]
    text = data.draw(st.lists(st.sampled_from(pieces), max_size=40).map("".join))
    assert _spans(fast, text) == _spans(plain, text)


# The scanners that look only near the characters a match needs (号, a year's first digits,
# 年) find what ``finditer`` of the plain pattern finds; long blank runs reach past the window
# a 发文字号 is first looked for in.
SCANNERS = {
    "doc-number": (lambda text: [m.span() for m in _doc_number_matches(text)], "doc-number"),
    "year-start": (lambda text: [(at, _YEAR_START.match(text, at).end()) for at in _year_starts(text)], "year-start"),
}  # fmt: skip
LONG_BLANKS = [" " * 20, "\t" * 12, "号号", "二〇二一年"]


@pytest.mark.parametrize("name", SCANNERS)
def test_scanners_in_the_seeds_find_what_the_plain_pattern_finds(name):
    scan, case = SCANNERS[name]
    plain = CASES[case][1]
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        assert scan(text) == _spans(plain, text), path.name


@pytest.mark.parametrize("name", SCANNERS)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_scanners_in_any_text_find_what_the_plain_pattern_finds(name, data):
    scan, case = SCANNERS[name]
    plain, pieces = CASES[case][1], CASES[case][2] + LONG_BLANKS
    text = data.draw(st.lists(st.sampled_from(pieces), max_size=40).map("".join))
    assert scan(text) == _spans(plain, text)


def test_a_doc_number_with_long_blanks_is_found_whole():
    text = "国办函〔2021〕" + " " * 40 + "30号"
    assert [m.span() for m in _doc_number_matches(text)] == _spans(DOC_NUMBER, text) == [(3, 52)]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(["0", "7", "١", "٣", "²", "１", " ", "\t", "|", "-", ".", "a"])))
def test_a_line_the_lexer_takes_as_a_count_by_isdecimal_matches_the_number_pattern(text):
    if text.strip(" \t|").isdecimal():
        assert _PLAIN_NUMBER.match(text)


# 一是/二是 inside a paragraph: the scan from each 是 finds what this expression finds.
INLINE_SHI = re.compile(
    r"(?:^|(?<=[。；;：:]))[ \t]*([一二三四五六七八九十]{1,3})是(?=[\u4e00-\u9fff])"
)
SHI_PIECES = [
    "一",
    "二",
    "十",
    "三四",
    "是",
    "。",
    "；",
    ";",
    "：",
    ":",
    " ",
    "\t",
    "工作",
    "a",
    "，",
    "\n",
]


def _shi(text: str) -> list[tuple[int, str]]:
    return [(match.start(1), match.group(1)) for match in INLINE_SHI.finditer(text)]


def test_inline_shi_examples():
    assert inline_shi("一是加强领导；二是完善制度。 十二是落实") == [
        (0, "一"),
        (7, "二"),
        (15, "十二"),
    ]
    assert (
        inline_shi("会议一是加强；一二三四是；十是") == []
    )  # mid-sentence, a run of 4, no 汉字 after


def test_inline_shi_in_the_seeds_is_the_expression_s():
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            assert inline_shi(line) == _shi(line), line


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SHI_PIECES), max_size=40).map("".join))
def test_inline_shi_in_any_text_is_the_expression_s(text):
    assert inline_shi(text) == _shi(text)


# Page footers (GX407): tried only on the lines holding a dash or 页.
FOOTER_PIECES = ["—", "-", "页", "第", " ", "\t", "1", "23", "\n", "甲", "— 2 —", "第 3 页"]


def _footers_everywhere(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()[1:]) for m in WEB_RESIDUE_FOOTER.finditer("\n" + text)]


def test_page_footers_examples():
    assert page_footers("正文\n— 2 —\n第 3 页\n2024-1") == [(3, "— 2 —"), (9, "第 3 页")]
    assert page_footers("无页脚") == []


def test_page_footers_in_the_seeds_are_the_expression_s():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        assert page_footers(text) == _footers_everywhere(text), path.name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FOOTER_PIECES), max_size=40).map("".join))
def test_page_footers_in_any_text_are_the_expression_s(text):
    assert page_footers(text) == _footers_everywhere(text)
