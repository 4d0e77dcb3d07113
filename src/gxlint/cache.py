"""The content-hash cache (cli.md §8): re-linting an unchanged corpus costs little more than
starting up.

A file's findings are stored under a key made of everything they depend on, never a file's
mtime:

- the file's bytes (BLAKE2b) and where it is shown (the display path, made absolute, because
  ``per-file-ignores`` match it);
- the effective :class:`~gxlint.config.Settings` and the rules they activate, with severities
  and options (:func:`context_key`);
- gxlint's version and every loaded pack (name, distribution, version), plus the size and
  mtime of every file of their code (an editable install changes without a version bump).

An entry holds the encoding and the findings; the text is decoded again from the bytes (cheap
and deterministic), so a reporter gets exactly what a fresh run gives it and the output is
byte-identical with or without the cache. Never stored: a result with a GX009 (a crash or a
timeout need not happen again). The CLI reads and writes nothing with ``--timing`` (it measures
the work) or ``--no-cache``.

Layout: ``<cache-dir>/.gitignore`` (``*``), ``CACHEDIR.TAG``, and one file per entry under
``v1/``, written through a rename, so ``-j`` workers never see half an entry. An entry that is
missing, unreadable or for another key is a miss, never an error. ``gxlint clean`` deletes the
folder.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from gxlint.findings import FileResult, Finding, Severity, finding_from_row, finding_row
from gxlint.meta import __version__
from gxlint.paths import read_text
from gxlint.usercache import write_atomic

if TYPE_CHECKING:
    from gxlint.paths import StrPath

try:  # NOTE: hashlib would load OpenSSL (~10 ms of a cold start) for a hash this small.
    from _blake2 import blake2b as _hash
except ImportError:  # pragma: no cover - every CPython build has _blake2
    from hashlib import sha256 as _hash

FORMAT = 1
ENTRIES = f"v{FORMAT}"
GITIGNORE = "# gxlint 的缓存，可随时删除（gxlint clean）。\n*\n"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by gxlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


class ResultCache:
    """One folder of entries; ``salt`` is what all keys of a run share (:func:`run_salt`)."""

    def __init__(self, folder: StrPath, salt: str) -> None:
        self.folder = os.fspath(folder)
        self.salt = salt
        self._ready = False
        self._entries = os.path.join(self.folder, ENTRIES)

    def key(self, data: bytes, display: str, context: str) -> str:
        """The entry name for one file's bytes, shown as ``display``, under ``context``."""
        digest = _hash(data).hexdigest()
        where = os.path.abspath(display)
        return _hash(f"{self.salt}\0{context}\0{where}\0{digest}".encode()).hexdigest()

    def load(self, key: str) -> tuple[str | None, list[Finding]] | None:
        """``(encoding, findings)`` stored under ``key``, or ``None``."""
        import marshal

        try:
            with open(self._entry(key), "rb") as entry:
                data = entry.read()
        except OSError:
            return None
        try:
            stored, encoding, rows = marshal.loads(data)
            if stored != key:
                return None
            return encoding, [finding_from_row(row) for row in rows]
        except Exception:  # noqa: BLE001  NOTE: a damaged entry is a miss, whatever is wrong.
            return None

    def store(self, key: str, result: FileResult) -> None:
        """Keep ``result``'s findings under ``key`` (not a result with a GX009)."""
        import marshal

        if any(finding.code == "GX009" for finding in result.findings):
            return
        rows = [finding_row(finding) for finding in result.findings]
        if not self._ready:
            self._ready = prepare(self.folder)
            if not self._ready:
                return
        data = marshal.dumps((key, result.encoding, rows))
        write_atomic(self._entry(key), data)

    def _entry(self, key: str) -> str:
        return os.path.join(self._entries, key[:2], key[2:])


def prepare(folder: StrPath) -> bool:
    """Create ``folder`` with its ``.gitignore`` and ``CACHEDIR.TAG``; ``False`` if it cannot
    be written (the run then goes on without storing)."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return False
    for name, text in ((".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)):
        path = os.path.join(folder, name)
        if not os.path.isfile(path) and not write_atomic(path, text.encode()):
            return False
    return True


def run_salt(packs: Iterable[Any], plugins: Iterable[Any] = ()) -> str:
    """What every key of a run shares: gxlint's and Python's versions, the loaded packs, and
    a fingerprint of the code of gxlint and of the packs (``plugins``: the registered pack
    objects; their rules count too), so that editing a rule in an editable install (same
    version) invalidates the cache."""
    packs = list(packs)
    parts = [f"gxlint {__version__} format {FORMAT} python {sys.version_info[:2]}"]
    parts += [f"pack {p.name} {p.distribution} {p.version} {p.path}" for p in packs]
    names = ["gxlint", "gxlint_grammar"]
    names += [p.__name__ if isinstance(p, ModuleType) else type(p).__module__ for p in plugins]
    names += [rule.__module__ for pack in packs for rule in pack.rules]
    folders: list[str] = []
    for top in dict.fromkeys(name.partition(".")[0] for name in names):
        module = sys.modules.get(top)
        if getattr(module, "__path__", None):
            folders += list(module.__path__)  # type: ignore[union-attr]
        elif getattr(module, "__file__", None):
            parts.append(_stamp(module.__file__))  # type: ignore[union-attr, arg-type]
    parts += [_stamp(path) for path in _files(folders)]
    return _hash("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def context_key(settings: Any, rules: Sequence[Any], engine: dict[str, Severity]) -> str:
    """Everything per-config that findings depend on: the settings and the rules they run."""
    active = [(a.code, int(a.severity), repr(a.options), a.pack) for a in rules]
    return repr((settings, active, sorted((code, int(s)) for code, s in engine.items())))


def clean(folder: StrPath) -> bool:
    """Delete the cache ``folder``; ``False`` if there was none. Refuses a folder that is not
    a gxlint cache (no ``CACHEDIR.TAG`` of ours and not empty), so a mistyped ``cache-dir``
    never deletes anything else."""
    import shutil

    if not os.path.isdir(folder):
        return False
    if not is_cache(folder):
        raise ValueError(f"{folder} 不是 gxlint 的缓存文件夹，未删除")
    shutil.rmtree(folder)
    return True


def is_cache(folder: StrPath) -> bool:
    try:
        tag = read_text(os.path.join(folder, "CACHEDIR.TAG"))
    except (OSError, UnicodeDecodeError):
        tag = ""
    if "created by gxlint" in tag:
        return True
    try:
        return not os.listdir(folder)
    except OSError:
        return False


def _files(folders: Iterable[str]) -> list[str]:
    """Every file below ``folders`` (``__pycache__`` skipped), sorted."""
    found: list[str] = []
    stack = list(dict.fromkeys(folders))
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    stack.append(entry.path)
            else:
                found.append(entry.path)
    return sorted(found)


def _stamp(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return f"{path} -"
    return f"{path} {info.st_size} {info.st_mtime_ns}"
