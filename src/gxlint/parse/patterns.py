"""The few regular expressions that recognise ordinals, numbers, dates and document numbers.

They are written once here and used by the lexer and the model builder; rules never carry
their own copies. All are linear (no nested quantifiers), so no input can make them
backtrack catastrophically. They run on the *normalised* text (ASCII brackets).
"""

from __future__ import annotations

import re

from gxlint.regexcache import compile_cached

CN_DIGITS = "一二三四五六七八九十"
CN_VALUE = {ch: i + 1 for i, ch in enumerate(CN_DIGITS)}

# A top-level section heading: 一、 / 一. / 一 (space) followed by the title.
SECTION_ORDINAL = compile_cached(r"^[ \t]*([一二三四五六七八九十])[ \t]*[、.,，][ \t]*")

# Item ordinals at the start of a line, in the styles seen in real reports (incl. broken).
ITEM_ORDINAL = compile_cached(
    r"^[ \t]*(?:"
    r"(?P<paren_cn>\([ \t]*[一二三四五六七八九十]{1,3}[ \t]*\))"
    r"|(?P<paren_ar>\([ \t]*\d{1,2}[ \t]*\))"
    r"|(?P<broken_close>[一二三四五六七八九十]{1,3}\))"
    r"|(?P<broken_open>\([一二三四五六七八九十]{1,3}(?![)一二三四五六七八九十]))"
    r"|(?P<dot_ar>\d{1,2}[.、](?!\d))"
    r"|(?P<shi>[一二三四五六七八九十]{1,3}是)"
    r")"
)
# 一是/二是 also count mid-paragraph, after a sentence end: gxlint.model.items.inline_shi.

NUMBER = compile_cached(r"-?\d+(?:\.\d+)?")
# A cell value: a number optionally followed by an annotation, e.g. 22(其中修订16件).
CELL_VALUE = compile_cached(r"^(?P<num>-?\d+(?:\.\d+)?)(?P<note>\(.*\)|[件条个万元]*)?$")

DATE = compile_cached(r"(?<!\d)(\d{4})[ \t]*年[ \t]*(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*日")
DATE_CN = compile_cached(
    r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
# Dates that lost 年/月/日 in a copy: 20241月1日, 20251月8, 20211231日, 2025年1月8 (no 日).
DATE_BROKEN = compile_cached(
    r"(?<![\d.])(?:"
    r"(?P<a_year>(?:19|20)\d{2})(?P<a_month>\d{1,2})月(?P<a_day>\d{1,2})日?"
    r"|(?P<b_digits>(?:19|20)\d{5,6})日"
    r"|(?P<c_year>(?:19|20)\d{2})年(?P<c_month>\d{1,2})月(?P<c_day>\d{1,2})(?![\d日号])"
    r")"
)
DATE_ISO = compile_cached(r"(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")
DIGITS_ONLY_DATE = compile_cached(r"^[ \t]*((?:19|20)\d{5,6})[ \t]*$")

# 机关代字〔YYYY〕N号 and broken forms; the issuer is found by walking back from the match.
# NOTE: the lookahead names the only characters a match can start with (an opening bracket, a
# blank, the year's first digit); it changes no match but lets a scan of a whole report skip
# every other position at once (half the time of DOC_NUMBER.finditer).
DOC_NUMBER = compile_cached(
    r"(?=[\[【(〔［ \t12])"
    r"(?P<open>[\[【(〔［]?)[ \t]*(?P<year>(?:19|20)\d{2})[ \t]*(?P<close>[\]】)〕］]?)"
    r"[ \t]*(?P<di>第?)[ \t]*(?P<seq>\d{1,5})[ \t]*号"
)
ISSUER_CHARS = compile_cached(r"[\u4e00-\u9fff]{1,12}$")
ISSUER_PREFIXES = compile_cached(r"^.*(?:按照|根据|依据|依照|印发|关于|通知|和|及|与|、|的)")

# Web-page chrome: words of page bars, and page footers alone on a line. WEB_RESIDUE works on
# one line or a whole text (MULTILINE; [ \t], never \s, so no match crosses a line break).
# NOTE: for a fast scan of a whole text, WEB_RESIDUE_WORDS (every alternative starts with a
# literal, so the engine skips to candidates) and WEB_RESIDUE_FOOTER (a footer after a line
# break; the match starts at the "\n") together find what WEB_RESIDUE finds, 3-5x faster.
_WEB_WORDS = (
    r"发布时间|浏览次数|【字体|字体[:：]?[ \t]*[【\[]?[大中小]|打印本页|关闭窗口|当前位置|"
    r"分享到|扫一扫|来源[:：]|【打印】|【关闭】"
)
_WEB_FOOTER = r"[ \t]*(?:[—-][ \t]*\d+[ \t]*[—-][ \t]*$|第[ \t]*\d+[ \t]*页)"
WEB_RESIDUE = compile_cached(f"{_WEB_WORDS}|^{_WEB_FOOTER}", re.MULTILINE)
WEB_RESIDUE_WORDS = compile_cached(_WEB_WORDS)
WEB_RESIDUE_FOOTER = compile_cached(f"\n{_WEB_FOOTER}", re.MULTILINE)


def chinese_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20; None for anything else."""
    if not text or any(ch not in CN_VALUE for ch in text):
        return None
    if len(text) == 1:
        return CN_VALUE[text]
    if text[0] == "十":
        return 10 + CN_VALUE[text[1]] if len(text) == 2 else None
    if len(text) == 2 and text[1] == "十":
        return CN_VALUE[text[0]] * 10
    if len(text) == 3 and text[1] == "十":
        return CN_VALUE[text[0]] * 10 + CN_VALUE[text[2]]
    return None


def to_chinese_number(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (1..99)."""
    if value <= 10:
        return CN_DIGITS[value - 1]
    tens, ones = divmod(value, 10)
    head = "" if tens == 1 else CN_DIGITS[tens - 1]
    return head + "十" + (CN_DIGITS[ones - 1] if ones else "")
