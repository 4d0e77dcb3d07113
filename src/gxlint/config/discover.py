"""Which config governs a report: the closest one, walking up from its directory.

Closest file wins and nothing is merged implicitly (cli.md §3): one file explains a report's
settings. In one directory ``.gxlint.toml`` beats ``gxlint.toml`` beats a ``pyproject.toml``
with ``[tool.gxlint]`` (one without that table is not a config). Thousands of reports share a
few folders, so every directory walked is cached with its answer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

PYPROJECT = "pyproject.toml"
CONFIG_NAMES = (".gxlint.toml", "gxlint.toml", PYPROJECT)


def config_in(directory: Path) -> Path | None:
    """The config file in ``directory`` itself, if any."""
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file() and (name != PYPROJECT or _declares_gxlint(candidate)):
            return candidate
    return None


def _declares_gxlint(pyproject: Path) -> bool:
    from gxlint.config.read import declares_gxlint

    return declares_gxlint(pyproject)


def user_config_path(env: Mapping[str, str] | None = None) -> Path | None:
    """``%APPDATA%\\gxlint\\gxlint.toml`` or ``$XDG_CONFIG_HOME`` (``~/.config``)``/gxlint/…``.

    NOTE: computed from the environment only and used only when the CLI passes it to
    :class:`ConfigFinder`, so library callers and tests never read the real home.
    """
    env = os.environ if env is None else env
    if os.name == "nt":
        base = env.get("APPDATA")
        return Path(base, "gxlint", "gxlint.toml") if base else None
    base = env.get("XDG_CONFIG_HOME") or (env.get("HOME") and os.path.join(env["HOME"], ".config"))
    return Path(base, "gxlint", "gxlint.toml") if base else None


class ConfigFinder:
    """Closest config for a directory, else ``user_config`` if it exists, else ``None``."""

    def __init__(self, user_config: Path | None = None) -> None:
        self.user_config = user_config
        self._cache: dict[Path, Path | None] = {}
        self._folders: dict[str, Path | None] = {}

    def find_folder(self, folder: str) -> Path | None:
        """:meth:`find` for an absolute, normalised folder name; remembered by name (a run
        asks once per file, and most files share a few folders)."""
        try:
            return self._folders[folder]
        except KeyError:
            found = self._folders[folder] = self.find(Path(folder))
            return found

    def find(self, directory: Path) -> Path | None:
        """The config governing files in ``directory`` (made absolute, not symlink-resolved:
        a report's config is looked up where the user sees it)."""
        current = Path(os.path.normpath(directory.absolute()))
        walked: list[Path] = []
        while current not in self._cache:
            walked.append(current)
            found = config_in(current)
            if found is not None:
                break
            if current.parent == current:
                found = self._user_config()
                break
            current = current.parent
        else:
            found = self._cache[current]
        for directory_walked in walked:
            self._cache[directory_walked] = found
        return found

    def _user_config(self) -> Path | None:
        if self.user_config is not None and self.user_config.is_file():
            return self.user_config
        return None
