"""Which packs a test lints with: the installed ones plus local rule files, cached per ``sys.path``."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

Config = str | Mapping[str, Any]


# -- packs ------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Packs:
    """Loaded packs as the command line sees them: registry, profiles and default configs."""

    manager: Any  # gxlint.plugins.manager.PluginManager
    registry: Any  # gxlint.registry.Registry

    @property
    def profiles(self) -> dict[str, Mapping[str, Any]]:
        return self.manager.profiles()

    @property
    def pack_defaults(self) -> dict[str, Mapping[str, Any]]:
        return self.manager.default_configs()

    @property
    def errors(self) -> list[Any]:
        """Packs (or hooks) that failed to load: :class:`PackLoadError` items."""
        return self.manager.errors

    def settings(self, config: Config | None = None, select: Sequence[str] | None = None) -> Any:
        """The :class:`gxlint.config.Settings` a config (text or table; ``None``: no file)
        gives with these packs; raises :class:`gxlint.errors.ConfigErrors` as a real one."""
        from gxlint.config import load_settings

        if config is None:
            settings = self._default_settings()
        else:
            text = config if isinstance(config, str) else to_toml(config)
            with tempfile.TemporaryDirectory() as folder:
                config_path = Path(folder) / "gxlint.toml"
                config_path.write_text(text, encoding="utf-8")
                settings = load_settings(
                    config_path,
                    index=self.registry,
                    profiles=self.profiles,
                    pack_defaults=self.pack_defaults,
                )
        if select is not None:
            settings = settings.with_overrides(select=list(select))
        return settings

    def _default_settings(self) -> Any:
        cached = self.__dict__.get("_defaults")
        if cached is None:
            from gxlint.config import load_settings

            cached = load_settings(
                None, index=self.registry, profiles=self.profiles, pack_defaults=self.pack_defaults
            )
            object.__setattr__(self, "_defaults", cached)
        return cached


def load_packs(
    plugins: Iterable[str | Path] = (),
    *,
    base_dir: str | Path | None = None,
    entry_points: bool = True,
) -> Packs:
    """The installed packs (unless ``entry_points=False``) plus local rule files ``plugins``
    (relative to ``base_dir``, default the current directory), loaded as ``gxlint check``
    loads them. Raises :class:`gxlint.errors.PluginError` when two packs conflict; a pack that
    fails to load is in ``.errors``.

    Cached: the same arguments in the same environment give the same object.
    """
    base = Path(base_dir) if base_dir is not None else Path.cwd()
    paths = tuple(str(Path(p) if Path(p).is_absolute() else base / p) for p in plugins)
    return _load_packs(paths, entry_points, _fingerprint())


@lru_cache(maxsize=16)
def _load_packs(plugins: tuple[str, ...], entry_points: bool, fingerprint: Any) -> Packs:
    from gxlint.plugins.manager import PluginManager
    from gxlint.registry import Registry

    manager = PluginManager() if entry_points else PluginManager(entry_points=list)
    manager.load(plugins)
    return Packs(manager, Registry.from_manager(manager))


def _fingerprint() -> tuple[tuple[str, int | None], ...]:
    """``sys.path`` with each folder's modification time: installing or removing a
    distribution changes its site folder's, so the entry points are read again."""
    found = []
    for entry in sys.path:
        try:
            found.append((entry, os.stat(entry or os.curdir).st_mtime_ns))
        except OSError:
            found.append((entry, None))
    return tuple(found)


def _registry() -> Any:
    """The installed packs' registry (kept for callers of the first version of this kit)."""
    return load_packs().registry


# -- TOML -------------------------------------------------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def to_toml(config: Mapping[str, Any]) -> str:
    """A config mapping as gxlint.toml text (one ``key = value`` line per top-level key;
    tables and arrays of tables inline)."""
    return "".join(f"{_key(key)} = {_value(value)}\n" for key, value in config.items())


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        # NOTE: JSON string escapes are a subset of TOML basic-string escapes.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} {value!r} as TOML")
