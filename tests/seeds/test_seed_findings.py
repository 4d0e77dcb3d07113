"""The seed corpus as golden tests: every "must" of ../shared/corpus/README.md is found at
its line, "may" findings are tolerated, and anything else is a false positive."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from gxlint.findings import Severity
from gxlint.source import LineIndex
from gxlint.testing import lint_result
from tests.conftest import seed_path

ANY = None  # any line


@dataclass(frozen=True)
class Expectation:
    must: tuple[tuple[str | tuple[str, ...], int | None], ...]
    may: tuple[tuple[str, int | None], ...] = ()
    must_not: tuple[tuple[str, int | None], ...] = field(default=())


SEEDS = {
    "000": Expectation(
        must=(
            ("GX407", 9),
            ("GX303", 11),
            ("GX404", 17),
            ("GX104", 21),
            ("GX208", 35),
            ("GX208", 39),
            ("GX202", 151),
            ("GX303", 622),
        ),
        may=(("GX407", 1), ("GX407", 2), ("GX407", 3), ("GX501", ANY)),
        must_not=(("GX101", ANY), ("GX102", ANY), ("GX301", ANY), ("GX302", ANY)),
    ),
    "001": Expectation(
        must=(("GX202", 18), ("GX202", 21), ("GX403", 296), ("GX301", ANY), ("GX302", ANY)),
        may=(("GX106", ANY), ("GX501", ANY)) + tuple(("GX208", line) for line in range(260, 277)),
    ),
    "002": Expectation(
        must=(
            ("GX103", 10),
            ("GX103", 57),
            ("GX208", 24),
            ("GX208", 127),
            ("GX208", 292),
            ("GX208", 303),
            ("GX101", ANY),
        ),
        must_not=(("GX301", ANY), ("GX302", ANY)),
    ),
    "003": Expectation(
        must=(
            ("GX202", 57),
            ("GX202", 58),
            ("GX202", 59),
            ("GX202", 68),
            ("GX209", ANY),
            (("GX101", "GX103"), 75),
            ("GX301", ANY),
            ("GX302", ANY),
            (("GX501", "GX502"), 68),
            (("GX501", "GX502"), 71),
        ),
        must_not=(("GX501", 4),),
    ),
    "004": Expectation(
        must=(("GX301", ANY), ("GX302", ANY), ("GX501", 5)),
        must_not=(("GX401", 12), ("GX203", ANY), ("GX204", ANY), ("GX205", ANY), ("GX206", ANY)),
    ),
}


def _findings(prefix: str) -> list[tuple[str, int, Severity]]:
    path = seed_path(prefix)
    result = lint_result(path.read_text("utf-8"), path=str(path))
    index = LineIndex(result.text)
    return [(f.code, index.position(f.span.start).line, f.severity) for f in result.findings]


def _hits(rule: str | tuple[str, ...], line: int | None, found) -> bool:
    codes = (rule,) if isinstance(rule, str) else rule
    return any(code in codes and (line is None or line == at) for code, at, _ in found)


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_every_must_is_found(prefix: str) -> None:
    found = _findings(prefix)
    missing = [item for item in SEEDS[prefix].must if not _hits(*item, found)]
    assert not missing, f"seed {prefix}: missing {missing}; found {sorted(found)}"


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_nothing_outside_must_and_may(prefix: str) -> None:
    expectation = SEEDS[prefix]
    allowed = expectation.must + expectation.may
    extra = [
        (code, line)
        for code, line, _ in _findings(prefix)
        if not any(
            code in ((rule,) if isinstance(rule, str) else rule) and at in (None, line)
            for rule, at in allowed
        )
    ]
    assert not extra, f"seed {prefix}: false positives {extra}"


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_must_not(prefix: str) -> None:
    found = _findings(prefix)
    hit = [item for item in SEEDS[prefix].must_not if _hits(*item, found)]
    assert not hit, f"seed {prefix}: must-not findings present {hit}"


def test_uniform_ascii_punctuation_is_one_info_at_most() -> None:
    for prefix in ("000", "001"):
        gx501 = [f for f in _findings(prefix) if f[0] == "GX501"]
        assert len(gx501) <= 1 and all(sev is Severity.INFO for _, _, sev in gx501), gx501
