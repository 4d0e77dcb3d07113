"""Shared fixtures: where the seed corpus lives (read in place, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
REPORTS = ROOT / "tests" / "rules" / "reports"
# The keys of one finding in `--format json`, exactly as rules.md gives the schema.
FINDING_KEYS = {
    "code",
    "name",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "fix",
}


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


def pytest_configure(config: pytest.Config) -> None:
    """Keep gxlint's user cache (entry points, catalogue, compiled patterns) out of the real home:
    one temporary folder for the whole session, inherited by every ``gxlint`` subprocess."""
    import atexit
    import os
    import shutil
    import tempfile

    if os.environ.get("GXLINT_CACHE_HOME"):
        return
    folder = tempfile.mkdtemp(prefix="gxlint-test-cache-")
    os.environ["GXLINT_CACHE_HOME"] = folder
    atexit.register(shutil.rmtree, folder, True)
