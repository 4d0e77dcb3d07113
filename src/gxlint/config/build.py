"""Effective raw config (already validated and merged) → typed :class:`Settings`.

Conversion only: by the time this runs, every value has the type the schema asks for, so the
code below may index and convert without checking again.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from gxlint.config.options import field_name
from gxlint.config.settings import (
    DEFAULT_SECTION_SIX_RULE,
    Jurisdiction,
    RuleSettings,
    SectionSixItem,
    Settings,
)
from gxlint.findings import Severity
from gxlint.paths import absolute


def build_settings(
    merged: Mapping[str, Any], sources: Mapping[str, str], path: str | None, chain: Sequence[str]
) -> Settings:
    """``path`` is the config file that governs, absolute and normalised (``None``: defaults
    only)."""
    root = os.path.dirname(path) if path is not None else None

    def located(value: str) -> str:
        # NOTE: paths from files were made absolute while merging; those from defaults,
        # profiles and pack configs are relative to the governing config (or the cwd).
        return absolute(value, root) if root is not None else os.path.normpath(value)

    def strings(key: str) -> tuple[str, ...]:
        return tuple(merged[key])

    return Settings(
        path=path,
        select=strings("select"),
        extend_select=strings("extend-select"),
        ignore=strings("ignore"),
        include=strings("include"),
        extend_include=strings("extend-include"),
        exclude=strings("exclude"),
        extend_exclude=strings("extend-exclude"),
        respect_gitignore=merged["respect-gitignore"],
        encoding=merged["encoding"],
        max_file_size=merged["max-file-size"],
        plugins=tuple(located(p) for p in merged["plugins"]),
        disable_packs=strings("disable-packs"),
        cache_dir=located(merged["cache-dir"]),
        per_file_ignores=_table_of_tuples(merged["per-file-ignores"]),
        extend_per_file_ignores=_table_of_tuples(merged["extend-per-file-ignores"]),
        rules={code: _rule(body) for code, body in merged["rules"].items()},
        jurisdiction=_jurisdiction(merged["jurisdiction"]),
        sources=dict(sources),
        chain=tuple(chain),
    )


def _table_of_tuples(table: Mapping[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {key: tuple(values) for key, values in table.items()}


def _rule(body: Mapping[str, Any]) -> RuleSettings:
    severity = body.get("severity")
    return RuleSettings(
        severity=Severity.parse(severity) if severity not in (None, "off") else None,
        off=severity == "off",
        options={field_name(k): v for k, v in body.items() if k != "severity"},
    )


def _jurisdiction(table: Mapping[str, Any]) -> Jurisdiction:
    return Jurisdiction(
        profile=table.get("profile"),
        name=table.get("name"),
        level=table["level"],
        own_government_report=table["own-government-report"],
        deadline=table["deadline"],
        label_variants=_table_of_tuples(table["label-variants"]),
        required_section_six=tuple(
            SectionSixItem(
                name=item["name"],
                any_of=tuple(item.get("any-of", [item["name"]])),
                levels=tuple(item.get("levels", ())),
                rule=item.get("rule", DEFAULT_SECTION_SIX_RULE),
            )
            for item in table["required-section-six"]
        ),
    )
