"""Loading: a config file (or none) → :class:`Settings`, or every problem at once.

Precedence, lowest first (cli.md §3): defaults < pack default configs < ``extend`` target <
``[jurisdiction] profile`` < the file; command-line flags come last, through
:meth:`Settings.with_overrides`. Each source is validated on its own, then all are merged.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from gxlint.config.build import build_settings
from gxlint.config.merge import DEFAULT_SOURCE, Layer, merge_layers
from gxlint.config.schema import RuleIndex, defaults
from gxlint.config.settings import Settings
from gxlint.errors import ConfigError, ConfigErrors
from gxlint.paths import relative_below
from gxlint.record import FrozenRecord, set_field

if TYPE_CHECKING:
    from gxlint.config.layers import LayerCollector
    from gxlint.paths import StrPath


PackDefaults = Sequence[Mapping[str, Any]] | Mapping[str, Mapping[str, Any]]


class RunOptions(FrozenRecord):
    """Run-wide keys, read from the root config before any pack is loaded (paths as in
    :class:`Settings`)."""

    __slots__ = ("cache_dir", "disable_packs", "path", "plugins")

    path: str | None
    disable_packs: tuple[str, ...]
    plugins: tuple[str, ...]
    cache_dir: str

    def __init__(
        self,
        path: str | None,
        disable_packs: tuple[str, ...],
        plugins: tuple[str, ...],
        cache_dir: str,
    ) -> None:
        set_field(self, "path", path)
        set_field(self, "disable_packs", disable_packs)
        set_field(self, "plugins", plugins)
        set_field(self, "cache_dir", cache_dir)


def load_settings(
    path: StrPath | None,
    *,
    index: RuleIndex | None = None,
    profiles: Mapping[str, Mapping[str, Any]] | None = None,
    pack_defaults: PackDefaults = (),
    cwd: StrPath | None = None,
) -> Settings:
    """The settings a config file (``None``: no file) gives, or :class:`ConfigErrors`.

    ``index`` checks rule codes, selectors and rule options (skipped when ``None``);
    ``profiles`` maps ``"pack:profile"`` to a raw config (a name missing from it is an error);
    ``pack_defaults`` are the packs' default configs, named when given as a mapping;
    ``cwd`` only shortens the paths shown in messages and sources.
    """
    return _load(
        path, index, {} if profiles is None else profiles, pack_defaults, cwd, lenient=False
    )


def load_run_options(path: StrPath | None, *, cwd: StrPath | None = None) -> RunOptions:
    """``disable-packs``, ``plugins`` and ``cache-dir`` from the root config.

    NOTE: packs are not loaded yet, so profiles are skipped and rule codes are not checked;
    everything else is validated, so a broken config fails here, before packs load.
    """
    settings = _load(path, None, {}, (), cwd, lenient=True)
    return RunOptions(settings.path, settings.disable_packs, settings.plugins, settings.cache_dir)


def display_path(path: StrPath, cwd: StrPath | None = None) -> str:
    """A path as messages show it: relative to the current directory when below it."""
    absolute = os.path.abspath(path)
    relative = relative_below(absolute, os.path.normpath(cwd) if cwd else os.getcwd())
    return relative if relative is not None else absolute


def _load(
    path: StrPath | None,
    index: RuleIndex | None,
    profiles: Mapping[str, Mapping[str, Any]],
    pack_defaults: PackDefaults,
    cwd: StrPath | None,
    *,
    lenient: bool,
) -> Settings:
    layers = [Layer(DEFAULT_SOURCE, defaults())]
    config_path = os.path.abspath(path) if path is not None else None
    sources = _pack_sources(pack_defaults)
    if sources or config_path is not None:
        # NOTE: only then: the validators and the TOML reader stay unimported without a config.
        collector = _collector(index, profiles, partial(display_path, cwd=cwd), lenient)
        for label, data in sources:
            layers += collector.mapping(data, label)
        if config_path is not None:
            layers += collector.file(config_path)
        if collector.errors:
            raise ConfigErrors(_in_reading_order(collector.errors))
    merged, sources = merge_layers(layers)
    return build_settings(merged, sources, config_path, [layer.label for layer in layers])


def _collector(*args: Any) -> LayerCollector:
    from gxlint.config.layers import LayerCollector

    return LayerCollector(*args)


def _pack_sources(pack_defaults: PackDefaults) -> list[tuple[str, Mapping[str, Any]]]:
    if isinstance(pack_defaults, Mapping):
        return [(f"规则包 {name} 默认配置", data) for name, data in pack_defaults.items()]
    return [("规则包默认配置", data) for data in pack_defaults]


def _in_reading_order(errors: list[ConfigError]) -> list[ConfigError]:
    """Sources in the order met, and within a source by position."""
    order: dict[str, int] = {}
    for error in errors:
        order.setdefault(error.path, len(order))
    return sorted(errors, key=lambda e: (order[e.path], e.line or 0, e.column or 0))
