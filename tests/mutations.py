"""Hypothesis strategies that damage real reports the way copying and editing does."""

from __future__ import annotations

from hypothesis import strategies as st

from tests.conftest import REPORTS, SEEDS

TEXTS = [path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt"))] + [
    path.read_text("utf-8") for path in sorted(REPORTS.glob("clean_*.txt"))
]


@st.composite
def mutated_report(draw: st.DrawFn) -> str:
    """A seed or clean report with lines deleted, duplicated, swapped, inserted or cut."""
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate", "digit"]))
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(j, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            lines.insert(i, draw(st.text(max_size=40)))
        elif op == "digit":
            lines[i] = lines[i].replace("0", draw(st.sampled_from(["1", "-1", "/", "", "0.5"])), 1)
        else:
            cut = draw(st.integers(0, len(lines[i])))
            lines = lines[:i] + [lines[i][:cut]]
    return "\n".join(lines)
