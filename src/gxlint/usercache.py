"""gxlint's folder in the user cache: what a cold start would otherwise recompute every run.

It holds the installed entry points (:mod:`gxlint.plugins.discovery`), the parsed format
catalogue (:func:`gxlint.spec.load_spec`), compiled regular expressions
(:mod:`gxlint.regexcache`) and the compiled code of gxlint's own modules
(:mod:`gxlint.importcache`), never findings (those live in the project's
``.gxlint_cache``, :mod:`gxlint.cache`). Everything in it is derived, keyed by what it was
derived from, and rebuilt when missing, stale or unreadable; a folder that cannot be written is
simply not used. A file is read only if this user owns it and no one else may write to it
(:func:`read_owned`): one file holds code that gxlint runs, and ``$GXLINT_CACHE_HOME`` may name
a shared folder.

Location: ``$GXLINT_CACHE_HOME``, else ``$XDG_CACHE_HOME/gxlint``, else ``~/.cache/gxlint``
(``%LOCALAPPDATA%\\gxlint\\Cache`` on Windows); none when the environment names no home or
``GXLINT_NO_USER_CACHE=1``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gxlint.meta import __version__

if TYPE_CHECKING:
    from gxlint.paths import StrPath


def cache_home(env: Mapping[str, str] | None = None) -> str | None:
    """The folder, or ``None`` when the environment names none or ``GXLINT_NO_USER_CACHE`` is
    set (everything is then recomputed each run)."""
    env = os.environ if env is None else env
    if env.get("GXLINT_NO_USER_CACHE"):
        return None
    explicit = env.get("GXLINT_CACHE_HOME")
    if explicit:
        return explicit
    if os.name == "nt":
        base = env.get("LOCALAPPDATA")
        return os.path.join(base, "gxlint", "Cache") if base else None
    base = env.get("XDG_CACHE_HOME") or (env.get("HOME") and os.path.join(env["HOME"], ".cache"))
    return os.path.join(base, "gxlint") if base else None


def crc(data: bytes | str) -> str:
    """A short, stable fingerprint for file names (not a security boundary: keys are compared
    in full where it matters)."""
    from zlib import crc32

    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return f"{crc32(raw):08x}"


def load_marshal(name: str, key: str | bytes) -> Any | None:
    """The value stored under ``name`` if it was stored with ``key`` (and this Python and this
    gxlint), else ``None``."""
    import marshal

    folder = cache_home()
    if folder is None:
        return None
    try:
        stored_key, value = marshal.loads(read_owned(os.path.join(folder, name)))
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return value if stored_key == _full_key(key) else None


def store_marshal(name: str, key: str | bytes, value: Any) -> None:
    """Store ``value`` (marshal-able data) under ``name``; failures are ignored."""
    import marshal

    folder = cache_home()
    if folder is None:
        return
    try:
        data = marshal.dumps((_full_key(key), value))
    except ValueError:
        return
    write_atomic(os.path.join(folder, name), data, private=True)


def read_owned(path: StrPath) -> bytes:
    """The whole file, if this user owns it and neither its group nor others may write to it;
    raises :class:`OSError` otherwise, so that the entry counts as missing and is rewritten.

    NOTE: checked on the open file (no swap between check and read). Windows has ACLs, not
    mode bits: there the folder's own protection is relied upon.
    """
    with open(path, "rb") as file:
        stat = os.fstat(file.fileno())
        uid = getattr(os, "geteuid", None)
        if uid is not None and (stat.st_uid != uid() or stat.st_mode & 0o022):
            raise PermissionError(f"{path}: not written by this user, or writable by others")
        return file.read()


def write_atomic(path: StrPath, data: bytes, *, private: bool = False) -> bool:
    """Write ``path`` through a temporary file and a rename, so a reader never sees half of
    it; ``False`` (and nothing left behind) when the folder cannot be written. ``private``
    files are readable and writable by this user only (what :func:`read_owned` accepts
    whatever the umask)."""
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        os.makedirs(folder or os.curdir, exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(data)
        if private:
            os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError:
        try:
            os.remove(temporary)
        except OSError:
            pass
        return False
    return True


def _full_key(key: str | bytes) -> tuple[str | bytes, str, str]:
    return (key, __version__, sys.version)
