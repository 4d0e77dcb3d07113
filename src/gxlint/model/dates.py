"""Dates, statistics periods and document numbers found in the text.

Recognised once here for every rule: GX303 reads ``problem``/``suggestion``, GX305 the years,
GX306 the period, GX404/GX405 the document numbers.
"""

from __future__ import annotations

import re

from gxlint.datetype import date
from gxlint.model.nodes import DateMention, DocNumber, StatisticsPeriod
from gxlint.parse import patterns as p
from gxlint.regexcache import compile_cached
from gxlint.source.spans import NormSpan

_CN_YEAR = {"〇": 0, "零": 0, "○": 0, **{ch: i + 1 for i, ch in enumerate("一二三四五六七八九")}}
_PERIOD_JOIN = compile_cached(r"[ \t]*(?:至|到|—|－|-|~|～)[ \t]*")
_END_NO_YEAR = compile_cached(r"(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*日")
# What introduces a 统计期限 right before its first date (统计期限为、统计时间自、期限从 …).
_PERIOD_LEAD = compile_cached(r"(?:统计|期限|时限)[^。；;，,！!\n]{0,8}$")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _format(year: int, month: int, day: int) -> str:
    return f"{year}年{month}月{day}日"


def _digit_readings(digits: str) -> list[tuple[int, int, int]]:
    """Valid (year, month, day) readings of 7–8 digits such as 20211231 or 2017210."""
    year, rest = int(digits[:4]), digits[4:]
    readings = []
    for cut in (1, 2):
        month, day = rest[:cut], rest[cut:]
        if not day or len(day) > 2 or month.startswith("0") or day.startswith("0"):
            continue
        if _valid(year, int(month), int(day)):
            readings.append((year, int(month), int(day)))
    return readings


def _standard(match: re.Match[str]) -> DateMention:
    year, month, day = (int(g) for g in match.groups())
    problem = None
    if not _valid(year, month, day):
        problem = "日期不存在"
    elif match.group(2).startswith("0") or match.group(3).startswith("0"):
        problem = "月、日不应补零"
    suggestion = _format(year, month, day) if problem == "月、日不应补零" else None
    return DateMention(
        NormSpan(*match.span()), match.group(), year, month, day, "standard", problem, suggestion
    )


def _broken(match: re.Match[str]) -> DateMention:
    span = NormSpan(*match.span())
    raw = match.group()
    if match.group("a_year"):
        year, month, day = (int(match.group(k)) for k in ("a_year", "a_month", "a_day"))
        problem = "缺少“年”" + ("" if raw.endswith("日") else "和“日”")
        ok = _valid(year, month, day)
        return DateMention(
            span,
            raw,
            year,
            month,
            day,
            "broken",
            problem,
            _format(year, month, day) if ok else None,
        )
    if match.group("b_digits"):
        return digit_date(match.group("b_digits"), span, raw)
    year, month, day = (int(match.group(k)) for k in ("c_year", "c_month", "c_day"))
    ok = _valid(year, month, day)
    return DateMention(
        span, raw, year, month, day, "broken", "缺少“日”", _format(year, month, day) if ok else None
    )


def digit_date(digits: str, span: NormSpan, raw: str) -> DateMention:
    """A date written as bare digits (``20211231日``, ``2021926``)."""
    readings = _digit_readings(digits)
    year = int(digits[:4])
    if len(readings) == 1:
        _, month, day = readings[0]
        return DateMention(
            span, raw, year, month, day, "broken", "缺少“年”“月”", _format(*readings[0])
        )
    return DateMention(span, raw, year, None, None, "broken", "缺少“年”“月”", None)


def _chinese(match: re.Match[str]) -> DateMention | None:
    year = int("".join(str(_CN_YEAR[ch]) for ch in match.group(1)))
    month, day = p.chinese_number(match.group(2)), p.chinese_number(match.group(3))
    if month is None or day is None:
        return None
    problem = None if _valid(year, month, day) else "日期不存在"
    return DateMention(NormSpan(*match.span()), match.group(), year, month, day, "chinese", problem)


# NOTE: the leading lookahead (the characters a year can start with) changes no match; it
# lets the scan skip every other position at once (a quarter of the time over a report).
_YEAR_LOOKAHEAD = "(?=[12〇零○一二三四五六七八九])"
_YEAR_START = compile_cached(
    _YEAR_LOOKAHEAD + r"(?:(?<!\d)(?:19|20)\d\d|[〇零○一二三四五六七八九]{4}年)"
)


def _at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can only start where a year starts.

    NOTE: every date form begins with its year, so trying the patterns only at the few year
    positions is the same as scanning the whole text, at a fraction of the cost.
    """
    found = []
    end = -1
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match:
            found.append(match)
            end = match.end()
    return found


def _year_starts(text: str) -> list[int]:
    """Where a year starts in ``text``: the starts of ``_YEAR_START.finditer(text)``.

    NOTE: a year is ``19``/``20`` and two digits, or four Chinese digits before ``年``; the
    candidates are found by ``str.find`` (C speed) and each is tested by the pattern itself,
    instead of trying the pattern at all ~7,000 positions of a report (a tenth of reading
    its model). The set is the same: two years never overlap (a digit year is never preceded
    by a digit, a Chinese year contains no ``年``), so ``finditer`` skips none of them.
    """
    candidates: list[int] = []
    for lead in ("19", "20"):
        at = text.find(lead)
        while at >= 0:
            candidates.append(at)
            at = text.find(lead, at + 1)
    at = text.find("年", 4)
    while at >= 0:
        candidates.append(at - 4)
        at = text.find("年", at + 1)
    match = _YEAR_START.match
    return [at for at in sorted(set(candidates)) if match(text, at)]


def find_dates(text: str) -> list[DateMention]:
    """Every date in ``text``, standard forms first, broken forms where nothing overlaps."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    starts = _year_starts(text)

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in _at(p.DATE, text, starts):
        found.append(_standard(match))
        taken.append(match.span())
    for match in _at(p.DATE_CN, text, starts):
        mention = _chinese(match)
        if mention is not None and free(*match.span()):
            found.append(mention)
            taken.append(match.span())
    for match in _at(p.DATE_BROKEN, text, starts):
        if free(*match.span()):
            found.append(_broken(match))
            taken.append(match.span())
    for match in _at(p.DATE_ISO, text, starts):
        if free(*match.span()):
            year, month, day = (int(g) for g in match.groups())
            span = NormSpan(*match.span())
            found.append(DateMention(span, match.group(), year, month, day, "iso"))
    found.sort(key=lambda d: d.span.start)
    return found


def find_period(text: str, dates: list[DateMention]) -> StatisticsPeriod | None:
    """The 统计期限: the first ``<date>至<date>`` range introduced as one (``统计期限为…``,
    ``explicit``), else the first range starting on 1月1日."""
    by_start = {d.span.start: d for d in dates}
    fallback = None
    for first in dates:
        if first.kind == "iso":
            continue
        explicit = bool(_PERIOD_LEAD.search(text, max(0, first.span.start - 20), first.span.start))
        if not explicit and (fallback is not None or first.month != 1 or first.day != 1):
            continue
        join = _PERIOD_JOIN.match(text, first.span.end)
        if not join:
            continue
        second = by_start.get(join.end())
        if second is None:
            bare = _END_NO_YEAR.match(text, join.end())
            if not bare:
                continue
            month, day = int(bare.group(1)), int(bare.group(2))
            second = DateMention(
                NormSpan(*bare.span()), bare.group(), first.year, month, day, "standard"
            )
        found = StatisticsPeriod(first.span.cover(second.span), first, second, first.year)
        if explicit:
            found.explicit = True
            return found
        fallback = found
    return fallback


_DOC_NUMBER_REACH = 32
"""Characters before its ``号`` that a 发文字号 without blanks can start at (it has at most
13 other characters: bracket, year, bracket, 第, five digits)."""


def _doc_number_matches(text: str) -> list[re.Match[str]]:
    """``list(p.DOC_NUMBER.finditer(text))``, searching only just before each ``号``.

    NOTE: every match ends at the only ``号`` it holds, so the matches are, in order, the
    leftmost match in each stretch between one ``号`` (or the previous match) and the next;
    a report has a handful of ``号`` in ~7,000 characters. A match longer than the reach
    has blanks in its last ``_DOC_NUMBER_REACH`` characters: only then is the whole
    stretch searched.
    """
    found: list[re.Match[str]] = []
    search = p.DOC_NUMBER.search
    low = 0  # NOTE: after the previous 号 and the previous match
    at = text.find("号")
    while at >= 0:
        reach = at - _DOC_NUMBER_REACH
        start = low
        if reach > low and " " not in (tail := text[reach:at]) and "\t" not in tail:
            start = reach
        match = search(text, start, at + 1)
        if match is not None:
            found.append(match)
        low = at + 1
        at = text.find("号", low)
    return found


def find_doc_numbers(text: str) -> list[DocNumber]:
    """Every 发文字号 in ``text`` (机关代字 + year + sequence + 号, in any bracket style)."""
    found: list[DocNumber] = []
    for match in _doc_number_matches(text):
        before = text[max(0, match.start() - 16) : match.start()]
        run = p.ISSUER_CHARS.search(before)
        if run is None:
            continue
        issuer = p.ISSUER_PREFIXES.sub("", run.group())
        if not issuer or issuer.endswith(("年", "第", "月", "日")):
            continue
        start = match.start() - len(issuer)
        found.append(
            DocNumber(
                NormSpan(start, match.end()),
                text[start : match.end()],
                issuer,
                int(match.group("year")),
                match.group("seq"),
                match.group("open"),
                match.group("close"),
                bool(match.group("di")),
            )
        )
    return found
