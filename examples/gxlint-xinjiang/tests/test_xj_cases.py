"""Every XJ rule's data-driven cases (cases/XJnnn.toml), the same format as gxlint's own."""

from __future__ import annotations

from pathlib import Path

from gxlint.testing import Case, case_params, check_case

CASES = Path(__file__).parent / "cases"


@case_params(CASES)
def test_case(case: Case) -> None:
    check_case(case)
