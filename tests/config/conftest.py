"""Shared helpers for config tests: a fake RuleIndex and a file writer rooted in tmp_path.

Every test works inside ``tmp_path`` and passes ``cwd=tmp_path``: nothing reads the real home
or the real current directory.

NOTE: no ``from __future__ import annotations`` here: ModeOptions' hints stay real objects, so
resolving them never depends on which module pytest registered under the name ``conftest``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pytest


@dataclass(frozen=True)
class ModeOptions:
    """Options of the fake GX501: one field per supported annotation kind."""

    mode: Literal["strict", "loose"] = "loose"
    max_items: int = 3
    ratio: float = 0.5
    enabled: bool = True
    words: tuple[str, ...] = ()
    note: str = ""


@dataclass
class FakeIndex:
    """A RuleIndex over a fixed rule table; the xinjiang pack is known but failed to load."""

    codes: dict[str, type | None] = field(
        default_factory=lambda: {
            "GX104": None,
            "GX208": None,
            "GX304": None,
            "GX403": None,
            "GX405": None,
            "GX501": ModeOptions,
        }
    )
    names: frozenset[str] = frozenset({"duplicate-ordinal", "late-date"})
    packs: dict[str, str] = field(default_factory=lambda: {"GX": "core", "XJ": "xinjiang"})

    def is_selector(self, selector: str) -> bool:
        if selector == "ALL" or selector in self.names:
            return True
        return any(code.startswith(selector) for code in self.codes)

    def has_rule(self, code: str) -> bool:
        return code in self.codes

    def options_type(self, code: str) -> type | None:
        return self.codes.get(code)

    def pack_for_prefix(self, selector: str) -> str | None:
        return self.packs.get(selector.rstrip("0123456789"))


@pytest.fixture
def index() -> FakeIndex:
    return FakeIndex()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """``write("sub/gxlint.toml", text)`` → the file's path under tmp_path."""

    def _write(relative: str, text: str) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write
