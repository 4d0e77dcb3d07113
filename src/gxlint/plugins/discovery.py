"""The installed ``gxlint`` entry points, cached per environment.

Scanning the environment (``importlib.metadata``: import it, then read every distribution's
``entry_points.txt`` and ``METADATA``) cost about a third of a cold one-report run, and the
answer changes only when something is installed or removed. So the list (name, value,
distribution, version) is kept in the user's cache folder, keyed by the interpreter, gxlint's
version, ``sys.path`` and the modification time of every ``sys.path`` entry (installing or
removing a distribution adds or removes a ``*.dist-info`` folder, which changes its parent's
mtime) and of the ``entry_points.txt`` of each distribution found. A key that differs means a
fresh scan; a cache that cannot be read or written is ignored. ``GXLINT_NO_PLUGIN_CACHE=1``
turns the cache off.

The cached entries load exactly as :class:`importlib.metadata.EntryPoint` does (module, then
attributes), and every pack, ``core`` included, is loaded from them by the same code
(:meth:`gxlint.plugins.manager.PluginManager.load_entry_points`).

The file lives in the user cache folder (:func:`gxlint.usercache.cache_home`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from importlib import import_module
from typing import Any

from gxlint.meta import __version__
from gxlint.usercache import cache_home, crc, read_owned, write_atomic

GROUP = "gxlint"
DISABLE_ENV = "GXLINT_NO_PLUGIN_CACHE"
_MAGIC = "gxlint-entry-points 1"
_KEEP = 8  # environments remembered per interpreter (``python -m`` puts the cwd on sys.path)


class CachedDistribution:
    """The two facts about a distribution the plugin manager reports."""

    __slots__ = ("name", "version")

    def __init__(self, name: str, version: str | None) -> None:
        self.name = name
        self.version = version

    def __repr__(self) -> str:
        return f"CachedDistribution({self.name!r}, {self.version!r})"


class CachedEntryPoint:
    """An entry point read from the cache; :meth:`load` is ``EntryPoint.load``."""

    __slots__ = ("dist", "group", "name", "value")

    def __init__(self, name: str, value: str, dist: CachedDistribution | None) -> None:
        self.name = name
        self.value = value
        self.group = GROUP
        self.dist = dist

    @property
    def module(self) -> str:
        return self.value.partition(":")[0].strip()

    @property
    def attr(self) -> str | None:
        attr = self.value.partition(":")[2].partition("[")[0].strip()
        return attr or None

    def load(self) -> Any:
        obj = import_module(self.module)
        for part in (self.attr or "").split("."):
            if part:
                obj = getattr(obj, part)
        return obj

    def __repr__(self) -> str:
        return f"CachedEntryPoint(name={self.name!r}, value={self.value!r}, group={GROUP!r})"


def installed_entry_points() -> list[Any]:
    """The ``gxlint`` entry points of this environment, sorted by name; cached."""
    folder = None if os.environ.get(DISABLE_ENV) else cache_home()
    if folder is None:
        return _scan()[0]
    path = os.path.join(folder, f"entry-points-{crc(sys.prefix)}.txt")
    records = _read(path)
    base = _base_key()
    for key, rows in records:
        if key == _key(base, _key_files(key)):
            return [_entry(fields) for fields in rows]
    found, files = _scan()
    key = _key(base, files)
    kept = [record for record in records if record[0] != key]
    _write(path, [(key, [_fields(ep) for ep in found]), *kept][:_KEEP])
    return found


# -- key ----------------------------------------------------------------------------------


def _mtime(path: str) -> str:
    try:
        return str(os.stat(path).st_mtime_ns)
    except (OSError, ValueError):
        return "-"


def _base_key() -> list[str]:
    """What may change any entry point: the interpreter, gxlint, every ``sys.path`` entry."""
    try:
        cwd = os.getcwd()
    except OSError:
        cwd = "."
    parts = [_MAGIC, __version__, sys.executable, sys.version]
    parts += [f"path {entry or cwd} {_mtime(entry or cwd)}" for entry in sys.path]
    return parts


def _key(base: list[str], files: Iterable[str]) -> str:
    """``base`` plus the ``entry_points.txt`` of the distributions found (edited in place,
    such a file changes no folder's mtime)."""
    return "\n".join([*base, *(f"file {name} {_mtime(name)}" for name in sorted(files))])


def _key_files(key: str) -> list[str]:
    return [line[5:].rpartition(" ")[0] for line in key.split("\n") if line.startswith("file ")]


# -- scan ---------------------------------------------------------------------------------


def _scan() -> tuple[list[Any], list[str]]:
    """A real scan: entry points sorted by name, and their distributions' entry_points.txt."""
    from importlib.metadata import entry_points

    found = sorted(entry_points(group=GROUP), key=lambda ep: ep.name)
    files = []
    for ep in found:
        located = _entry_points_file(getattr(ep, "dist", None))
        if located is not None:
            files.append(located)
    return found, files


def _entry_points_file(dist: Any) -> str | None:
    # NOTE: ``_path`` is PathDistribution's metadata folder; a foreign Distribution has none
    # and is covered by the sys.path part of the key alone.
    base = getattr(dist, "_path", None) if dist is not None else None
    return os.path.join(str(base), "entry_points.txt") if base is not None else None


def _fields(ep: Any) -> list[str]:
    dist = getattr(ep, "dist", None)
    name = getattr(dist, "name", None) if dist is not None else None
    version = getattr(dist, "version", None) if dist is not None else None
    return [ep.name, ep.value, "" if name is None else name, "" if version is None else version]


def _entry(fields: list[str]) -> CachedEntryPoint:
    name, value, dist, version = fields
    return CachedEntryPoint(
        name, value, CachedDistribution(dist, version or None) if dist else None
    )


# -- file ---------------------------------------------------------------------------------
# One text file per interpreter: a header line, then records. A record is ``key`` lines
# (``\x1e``-separated on one line), then one tab-separated line per entry point, then a blank
# line. Nothing in it is trusted beyond equality of keys.


def _read(path: str) -> list[tuple[str, list[list[str]]]]:
    try:
        text = read_owned(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    blocks = text.split("\n\n")
    if not blocks or blocks[0] != _MAGIC:
        return []
    records = []
    for block in blocks[1:]:
        lines = block.split("\n")
        if not lines or not lines[0].startswith("key "):
            continue
        rows = [line.split("\t") for line in lines[1:] if line]
        if all(len(row) == 4 for row in rows):
            records.append((lines[0][4:].replace("\x1e", "\n"), rows))
    return records


def _write(path: str, records: list[tuple[str, list[list[str]]]]) -> None:
    blocks = [_MAGIC]
    for key, rows in records:
        if any("\n" in field or "\t" in field for row in rows for field in row):
            continue  # NOTE: cannot happen with real entry points; never store what won't read.
        lines = ["key " + key.replace("\n", "\x1e"), *("\t".join(row) for row in rows)]
        blocks.append("\n".join(lines))
    write_atomic(path, ("\n\n".join(blocks) + "\n\n").encode("utf-8"), private=True)
