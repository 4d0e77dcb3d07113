"""Rule options: a TOML value checked against a field type of the rule's ``Options`` dataclass.

A rule declares its options as a frozen dataclass with type hints and defaults, so the type
hints *are* the schema: there is no second description to keep in step. Only the types a TOML
value can take are supported (bool, int, float, str, ``Literal``, unions, lists/tuples and
tables of those); anything else is accepted unchecked rather than rejected.
"""

from __future__ import annotations

import types
import typing
from collections import abc
from collections.abc import Mapping
from typing import Any, Literal, Union, get_args, get_origin

from gxlint.options_type import field_names, is_options_type

_SEQUENCES: set[Any] = {list, tuple, set, frozenset, abc.Sequence, abc.Collection, abc.Iterable}
_MAPPINGS: set[Any] = {dict, abc.Mapping}


def field_name(toml_key: str) -> str:
    """TOML keys are kebab-case like every other key (``max-items``); fields are snake_case."""
    return toml_key.replace("-", "_")


def toml_key(name: str) -> str:
    return name.replace("_", "-")


def field_types(options_type: type) -> dict[str, Any]:
    """Field name → resolved type hint (``Any`` when a hint cannot be resolved)."""
    if not is_options_type(options_type):
        return {}  # NOTE: a pack bug (Options of another kind) is the registry's to report.
    try:
        hints = typing.get_type_hints(options_type)
    except (NameError, TypeError, AttributeError):
        # NOTE: a pack's unresolvable hint must not break config loading; it goes unchecked.
        hints = {}
    return {name: hints.get(name, Any) for name in field_names(options_type)}


def matches(value: object, tp: Any) -> bool:
    """Whether a TOML ``value`` is acceptable for the annotation ``tp``."""
    origin, args = get_origin(tp), get_args(tp)
    if tp is Any or tp is object:
        return True
    if tp is bool:
        return isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if origin is Literal:
        return any(type(value) is type(arg) and value == arg for arg in args)
    if origin is Union or origin is types.UnionType:
        return any(matches(value, arg) for arg in args)
    if (origin or tp) in _SEQUENCES:
        element = args[0] if args else Any
        return isinstance(value, list) and all(matches(v, element) for v in value)
    if (origin or tp) in _MAPPINGS:
        element = args[1] if len(args) == 2 else Any
        return isinstance(value, dict) and all(matches(v, element) for v in value.values())
    return isinstance(value, tp) if isinstance(tp, type) else True


def describe_type(tp: Any) -> str:
    """The annotation in the words of a config error (``字符串数组``, ``“strict”、“loose” 之一``)."""
    origin, args = get_origin(tp), get_args(tp)
    simple = {bool: "布尔值（true 或 false）", int: "整数", float: "数字", str: "字符串"}
    if tp in simple:
        return simple[tp]
    if origin is Literal:
        return "、".join(f"“{a}”" if isinstance(a, str) else str(a) for a in args) + " 之一"
    if origin is Union or origin is types.UnionType:
        return "或".join(describe_type(a) for a in args if a is not type(None))
    if (origin or tp) in _SEQUENCES:
        element = args[0] if args and args[0] is not Any else None
        if element in simple:
            return f"{simple[element].split('（')[0]}数组"
        return f"数组（每项为{describe_type(element)}）" if element is not None else "数组"
    if (origin or tp) in _MAPPINGS:
        return "表"
    return getattr(tp, "__name__", str(tp))


def build_options(options_type: type, options: Mapping[str, object]) -> object:
    """The rule's ``Options`` instance: defaults, overridden by the (already checked) config.

    NOTE: TOML arrays become tuples where the field says tuple or frozenset, so that a frozen
    dataclass stays hashable.
    """
    hints = field_types(options_type)
    values: dict[str, object] = {}
    for name, value in options.items():
        origin = get_origin(hints.get(name, Any))
        if isinstance(value, list) and origin in (tuple, frozenset):
            value = origin(value)
        values[name] = value
    return options_type(**values)
