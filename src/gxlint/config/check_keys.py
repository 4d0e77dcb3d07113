"""Validation of one raw config source: every key of ``cli.md`` §3, its type and its values.

Each source (a file, a pack profile, a pack's defaults) is checked on its own before merging,
so that every problem is reported against the source that contains it.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Mapping
from typing import Any

from gxlint.config.check_rules import check_rules, check_selectors
from gxlint.config.checks import Checker, KeyPath, Problem, dotted, shown
from gxlint.config.schema import (
    AUTO,
    JURISDICTION_KEYS,
    LEVELS,
    SECTION_SIX_KEYS,
    TOP_LEVEL_KEYS,
    RuleIndex,
    is_profile_ref,
)
from gxlint.datetype import date
from gxlint.regexcache import compile_cached

_MM_DD = compile_cached(r"(\d\d)-(\d\d)")
_LEVEL_CHOICES = "、".join(LEVELS) + " 或 auto"


def check_config(raw: Mapping[str, Any], index: RuleIndex | None = None) -> list[Problem]:
    """Every problem in one raw source (the dict under ``[tool.gxlint]`` for pyproject)."""
    ck = Checker(index)
    for key, value in ck.unknown_keys(raw, (), TOP_LEVEL_KEYS).items():
        _CHECKS[key](ck, value, (key,))
    return ck.problems


def _string(ck: Checker, value: object, path: KeyPath) -> None:
    if not isinstance(value, str):
        ck.wrong_type(path, "字符串", value)


def _bool(ck: Checker, value: object, path: KeyPath) -> None:
    if not isinstance(value, bool):
        ck.wrong_type(path, "布尔值（true 或 false）", value)


def _str_list(ck: Checker, value: object, path: KeyPath) -> None:
    ck.str_list(value, path)


def _encoding(ck: Checker, value: object, path: KeyPath) -> None:
    if not isinstance(value, str):
        ck.wrong_type(path, "字符串", value)
        return
    try:
        if value != AUTO:
            codecs.lookup(value)
    except LookupError:
        ck.report(path, f"{dotted(path)}: 未知编码 “{value}”（应为 auto 或编码名称，如 gb18030）")


def _size(ck: Checker, value: object, path: KeyPath) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        ck.wrong_type(path, "整数（字节数）", value)
    elif value <= 0:
        ck.report(path, f"{dotted(path)}: 应为正整数（字节数），实际为 {value}")


def _per_file_ignores(ck: Checker, value: object, path: KeyPath) -> None:
    for glob, selectors in (ck.table(value, path) or {}).items():
        check_selectors(ck, selectors, (*path, glob))


def _jurisdiction(ck: Checker, value: object, path: KeyPath) -> None:
    table = ck.table(value, path)
    for key, item in ck.unknown_keys(table or {}, path, JURISDICTION_KEYS).items():
        _JURISDICTION_CHECKS[key](ck, item, (*path, key))


def _profile(ck: Checker, value: object, path: KeyPath) -> None:
    if not isinstance(value, str) or not is_profile_ref(value):
        expected = "“规则包:profile” 形式的字符串（如 “xinjiang:default”）"
        ck.wrong_type(path, expected, value)


def _level(ck: Checker, value: object, path: KeyPath) -> None:
    if value != AUTO and value not in LEVELS:
        ck.report(path, f"{dotted(path)}: 无效的层级 {shown(value)}（应为 {_LEVEL_CHOICES}）")


def _own_report(ck: Checker, value: object, path: KeyPath) -> None:
    if not isinstance(value, bool) and value != AUTO:
        ck.wrong_type(path, " true、false 或 “auto”", value)


def _deadline(ck: Checker, value: object, path: KeyPath) -> None:
    if value == AUTO:
        return
    match = _MM_DD.fullmatch(value) if isinstance(value, str) else None
    try:
        if match:
            # NOTE: 2000 is a leap year, so "02-29" is accepted; deadline_for clamps it.
            date(2000, int(match[1]), int(match[2]))
            return
    except ValueError:
        pass
    hint = "应为 “MM-DD” 形式的日期（如 “03-31”）或 “auto”"
    ck.report(path, f"{dotted(path)}: 无效的截止日期 {shown(value)}（{hint}）")


def _label_variants(ck: Checker, value: object, path: KeyPath) -> None:
    for label, variants in (ck.table(value, path) or {}).items():
        ck.str_list(variants, (*path, label))


def _section_six(ck: Checker, value: object, path: KeyPath) -> None:
    if not isinstance(value, list):
        ck.wrong_type(path, "表数组（[[jurisdiction.required-section-six]]）", value)
        return
    for i, entry in enumerate(value):
        where = (*path, i)
        table = ck.unknown_keys(ck.table(entry, where) or {}, where, SECTION_SIX_KEYS)
        if not isinstance(entry, dict):
            continue
        if "name" not in table:
            ck.report(where, f"{dotted(where)}: 缺少 “name”（要求的事项名称）", at_key=True)
        else:
            _string(ck, table["name"], (*where, "name"))
        if "rule" in table:
            _string(ck, table["rule"], (*where, "rule"))
        if "any-of" in table and ck.str_list(table["any-of"], (*where, "any-of")) == []:
            message = f"{dotted((*where, 'any-of'))}: 不能为空（省略时默认为 name 本身）"
            ck.report((*where, "any-of"), message)
        for level in ck.str_list(table.get("levels", []), (*where, "levels")) or ():
            if level not in LEVELS:
                message = f"{dotted((*where, 'levels'))}: 无效的层级 “{level}”（应为 {'、'.join(LEVELS)}）"
                ck.report((*where, "levels"), message, item=level)


_Check = Callable[[Checker, Any, KeyPath], None]

_JURISDICTION_CHECKS: dict[str, _Check] = {
    "profile": _profile,
    "name": _string,
    "level": _level,
    "own-government-report": _own_report,
    "deadline": _deadline,
    "label-variants": _label_variants,
    "required-section-six": _section_six,
}

_CHECKS: dict[str, _Check] = {
    "extend": _string,
    "select": check_selectors,
    "extend-select": check_selectors,
    "ignore": check_selectors,
    "include": _str_list,
    "extend-include": _str_list,
    "exclude": _str_list,
    "extend-exclude": _str_list,
    "respect-gitignore": _bool,
    "encoding": _encoding,
    "max-file-size": _size,
    "plugins": _str_list,
    "disable-packs": _str_list,
    "cache-dir": _string,
    "per-file-ignores": _per_file_ignores,
    "extend-per-file-ignores": _per_file_ignores,
    "rules": check_rules,
    "jurisdiction": _jurisdiction,
}
