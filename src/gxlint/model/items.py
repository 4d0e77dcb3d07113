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


def inline_items(text: str, start: int) -> list[Item]:
    """一是/二是 written inside a paragraph (not at its start)."""
    found: list[Item] = []
    if "是" not in text:  # NOTE: most paragraphs; no scan of the line for a 一是
        return found
    for match in p.INLINE_SHI.finditer(text):
        if match.start(1) == len(text) - len(text.lstrip(" \t")):
            continue  # at the start of the line: read_item's job
        value = p.chinese_number(match.group(1))
        if value is None:
            continue
        begin = start + match.start(1)
        raw = match.group(1) + "是"
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
