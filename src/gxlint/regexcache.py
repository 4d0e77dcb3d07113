"""Compiled regular expressions kept across runs, so a cold start does not recompile them.

Python compiles every pattern from its text in every new process, and for a character class
beyond Latin-1 (each CJK range such as ``[\\u4e00-\\u9fff]``, each set of Chinese characters)
its compiler walks the class in Python code, one code point at a time: gxlint's module-level
patterns cost about 35 ms of a 200 ms one-report run. Rebuilding a pattern from its compiled
code (``_sre.compile``, what :func:`re.compile` itself calls last) takes microseconds. So
:func:`compile_cached` keeps each pattern's compiled code in the user cache folder
(:mod:`gxlint.usercache`, one marshal file) and rebuilds from it on later runs.

Why it is safe:

- the file is keyed by the interpreter (``sys.version``, ``_sre.MAGIC``) and gxlint's version:
  compiled code belongs to one CPython build, and another one never reads it;
- an entry is stored only after the pattern rebuilt from it compared equal to the one
  :func:`re.compile` made (pattern equality compares flags and the whole compiled code), so an
  interpreter whose internals differ simply gets no cache;
- ``_sre.compile`` validates the code it is given, and any failure to rebuild falls back to
  :func:`re.compile`. No file, an unreadable file or ``GXLINT_NO_USER_CACHE=1``: plain
  :func:`re.compile`, as before.

New entries are written once, when the process exits. Use it for fixed patterns (module
constants, patterns built from the format catalogue); a pattern made from user input (config
values, ignore files) stays with :func:`re.compile`. The file holds at most
:data:`MAX_ENTRIES` patterns.
"""

from __future__ import annotations

import re
from typing import Any

MAX_ENTRIES = 1024
_FILE = "regex.marshal"

_entries: dict[tuple[str, int], tuple[Any, ...]] | None = None
_enabled = False  # NOTE: no cache folder: nothing to remember, so no second compile on a miss.
_dirty = False


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, rebuilt from the user cache when it holds the pattern."""
    entries = _load() if _entries is None else _entries
    key = (pattern, int(flags))
    record = entries.get(key)
    if record is not None:
        try:
            return _sre_compile(pattern, *record)
        except Exception:  # noqa: BLE001  NOTE: a stale or damaged entry: compile it afresh.
            del entries[key]
    compiled = re.compile(pattern, flags)
    if _enabled and len(entries) < MAX_ENTRIES:
        _remember(entries, key, compiled)
    return compiled


def _sre_compile(pattern: str, *record: Any) -> re.Pattern[str]:
    import _sre

    return _sre.compile(pattern, *record)


def _remember(
    entries: dict[tuple[str, int], tuple[Any, ...]], key: tuple[str, int], compiled: re.Pattern
) -> None:
    """Store the compiled code of ``key`` if it rebuilds into a pattern equal to ``compiled``."""
    global _dirty
    try:
        record = _compiled_code(*key)
        if _sre_compile(key[0], *record) != compiled:
            return
    except Exception:  # noqa: BLE001  NOTE: another interpreter's internals: no cache for it.
        return
    entries[key] = record
    if not _dirty:
        _dirty = True
        import atexit

        atexit.register(save)


def _compiled_code(pattern: str, flags: int) -> tuple[Any, ...]:
    """The arguments ``re._compiler.compile`` passes to ``_sre.compile``, after the pattern."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(word) for word in _compiler._code(parsed, flags)]  # NOTE: opcodes subclass int
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _key() -> str:
    import _sre

    return f"regex {_sre.MAGIC} {_sre.CODESIZE}"


def _load() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _entries, _enabled
    from gxlint.usercache import cache_home, load_marshal

    _enabled = cache_home() is not None
    stored = load_marshal(_FILE, _key()) if _enabled else None
    _entries = stored if isinstance(stored, dict) else {}
    return _entries


def save() -> None:
    """Write the entries if this process added any (registered with :mod:`atexit`)."""
    global _dirty
    if not _dirty or _entries is None:
        return
    _dirty = False
    from gxlint.usercache import store_marshal

    store_marshal(_FILE, _key(), _entries)
