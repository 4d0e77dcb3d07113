"""Configuration: which gxlint.toml governs a report, and what it says.

Pipeline: ``discover`` (closest config) → ``read`` (tomli) → ``layers`` (``extend`` and
profiles, each source validated by ``check_keys``/``check_rules``) → ``merge`` (one rule:
tables merge, lists replace, ``extend-*`` append, sources recorded) → ``build`` (typed
:class:`Settings`). ``positions`` places errors; ``show`` prints ``config --show``.

The CLI uses :class:`ConfigResolver`; the engine reads :class:`Settings`. Rule codes and options
belong to packs, so the loader asks a :class:`RuleIndex` the plugin manager implements.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gxlint.config.discover import CONFIG_NAMES, ConfigFinder, config_in, user_config_path
    from gxlint.config.load import RunOptions, display_path, load_run_options, load_settings
    from gxlint.config.resolver import ConfigResolver
    from gxlint.config.schema import RuleIndex, defaults, is_profile_ref
    from gxlint.config.settings import (
        COMMAND_LINE,
        Jurisdiction,
        RuleSettings,
        SectionSixItem,
        Settings,
    )
    from gxlint.config.show import show_config

# NOTE: loaded on first use, so that a run without a config file imports only what reading
# the defaults needs (not the validators, the TOML reader or ``config --show``).
_EXPORTS = {
    "CONFIG_NAMES": "gxlint.config.discover",
    "ConfigFinder": "gxlint.config.discover",
    "config_in": "gxlint.config.discover",
    "user_config_path": "gxlint.config.discover",
    "RunOptions": "gxlint.config.load",
    "display_path": "gxlint.config.load",
    "load_run_options": "gxlint.config.load",
    "load_settings": "gxlint.config.load",
    "ConfigResolver": "gxlint.config.resolver",
    "RuleIndex": "gxlint.config.schema",
    "defaults": "gxlint.config.schema",
    "is_profile_ref": "gxlint.config.schema",
    "COMMAND_LINE": "gxlint.config.settings",
    "Jurisdiction": "gxlint.config.settings",
    "RuleSettings": "gxlint.config.settings",
    "SectionSixItem": "gxlint.config.settings",
    "Settings": "gxlint.config.settings",
    "show_config": "gxlint.config.show",
}

__all__ = [
    "COMMAND_LINE",
    "CONFIG_NAMES",
    "ConfigFinder",
    "ConfigResolver",
    "Jurisdiction",
    "RuleIndex",
    "RuleSettings",
    "RunOptions",
    "SectionSixItem",
    "Settings",
    "config_in",
    "defaults",
    "display_path",
    "is_profile_ref",
    "load_run_options",
    "load_settings",
    "show_config",
    "user_config_path",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'gxlint.config' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
