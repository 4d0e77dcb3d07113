"""gxlint-xinjiang：新疆维吾尔自治区的 gxlint 规则包。

gxlint loads this module through the entry point ``xinjiang = "gxlint_xinjiang"`` (group
``gxlint``) and calls the hooks below once per run, each on its own:

- ``gxlint_rules``: every ``XJnnn`` rule class under ``gxlint_xinjiang.rules``;
- ``gxlint_profiles``: ``profiles/*.toml``, selectable as ``xinjiang:<file stem>`` (called
  only in runs whose configuration names a profile).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gxlint import Rule, discover_rules, hookimpl

__version__ = "0.1.0"


@hookimpl
def gxlint_rules() -> list[type[Rule]]:
    return discover_rules(__name__)


@hookimpl
def gxlint_profiles() -> Mapping[str, Mapping[str, Any]]:
    """``default`` and ``strict`` from the package data, as raw config mappings.

    gxlint calls this only when a configuration names one of them, so the two imports below
    cost nothing to the runs that do not.
    """
    import tomllib
    from importlib.resources import files

    folder = files(__name__) / "profiles"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            found[entry.name.removesuffix(".toml")] = tomllib.loads(entry.read_text("utf-8"))
    return found
