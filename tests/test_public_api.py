"""The public API packs import is complete and importable, and ``import gxlint`` is cheap."""

from __future__ import annotations

import subprocess
import sys

import gxlint


def test_every_exported_name_resolves() -> None:
    for name in gxlint.__all__:
        assert getattr(gxlint, name) is not None, name


def test_all_lists_every_lazy_export() -> None:
    assert set(gxlint._EXPORTS) <= set(gxlint.__all__)


def test_import_gxlint_does_not_load_the_parser_or_rich() -> None:
    code = "import sys, gxlint; print(sorted(m for m in ('lark', 'rich', 'pluggy') if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
