"""Paths as plain strings, handled with :mod:`os.path`.

gxlint keeps every path a ``str`` rather than a :class:`pathlib.Path`: importing pathlib (with
``urllib.parse``, ``ipaddress``, ``ntpath`` and ``fnmatch``) costs about 6 % of a cold
one-report run, which a pre-commit hook pays on every commit. Functions that take a path still
accept any :data:`StrPath` (a ``Path`` included). Here are the few operations that take more
than one ``os`` call.
"""

from __future__ import annotations

import os

StrPath = str | os.PathLike[str]
"""A path argument: a string, or an object such as :class:`pathlib.Path`."""


def absolute(path: StrPath, base: StrPath) -> str:
    """``path`` against the folder ``base`` (an absolute ``path`` stays itself), normalised;
    symlinks are not resolved, so a path stays where the user sees it."""
    return os.path.normpath(os.path.join(base, path))


def relative_below(path: str, base: str) -> str | None:
    """``path`` relative to ``base`` (``"."`` for ``base`` itself), with the OS's separators;
    ``None`` when ``path`` is not below ``base``.

    Both must be absolute and normalised. Like ``Path.relative_to`` it compares whole names,
    as the OS does (without case on Windows), so ``/a/bc`` is not below ``/a/b``.
    """
    path_key, base_key = os.path.normcase(path), os.path.normcase(base)
    if path_key == base_key:
        return os.curdir
    prefix = base_key if base_key.endswith(os.sep) else base_key + os.sep
    if not path_key.startswith(prefix):
        return None
    return path[len(prefix) :]


def read_bytes(path: StrPath) -> bytes:
    """The whole file; raises :class:`OSError`."""
    with open(path, "rb") as file:
        return file.read()


def read_text(path: StrPath, errors: str = "strict") -> str:
    """The whole file as UTF-8 text, line ends made ``\\n`` (as ``Path.read_text`` reads it);
    raises :class:`OSError`, and :class:`UnicodeDecodeError` with ``errors="strict"``."""
    with open(path, encoding="utf-8", errors=errors) as file:
        return file.read()
