"""Which config governs a report: the closest one, walking up from its directory.

Closest file wins and nothing is merged implicitly (cli.md §3): one file explains a report's
settings. In one directory ``.gxlint.toml`` beats ``gxlint.toml`` beats a ``pyproject.toml``
with ``[tool.gxlint]`` (one without that table is not a config). Thousands of reports share a
few folders, so every directory walked is cached with its answer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gxlint.paths import StrPath

PYPROJECT = "pyproject.toml"
CONFIG_NAMES = (".gxlint.toml", "gxlint.toml", PYPROJECT)


def config_in(directory: StrPath) -> str | None:
    """The config file in ``directory`` itself, if any."""
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate) and (name != PYPROJECT or _declares_gxlint(candidate)):
            return candidate
    return None


def _declares_gxlint(pyproject: str) -> bool:
    from gxlint.config.read import declares_gxlint

    return declares_gxlint(pyproject)


def user_config_path(env: Mapping[str, str] | None = None) -> str | None:
    """``%APPDATA%\\gxlint\\gxlint.toml`` or ``$XDG_CONFIG_HOME`` (``~/.config``)``/gxlint/…``.

    NOTE: computed from the environment only and used only when the CLI passes it to
    :class:`ConfigFinder`, so library callers and tests never read the real home.
    """
    env = os.environ if env is None else env
    if os.name == "nt":
        base = env.get("APPDATA")
        return os.path.join(base, "gxlint", "gxlint.toml") if base else None
    base = env.get("XDG_CONFIG_HOME") or (env.get("HOME") and os.path.join(env["HOME"], ".config"))
    return os.path.join(base, "gxlint", "gxlint.toml") if base else None


class ConfigFinder:
    """Closest config for a directory, else ``user_config`` if it exists, else ``None``."""

    def __init__(self, user_config: StrPath | None = None) -> None:
        self.user_config = os.fspath(user_config) if user_config is not None else None
        self._cache: dict[str, str | None] = {}
        self._folders: dict[str, str | None] = {}

    def find_folder(self, folder: str) -> str | None:
        """:meth:`find` for an absolute, normalised folder name; remembered by name (a run
        asks once per file, and most files share a few folders)."""
        try:
            return self._folders[folder]
        except KeyError:
            found = self._folders[folder] = self.find(folder)
            return found

    def find(self, directory: StrPath) -> str | None:
        """The config governing files in ``directory`` (made absolute, not symlink-resolved:
        a report's config is looked up where the user sees it)."""
        current = os.path.abspath(directory)
        walked: list[str] = []
        while current not in self._cache:
            walked.append(current)
            found = config_in(current)
            if found is not None:
                break
            parent = os.path.dirname(current)
            if parent == current:
                found = self._user_config()
                break
            current = parent
        else:
            found = self._cache[current]
        for directory_walked in walked:
            self._cache[directory_walked] = found
        return found

    def _user_config(self) -> str | None:
        if self.user_config is not None and os.path.isfile(self.user_config):
            return self.user_config
        return None
