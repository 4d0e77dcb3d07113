"""The plugin contract: every hook a rule pack may implement. Hooks are public forever.

A pack is a module named by an entry point of group ``gxlint`` (the built-in ``core`` pack,
``gxlint_rules``, is loaded the same way) or a local file from ``plugins = [...]``. It
implements any of these hooks as module-level functions, marked ``@hookimpl`` (unmarked
functions whose name starts with ``gxlint_`` count too, so a misspelt hook is reported):

    from gxlint.plugins.hookspecs import discover_rules, hookimpl

    @hookimpl
    def gxlint_rules():
        return discover_rules(__name__)

Hooks take no arguments and return data. The plugin manager calls each pack's
implementation on its own, inside ``try/except``, once per run right after all packs are
registered (``gxlint_profiles`` only in a run whose configuration names a profile), so one failing pack is reported and skipped without hiding the others. Results
are never merged by pluggy; the manager keeps them per pack and the merge rules are below.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator, Mapping
from types import ModuleType
from typing import TYPE_CHECKING

from pluggy import HookimplMarker, HookspecMarker

if TYPE_CHECKING:
    from gxlint.rule import Rule

__all__ = ["discover_rules", "hookimpl", "hookspec", "rules_in"]

hookspec = HookspecMarker("gxlint")
hookimpl = HookimplMarker("gxlint")


@hookspec
def gxlint_rules() -> list[type[Rule]]:  # type: ignore[empty-body]
    """The pack's rule classes, usually ``discover_rules(__name__)``.

    Called once per run. Every class is recorded with the pack's name (shown in GX009 and
    ``gxlint rules``). Merging: the registry takes the union over packs; a code, a code prefix
    (``XJ``) or a name claimed by two packs, or a ``GX`` code outside ``core``, is a
    ``PluginError`` (exit 2). If this hook raises, the pack is reported and not loaded.
    """


@hookspec
def gxlint_default_config() -> Mapping | None:  # type: ignore[empty-body]
    """Raw config (as parsed TOML) placed beneath the user's configuration.

    Called once per run. Packs' defaults are merged in pack order (entry-point name) on top of
    gxlint's own defaults, then ``extend``, profiles and the user's files override them
    (tables merge per key, lists replace).
    """


@hookspec
def gxlint_config_schema() -> Mapping | None:  # type: ignore[empty-body]
    """Config keys the pack adds, as ``{"dotted.key": type}`` (``{"jurisdiction.xj-seal":
    bool}``).

    Called once per run; the config loader accepts these keys in addition to its own and
    checks their types. Two packs declaring the same key must agree on its type.
    """


@hookspec
def gxlint_profiles() -> Mapping[str, Mapping]:  # type: ignore[empty-body]
    """Jurisdiction profiles: profile name → raw config mapping.

    Called at most once per run, when a configuration names a profile (reading profile files
    would otherwise cost every run: import what it needs inside the function); each profile is
    exposed as ``"<pack>:<name>"`` (``xinjiang:default``)
    for ``extend = "pack:profile"`` and ``[jurisdiction] profile``. The user's own keys win.
    """


@hookspec
def gxlint_formatters() -> Mapping[str, str | type]:  # type: ignore[empty-body]
    """Extra output formats: ``--format`` name → reporter class, or ``"module:Class"`` to
    import only when chosen.

    Called once per run. Built-in format names cannot be replaced; between packs the first
    in pack order keeps a name and the clash is reported.
    """


def discover_rules(package_name: str) -> list[type[Rule]]:
    """Every concrete :class:`Rule` subclass defined in ``package_name`` and its submodules
    (recursively), sorted by code. An import error propagates: the pack fails as a whole."""
    from gxlint.rule import Rule

    package = importlib.import_module(package_name)
    modules: list[ModuleType] = [package]
    path = getattr(package, "__path__", None)
    if path is not None:
        modules += (importlib.import_module(name) for name in _submodules(path, package_name))
    return sorted(
        {cls for module in modules for cls in rules_in(module, Rule)},
        key=lambda cls: cls.code,
    )


def _submodules(path: list[str], prefix: str) -> Iterator[str]:
    """The names ``pkgutil.walk_packages`` yields, in its order, found with ``os.scandir``
    (a folder read per package instead of an importer per entry); a package that is not a
    plain folder (a zip file) falls back to pkgutil itself."""
    from importlib.machinery import all_suffixes

    suffixes = sorted(all_suffixes(), key=len, reverse=True)
    seen: set[str] = set()
    for folder in path:
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            if os.path.isdir(folder):
                raise
            yield from _walk_with_pkgutil([folder], prefix, seen)
            continue
        for entry in entries:
            name = _module_name(entry, suffixes)
            if name is None or name == "__init__" or "." in name or name in seen:
                continue
            seen.add(name)
            full = f"{prefix}.{name}"
            yield full
            if entry.is_dir():
                package = importlib.import_module(full)
                sub = getattr(package, "__path__", None)
                if sub is not None:
                    yield from _submodules(list(sub), full)


def _module_name(entry: os.DirEntry[str], suffixes: list[str]) -> str | None:
    """What ``pkgutil.iter_modules`` would call ``entry``: a module file or a package folder
    (one with an ``__init__`` module); ``None`` for anything else."""
    if entry.is_dir():
        if "." in entry.name:
            return None
        inits = ("__init__.py", *("__init__" + suffix for suffix in suffixes))
        return (
            entry.name if any(os.path.exists(os.path.join(entry.path, i)) for i in inits) else None
        )
    for suffix in suffixes:
        if entry.name.endswith(suffix):
            return entry.name[: -len(suffix)]
    return None


def _walk_with_pkgutil(path: list[str], prefix: str, seen: set[str]) -> Iterator[str]:
    import pkgutil

    for info in pkgutil.walk_packages(path, prefix=prefix + ".", onerror=_raise):
        yield info.name


def rules_in(module: ModuleType, base: type) -> list[type]:
    """Concrete subclasses of ``base`` defined (not merely imported) in ``module``."""
    # NOTE: the module's namespace sorted by name is what inspect.getmembers(module, isclass)
    # returns, without its per-attribute getattr and isclass calls.
    return [
        obj
        for _, obj in sorted(vars(module).items())
        if isinstance(obj, type)
        and issubclass(obj, base)
        and obj.__module__ == module.__name__
        and not obj.__dict__.get("abstract", False)
    ]


def _raise(name: str) -> None:
    # NOTE: walk_packages calls this inside its ``except`` block and by default would swallow
    # a broken subpackage; re-raising makes the pack fail visibly instead.
    error = sys.exc_info()[1]
    raise error if error is not None else ImportError(f"cannot import {name}")
