"""Configuration: which gxlint.toml governs a report, and what it says.

Pipeline: ``discover`` (closest config) → ``read`` (tomli) → ``layers`` (``extend`` and
profiles, each source validated by ``check_keys``/``check_rules``) → ``merge`` (one rule:
tables merge, lists replace, ``extend-*`` append, sources recorded) → ``build`` (typed
:class:`Settings`). ``positions`` places errors; ``show`` prints ``config --show``.

The CLI uses :class:`ConfigResolver`; the engine reads :class:`Settings`. Rule codes and options
belong to packs, so the loader asks a :class:`RuleIndex` the plugin manager implements.
"""

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
