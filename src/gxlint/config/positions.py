"""Where a key is written in a TOML text, because tomli reports positions only for syntax errors.

A light line scanner, not a second TOML parser: it follows ``[table]`` / ``[[array]]``
headers and ``key = value`` lines (dotted and quoted keys included) and records where each key
path starts and where its value starts. A path it cannot see (a key inside an inline table)
falls back to its closest written ancestor, so an error always gets a useful line. It runs only
when there is an error to place.
"""

import json
import re
from collections import Counter
from typing import NamedTuple

from gxlint.config.keys import KeyPath

_KEY_PART = re.compile(r'\s*([A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')\s*')
_HEADER = re.compile(r"\[\[?")


class Spot(NamedTuple):
    """1-based line, column of the key's last part, column where its value starts.

    NOTE: a named tuple, not a frozen dataclass: cheaper to create at import (start-up time).
    """

    line: int
    key_col: int
    value_col: int


class KeyMap:
    """Key path → :class:`Spot` for one config text; ``prefix`` is ``("tool", "gxlint")`` for
    a pyproject.toml."""

    def __init__(self, text: str, prefix: tuple[str, ...] = ()) -> None:
        self.lines = text.splitlines()
        self.prefix = prefix
        self.spots: dict[KeyPath, Spot] = {}
        self.key_lines: set[int] = set()
        self._scan()

    def find(
        self, path: KeyPath, *, item: str | None = None, at_key: bool = False
    ) -> tuple[int | None, int | None]:
        """(line, column) for a problem at ``path``: its key, its value, or one list item."""
        full = (*self.prefix, *path)
        for n in range(len(full), len(self.prefix), -1):
            spot = self.spots.get(full[:n])
            if spot is None:
                continue
            if at_key:
                here = (spot.line, spot.key_col)
            else:
                here = (spot.line, spot.value_col)
            # NOTE: parts not seen by the scanner sit in an inline table: look for them in order.
            for part in full[n:]:
                found = self._search(here, part, line_of_key=spot.line)
                if found is None:
                    return here if n == len(full) else (spot.line, spot.key_col)
                here = found
            if item is not None:
                return self._search(here, item, line_of_key=spot.line, quoted=True) or here
            return here
        return None, None

    def _search(
        self,
        start: tuple[int, int],
        text: str | int,
        *,
        line_of_key: int,
        quoted: bool = False,
    ) -> tuple[int, int] | None:
        """The first occurrence of a key part (or a quoted list item) from ``start`` onwards,
        before the next key line after ``line_of_key``."""
        if isinstance(text, int):
            return None
        if quoted:
            pattern = re.compile(f"[\"']{re.escape(text)}[\"']")
        else:
            pattern = re.compile(rf"(?<![\w-]){re.escape(text)}[\"']?\s*=")
        line, column = start
        for number in range(line, len(self.lines) + 1):
            if number != line_of_key and number in self.key_lines:
                return None
            offset = column - 1 if number == line else 0
            match = pattern.search(self.lines[number - 1], offset)
            if match:
                return number, match.start() + 1
        return None

    def _scan(self) -> None:
        table: KeyPath = ()
        arrays: Counter[KeyPath] = Counter()
        delimiter: str | None = None
        for number, line in enumerate(self.lines, start=1):
            if delimiter is not None:  # inside a multi-line string
                if line.count(delimiter) % 2 == 1:
                    delimiter = None
                continue
            stripped = line.lstrip()
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(line) - len(stripped)
            header = _HEADER.match(stripped)
            if header:
                parts = self._parts(line, indent + header.end())
                if parts is None:
                    continue
                keys, _ = parts
                table = tuple(k for k, _ in keys)
                self._record(keys, number, keys[-1][1])
                if header.group() == "[[":
                    arrays[table] += 1
                    table = (*table, arrays[table] - 1)
                    self.spots.setdefault(table, Spot(number, indent + 1, indent + 1))
                self.key_lines.add(number)
                continue
            parts = self._parts(line, indent)
            if parts is None or not line[parts[1] :].startswith("="):
                continue
            keys, end = parts
            value_col = len(line) - len(line[end + 1 :].lstrip()) + 1
            self._record([(k, c) for k, c in keys], number, value_col, base=table)
            self.key_lines.add(number)
            for quote in ('"""', "'''"):
                if line[end:].count(quote) % 2 == 1:
                    delimiter = quote

    def _record(
        self, keys: list[tuple[str, int]], number: int, value_col: int, base: KeyPath = ()
    ) -> None:
        for i, (_, col) in enumerate(keys):
            path = (*base, *(k for k, _ in keys[: i + 1]))
            last = i == len(keys) - 1
            self.spots.setdefault(path, Spot(number, col, value_col if last else col))

    @staticmethod
    def _parts(line: str, pos: int) -> tuple[list[tuple[str, int]], int] | None:
        """Dotted key parts from ``pos``: [(key, 1-based column)], and where they end."""
        keys: list[tuple[str, int]] = []
        while True:
            match = _KEY_PART.match(line, pos)
            if match is None:
                return None
            raw = match.group(1)
            key = raw[1:-1] if raw[0] in "\"'" else raw
            if raw[0] == '"' and "\\" in raw:
                key = _unescape(raw)
            keys.append((key, match.start(1) + 1))
            pos = match.end()
            if not line.startswith(".", pos):
                return keys, pos
            pos += 1


def _unescape(raw: str) -> str:
    """A TOML basic-string key with escapes; JSON's escapes are the common subset."""
    try:
        return str(json.loads(raw))
    except ValueError:
        return raw[1:-1]
