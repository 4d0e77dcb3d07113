"""[jurisdiction]: the publication deadline (条例 第四十九条) and its overrides."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from gxlint.config import Jurisdiction, SectionSixItem, load_settings


@pytest.mark.parametrize(
    ("own", "expected"),
    [(True, datetime.date(2025, 3, 31)), (False, datetime.date(2025, 1, 31))],
)
def test_auto_deadline_depends_on_own_government_report(own: bool, expected) -> None:
    assert Jurisdiction().deadline_for(2024, own_government_report=own) == expected


def test_explicit_deadline_wins_over_auto() -> None:
    jurisdiction = Jurisdiction(deadline="02-20")
    assert jurisdiction.deadline_for(2021, own_government_report=True) == datetime.date(2022, 2, 20)
    assert jurisdiction.deadline_for(2021, own_government_report=False) == datetime.date(
        2022, 2, 20
    )


def test_configured_own_government_report_beats_detection() -> None:
    assert Jurisdiction(own_government_report=True).deadline_for(2023, False) == datetime.date(
        2024, 3, 31
    )
    assert Jurisdiction(own_government_report=False).deadline_for(2023, True) == datetime.date(
        2024, 1, 31
    )


@pytest.mark.parametrize("level", ["乡镇", "部门"])
def test_townships_and_departments_are_not_county_governments(level: str) -> None:
    jurisdiction = Jurisdiction(level=level)
    assert jurisdiction.deadline_for(2024, own_government_report=True) == datetime.date(2025, 1, 31)
    assert Jurisdiction(level="县").deadline_for(2024, True) == datetime.date(2025, 3, 31)


def test_february_29_is_clamped_in_common_years() -> None:
    jurisdiction = Jurisdiction(deadline="02-29")
    assert jurisdiction.deadline_for(2024, False) == datetime.date(2025, 2, 28)
    assert jurisdiction.deadline_for(2027, False) == datetime.date(2028, 2, 29)


def test_deadline_from_a_file(tmp_path: Path, write) -> None:
    path = write(
        "gxlint.toml",
        '[jurisdiction]\ndeadline = "01-25"\nown-government-report = false\nlevel = "县"\n',
    )
    jurisdiction = load_settings(path, cwd=tmp_path).jurisdiction
    assert jurisdiction.own_government_report is False
    assert jurisdiction.deadline_for(2024, True) == datetime.date(2025, 1, 25)


def test_required_section_six_items(tmp_path: Path, write) -> None:
    path = write(
        "gxlint.toml",
        "[[jurisdiction.required-section-six]]\n"
        'name = "人大代表建议和政协提案办理结果公开情况"\n'
        'any-of = ["人大代表建议", "政协提案"]\nlevels = ["省", "市", "县"]\n'
        '[[jurisdiction.required-section-six]]\nname = "政务公开工作创新情况"\n',
    )
    first, second = load_settings(path, cwd=tmp_path).jurisdiction.required_section_six
    assert first == SectionSixItem(
        "人大代表建议和政协提案办理结果公开情况", ("人大代表建议", "政协提案"), ("省", "市", "县")
    )
    assert (first.applies_to("县"), first.applies_to("乡镇")) == (True, False)
    assert second.any_of == ("政务公开工作创新情况",)  # defaults to the name itself
    assert second.applies_to("乡镇")


@pytest.mark.parametrize(
    ("setting", "year", "expected"),
    [
        ("02-29", 2022, datetime.date(2023, 2, 28)),  # a common year: the month's last day
        ("02-29", 2023, datetime.date(2024, 2, 29)),  # a leap year keeps the 29th
        ("04-31", 2024, datetime.date(2025, 4, 30)),
        ("12-31", 2024, datetime.date(2025, 12, 31)),
    ],
)
def test_explicit_deadline_is_clamped_to_the_length_of_its_month(setting, year, expected) -> None:
    assert Jurisdiction(deadline=setting).deadline_for(year, own_government_report=True) == expected
