"""Validation of everything that names rules: selectors, ``[rules.CODE]`` tables, rule options.

Without a :class:`RuleIndex` (before packs load) only the shape is checked: a selector must
look like a code, prefix, kebab name or ``ALL``. With one, a selector no pack provides is an
error, because a config that silently selects nothing lets CI pass without the pack it needs.
"""

from __future__ import annotations

from typing import Any

from gxlint.config.checks import Checker, KeyPath, closest, dotted, shown
from gxlint.config.options import describe_type, field_name, field_types, matches, toml_key
from gxlint.config.schema import CODE_RE, SELECTOR_RE, SEVERITIES, RuleIndex


def check_selectors(ck: Checker, value: object, path: KeyPath) -> None:
    """``select``, ``ignore``, a per-file-ignores entry: a list of selectors."""
    selectors = ck.str_list(value, path)
    for selector in selectors or ():
        problem = selector_problem(selector, ck.index)
        if problem:
            ck.report(path, f"{dotted(path)}: {problem}", item=selector)


def selector_problem(selector: str, index: RuleIndex | None) -> str | None:
    """Why ``selector`` selects nothing, or ``None`` when it is fine."""
    if not SELECTOR_RE.fullmatch(selector):
        return f"无效的规则选择器 “{selector}”（应为规则代码、代码前缀、规则名称或 ALL）"
    if index is None or index.is_selector(selector):
        return None
    if not selector[0].isupper():
        upper = selector.upper()
        hint = f"（是否为 “{upper}”？）" if index.is_selector(upper) else ""
        return f"未知规则名称 “{selector}”{hint}"
    return f"未知规则代码 “{selector}”{missing_pack_hint(selector, index)}"


def missing_pack_hint(selector: str, index: RuleIndex) -> str:
    """Names the pack to install when the selector's prefix belongs to one."""
    prefix = selector.rstrip("0123456789")
    pack = index.pack_for_prefix(selector)
    if pack is None:
        return f"（没有规则包提供前缀 “{prefix}”，相应规则包可能未安装或加载失败）"
    if prefix != selector and index.is_selector(prefix):
        return f"（规则包 {pack} 中没有此规则）"
    return f"（规则包 {pack} 未安装或加载失败）"


def check_rules(ck: Checker, value: object, path: KeyPath = ("rules",)) -> None:
    """``[rules.CODE]`` tables: the code, ``severity``, and the rule's typed options."""
    table = ck.table(value, path)
    for code, body in (table or {}).items():
        where = (*path, code)
        if not CODE_RE.fullmatch(code):
            hint = f"（是否为 “{code.upper()}”？）" if CODE_RE.fullmatch(code.upper()) else ""
            ck.report(where, f"rules: 无效的规则代码 “{code}”{hint}", at_key=True)
            continue
        if ck.index is not None and not ck.index.has_rule(code):
            hint = missing_pack_hint(code, ck.index)
            ck.report(where, f"rules: 未知规则代码 “{code}”{hint}", at_key=True)
            continue
        rule = ck.table(body, where)
        if rule is None:
            continue
        if "severity" in rule:
            check_severity(ck, rule["severity"], (*where, "severity"))
        options = {k: v for k, v in rule.items() if k != "severity"}
        if ck.index is not None:
            check_options(ck, code, options, ck.index.options_type(code), where)


def check_severity(ck: Checker, value: object, path: KeyPath) -> None:
    if isinstance(value, str) and value in SEVERITIES:
        return
    choices = "、".join(SEVERITIES[:-1]) + " 或 " + SEVERITIES[-1]
    ck.report(path, f"{dotted(path)}: 无效的严重级别 {shown(value)}（应为 {choices}）")


def check_options(
    ck: Checker, code: str, options: dict[str, Any], options_type: type | None, path: KeyPath
) -> None:
    """Each option must be a field of the rule's ``Options`` and match the field's type."""
    types = field_types(options_type) if options_type is not None else {}
    known = ["severity", *(toml_key(name) for name in types)]
    for key, value in options.items():
        where = (*path, key)
        if field_name(key) not in types or "_" in key:
            close = closest(key, known)
            hint = f"（是否为 “{dotted((*path, close))}”？）" if close else ""
            if not types:
                hint = f"（规则 {code} 没有可配置的选项）"
            ck.report(where, f"未知配置项 “{dotted(where)}”{hint}", at_key=True)
            continue
        expected = types[field_name(key)]
        if not matches(value, expected):
            ck.wrong_type(where, describe_type(expected), value)
