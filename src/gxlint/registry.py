"""Every loaded pack's rules by code, checked for clashes, and rule selection.

Codes, prefixes and names are gxlint's public interface, so the registry refuses ambiguity at
load time: a code, a prefix (``XJ``) or a name claimed by two packs, or a ``GX`` code outside
``core``, is a :class:`PluginError` naming both packs (exit 2).

Selection follows ruff: selectors are a code (``GX104``), a prefix (``GX2``, ``XJ``), a
kebab-case name or alias, or ``ALL``. For each rule the most specific matching selector wins
(a code or name beats a prefix, a longer prefix a shorter one, any prefix beats ``ALL``);
ties go to ``ignore``. So ``ignore = ["GX5"]`` with ``extend-select = ["GX501"]`` runs GX501.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, Protocol

from gxlint.engine import ActiveRule
from gxlint.engine_codes import ENGINE_CODES, EngineCode
from gxlint.errors import PluginError
from gxlint.findings import RuleInfo, Severity
from gxlint.options_type import field_names
from gxlint.regexcache import compile_cached
from gxlint.rule import Rule, code_prefix

CORE = "core"
RESERVED_PREFIX = "GX"
PREFIX_RE = compile_cached(r"[A-Z]{2,}[0-9]{0,2}")
_EXACT = 100  # NOTE: beats any prefix length; a prefix scores its length, ALL scores 0.

SeverityName = Literal["error", "warning", "info", "off"]


class PackLike(Protocol):
    """What the registry needs from a loaded pack (``gxlint.plugins.manager.Pack``)."""

    @property
    def name(self) -> str: ...

    @property
    def rules(self) -> Sequence[type[Rule]]: ...


class Registry:
    """All rules of all packs plus the engine codes; implements the config's ``RuleIndex``."""

    def __init__(self, packs: Iterable[PackLike]) -> None:
        self._classes: dict[str, type[Rule | EngineCode]] = {}
        self._pack_of: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._prefixes: dict[str, str] = {RESERVED_PREFIX: CORE}
        for engine_code in ENGINE_CODES:
            self._add(engine_code, CORE)
        for pack in packs:
            for rule in pack.rules:
                self._add(rule, pack.name)

    @classmethod
    def from_manager(cls, manager: Any) -> Registry:
        """From a :class:`gxlint.plugins.manager.PluginManager` (loading it if needed)."""
        return cls(manager.packs)

    def _add(self, rule: type[Rule | EngineCode], pack: str) -> None:
        code = rule.code
        prefix = code_prefix(code)
        if prefix == RESERVED_PREFIX and pack != CORE:
            raise PluginError(
                f"规则包 {pack} 的规则 {code} 使用了保留前缀 GX（只属于规则包 {CORE}），"
                "请改用本规则包自己的前缀",
                packs=(pack, CORE),
            )
        if code in self._classes:
            other = self._pack_of[code]
            raise PluginError(
                f"规则代码 {code} 同时由规则包 {other} 和 {pack} 提供", packs=(other, pack)
            )
        owner = self._prefixes.setdefault(prefix, pack)
        if owner != pack:
            raise PluginError(
                f"规则代码前缀 {prefix} 同时被规则包 {owner} 和 {pack} 使用（{code}）",
                packs=(owner, pack),
            )
        for name in (rule.name, *rule.aliases):
            if name in self._names:
                first = self._names[name]
                other = self._pack_of[first]
                raise PluginError(
                    f"规则名称 {name} 同时被规则包 {other} 的 {first} "
                    f"和规则包 {pack} 的 {code} 使用",
                    packs=(other, pack),
                )
            self._names[name] = code
        self._classes[code] = rule
        self._pack_of[code] = pack

    # -- lookup -----------------------------------------------------------------------------

    @property
    def codes(self) -> list[str]:
        """Every code, rules and engine codes, sorted."""
        return sorted(self._classes)

    def rules(self) -> dict[str, type[Rule]]:
        """The runnable rules (no engine codes) by code, sorted."""
        return {c: r for c, r in sorted(self._classes.items()) if issubclass(r, Rule)}

    def lookup(self, key: str) -> tuple[type[Rule | EngineCode], str] | None:
        """``(class, pack)`` for a code, name or alias (``gxlint rule CODE|NAME``)."""
        code = key if key in self._classes else self._names.get(key)
        return (self._classes[code], self._pack_of[code]) if code else None

    def pack_of(self, code: str) -> str | None:
        return self._pack_of.get(code)

    def infos(self) -> dict[str, RuleInfo]:
        """What ``gxlint rules`` lists, engine codes included, sorted by code."""
        return {c: r.info(self._pack_of[c]) for c, r in sorted(self._classes.items())}

    def lazy_infos(self) -> Mapping[str, RuleInfo]:
        """:meth:`infos`, built on first use: only a few output formats read it, and building
        it parses every rule's docstring."""
        return _LazyInfos(self)

    # -- RuleIndex (config layer) -----------------------------------------------------------

    def is_selector(self, selector: str) -> bool:
        """A known code, a prefix of at least one known code, a name or alias, or ``ALL``."""
        return self._parse(selector) is not None

    def has_rule(self, code: str) -> bool:
        return code in self._classes

    def options_type(self, code: str) -> type | None:
        """The rule's ``Options`` dataclass if it has any field; ``None`` otherwise."""
        rule = self._classes.get(code)
        if rule is None or not field_names(rule.Options):
            return None
        return rule.Options

    def pack_for_prefix(self, selector: str) -> str | None:
        """The pack that owns the letters of ``selector`` (``XJ1`` → ``xinjiang``)."""
        return self._prefixes.get(code_prefix(selector))

    # -- selection --------------------------------------------------------------------------

    def matches(self, selector: str, code: str) -> bool:
        """Whether ``selector`` covers ``code`` (for per-file ignores)."""
        score = self._scorer(selector)
        return score is not None and score(code) is not None

    def resolve(
        self,
        select: Iterable[str] = ("ALL",),
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        per_rule_severity: Mapping[str, SeverityName | Severity] | None = None,
        *,
        options: Mapping[str, Any] | None = None,
    ) -> list[ActiveRule]:
        """The rules to run, sorted by code. ``options`` maps a code to its ``Options``
        instance or raw ``[rules.CODE]`` table; unknown selectors raise ``ValueError``."""
        chosen = self._chooser([*select, *extend_select], ignore)
        severities = self._severities(per_rule_severity or {})
        options = options or {}
        active = []
        for code, rule in self.rules().items():
            severity = severities.get(code, rule.default_severity)
            if severity is None or not chosen(code):
                continue
            opts = self.build_options(code, options.get(code) or {})
            active.append(ActiveRule(rule, severity, opts, self._pack_of[code]))
        return active

    def engine_severities(
        self,
        select: Iterable[str] = ("ALL",),
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        per_rule_severity: Mapping[str, SeverityName | Severity] | None = None,
    ) -> dict[str, Severity]:
        """The same selection for engine codes: code → severity, absent when not selected."""
        chosen = self._chooser([*select, *extend_select], ignore)
        severities = self._severities(per_rule_severity or {})
        found = {}
        for engine_code in ENGINE_CODES:
            severity = severities.get(engine_code.code, engine_code.default_severity)
            if severity is not None and chosen(engine_code.code):
                found[engine_code.code] = severity
        return found

    def build_options(self, code: str, raw: Mapping[str, Any] | Any) -> Any:
        """The rule's ``Options`` from a raw table (``mode = "strict"``; kebab-case or
        snake_case keys; ``severity`` is skipped). Unknown keys raise ``ValueError``,
        wrong types ``TypeError``."""
        options_cls = self._classes[code].Options
        if isinstance(raw, options_cls):
            return raw
        if not any(key != "severity" for key in raw):
            return options_cls()  # NOTE: most rules: no type hints to resolve (an eval each).
        fields = set(field_names(options_cls))
        hints = typing.get_type_hints(options_cls)
        values = {}
        for key, value in raw.items():
            if key == "severity":
                continue
            attr = key.replace("-", "_")
            if attr not in fields:
                raise ValueError(f"规则 {code} 没有配置项“{key}”")
            values[attr] = _coerce(value, hints.get(attr), f"rules.{code}.{key}")
        return options_cls(**values)

    def _parse(self, selector: str) -> tuple[str, str] | None:
        if selector == "ALL":
            return ("all", selector)
        if selector in self._classes:
            return ("code", selector)
        if selector in self._names:
            return ("code", self._names[selector])
        if (
            PREFIX_RE.fullmatch(selector)
            and code_prefix(selector) in self._prefixes
            and any(code.startswith(selector) for code in self._classes)
        ):
            return ("prefix", selector)
        return None

    def _scorer(self, selector: str) -> Callable[[str], int | None] | None:
        parsed = self._parse(selector)
        if parsed is None:
            return None
        kind, value = parsed
        if kind == "all":
            return lambda code: 0
        if kind == "code":
            return lambda code: _EXACT if code == value else None
        return lambda code: len(value) if code.startswith(value) else None

    def _scorers(self, selectors: Iterable[str]) -> list[Callable[[str], int | None]]:
        scorers = []
        for selector in selectors:
            scorer = self._scorer(selector)
            if scorer is None:
                raise ValueError(f"未知规则选择器“{selector}”")
            scorers.append(scorer)
        return scorers

    def _chooser(self, select: Iterable[str], ignore: Iterable[str]) -> Callable[[str], bool]:
        selecting, ignoring = self._scorers(select), self._scorers(ignore)

        def best(scorers: list[Callable[[str], int | None]], code: str) -> int:
            return max((s for f in scorers if (s := f(code)) is not None), default=-1)

        def chosen(code: str) -> bool:
            picked = best(selecting, code)
            return picked >= 0 and picked > best(ignoring, code)

        return chosen

    def _severities(self, raw: Mapping[str, SeverityName | Severity]) -> dict[str, Severity | None]:
        found: dict[str, Severity | None] = {}
        for key, value in raw.items():
            parsed = self._parse(key)
            if parsed is None or parsed[0] != "code":
                raise ValueError(f"未知规则代码“{key}”")
            if isinstance(value, Severity):
                found[parsed[1]] = value
            elif value == "off":
                found[parsed[1]] = None
            else:
                try:
                    found[parsed[1]] = Severity.parse(value)
                except ValueError:
                    raise ValueError(
                        f"规则 {key} 的级别“{value}”无效，应为 error、warning、info 或 off"
                    ) from None
        return found


def _coerce(value: Any, hint: Any, where: str) -> Any:
    """Lists become tuples for tuple fields; plain scalar types and ``Literal`` are checked."""
    origin = typing.get_origin(hint)
    if origin is tuple and isinstance(value, list | tuple):
        return tuple(value)
    if origin is frozenset and isinstance(value, list | tuple | set | frozenset):
        return frozenset(value)
    if origin is Literal:
        if value not in typing.get_args(hint):
            choices = "、".join(repr(a) for a in typing.get_args(hint))
            raise TypeError(f"{where} 应为 {choices} 之一，实际为 {value!r}")
        return value
    if hint in (bool, int, float, str):
        ok = isinstance(value, hint) and not (hint is not bool and isinstance(value, bool))
        if hint is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not ok:
            raise TypeError(f"{where} 应为 {hint.__name__}，实际为 {type(value).__name__}")
    return value


class _LazyInfos(Mapping[str, RuleInfo]):
    __slots__ = ("_infos", "_registry")

    def __init__(self, registry: Registry) -> None:
        self._registry = registry
        self._infos: dict[str, RuleInfo] | None = None

    def _all(self) -> dict[str, RuleInfo]:
        if self._infos is None:
            self._infos = self._registry.infos()
        return self._infos

    def __getitem__(self, code: str) -> RuleInfo:
        return self._all()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __repr__(self) -> str:
        return repr(self._all())
