"""Property tests: mutated seeds never make the reader raise, and spans map back exactly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gxlint.model import Cell, Label
from gxlint.reader import ReadReport, read_bytes, read_text
from gxlint.source import DecodeProblem, NormSpan, SourceText, normalize
from gxlint.spec import fold
from tests.conftest import SEEDS
from tests.mutations import mutated_report

SEED_TEXTS = [path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt"))]
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(mutated_report())
def test_mutated_seeds_always_give_a_model(text: str) -> None:
    read = read_bytes(text.encode("utf-8"), "m.txt")
    assert isinstance(read, ReadReport | DecodeProblem)
    if isinstance(read, ReadReport):
        for node in read.report.walk():
            span = read.norm.to_source(node.span)
            assert 0 <= span.start <= span.end <= len(read.source.text)


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(data: bytes) -> None:
    read = read_bytes(data, "b.txt")
    assert isinstance(read, ReadReport | DecodeProblem)


@pytest.mark.skipif(not SEED_TEXTS, reason=f"seed corpus not found at {SEEDS}")
@FAST
@given(st.sampled_from(SEED_TEXTS), st.data())
def test_random_spans_round_trip(text: str, data: st.DataObject) -> None:
    original = text.replace("\n", "\r\n").replace(" ", "\u3000", 3)
    norm = normalize(original)
    start = data.draw(st.integers(0, len(norm.text)))
    end = data.draw(st.integers(start, len(norm.text)))
    source = norm.to_source(NormSpan(start, end))
    assert normalize(original[source.start : source.end]).text == norm.text[start:end]


def test_every_cell_and_label_span_holds_what_the_model_claims() -> None:
    for text in SEED_TEXTS:
        original = text.replace("\n", "\r\n")
        read = read_text(SourceText("x", original, "utf-8"))
        for node in read.report.walk():
            if isinstance(node, Cell | Label) and node.span.end > node.span.start:
                written = read.norm.original_slice(node.span)
                assert fold(written) == fold(node.raw), (written, node.raw)
