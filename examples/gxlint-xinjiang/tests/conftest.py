"""The pack's tests run against the installed pack, as gxlint users get it.

Install it first (``pip install -e .`` in the pack's folder). In the gxlint repository the
project's test run installs it before these tests start.
"""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest


@pytest.fixture(autouse=True, scope="session")
def _pack_is_installed() -> None:
    if not any(ep.name == "xinjiang" for ep in entry_points(group="gxlint")):
        pytest.fail("gxlint-xinjiang 未安装：请先在规则包目录运行 pip install -e .", pytrace=False)
