"""Shared fixtures: where the seed corpus lives (read in place, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
REPORTS = ROOT / "tests" / "rules" / "reports"


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (``"000"``)."""
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed corpus not found at {SEEDS}")
    return matches[0]


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    return SEEDS
