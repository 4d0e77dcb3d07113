"""finditer_from finds what finditer finds, for every pattern the rules scan with it."""

from __future__ import annotations

import re

import pytest
from gxlint_rules.content.gx401_narrative_contradiction import FIRSTS, HOLDING
from gxlint_rules.content.gx402_breakdown_sum import MARKER
from gxlint_rules.content.gx406_placeholder_text import TRIGGER, TRIGGER_FIRSTS
from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.reader import read_text
from gxlint.source import SourceText
from gxlint.textscan import finditer_from, search_from
from tests.conftest import SEEDS

# Each use: the pattern, the characters its matches begin with, and pieces of random texts
# (its words, their first characters alone, numbers, punctuation, line breaks).
USES = {
    "gx401-received": (
        re.compile(next(p for p in FIRSTS if p.startswith("(?:收到"))),
        FIRSTS[next(p for p in FIRSTS if p.startswith("(?:收到"))],
        ["收到", "受理", "接收", "接到", "收", "受", "接", "政府信息公开", "信息公开",
         "依申请公开", "的", "申请", "共计", "共", "12", "3", " ", "件", "，", "\n"],
    ),
    "gx401-none": (
        re.compile(next(p for p in FIRSTS if p.startswith("(?:未"))),
        FIRSTS[next(p for p in FIRSTS if p.startswith("(?:未"))],
        ["未", "没有", "没", "收到", "接到", "受理", "任何", "信息公开", "依申请公开", "申请",
         "办件", "，", "。", " ", "\n", "x"],
    ),
    "gx402-marker": (
        MARKER,
        "其分",
        ["其中", "分别为", "分别是", "其", "分", "别", "：", ":", "，", ",", "公开", "\n"],
    ),
    "gx406-trigger": (
        TRIGGER,
        TRIGGER_FIRSTS,
        ["XX", "Xx", "x", "X", "××", "×", "某某", "某", "填写", "填入", "填", "待补充", "待填",
         "待完善", "待", "镇", " ", "\n"],
    ),
}  # fmt: skip


def _spans(matches) -> list[tuple[int, int]]:
    return [match.span() for match in matches]


def test_the_first_characters_are_found_where_finditer_finds_them():
    pattern = re.compile(r"其中|分别为?")
    text = "其中甲；分别；分别为其中"
    assert _spans(finditer_from(pattern, text, "其分")) == [(0, 2), (4, 6), (7, 10), (10, 12)]
    assert _spans(finditer_from(pattern, text, "其分", 1, 11)) == [(4, 6), (7, 10)]
    assert search_from(pattern, text, "分").span() == (4, 6)
    assert search_from(pattern, "无", "其分") is None


def test_a_candidate_inside_a_match_is_skipped_as_finditer_skips_it():
    pattern = re.compile(r"甲[甲乙]+")
    text = "甲甲乙甲"
    assert _spans(finditer_from(pattern, text, "甲")) == _spans(pattern.finditer(text)) == [(0, 4)]


@pytest.mark.parametrize("name", USES)
def test_in_the_seeds_each_use_finds_what_finditer_finds(name):
    pattern, firsts, _ = USES[name]
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        assert _spans(finditer_from(pattern, text, firsts)) == _spans(pattern.finditer(text))


@pytest.mark.parametrize("name", USES)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_in_any_text_each_use_finds_what_finditer_finds(name, data):
    pattern, firsts, pieces = USES[name]
    text = data.draw(st.lists(st.sampled_from(pieces), max_size=30).map("".join))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = _spans(pattern.finditer(text, start, end))
    assert _spans(finditer_from(pattern, text, firsts, start, end)) == expected


# A word every match holds (GX401's 行政复议): stretches without it are not scanned.
HOLDING_PIECES = ["被申请", "信息公开", "工作", "行政复议", "行政", "复议", "案件", "共计", "共", " ",
                  "3", "12", "件", "起", "\n", "，"]  # fmt: skip


@pytest.mark.parametrize("pattern", HOLDING)
@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(HOLDING_PIECES), max_size=30).map("".join))
def test_every_match_holds_the_word_it_is_scanned_by(pattern, text):
    word = HOLDING[pattern]
    assert all(word in match.group() for match in re.finditer(pattern, text))


@pytest.mark.parametrize("pattern", HOLDING)
def test_in_the_seeds_scanning_by_the_word_finds_every_match(pattern):
    compiled = re.compile(pattern)
    found = 0
    for path in sorted(SEEDS.glob("*.txt")):
        # NOTE: the seeds state no 行政复议 count; each gets one in its first paragraph.
        title, rest = path.read_text("utf-8").split("\n", 1)
        text = f"{title}\n本年度被申请行政复议 3 件，信息公开工作行政复议案件共 2 起。\n{rest}"
        report = read_text(SourceText(path.name, text, "utf-8")).report
        plain = _spans(report.matches_outside_tables(compiled))
        found += len(plain)
        assert _spans(report.matches_outside_tables(compiled, holding=HOLDING[pattern])) == plain
    assert found >= 2 * len(list(SEEDS.glob("*.txt")))
