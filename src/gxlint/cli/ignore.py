"""gitignore-style patterns, for ``include``/``exclude`` and for ``.gitignore`` files.

Supported, as git does: blank lines and ``#`` comments; ``!`` negation (the last matching
pattern wins; a file inside an excluded folder cannot be re-included, because the folder is
never entered); a trailing ``/`` (folders only); a pattern with a ``/`` at the start or in the
middle is anchored to its base folder, one without matches a name at any depth; ``*``, ``?``,
``[...]``, ``**/``, ``/**``, ``/**/`` and ``\\`` escapes. Not supported: trailing-space
escapes, ``.git/info/exclude`` and the global excludes file.

Paths are compared NFC-normalised, so a name typed on Linux matches one stored by macOS.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from gxlint.paths import read_text, relative_below
from gxlint.record import FrozenRecord, set_field


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C. ASCII text already is: then ``unicodedata`` (a
    shared library to load) is not needed."""
    if text.isascii():
        return text
    import unicodedata

    return unicodedata.normalize("NFC", text)


class Pattern(FrozenRecord):
    """One gitignore line, compiled."""

    __slots__ = ("dir_only", "negate", "regex", "text")

    text: str
    regex: re.Pattern[str]
    negate: bool
    dir_only: bool

    def __init__(
        self,
        text: str,
        regex: re.Pattern[str],
        negate: bool = False,
        dir_only: bool = False,
    ) -> None:
        set_field(self, "text", text)
        set_field(self, "regex", regex)
        set_field(self, "negate", negate)
        set_field(self, "dir_only", dir_only)

    def matches(self, relative: str, is_dir: bool) -> bool:
        """``relative``: ``/``-separated, relative to the pattern's base folder."""
        return (is_dir or not self.dir_only) and self.regex.fullmatch(relative) is not None


def compile_pattern(line: str) -> Pattern | None:
    """One gitignore line as a pattern; ``None`` for blank lines and comments."""
    text = nfc(line.rstrip("\r\n")).rstrip(" \t")
    if not text or text.startswith("#"):
        return None
    negate = text.startswith("!")
    body = text[1:] if negate else text
    if body.startswith("\\"):  # NOTE: ``\#`` and ``\!`` stand for themselves.
        body = body[1:] if body[1:2] in ("#", "!") else body
    dir_only = body.endswith("/") and not body.endswith("\\/")
    body = body.rstrip("/") if dir_only else body
    if not body:
        return None
    anchored = "/" in body
    body = body.lstrip("/")
    regex = translate(body) if anchored else "(?:.*/)?" + translate(body)
    return Pattern(text, re.compile(regex, re.DOTALL), negate, dir_only)


def translate(glob: str) -> str:
    """A glob as a regular expression over ``/``-separated paths."""
    out: list[str] = []
    i, n = 0, len(glob)
    while i < n:
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and (end := glob.find("]", i + 2)) != -1:
            inner = glob[i + 1 : end]
            inner = "^" + inner[1:] if inner.startswith("!") else inner
            out.append("[" + inner.replace("\\", "\\\\") + "]")
            i = end + 1
        elif glob[i] == "\\" and i + 1 < n:
            out.append(re.escape(glob[i + 1]))
            i += 2
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


class PatternList:
    """Patterns with one base folder (a config's folder, or a ``.gitignore``'s): absolute and
    normalised."""

    def __init__(self, base: str, lines: Iterable[str]) -> None:
        self.base = base
        self.patterns = [p for p in map(compile_pattern, lines) if p is not None]

    @classmethod
    def read(cls, path: str) -> PatternList | None:
        """A ``.gitignore`` file, or ``None`` when absent or unreadable."""
        try:
            text = read_text(path, errors="replace")
        except OSError:
            return None
        return cls(os.path.dirname(path), text.splitlines())

    def decide(self, relative: str, is_dir: bool) -> bool | None:
        """``True`` matched, ``False`` re-included by ``!``, ``None`` no pattern matched."""
        decision = None
        for pattern in self.patterns:
            if pattern.matches(relative, is_dir):
                decision = not pattern.negate
        return decision

    def matches(self, relative: str, is_dir: bool) -> bool:
        return bool(self.decide(relative, is_dir))


def ignored_by(chain: Iterable[PatternList], path: str, is_dir: bool) -> bool:
    """Whether ``.gitignore`` files (outermost first) exclude ``path``; deeper files win."""
    decision = None
    for ignore in chain:
        relative = relative_to(path, ignore.base)
        found = ignore.decide(relative, is_dir) if relative else None
        decision = found if found is not None else decision
    return bool(decision)


def relative_to(path: str, base: str) -> str | None:
    """``path`` below ``base`` (both absolute and normalised) as an NFC ``/``-separated
    string; ``None`` when not below."""
    relative = relative_below(path, base)
    return nfc(relative.replace(os.sep, "/")) if relative is not None else None
