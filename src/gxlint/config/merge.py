"""Layers of raw config → one effective raw config, plus where each value came from.

One rule for every key, so that ``config --show`` can explain any result: tables merge per key,
lists (and scalars) replace, ``extend-*`` keys append. Setting a list that an ``extend-*`` key
extends (``select``, ``include``, ``exclude``, ``per-file-ignores``) starts that list over,
dropping what lower layers appended.

NOTE: that reset follows ruff: a config that says ``select = ["GX1"]`` means exactly GX1, not
GX1 plus whatever an inherited ``extend-select`` added.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from gxlint.config.keys import KeyPath, dotted
from gxlint.config.schema import APPEND_KEYS, PATH_KEYS, copy_toml
from gxlint.paths import absolute
from gxlint.record import FrozenRecord, set_field

DEFAULT_SOURCE = "默认值"
_RESETS = {base: extension for extension, base in APPEND_KEYS.items()}


class Layer(FrozenRecord):
    """One validated source: ``label`` names it in ``config --show``; relative paths in it
    resolve against ``base_dir`` (``None`` for sources that are not files)."""

    __slots__ = ("base_dir", "data", "label")

    label: str
    data: Mapping[str, Any]
    base_dir: str | None

    def __init__(self, label: str, data: Mapping[str, Any], base_dir: str | None = None) -> None:
        set_field(self, "label", label)
        set_field(self, "data", data)
        set_field(self, "base_dir", base_dir)


def merge_layers(layers: Iterable[Layer]) -> tuple[dict[str, Any], dict[str, str]]:
    """(effective raw config, dotted key → source label), lowest-precedence layer first."""
    merged: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for layer in layers:
        for base, extension in _RESETS.items():
            if base in layer.data and extension in merged:
                merged[extension] = type(merged[extension])()
                _forget(sources, extension)
                sources[extension] = layer.label
        for key, value in layer.data.items():
            if key == "extend":
                continue
            value = _resolve_paths(key, value, layer.base_dir)
            if key in APPEND_KEYS:
                _append(merged, sources, (key,), value, layer.label)
            else:
                _set(merged, sources, (key,), value, layer.label)
    return merged, sources


def _set(
    target: dict[str, Any], sources: dict[str, str], path: KeyPath, value: Any, label: str
) -> None:
    key = str(path[-1])
    if isinstance(value, dict):
        if not isinstance(target.get(key), dict):
            target[key] = {}
            _forget(sources, dotted(path))
        sources.setdefault(dotted(path), label)
        for sub, item in value.items():
            _set(target[key], sources, (*path, sub), item, label)
        return
    target[key] = copy_toml(value)
    _forget(sources, dotted(path))
    sources[dotted(path)] = label


def _append(
    target: dict[str, Any], sources: dict[str, str], path: KeyPath, value: Any, label: str
) -> None:
    key, name = str(path[-1]), dotted(path)
    if isinstance(value, dict):
        table = target.setdefault(key, {})
        sources.setdefault(name, label)
        for sub, item in value.items():
            _append(table, sources, (*path, sub), item, label)
        return
    old = target.get(key) or []
    if value:
        sources[name] = f"{sources[name]} + {label}" if old and name in sources else label
    else:
        sources.setdefault(name, label)
    target[key] = [*old, *value]


def _forget(sources: dict[str, str], name: str) -> None:
    """Drops the sources of sub-keys of ``name`` whose values were just replaced."""
    for key in [k for k in sources if k.startswith((f"{name}.", f"{name}["))]:
        del sources[key]


def _resolve_paths(key: str, value: Any, base_dir: str | None) -> Any:
    if key not in PATH_KEYS or base_dir is None:
        return value
    if isinstance(value, str):
        return absolute(value, base_dir)
    return [absolute(item, base_dir) for item in value]
