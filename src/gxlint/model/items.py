"""Numbered items and their sibling lists.

Ordinals are read once here. Sibling lists follow the usual hierarchy of Chinese official
documents — （一） above 1./(1) above 一是 — so a new （二） closes the 1. and 一是 lists under
（一）. 一是/二是 count inside paragraphs too, after a sentence end, because reports write
them inline as often as at the start of a line.
"""

from __future__ import annotations

from gxlint.model.nodes import Item, ItemList, Ordinal
from gxlint.parse import patterns as p
from gxlint.regexcache import compile_cached
from gxlint.source.spans import NormSpan

RANK = {
    "paren_cn": 1,
    "broken_close": 1,
    "broken_open": 1,
    "paren_ar": 2,
    "dot_ar": 2,
    "shi": 3,
}
_NOT_ORDINAL_DIGIT = compile_cached(r"[^0-9一二三四五六七八九十]")


def _value(raw: str, style: str) -> int | None:
    digits = _NOT_ORDINAL_DIGIT.sub("", raw)
    if style in ("paren_ar", "dot_ar"):
        return int(digits) if digits.isdigit() else None
    return p.chinese_number(digits)


def read_item(text: str, start: int) -> Item | None:
    """The item a line starts with (``start``: the line's normalised offset)."""
    match = p.ITEM_ORDINAL.match(text)
    if not match or match.lastgroup is None:
        return None
    style = match.lastgroup
    raw = match.group(style)
    value = _value(raw, style)
    if value is None:
        return None
    begin = start + match.start(style)
    ordinal = Ordinal(NormSpan(begin, begin + len(raw)), raw, value, style)
    line_end = start + len(text.rstrip())
    return Item(NormSpan(begin, max(line_end, ordinal.span.end)), ordinal, text[match.end() :])


_NUMERALS = frozenset("一二三四五六七八九十")
_SENTENCE_ENDS = frozenset("。；;：:")


def inline_shi(text: str) -> list[tuple[int, str]]:
    r"""``(offset, numeral)`` of each 一是/二是 in ``text`` that starts it or follows a sentence
    end (``。；;：:``, then spaces or tabs) and is followed by a Chinese character.

    What ``(?:^|(?<=[。；;：:]))[ \t]*([一二三四五六七八九十]{1,3})是(?=[\u4e00-\u9fff])`` finds,
    found from each 是 backwards: the expression, having no first character to skip to, was
    tried at every position of a paragraph (~40 ns a character).
    """
    found: list[tuple[int, str]] = []
    at = text.find("是")
    while at != -1:
        start = at
        while start > 0 and at - start < 3 and text[start - 1] in _NUMERALS:
            start -= 1
        if (
            start < at
            and (start == 0 or text[start - 1] not in _NUMERALS)  # NOTE: a run of at most 3
            and "\u4e00" <= text[at + 1 : at + 2] <= "\u9fff"
        ):
            before = text[:start].rstrip(" \t")
            if not before or before[-1] in _SENTENCE_ENDS:
                found.append((start, text[start:at]))
        at = text.find("是", at + 1)
    return found


def inline_items(text: str, start: int) -> list[Item]:
    """一是/二是 written inside a paragraph (not at its start)."""
    found: list[Item] = []
    if "是" not in text:  # NOTE: most paragraphs; no scan of the line for a 一是
        return found
    indent = len(text) - len(text.lstrip(" \t"))
    for at, numeral in inline_shi(text):
        if at == indent:
            continue  # at the start of the line: read_item's job
        value = p.chinese_number(numeral)
        if value is None:
            continue
        begin = start + at
        raw = numeral + "是"
        ordinal = Ordinal(NormSpan(begin, begin + len(raw)), raw, value, "shi")
        found.append(Item(ordinal.span, ordinal, "", inline=True))
    return found


def sibling_lists(items: list[Item]) -> list[ItemList]:
    """Group items (in document order) into sibling lists by rank."""
    lists: list[ItemList] = []
    open_lists: dict[int, ItemList] = {}
    for item in items:
        rank = RANK[item.ordinal.style]
        for deeper in [r for r in open_lists if r > rank]:
            del open_lists[deeper]
        current = open_lists.get(rank)
        if current is not None and item.ordinal.value == 1 and current.items[-1].ordinal.value > 1:
            # NOTE: numbering that restarts at 1 after 2 or more opens a new list (two lead-in
            # paragraphs each followed by 1. 2. …), not a duplicate of the first item.
            current = None
        if current is None:
            current = ItemList(item.span, item.ordinal.style)
            open_lists[rank] = current
            lists.append(current)
        current.items.append(item)
        current.span = current.span.cover(item.span)
    return lists
