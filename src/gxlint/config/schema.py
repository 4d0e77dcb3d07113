"""What a gxlint config may contain: every key with its default, and the questions the config
layer must ask the plugin layer.

Keys and defaults are ``cli.md`` §3, kept here once: the loader, the validators, ``config
--show`` and the tests all read these tables, so a key cannot be documented in one place and
forgotten in another. Rule codes and rule options are not known here at all (they come from
packs), so the loader asks a :class:`RuleIndex` that the plugin manager implements.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from gxlint.regexcache import compile_cached
from gxlint.source.decode import DEFAULT_MAX_BYTES

AUTO = "auto"
LEVELS = ("省", "市", "县", "乡镇", "部门")
SEVERITIES = ("error", "warning", "info", "off")

_DEFAULTS: dict[str, Any] = {
    "select": ["ALL"],
    "extend-select": [],
    "ignore": [],
    "include": ["*.txt", "*.TXT"],
    "extend-include": [],
    "exclude": [".git", ".hg", ".svn", ".venv", "venv", "node_modules", ".gxlint_cache"],
    "extend-exclude": [],
    "respect-gitignore": True,
    "encoding": AUTO,
    "max-file-size": DEFAULT_MAX_BYTES,
    "plugins": [],
    "disable-packs": [],
    "cache-dir": ".gxlint_cache",
    "per-file-ignores": {},
    "extend-per-file-ignores": {},
    "rules": {},
    "jurisdiction": {
        "level": AUTO,
        "own-government-report": AUTO,
        "deadline": AUTO,
        "label-variants": {},
        "required-section-six": [],
    },
}

TOP_LEVEL_KEYS: tuple[str, ...] = ("extend", *_DEFAULTS)
JURISDICTION_KEYS: tuple[str, ...] = ("profile", "name", *_DEFAULTS["jurisdiction"])
SECTION_SIX_KEYS = ("name", "any-of", "levels", "rule")

# An ``extend-*`` key appends to the key it names; setting that key starts the list over.
APPEND_KEYS = {
    "extend-select": "select",
    "extend-include": "include",
    "extend-exclude": "exclude",
    "extend-per-file-ignores": "per-file-ignores",
}
# Values that are paths, resolved against the directory of the file that declares them.
PATH_KEYS = frozenset({"plugins", "cache-dir"})

CODE_RE = compile_cached(r"[A-Z]+[0-9]+")
SELECTOR_RE = compile_cached(r"ALL|[A-Z]+[0-9]*|[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
PROFILE_RE = compile_cached(r"[A-Za-z0-9_][A-Za-z0-9_.-]*:[A-Za-z0-9_][A-Za-z0-9_.-]*")


def defaults() -> dict[str, Any]:
    """A fresh copy of every default, as raw TOML values (merging mutates what it is given)."""
    return copy_toml(_DEFAULTS)


def copy_toml(value: Any) -> Any:
    """A deep copy of raw TOML data, whose only mutable values are tables and arrays.

    NOTE: not ``copy.deepcopy``: the ``copy`` module (with ``weakref``) is ~1 ms of a cold run
    that needs nothing else from it."""
    if isinstance(value, dict):
        return {key: copy_toml(item) for key, item in value.items()}
    if isinstance(value, list):
        return [copy_toml(item) for item in value]
    return value


def is_profile_ref(text: str) -> bool:
    """``"xinjiang:default"`` names a pack profile; ``"../gxlint.toml"`` is a path.

    NOTE: a profile reference has no slash and does not end in ``.toml``, so a Windows path
    such as ``C:\\cfg\\gxlint.toml`` is still a path.
    """
    return PROFILE_RE.fullmatch(text) is not None and not text.endswith(".toml")


@runtime_checkable
class RuleIndex(Protocol):
    """What the loader needs to know about the loaded rules; the plugin manager provides it.

    A structural protocol so that the config layer never imports the registry or a pack.
    """

    def is_selector(self, selector: str) -> bool:
        """A code, a prefix (``GX2``, ``XJ``), a kebab-case rule name, or ``ALL``."""
        ...

    def has_rule(self, code: str) -> bool:
        """``code`` is exactly one loaded rule's code."""
        ...

    def options_type(self, code: str) -> type | None:
        """The rule's frozen ``Options`` dataclass (typed fields with defaults), or ``None``."""
        ...

    def pack_for_prefix(self, selector: str) -> str | None:
        """The pack that claims (or, if it failed to load, would claim) the selector's
        prefix, for error messages; ``None`` when no pack is known for it."""
        ...
