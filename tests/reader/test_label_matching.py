"""Tolerant label matching: the shortcuts (exact, variant, truncated, character bound) give
exactly what comparing every label with difflib gives."""

from __future__ import annotations

from difflib import SequenceMatcher

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gxlint.spec import LabelSet, MatchKind, fold, load_spec

SPEC = load_spec()
SETS = [SPEC.table3_rows, SPEC.table3_columns, SPEC.table2_rows, SPEC.section_titles]
LABELS = [fold(entry.label) for labels in SETS for entry in labels.entries]


def _brute_force(labels: LabelSet, key: str) -> str | None:
    """The best label at ratio ≥ 0.8 among those near in length, first on ties (no bound)."""
    best, found = 0.8, None
    for entry in labels.entries:
        label = fold(entry.label)
        if abs(len(label) - len(key)) > max(3, len(label) // 4):
            continue
        ratio = SequenceMatcher(None, key, label, autojunk=False).ratio()
        if ratio >= best and (found is None or ratio > best):
            best, found = ratio, entry.key
    return found


@st.composite
def damaged_label(draw: st.DrawFn) -> tuple[int, str]:
    """A catalogue label with a few characters dropped, doubled or replaced."""
    which = draw(st.integers(0, len(SETS) - 1))
    text = list(draw(st.sampled_from([fold(e.label) for e in SETS[which].entries])))
    for _ in range(draw(st.integers(1, 3))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        action = draw(st.sampled_from(["drop", "double", "replace"]))
        if action == "drop":
            del text[at]
        elif action == "double":
            text.insert(at, text[at])
        else:
            text[at] = draw(st.sampled_from("的和与其他单位申请情况数量"))
    return which, "".join(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_label())
def test_fuzzy_matches_are_those_of_a_full_comparison(case: tuple[int, str]) -> None:
    which, key = case
    labels = SETS[which]
    found = labels.match(key, folded=True)
    if found is None or found.kind is MatchKind.FUZZY:
        if len(key) >= labels._fuzzy_min:
            expected = _brute_force(labels, key)
            assert (found.key if found else None) == expected
    else:
        assert found.kind in (MatchKind.EXACT, MatchKind.VARIANT, MatchKind.TRUNCATED)


@settings(max_examples=150, deadline=None)
@given(damaged_label())
def test_exact_is_match_restricted_to_exact_and_variant_labels(case: tuple[int, str]) -> None:
    which, key = case
    labels = SETS[which]
    found = labels.match(key)
    expected = found if found and found.kind in (MatchKind.EXACT, MatchKind.VARIANT) else None
    assert labels.exact(key) == expected


def test_exact_finds_labels_and_variants_as_written():
    labels = SPEC.table3_rows
    entry = next(entry for entry in labels.entries if entry.variants)
    assert labels.exact(entry.label).kind is MatchKind.EXACT
    assert labels.exact(f" {entry.variants[0]} ").kind is MatchKind.VARIANT
    assert labels.exact(entry.label[:-1]) is None  # truncated: match() would say TRUNCATED
    assert labels.exact("") is None


@settings(max_examples=200, deadline=None)
@given(
    index=st.integers(0, len(SETS) - 1),
    text=st.lists(
        st.sampled_from([*'（）：，．；“”"‘’、|〔〕 \t\u3000()公开申请总计', *LABELS[:5]]),
        max_size=8,
    ).map("".join),
)
def test_an_answer_is_the_same_for_a_text_and_its_folded_form(index: int, text: str) -> None:
    # NOTE: LabelSet.match remembers answers by the text as given, folded or not.
    assert fold(fold(text)) == fold(text)
    labels = SETS[index]
    assert labels.match(text) == labels.match(fold(text), folded=True) == labels.match(fold(text))
