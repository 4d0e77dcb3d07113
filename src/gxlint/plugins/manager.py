"""Load rule packs: entry points of group ``gxlint`` and local rule files, one at a time.

One :class:`PluginManager` per run, passed explicitly (no global). Every step that runs a
pack's code (import, registration, each hook) is wrapped on its own, so a broken pack becomes
a :class:`PackLoadError` (a warning naming the pack, its distribution and version) and the
run goes on with the others. pluggy's ``load_setuptools_entrypoints()`` and hook call loop
would stop at the first exception, so neither is used for loading or collecting.
"""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, Any

import pluggy

from gxlint.plugins import hookspecs
from gxlint.plugins.discovery import GROUP, installed_entry_points
from gxlint.plugins.hookspecs import rules_in
from gxlint.record import FrozenRecord, set_field
from gxlint.rule import Rule, code_prefix

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from gxlint.paths import StrPath


HOOKS: tuple[str, ...] = (
    "gxlint_rules",
    "gxlint_default_config",
    "gxlint_config_schema",
    "gxlint_profiles",
    "gxlint_formatters",
)


_EMPTY: Mapping[str, Any] = MappingProxyType({})
"""The default of :class:`Pack`'s mapping fields: read-only, so one instance serves them all."""


# NOTE: written out (gxlint.record) rather than frozen dataclasses: a dataclass costs ~1 ms to
# create at start-up. Mapping defaults are the shared read-only ``_EMPTY``.
class PackLoadError(FrozenRecord):
    """A pack (or one of its hooks) that failed; shown as a warning, the run continues."""

    __slots__ = ("distribution", "error", "hook", "pack", "version")

    pack: str
    error: str
    distribution: str | None
    version: str | None
    hook: str | None

    def __init__(
        self,
        pack: str,
        error: str,
        distribution: str | None = None,
        version: str | None = None,
        hook: str | None = None,
    ) -> None:
        set_field(self, "pack", pack)
        set_field(self, "error", error)
        set_field(self, "distribution", distribution)
        set_field(self, "version", version)
        set_field(self, "hook", hook)

    @property
    def message(self) -> str:
        origin = " ".join(p for p in (self.distribution, self.version) if p)
        who = f"规则包 {self.pack}（{origin}）" if origin else f"规则包 {self.pack} "
        if self.hook:
            return f"{who}的钩子 {self.hook} 出错，已忽略：{self.error}"
        return f"{who}加载失败，已跳过：{self.error}"


class Pack(FrozenRecord):
    """One loaded pack and everything its hooks returned."""

    __slots__ = (
        "config_schema",
        "default_config",
        "distribution",
        "formatters",
        "name",
        "path",
        "profiles",
        "rules",
        "version",
    )

    name: str
    rules: tuple[type[Rule], ...]
    distribution: str | None
    version: str | None
    path: str | None
    default_config: Mapping[str, Any] | None
    config_schema: Mapping[str, Any] | None
    profiles: Mapping[str, Mapping[str, Any]]
    formatters: Mapping[str, str | type]

    def __init__(
        self,
        name: str,
        rules: tuple[type[Rule], ...] = (),
        distribution: str | None = None,
        version: str | None = None,
        path: str | None = None,
        default_config: Mapping[str, Any] | None = None,
        config_schema: Mapping[str, Any] | None = None,
        profiles: Mapping[str, Mapping[str, Any]] = _EMPTY,
        formatters: Mapping[str, str | type] = _EMPTY,
    ) -> None:
        set_field(self, "name", name)
        set_field(self, "rules", rules)
        set_field(self, "distribution", distribution)
        set_field(self, "version", version)
        set_field(self, "path", path)
        set_field(self, "default_config", default_config)
        set_field(self, "config_schema", config_schema)
        set_field(self, "profiles", profiles)
        set_field(self, "formatters", formatters)

    @property
    def prefixes(self) -> tuple[str, ...]:
        """The code letters this pack claims (``("XJ",)``)."""
        return tuple(sorted({code_prefix(rule.code) for rule in self.rules}))


class _OnFirstUse(Mapping[str, Any]):
    """A mapping computed the first time it is read.

    A pack's profiles are asked of it only when a configuration names one (``extend =
    "xinjiang:strict"``): reading them (package data, a TOML parser) would otherwise cost every
    run of every user of the pack. A failing hook is then reported as its pack's error and the
    profile is unknown to the config, which says so.
    """

    __slots__ = ("_compute", "_data")

    def __init__(self, compute: Callable[[], Mapping[str, Any]]) -> None:
        self._compute: Callable[[], Mapping[str, Any]] | None = compute
        self._data: Mapping[str, Any] = _EMPTY

    def _loaded(self) -> Mapping[str, Any]:
        if self._compute is not None:
            compute, self._compute = self._compute, None
            self._data = compute()
        return self._data

    def __getitem__(self, key: str) -> Any:
        return self._loaded()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())

    def __repr__(self) -> str:
        return repr(dict(self._loaded()))


class _Registration(FrozenRecord):
    __slots__ = ("distribution", "name", "path", "plugin", "scan", "version")
    name: str
    plugin: Any
    distribution: str | None
    version: str | None
    path: str | None
    scan: ModuleType | None  # a local file: its classes count if it has no ``gxlint_rules``

    def __init__(
        self,
        name: str,
        plugin: Any,
        distribution: str | None,
        version: str | None,
        path: str | None,
        scan: ModuleType | None,
    ) -> None:
        set_field(self, "name", name)
        set_field(self, "plugin", plugin)
        set_field(self, "distribution", distribution)
        set_field(self, "version", version)
        set_field(self, "path", path)
        set_field(self, "scan", scan)


class _Pluggy(pluggy.PluginManager):
    """Also treats unmarked ``gxlint_*`` functions as hookimpls (as pytest does for
    ``pytest_*``), so a misspelt or unmarked hook is caught by ``check_pending``."""

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        opts = super().parse_hookimpl_opts(plugin, name)
        if (
            opts is None
            and name.startswith("gxlint_")
            and inspect.isfunction(inspect.getattr_static(plugin, name, None))
        ):
            return {}
        return opts


def iter_entry_points() -> list[EntryPoint]:
    """Installed ``gxlint`` entry points, sorted by name (``core`` takes the same path).

    NOTE: the one place that scans the environment; the list is cached per environment
    (:mod:`gxlint.plugins.discovery`), the packs are loaded from it alike.
    """
    return installed_entry_points()


class PluginManager:
    """Loads packs for one run; ``packs`` and ``errors`` finish loading on first access."""

    def __init__(
        self,
        *,
        blocked: Iterable[str] = (),
        entry_points: Callable[[], Iterable[EntryPoint]] = iter_entry_points,
    ) -> None:
        self.blocked = frozenset(blocked)
        self._entry_points = entry_points
        self._pm = _Pluggy(GROUP)
        self._pm.add_hookspecs(hookspecs)
        self._registrations: dict[str, _Registration] = {}
        self._errors: list[PackLoadError] = []
        self._packs: list[Pack] | None = None

    def load(
        self, local: Iterable[StrPath] = (), *, base_dir: StrPath | None = None
    ) -> PluginManager:
        """Entry points, then local files (relative to ``base_dir``), then validate and collect."""
        self.load_entry_points()
        self.load_local(local, base_dir=base_dir)
        self._finish()
        return self

    def load_entry_points(self) -> None:
        for ep in sorted(self._entry_points(), key=lambda ep: ep.name):
            if ep.name in self.blocked:
                continue
            dist = getattr(ep, "dist", None)
            distribution = dist.name if dist is not None else None
            version = dist.version if dist is not None else None
            try:
                plugin = ep.load()
            except Exception as exc:  # noqa: BLE001  NOTE: one pack must not stop the run.
                self._errors.append(PackLoadError(ep.name, _text(exc), distribution, version))
                continue
            version = version or getattr(plugin, "__version__", None)
            self.register(plugin, ep.name, distribution=distribution, version=version)

    def load_local(self, paths: Iterable[StrPath], *, base_dir: StrPath | None = None) -> None:
        """Import plain ``.py`` rule files by path; each becomes pack ``local:<filename>``."""
        base = os.getcwd() if base_dir is None else base_dir
        for raw in paths:
            path = os.path.join(base, raw)  # NOTE: an absolute ``raw`` replaces ``base``.
            name = f"local:{os.path.basename(path)}"
            try:
                module = _import_file(path)
            except Exception as exc:  # noqa: BLE001  NOTE: one pack must not stop the run.
                self._errors.append(PackLoadError(name, _text(exc)))
                continue
            self.register(module, name, path=path, scan=module)

    def register(
        self,
        plugin: Any,
        name: str,
        *,
        distribution: str | None = None,
        version: str | None = None,
        path: str | None = None,
        scan: ModuleType | None = None,
    ) -> bool:
        """Register one pack object; a failure is recorded, never raised."""
        if self._packs is not None:
            raise RuntimeError("packs already collected; register before reading .packs")
        if name in self.blocked:
            return False
        twin = next((r.name for r in self._registrations.values() if r.plugin is plugin), None)
        try:
            if name in self._registrations:
                raise ValueError(f"规则包名称 {name} 已被另一个规则包使用")
            if twin is not None:
                raise ValueError(f"同一模块已作为规则包 {twin} 加载")
            self._pm.register(plugin, name=name)
        except Exception as exc:  # noqa: BLE001  NOTE: one pack must not stop the run.
            self._errors.append(PackLoadError(name, _text(exc), distribution, version))
            return False
        self._registrations[name] = _Registration(name, plugin, distribution, version, path, scan)
        return True

    @property
    def packs(self) -> list[Pack]:
        self._finish()
        assert self._packs is not None
        return list(self._packs)

    @property
    def errors(self) -> list[PackLoadError]:
        self._finish()
        return list(self._errors)

    def plugins(self) -> list[Any]:
        """The registered pack objects (modules, usually), in load order."""
        self._finish()
        return [reg.plugin for reg in self._registrations.values()]

    def profiles(self) -> Mapping[str, Mapping[str, Any]]:
        """Every pack's profiles as ``"pack:profile"`` → raw config, asked of the packs on
        first use."""
        packs = self.packs
        return _OnFirstUse(
            lambda: {f"{p.name}:{k}": v for p in packs for k, v in p.profiles.items()}
        )

    def formatters(self) -> dict[str, str | type]:
        """Pack formatters; on a name clash the first pack (in load order) keeps it."""
        found: dict[str, str | type] = {}
        for pack in self.packs:
            for key, value in pack.formatters.items():
                found.setdefault(key, value)
        return found

    def default_configs(self) -> dict[str, Mapping[str, Any]]:
        """Pack name → its default config, in load order, to merge beneath the user's config
        (``load_settings(pack_defaults=...)``)."""
        return {p.name: p.default_config for p in self.packs if p.default_config}

    def config_schemas(self) -> dict[str, Mapping[str, Any]]:
        return {p.name: p.config_schema for p in self.packs if p.config_schema}

    def _finish(self) -> None:
        if self._packs is not None:
            return
        self._check_pending()
        packs = [self._collect(reg) for reg in list(self._registrations.values())]
        self._packs = [p for p in packs if p is not None]
        self._report_formatter_clashes()

    def _check_pending(self) -> None:
        """pluggy stops at the first unknown hook; report each and drop its plugin."""
        while True:
            try:
                self._pm.check_pending()
                return
            except pluggy.PluginValidationError as exc:
                name = self._pm.get_name(exc.plugin)
                reg = self._registrations.pop(name, None) if name else None
                if reg is None:  # NOTE: cannot happen; avoids looping on a foreign plugin.
                    raise
                for hook in self._unknown_hooks(exc.plugin) or ["?"]:
                    self._errors.append(_error(reg, _unknown_hook_text(hook), None))
                self._pm.unregister(exc.plugin)

    def _unknown_hooks(self, plugin: Any) -> list[str]:
        return [
            hook_name
            for hook_name, caller in vars(self._pm.hook).items()
            if not hook_name.startswith("_")
            and not caller.has_spec()
            and any(i.plugin is plugin and not i.optionalhook for i in caller.get_hookimpls())
        ]

    def _impls(self, reg: _Registration, hook: str) -> list[Callable[[], Any]]:
        caller = getattr(self._pm.hook, hook)
        return [i.function for i in caller.get_hookimpls() if i.plugin is reg.plugin]

    def _collect(self, reg: _Registration) -> Pack | None:
        try:
            rules = self._rules(reg)
        except Exception as exc:  # noqa: BLE001  NOTE: one pack must not stop the run.
            self._errors.append(_error(reg, _text(exc), "gxlint_rules"))
            self._pm.unregister(reg.plugin)
            return None
        values = {hook: self._mapping(reg, hook) for hook in HOOKS[1:] if hook != "gxlint_profiles"}
        return Pack(
            name=reg.name,
            rules=rules,
            distribution=reg.distribution,
            version=reg.version,
            path=reg.path,
            default_config=values["gxlint_default_config"],
            config_schema=values["gxlint_config_schema"],
            profiles=_OnFirstUse(lambda: self._mapping(reg, "gxlint_profiles") or {}),
            formatters=values["gxlint_formatters"] or {},
        )

    def _rules(self, reg: _Registration) -> tuple[type[Rule], ...]:
        impls = self._impls(reg, "gxlint_rules")
        found: list[Any] = rules_in(reg.scan, Rule) if reg.scan is not None and not impls else []
        for impl in impls:
            found.extend(impl() or ())
        for obj in found:
            if not (isinstance(obj, type) and issubclass(obj, Rule)) or obj.abstract:
                raise TypeError(f"gxlint_rules 返回的 {obj!r} 不是具体的规则类（gxlint.Rule 子类）")
        return tuple(dict.fromkeys(found))

    def _mapping(self, reg: _Registration, hook: str) -> dict[str, Any] | None:
        merged: dict[str, Any] | None = None
        try:
            for impl in self._impls(reg, hook):
                value = impl()
                if value is None:
                    continue
                if not isinstance(value, Mapping):
                    raise TypeError(f"应返回映射（dict）或 None，实际为 {type(value).__name__}")
                merged = {**(merged or {}), **value}
        except Exception as exc:  # noqa: BLE001  NOTE: one pack must not stop the run.
            self._errors.append(_error(reg, _text(exc), hook))
            return None
        return merged

    def _report_formatter_clashes(self) -> None:
        owner: dict[str, str] = {}
        for pack in self._packs or ():
            for key in pack.formatters:
                if key in owner:
                    text = f"输出格式“{key}”已由规则包 {owner[key]} 提供"
                    reg = self._registrations[pack.name]
                    self._errors.append(_error(reg, text, "gxlint_formatters"))
                else:
                    owner[key] = pack.name


def _import_file(path: str) -> ModuleType:
    """Import a plain ``.py`` file under a unique module name derived from its path."""
    import hashlib
    import importlib.util

    if not os.path.isfile(path):
        raise FileNotFoundError(f"本地规则文件不存在：{path}")
    digest = hashlib.sha1(os.path.realpath(path).encode()).hexdigest()[:12]
    stem = os.path.splitext(os.path.basename(path))[0]
    module_name = f"gxlint_local_{digest}_{stem.replace('-', '_')}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"无法作为 Python 模块导入：{path}")
    module = importlib.util.module_from_spec(spec)
    # NOTE: dataclasses (rule Options) look their module up in sys.modules while executing.
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module


def _error(reg: _Registration, text: str, hook: str | None) -> PackLoadError:
    return PackLoadError(reg.name, text, reg.distribution, reg.version, hook)


def _unknown_hook_text(hook: str) -> str:
    import difflib

    close = difflib.get_close_matches(hook, HOOKS, n=1)
    hint = f"（是否为 {close[0]}？）" if close else f"（可用的钩子：{'、'.join(HOOKS)}）"
    return f"未知钩子 {hook}{hint}"


def _text(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
