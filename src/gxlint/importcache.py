"""The compiled code of gxlint's own modules in one user-cache file, so that a cold start opens
one file instead of a hundred.

A one-report run imports about 110 modules of ``gxlint``, ``gxlint_rules`` and
``gxlint_grammar``. For each one, Python's path finder looks at the folder and the file, and
the loader opens, reads and checks the module's ``.pyc``: about 80 µs a module on a 2-core
machine, some 9 ms of a 65 ms run (more than all the rules of a report take). The command line
(:func:`gxlint.cli.run`) therefore installs an :class:`ImportCache` in front of Python's
finders: the code of the submodules a run imported is kept in one marshal file of the user
cache (:mod:`gxlint.usercache`), and later runs take it from there.

Only the reading of the code changes. The module is the same file, found the same way: same
``__file__``, ``__path__``, ``__spec__.origin`` and ``__cached__``, loaded by a
:class:`~importlib.machinery.SourceFileLoader` (so ``get_source``, tracebacks and package
resources work as usual). A module is taken from the file only when

- it is a submodule of one of :data:`ROOTS`, its parent package searches exactly the folder the
  code was read from (another checkout first on ``sys.path`` has another folder), and
- its source file has the modification time and size recorded with the code, the check a
  ``.pyc`` itself relies on;

anything else (an edited module, a new gxlint, a file that cannot be read) is imported the
normal way, and the file is rewritten when the process exits. The file is per environment and
keyed, like every user-cache file, by gxlint's and the interpreter's versions, and also by the
optimisation level (``python -O`` compiles different code). Nothing is installed when there is
no user cache folder or ``GXLINT_NO_USER_CACHE=1`` is set, and a library user importing
``gxlint`` never gets it.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, SourceFileLoader
from types import CodeType, ModuleType
from typing import Any

ROOTS: tuple[str, ...] = ("gxlint", "gxlint_rules", "gxlint_grammar")
"""The packages whose submodules are cached: gxlint's own, never a pack's."""

# An entry: (folder searched, source file, is a package, st_mtime_ns, st_size, marshalled code).
Entry = tuple[str, str, bool, int, int, bytes]


class CachedSourceLoader(SourceFileLoader):
    """A source file loader that has the module's code already; reads the file itself only if
    that code cannot be loaded."""

    def __init__(self, fullname: str, path: str, code: bytes) -> None:
        super().__init__(fullname, path)
        self._code: bytes | None = code

    def get_code(self, fullname: str) -> CodeType | None:  # type: ignore[override]
        code, self._code = self._code, None  # NOTE: used once; the bytes are not kept alive.
        if code is not None and fullname == self.name:
            try:
                loaded = marshal.loads(code)
            except (EOFError, ValueError, TypeError):
                loaded = None
            if isinstance(loaded, CodeType):
                return loaded
        return super().get_code(fullname)


class ImportCache:
    """A meta path finder serving the recorded code of :data:`ROOTS`' submodules."""

    def __init__(
        self, entries: dict[str, Entry], *, file_name: str = "", roots: Sequence[str] = ROOTS
    ) -> None:
        # NOTE: checked once here, so that a damaged file's entries are simply never used.
        self.entries = {name: entry for name, entry in entries.items() if _well_formed(entry)}
        self.file_name = file_name
        self.roots = frozenset(roots)
        self.missed = False  # NOTE: a module of ours was imported the normal way: save at exit.

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if path is None or name.partition(".")[0] not in self.roots:
            return None  # NOTE: a top-level module, or not ours: Python's own finders decide.
        entry = self.entries.get(name)
        if entry is None or not _fresh(entry, path):
            self.missed = True
            return None
        _, origin, package, _, _, code = entry
        spec = ModuleSpec(name, CachedSourceLoader(name, origin, code), origin=origin)
        if package:
            spec.submodule_search_locations = [os.path.dirname(origin)]
        spec.has_location = True
        return spec

    def collect(self, modules: dict[str, ModuleType] | None = None) -> dict[str, Entry]:
        """The entries to keep: every submodule of ours loaded from a source file (recorded
        anew unless it came from here), and the kept entries whose file is unchanged."""
        modules = sys.modules if modules is None else modules
        found: dict[str, Entry] = {}
        for name, module in list(modules.items()):
            if "." in name and name.partition(".")[0] in self.roots:
                entry = self._entry(name, module, modules)
                if entry is not None:
                    found[name] = entry
        for name, entry in self.entries.items():
            if name not in found and _unchanged(entry):
                found[name] = entry
        return found

    def save(self) -> None:
        """Rewrite the file if a module of ours was imported without it (at exit)."""
        if not self.missed or not self.file_name:
            return
        self.missed = False
        entries = self.collect()
        if entries != self.entries:
            from gxlint.usercache import store_marshal

            store_marshal(self.file_name, _key(), entries)
            self.entries = entries

    def _entry(self, name: str, module: ModuleType, modules: dict[str, ModuleType]) -> Entry | None:
        spec = getattr(module, "__spec__", None)
        loader = getattr(spec, "loader", None)
        if isinstance(loader, CachedSourceLoader):
            return self.entries.get(name)
        if not isinstance(loader, SourceFileLoader) or spec is None or not spec.origin:
            return None
        parent = getattr(modules.get(name.rpartition(".")[0]), "__path__", None)
        if parent is None or len(parent) != 1:
            return None
        try:
            stat = os.stat(spec.origin)  # NOTE: before reading: an edit in between is a miss.
            code = loader.get_code(name)
        except (OSError, ImportError, SyntaxError):
            return None
        if code is None:
            return None
        package = spec.submodule_search_locations is not None
        return (
            next(iter(parent)),
            spec.origin,
            package,
            stat.st_mtime_ns,
            stat.st_size,
            marshal.dumps(code),
        )


def install() -> ImportCache | None:
    """Put an :class:`ImportCache` first in ``sys.meta_path`` (once per process) and save it
    at exit; ``None`` when there is no user cache."""
    for finder in sys.meta_path:
        if isinstance(finder, ImportCache):
            return finder
    from gxlint.usercache import cache_home, crc, load_marshal

    if cache_home() is None:
        return None
    file_name = f"modules-{crc(sys.prefix)}.marshal"
    stored = load_marshal(file_name, _key())
    finder = ImportCache(stored if isinstance(stored, dict) else {}, file_name=file_name)
    sys.meta_path.insert(0, finder)
    import atexit

    atexit.register(finder.save)
    return finder


def _key() -> str:
    return f"modules {sys.implementation.cache_tag} optimize={sys.flags.optimize}"


def _fresh(entry: Entry, path: Any) -> bool:
    """``entry`` may serve an import searching ``path``: same single folder, same file."""
    try:
        same_folder = len(path) == 1 and next(iter(path)) == entry[0]
    except TypeError:
        return False
    return same_folder and _unchanged(entry)


def _unchanged(entry: Entry) -> bool:
    """``entry``'s source file is as recorded."""
    try:
        stat = os.stat(entry[1])
    except (OSError, ValueError):
        return False
    return stat.st_mtime_ns == entry[3] and stat.st_size == entry[4]


_TYPES = (str, str, bool, int, int, bytes)


def _well_formed(entry: Any) -> bool:
    """``entry`` has the shape and types :meth:`ImportCache.collect` writes."""
    return entry.__class__ is tuple and tuple(map(type, entry)) == _TYPES
