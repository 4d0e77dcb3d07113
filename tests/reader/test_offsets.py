"""The offset map records only the edits that move offsets; spans still map back exactly."""

from __future__ import annotations

from gxlint.source import NormSpan, normalize


def _span_of(norm, word: str) -> NormSpan:
    start = norm.text.index(word)
    return NormSpan(start, start + len(word))


def test_one_for_one_replacements_leave_the_map_empty():
    original = "（一）主动公开\u3000情况．\u00a0结束"
    norm = normalize(original)
    assert norm.text == "(一)主动公开 情况. 结束"
    assert norm.offsets.edits == []
    span = _span_of(norm, "情况")
    source = norm.to_source(span)
    assert (source.start, source.end) == (span.start, span.end)
    assert norm.original_slice(span) == "情况"


def test_deletions_and_crlf_are_recorded_and_map_back():
    original = "（一）\u200b主动\r\n公开\u3000情况\r\n"
    norm = normalize(original)
    assert norm.text == "(一)主动\n公开 情况\n"
    assert len(norm.offsets.edits) == 3  # the zero-width space and two "\r"
    for word in ("主动", "公开", "情况", "(一)"):
        assert normalize(norm.original_slice(_span_of(norm, word))).text == word
    line_end = norm.text.index("\n")
    empty = norm.to_source(NormSpan(line_end, line_end))
    assert original[empty.start] == "\r"  # an empty span stays before the deleted "\r"
