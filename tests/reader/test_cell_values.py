"""How a table cell's text reads as a number: counts are ints, a fee may be a fraction."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gxlint.model.match_tables import parse_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", (12, None)),
        ("0", (0, None)),
        ("0.5", (Decimal("0.5"), None)),
        ("１.５", (Decimal("1.5"), None)),  # full-width digits fold before reading
        ("22(其中修订16件)", (22, "(其中修订16件)")),
        ("1.2.3", (None, None)),
        ("3.", (None, None)),
        ("无", (None, None)),
    ],
)
def test_cell_text_reads_as_its_number(text, expected) -> None:
    value, note = parse_value(text)
    assert (value, note) == expected
    assert type(value) is type(expected[0])  # 12 stays an int, never Decimal("12")
