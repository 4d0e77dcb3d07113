"""Rule documentation from docstrings: one text for ``gxlint rule``, the website and a check.

A rule's docstring is its documentation (ruff's lesson): the first line is the Chinese
summary, the body uses fixed headings. Engine codes (GX001, GX003, GX009) are documented the
same way, so everything here works on any class with ``code``, ``name``, ``default_severity``,
``fix``, ``__doc__`` and optionally ``aliases`` and ``Options``.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gxlint.findings import FixSafety
from gxlint.options_type import field_defaults, is_options_type

HEADINGS: tuple[str, ...] = ("说明", "为什么", "错误示例", "正确示例", "依据")
OPTIONS_HEADING = "配置"
_MARK = "## "


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """A docstring split into its summary, any text before the first heading, and sections."""

    summary: str
    intro: str
    sections: Mapping[str, str]


def parse_doc(doc: str | None) -> RuleDoc:
    """Split ``doc`` by the ``## `` headings; section text keeps its own line breaks."""
    text = inspect.cleandoc(doc or "")
    summary, _, body = text.partition("\n")
    intro: list[str] = []
    sections: dict[str, list[str]] = {}
    current = intro
    for line in body.splitlines():
        if line.startswith(_MARK):
            current = sections.setdefault(line[len(_MARK) :].strip(), [])
        else:
            current.append(line)
    return RuleDoc(
        summary=summary.strip(),
        intro="\n".join(intro).strip(),
        sections={key: "\n".join(lines).strip() for key, lines in sections.items()},
    )


def summary(cls: type) -> str:
    """The first docstring line of ``cls`` (not inherited: an undocumented rule has none)."""
    return parse_doc(cls.__dict__.get("__doc__")).summary


def option_fields(cls: type) -> list[tuple[str, str, Any]]:
    """``(config key, type, default)`` per field of ``cls.Options``; keys are kebab-case."""
    options = getattr(cls, "Options", None)
    if options is None or not is_options_type(options):
        return []
    try:
        hints = typing.get_type_hints(options)
    except (NameError, TypeError):  # NOTE: an unresolvable annotation documents as written.
        hints = {}
    rows = []
    annotations = getattr(options, "__annotations__", {})
    for name, default in field_defaults(options).items():
        kind = hints.get(name, annotations.get(name))
        rows.append((name.replace("_", "-"), _type_name(kind), default))
    return rows


def missing_headings(rule_cls: type) -> list[str]:
    """Required headings absent from the docstring, as written (``## 说明``); ``摘要`` if the
    summary line is empty. ``## 配置`` is required only when the rule has options."""
    doc = parse_doc(rule_cls.__dict__.get("__doc__"))
    missing = [] if doc.summary else ["摘要"]
    required = list(HEADINGS)
    if option_fields(rule_cls):
        required.append(OPTIONS_HEADING)
    missing += [_MARK + h for h in required if not doc.sections.get(h)]
    return missing


def render_rule_doc(rule_cls: type, pack: str) -> str:
    """Plain text for ``gxlint rule CODE``: header, facts, options table, then the body."""
    doc = parse_doc(rule_cls.__dict__.get("__doc__"))
    title = doc.summary.rstrip("。.")
    header = f"{rule_cls.code} {rule_cls.name}"
    lines = [f"{header}（{title}）" if title else header, ""]
    severity = rule_cls.default_severity
    lines.append(f"默认级别：{severity.chinese}（{severity.label}）")
    lines.append(f"自动修复：{fix_text(rule_cls.fix)}")
    lines.append(f"规则包：{pack}")
    aliases = getattr(rule_cls, "aliases", ())
    if aliases:
        lines.append(f"旧名称：{'、'.join(aliases)}")
    options = option_fields(rule_cls)
    if options:
        lines += ["", f"配置项（[rules.{rule_cls.code}]）：", *_table(options)]
    blocks = [doc.intro] if doc.intro else []
    blocks += [f"{_MARK}{heading}\n{text}".rstrip() for heading, text in doc.sections.items()]
    if blocks:
        lines += ["", "\n\n".join(blocks)]
    return "\n".join(lines) + "\n"


def rule_doc_data(rule_cls: type, pack: str) -> dict[str, Any]:
    """The same facts as :func:`render_rule_doc`, as plain data for ``--format json``."""
    doc = parse_doc(rule_cls.__dict__.get("__doc__"))
    fix = rule_cls.fix
    return {
        "code": rule_cls.code,
        "name": rule_cls.name,
        "aliases": list(getattr(rule_cls, "aliases", ())),
        "pack": pack,
        "severity": rule_cls.default_severity.label,
        "fix": fix.value if fix is not None else None,
        "summary": doc.summary,
        "options": [
            {"key": key, "type": kind, "default": toml_value(default)}
            for key, kind, default in option_fields(rule_cls)
        ],
        "sections": dict(doc.sections),
    }


def fix_text(fix: FixSafety | None) -> str:
    if fix is FixSafety.SAFE:
        return "安全（safe：机械改正，不改变含义；JSON 输出中附带修复建议）"
    if fix is FixSafety.UNSAFE:
        return "不安全（unsafe：改正可能改变含义，须人工确认）"
    return "无"


def toml_value(value: Any) -> str:
    """A default as the user would write it in ``gxlint.toml``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list | tuple | frozenset | set):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"
    if value is None:
        return "（无）"
    return str(value)


def _type_name(kind: Any) -> str:
    if isinstance(kind, str):
        return kind
    if isinstance(kind, type) and not typing.get_args(kind):
        return kind.__name__
    return str(kind).replace("typing.", "")


def _table(rows: list[tuple[str, str, Any]]) -> list[str]:
    from rich.cells import cell_len  # NOTE: lazy; only drawing needs rich.

    cells = [("名称", "类型", "默认值")] + [(k, t, toml_value(d)) for k, t, d in rows]
    widths = [max(cell_len(row[i]) for row in cells) for i in range(2)]

    def pad(text: str, width: int) -> str:
        return text + " " * (width - cell_len(text))

    return [f"  {pad(k, widths[0])}  {pad(t, widths[1])}  {d}".rstrip() for k, t, d in cells]
