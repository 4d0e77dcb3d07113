"""One config file → its gxlint table, or a :class:`ConfigError` with tomli's position.

``tomli`` rather than ``tomllib``: only tomli's ``TOMLDecodeError`` carries ``lineno`` and
``colno`` on every supported Python. It is imported here, lazily, so a run without a config
never pays for it.
"""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Any

from gxlint.errors import ConfigError
from gxlint.paths import read_bytes

if TYPE_CHECKING:
    from gxlint.config.positions import KeyMap
    from gxlint.paths import StrPath

PYPROJECT = "pyproject.toml"
TOOL_PREFIX = ("tool", "gxlint")

_SYNTAX = {
    "Invalid value": "无效的值",
    "Invalid statement": "无效的语句",
    "Unclosed array": "数组缺少 “]”",
    "Unclosed inline table": "内联表缺少 “}”",
    "Unterminated string": "字符串缺少结束引号",
    "Cannot overwrite a value": "重复定义了同一个键",
    "Expected '=' after a key in a key/value pair": "键后缺少 “=”",
    "Expected newline or end of document after a statement": "一行只能写一个键值对",
    "Invalid initial character for a key part": "键名含有无效字符",
    "Invalid date or datetime": "无效的日期或时间",
    "Expected ']' at the end of a table declaration": "表头缺少 “]”",
    "Expected ']]' at the end of an array declaration": "表数组头缺少 “]]”",
}


class ConfigFile:
    """A parsed config file: its text (to place errors) and its gxlint table.

    NOTE: a plain class, not a frozen dataclass (~1 ms to create at start-up); nothing changes,
    compares or prints it after :func:`read_config` made it.
    """

    def __init__(self, path: StrPath, display: str, text: str, data: dict[str, Any]) -> None:
        self.path = os.fspath(path)
        self.display = display
        self.text = text
        self.data = data

    @property
    def is_pyproject(self) -> bool:
        return os.path.basename(self.path) == PYPROJECT

    @cached_property
    def keymap(self) -> KeyMap:
        from gxlint.config.positions import KeyMap

        return KeyMap(self.text, TOOL_PREFIX if self.is_pyproject else ())


def read_config(path: StrPath, display: str) -> ConfigFile:
    """Reads and parses ``path``; ``display`` is how messages name it."""
    import tomli

    try:
        raw = read_bytes(path)
    except OSError as exc:
        raise ConfigError(display, None, None, None, f"无法读取配置文件：{exc.strerror}") from None
    try:
        # NOTE: utf-8-sig, because Notepad on Chinese Windows saves UTF-8 with a BOM.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        message = "配置文件不是 UTF-8 编码（TOML 要求 UTF-8，请另存为 UTF-8）"
        raise ConfigError(display, line, 1, None, message) from None
    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        msg = exc.msg
        zh = _SYNTAX.get(msg)
        message = f"TOML 语法错误：{zh}（{msg}）" if zh else f"TOML 语法错误：{msg}"
        raise ConfigError(display, exc.lineno, exc.colno, None, message) from None
    if os.path.basename(path) != PYPROJECT:
        return ConfigFile(path, display, text, document)
    tool = document.get("tool")
    table = tool.get("gxlint") if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        message = "pyproject.toml 中没有 [tool.gxlint] 表，不是 gxlint 配置"
        raise ConfigError(display, None, None, "tool.gxlint", message)
    return ConfigFile(path, display, text, table)


def declares_gxlint(pyproject: StrPath) -> bool:
    """Whether a pyproject.toml is a gxlint config (has ``[tool.gxlint]``).

    NOTE: a pyproject.toml that does not parse counts as a config only if it mentions
    ``tool.gxlint``, so that the user then sees its syntax error instead of a silent skip.
    """
    try:
        text = read_bytes(pyproject).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    if not _may_declare_gxlint(text):
        return False  # NOTE: no TOML parser needed (most pyproject.toml files stop here).
    import tomli

    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError:
        return "tool.gxlint" in text
    tool = document.get("tool")
    return isinstance(tool, dict) and "gxlint" in tool


_QUOTES_AND_BLANKS = str.maketrans("", "", "\"' \t")


def _may_declare_gxlint(text: str) -> bool:
    """A quick, conservative look for a ``tool.gxlint`` table, so that a pyproject.toml that
    cannot be one is dismissed without importing tomli. ``True`` whenever it might be (then
    tomli decides): ``[tool.gxlint…]`` in any spacing or quoting, ``gxlint…`` keys in a
    ``[tool]`` table, ``tool.gxlint…`` keys, an inline ``tool = {…}`` or multi-line strings."""
    if "gxlint" not in text:
        return False
    if "tool.gxlint" in text or '"""' in text or "'''" in text:
        return True
    table = ""
    for raw in text.splitlines():
        key = raw.split("#", 1)[0].translate(_QUOTES_AND_BLANKS)
        if key.startswith("["):
            table = key.strip("[]")
            if table == "tool.gxlint" or table.startswith("tool.gxlint."):
                return True
        elif (table == "tool" and key.startswith(("gxlint.", "gxlint="))) or (
            table == "" and key.startswith(("tool.gxlint.", "tool.gxlint=", "tool={"))
        ):
            return True
    return False
