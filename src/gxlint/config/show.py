"""``gxlint config --show``: every effective setting as TOML, each line saying where it came from.

The output is valid TOML (sources are comments), so a user can paste it into a gxlint.toml
and get the same behaviour; unset optional keys are printed as comments.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping

from gxlint.config.checks import dotted
from gxlint.config.merge import DEFAULT_SOURCE
from gxlint.config.options import toml_key
from gxlint.config.schema import TOP_LEVEL_KEYS
from gxlint.config.settings import Settings

_TABLES = ("per-file-ignores", "extend-per-file-ignores", "rules", "jurisdiction")


def show_config(settings: Settings) -> str:
    """The text of ``config --show`` for one report's settings."""
    config = str(settings.path) if settings.path is not None else "无（使用默认值）"
    out = [f"# 配置文件：{config}", f"# 生效顺序（低 → 高）：{' → '.join(settings.chain)}"]
    show = _Writer(settings.sources, out)
    for key in TOP_LEVEL_KEYS:
        if key != "extend" and key not in _TABLES:
            show.line((key,), getattr(settings, key.replace("-", "_")))
    for key in ("per-file-ignores", "extend-per-file-ignores"):
        show.table((key,), getattr(settings, key.replace("-", "_")))
    if not settings.rules:
        show.table(("rules",), {})
    for code, rule in sorted(settings.rules.items()):
        severity = "off" if rule.off else rule.severity.label if rule.severity else None
        body = {"severity": severity} if severity else {}
        body |= {toml_key(name): value for name, value in rule.options.items()}
        show.table(("rules", code), body)
    j = settings.jurisdiction
    show.table(
        ("jurisdiction",),
        {
            "profile": j.profile,
            "name": j.name,
            "level": j.level,
            "own-government-report": j.own_government_report,
            "deadline": j.deadline,
        },
    )
    show.table(("jurisdiction", "label-variants"), j.label_variants)
    for item in j.required_section_six:
        out += ["", "[[jurisdiction.required-section-six]]"]
        item_source = show.source(("jurisdiction", "required-section-six"))
        out[-1] += f"  # 来源：{item_source}"
        pairs = (
            ("name", item.name),
            ("any-of", item.any_of),
            ("levels", item.levels),
            ("rule", item.rule),
        )
        for key, value in pairs:
            out.append(f"{key} = {toml_value(value)}")
    return "\n".join(out) + "\n"


def toml_value(value: object) -> str:
    """A Python value as a TOML literal (tuples and paths included)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    return "[" + ", ".join(toml_value(v) for v in value) + "]"  # type: ignore[attr-defined]


def _key(key: str) -> str:
    return dotted((key,))


class _Writer:
    def __init__(self, sources: Mapping[str, str], out: list[str]) -> None:
        self.sources = sources
        self.out = out

    def source(self, path: tuple[str, ...]) -> str:
        """The closest recorded source: a key, else its table, else the defaults."""
        for n in range(len(path), 0, -1):
            if dotted(path[:n]) in self.sources:
                return self.sources[dotted(path[:n])]
        return DEFAULT_SOURCE

    def line(self, path: tuple[str, ...], value: object) -> None:
        comment = f"  # 来源：{self.source(path)}"
        if value is None:
            self.out.append(f"# {_key(path[-1])} 未设置{comment}")
        else:
            self.out.append(f"{_key(path[-1])} = {toml_value(value)}{comment}")

    def table(self, path: tuple[str, ...], body: Mapping[str, object]) -> None:
        header = f"[{dotted(path)}]"
        self.out += ["", header if body else f"{header}  # 来源：{self.source(path)}"]
        for key, value in body.items():
            self.line((*path, key), value)
