"""The CLI's single entry to configuration: report path → :class:`Settings`.

Three modes, from the command line: ``--config FILE`` (that file for every report, no
discovery), ``--isolated`` (defaults only, no file at all), or neither (discovery per report).
Settings are cached per config file and errors per config file too, so a broken config is read
and reported once however many reports it governs.

Typical CLI flow (packs load between the two steps, because ``disable-packs`` and ``plugins``
decide what loads)::

    resolver = ConfigResolver(config_file=args.config, isolated=args.isolated, cwd=os.getcwd(),
                              user_config=user_config_path(), overrides={...})
    run = resolver.run_options()                 # disable-packs, plugins, cache-dir
    ...load packs...
    resolver = resolver.with_packs(index=..., profiles=..., pack_defaults=...)
    settings = resolver.for_path(report)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gxlint.config.discover import ConfigFinder
from gxlint.config.load import PackDefaults, RunOptions, load_run_options, load_settings
from gxlint.config.schema import RuleIndex
from gxlint.config.settings import Settings
from gxlint.errors import ConfigErrors, UsageError
from gxlint.paths import absolute

if TYPE_CHECKING:
    from gxlint.paths import StrPath


class ConfigResolver:
    """``overrides`` are :meth:`Settings.with_overrides` keyword arguments (command line).
    Paths it returns are ``str``, absolute and normalised.

    NOTE: a plain class, not a dataclass: nothing compares or prints a resolver, and a
    dataclass costs ~1 ms to create at start-up.
    """

    def __init__(
        self,
        config_file: StrPath | None = None,
        isolated: bool = False,
        cwd: StrPath | None = None,
        index: RuleIndex | None = None,
        profiles: Mapping[str, Mapping[str, Any]] | None = None,
        pack_defaults: PackDefaults = (),
        overrides: Mapping[str, Any] | None = None,
        user_config: StrPath | None = None,
    ) -> None:
        if isolated and config_file is not None:
            raise UsageError("--isolated 不能与 --config FILE 同时使用")
        self.isolated = isolated
        self.cwd = os.getcwd() if cwd is None else os.fspath(cwd)
        self.config_file = self._absolute(config_file) if config_file is not None else None
        self.index = index
        self.profiles = profiles
        self.pack_defaults = pack_defaults
        self.overrides: Mapping[str, Any] = {} if overrides is None else overrides
        self.user_config = user_config
        self.finder = ConfigFinder(user_config)
        self._cache: dict[str | None, Settings | ConfigErrors] = {}

    def with_packs(
        self,
        *,
        index: RuleIndex | None,
        profiles: Mapping[str, Mapping[str, Any]] | None = None,
        pack_defaults: PackDefaults = (),
    ) -> ConfigResolver:
        """The same resolver once packs are loaded: codes checked, profiles available.

        NOTE: discovery results are shared; settings are not (they depend on the packs).
        """
        bound = ConfigResolver(
            self.config_file,
            self.isolated,
            self.cwd,
            index,
            profiles,
            pack_defaults,
            self.overrides,
            self.user_config,
        )
        bound.finder = self.finder
        return bound

    def config_path_for(self, report: StrPath) -> str | None:
        """The config governing ``report`` (a file, or a directory for its contents)."""
        if self.isolated:
            return None
        if self.config_file is not None:
            return self.config_file
        path = absolute(report, self.cwd)
        return self.finder.find_folder(path if os.path.isdir(path) else os.path.dirname(path))

    def root_path(self) -> str | None:
        """The root config: ``--config FILE``, else the one found from the current directory."""
        return self.config_path_for(self.cwd)

    def for_path(self, report: StrPath) -> Settings:
        """Effective settings for one report; raises :class:`ConfigErrors`."""
        return self.settings_for(self.config_path_for(report))

    def root(self) -> Settings:
        """Settings of the root config (stdin without ``--stdin-filename``, run-wide keys)."""
        return self.settings_for(self.root_path())

    def run_options(self) -> RunOptions:
        """Run-wide keys from the root config, readable before packs load."""
        return load_run_options(self.root_path(), cwd=self.cwd)

    def settings_for(self, config: str | None) -> Settings:
        cached = self._cache.get(config)
        if cached is None:
            try:
                cached = load_settings(
                    config,
                    index=self.index,
                    profiles=self.profiles,
                    pack_defaults=self.pack_defaults,
                    cwd=self.cwd,
                ).with_overrides(**self.overrides)
            except ConfigErrors as errors:
                cached = errors
            self._cache[config] = cached
        if isinstance(cached, ConfigErrors):
            raise cached
        return cached

    def _absolute(self, path: StrPath) -> str:
        return absolute(path, self.cwd)
