"""The offset map records only the edits that move offsets; spans still map back exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.source import NormSpan, normalize
from gxlint.source.normalize import _DELETE, _REPLACE


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


def _one_char_at_a_time(original: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    """Normalising as the module docstring says, one character at a time: ``\\r\\n`` and
    ``\\r`` become ``\\n`` (the ``\\r`` of ``\\r\\n`` recorded as deleted), zero-width
    characters are deleted (recorded), the 1:1 replacements are made (not recorded)."""
    out: list[str] = []
    edits = []
    for index, char in enumerate(original):
        if char == "\r" and original[index + 1 : index + 2] == "\n":
            edits.append((index, index + 1, len(out), len(out)))
        elif char == "\r":
            out.append("\n")
        elif char in _DELETE:
            edits.append((index, index + 1, len(out), len(out)))
        else:
            out.append(_REPLACE.get(char, char))
    return "".join(out), edits


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["\r", "\n", "\r\n", "a", "中", *_REPLACE, *_DELETE, "\r\r\n"]),
        max_size=30,
    ).map("".join)
)
def test_any_text_is_normalised_as_one_character_at_a_time(original):
    norm = normalize(original)
    edits = [(e.orig_start, e.orig_end, e.norm_start, e.norm_end) for e in norm.offsets.edits]
    assert (norm.text, edits) == _one_char_at_a_time(original)
    assert norm.original == original
