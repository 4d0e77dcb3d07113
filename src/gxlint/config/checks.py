"""The vocabulary of config validation: a :class:`Problem` at a key path, and a
:class:`Checker` that collects them.

Validators never raise and never know about files or line numbers: they record *what* is wrong
at *which key*, and the loader later finds the line by scanning the text. That keeps the
validators usable for sources that have no text at all (pack profiles, pack defaults).
"""

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from gxlint.config.keys import KeyPath, dotted
from gxlint.config.schema import RuleIndex
from gxlint.datetype import date, time

__all__ = [
    "Checker",
    "KeyPath",
    "Problem",
    "closest",
    "describe",
    "dotted",
    "shown",
    "type_name",
]

_TYPE_NAMES: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "布尔值"),  # NOTE: before int, since bool is a subclass of int.
    (int, "整数"),
    (float, "浮点数"),
    (str, "字符串"),
    (list, "数组"),
    (dict, "表"),
    ((date, time), "日期时间"),
)


class Problem(NamedTuple):
    """One thing wrong at one key; ``item`` points the column at a list element.

    NOTE: a named tuple, not a frozen dataclass: cheaper to create at import (start-up time).
    """

    path: KeyPath
    message: str
    item: str | None = None
    at_key: bool = False


def type_name(value: object) -> str:
    """The TOML type of ``value`` in Chinese, as users see it in messages."""
    for types, name in _TYPE_NAMES:
        if isinstance(value, types):
            return name
    return type(value).__name__


def describe(value: object) -> str:
    """``字符串 "yes"`` for scalars; just the type for arrays and tables (they can be long)."""
    if isinstance(value, bool):
        return f"布尔值 {'true' if value else 'false'}"
    if isinstance(value, str | int | float):
        return f"{type_name(value)} {json.dumps(value, ensure_ascii=False)}"
    return type_name(value)


def shown(value: object) -> str:
    """A bad value of the right type as ``“fatal”``; of the wrong type with its type."""
    return f"“{value}”" if isinstance(value, str) else describe(value)


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to a misspelt ``word`` (``selct`` → ``select``), if any is close."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


class Checker:
    """Collects problems while validators walk one raw config source.

    NOTE: a plain class, not a dataclass: cheaper to create at import (start-up time).
    """

    __slots__ = ("index", "problems")

    def __init__(self, index: RuleIndex | None = None) -> None:
        self.index = index
        self.problems: list[Problem] = []

    def report(
        self, path: KeyPath, message: str, *, item: str | None = None, at_key: bool = False
    ) -> None:
        self.problems.append(Problem(path, message, item, at_key))

    def wrong_type(self, path: KeyPath, expected: str, value: object) -> None:
        self.report(path, f"{dotted(path)}: 应为{expected}，实际为{describe(value)}")

    def table(self, value: object, path: KeyPath) -> Mapping[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.wrong_type(path, "表", value)
        return None

    def str_list(self, value: object, path: KeyPath) -> list[str] | None:
        """The list when it is a list of strings; reports the first element that is not."""
        if not isinstance(value, list):
            self.wrong_type(path, "字符串数组", value)
            return None
        for i, element in enumerate(value):
            if not isinstance(element, str):
                self.report(
                    path, f"{dotted(path)}: 第 {i + 1} 项应为字符串，实际为{describe(element)}"
                )
                return None
        return value

    def unknown_keys(
        self, table: Mapping[str, Any], path: KeyPath, known: Sequence[str]
    ) -> dict[str, Any]:
        """Reports keys not in ``known`` and returns the table without them."""
        kept: dict[str, Any] = {}
        for key, value in table.items():
            if key in known:
                kept[key] = value
                continue
            close = closest(key, known)
            hint = f"（是否为 “{dotted((*path, close))}”？）" if close else ""
            self.report((*path, key), f"未知配置项 “{dotted((*path, key))}”{hint}", at_key=True)
        return kept
