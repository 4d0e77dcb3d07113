"""The effective settings for one report: typed, frozen, and able to say where each value came
from.

The engine and the CLI read only these types, never raw TOML, so a key is parsed and checked
in exactly one place (the loader). ``sources`` maps every dotted key to ``默认值``, a file path,
``profile PACK:NAME`` or ``命令行``: the answer to "why does gxlint do that here?".
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from gxlint.config.options import build_options
from gxlint.config.schema import AUTO
from gxlint.findings import Severity
from gxlint.record import FrozenRecord, set_field

if TYPE_CHECKING:
    from gxlint.datetype import date


COMMAND_LINE = "命令行"
_NOT_COUNTY_OR_ABOVE = ("乡镇", "部门")
_EMPTY: Mapping[str, Any] = MappingProxyType({})
"""The default of the mapping fields below: read-only, so one instance serves them all."""


# NOTE: the settings types are written out (gxlint.record), not frozen dataclasses: a cold run
# creates them all, and each frozen dataclass costs ~1 ms to create. Mapping defaults are the
# shared read-only ``_EMPTY`` (it equals ``{}``), never a dict shared between instances.
class RuleSettings(FrozenRecord):
    """``[rules.CODE]``: ``severity`` ``None`` keeps the rule's default; ``off`` = not run.

    ``options`` is keyed by the ``Options`` field name (``max_items`` for TOML ``max-items``).
    """

    __slots__ = ("off", "options", "severity")

    severity: Severity | None
    off: bool
    options: Mapping[str, object]

    def __init__(
        self,
        severity: Severity | None = None,
        off: bool = False,
        options: Mapping[str, object] = _EMPTY,
    ) -> None:
        set_field(self, "severity", severity)
        set_field(self, "off", off)
        set_field(self, "options", options)

    def build_options(self, options_type: type) -> object:
        """The rule's ``Options`` instance: its defaults overridden by this config."""
        return build_options(options_type, self.options)


DEFAULT_SECTION_SIX_RULE = "GX403"


class SectionSixItem(FrozenRecord):
    """``[[jurisdiction.required-section-six]]``: an item 六 must cover at some levels.

    ``rule`` names the one rule that checks the item, so a missing item is reported once:
    GX403 by default, or a pack rule that declares its own items (``rule = "XJ101"``).
    """

    __slots__ = ("any_of", "levels", "name", "rule")

    name: str
    any_of: tuple[str, ...]
    levels: tuple[str, ...]
    rule: str

    def __init__(
        self,
        name: str,
        any_of: tuple[str, ...],
        levels: tuple[str, ...] = (),
        rule: str = DEFAULT_SECTION_SIX_RULE,
    ) -> None:
        set_field(self, "name", name)
        set_field(self, "any_of", any_of)
        set_field(self, "levels", levels)
        set_field(self, "rule", rule)

    def applies_to(self, level: str) -> bool:
        """No ``levels`` means every level."""
        return not self.levels or level in self.levels


class Jurisdiction(FrozenRecord):
    """``[jurisdiction]``: who publishes the reports and which local rules apply."""

    __slots__ = (
        "deadline",
        "label_variants",
        "level",
        "name",
        "own_government_report",
        "profile",
        "required_section_six",
    )

    profile: str | None
    name: str | None
    level: str
    own_government_report: bool | Literal["auto"]
    deadline: str
    label_variants: Mapping[str, tuple[str, ...]]
    required_section_six: tuple[SectionSixItem, ...]

    def __init__(
        self,
        profile: str | None = None,
        name: str | None = None,
        level: str = AUTO,
        own_government_report: bool | Literal["auto"] = AUTO,
        deadline: str = AUTO,
        label_variants: Mapping[str, tuple[str, ...]] = _EMPTY,
        required_section_six: tuple[SectionSixItem, ...] = (),
    ) -> None:
        set_field(self, "profile", profile)
        set_field(self, "name", name)
        set_field(self, "level", level)
        set_field(self, "own_government_report", own_government_report)
        set_field(self, "deadline", deadline)
        set_field(self, "label_variants", label_variants)
        set_field(self, "required_section_six", required_section_six)

    def is_own_government_report(self, detected: bool) -> bool:
        """The configured answer, else ``detected`` (from the report's title).

        NOTE: with ``level`` 乡镇 or 部门 the issuer is not a 县级以上地方人民政府, so ``auto``
        answers no whatever the title suggests (条例 第四十九条).
        """
        if isinstance(self.own_government_report, bool):
            return self.own_government_report
        return detected and self.level not in _NOT_COUNTY_OR_ABOVE

    def deadline_for(self, report_year: int, own_government_report: bool) -> date:
        """Last day to publish the report for ``report_year`` (GX304).

        An explicit ``"MM-DD"`` wins; ``auto`` is 3月31日 of the next year for the 本级政府
        report of a 县级以上地方人民政府, else 1月31日 (条例 第四十九条, domain.md §2).
        ``own_government_report`` is what the caller detected; the config may override it.
        """
        from gxlint.datetype import date, timedelta

        year = report_year + 1
        if self.deadline != AUTO:
            month, day = (int(part) for part in self.deadline.split("-"))
        elif self.is_own_government_report(own_government_report):
            month, day = 3, 31
        else:
            month, day = 1, 31
        # NOTE: "02-29" is a valid setting; in a common year it means 2月28日. The month's
        # length is the day before the 1st of the next month (``calendar`` costs ~1 ms to import).
        first_of_next = date(year + month // 12, month % 12 + 1, 1)
        last = (first_of_next - timedelta(days=1)).day
        return date(year, month, min(day, last))


class Settings(FrozenRecord):
    """Everything ``cli.md`` §3 configures, for the reports one config governs.

    ``path`` (the config file; ``None``: defaults only), ``plugins`` and ``cache_dir`` are
    ``str`` paths, absolute and normalised; without a config file, ``plugins`` and
    ``cache_dir`` are relative to the current folder.
    """

    __slots__ = (
        "cache_dir",
        "chain",
        "disable_packs",
        "encoding",
        "exclude",
        "extend_exclude",
        "extend_include",
        "extend_per_file_ignores",
        "extend_select",
        "ignore",
        "include",
        "jurisdiction",
        "max_file_size",
        "path",
        "per_file_ignores",
        "plugins",
        "respect_gitignore",
        "rules",
        "select",
        "sources",
    )

    path: str | None
    select: tuple[str, ...]
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    include: tuple[str, ...]
    extend_include: tuple[str, ...]
    exclude: tuple[str, ...]
    extend_exclude: tuple[str, ...]
    respect_gitignore: bool
    encoding: str
    max_file_size: int
    plugins: tuple[str, ...]
    disable_packs: tuple[str, ...]
    cache_dir: str
    per_file_ignores: Mapping[str, tuple[str, ...]]
    extend_per_file_ignores: Mapping[str, tuple[str, ...]]
    rules: Mapping[str, RuleSettings]
    jurisdiction: Jurisdiction
    sources: Mapping[str, str]
    chain: tuple[str, ...]

    def __init__(
        self,
        path: str | None,
        select: tuple[str, ...],
        extend_select: tuple[str, ...],
        ignore: tuple[str, ...],
        include: tuple[str, ...],
        extend_include: tuple[str, ...],
        exclude: tuple[str, ...],
        extend_exclude: tuple[str, ...],
        respect_gitignore: bool,
        encoding: str,
        max_file_size: int,
        plugins: tuple[str, ...],
        disable_packs: tuple[str, ...],
        cache_dir: str,
        per_file_ignores: Mapping[str, tuple[str, ...]],
        extend_per_file_ignores: Mapping[str, tuple[str, ...]],
        rules: Mapping[str, RuleSettings],
        jurisdiction: Jurisdiction,
        sources: Mapping[str, str] = _EMPTY,
        chain: tuple[str, ...] = (),
    ) -> None:
        set_field(self, "path", path)
        set_field(self, "select", select)
        set_field(self, "extend_select", extend_select)
        set_field(self, "ignore", ignore)
        set_field(self, "include", include)
        set_field(self, "extend_include", extend_include)
        set_field(self, "exclude", exclude)
        set_field(self, "extend_exclude", extend_exclude)
        set_field(self, "respect_gitignore", respect_gitignore)
        set_field(self, "encoding", encoding)
        set_field(self, "max_file_size", max_file_size)
        set_field(self, "plugins", plugins)
        set_field(self, "disable_packs", disable_packs)
        set_field(self, "cache_dir", cache_dir)
        set_field(self, "per_file_ignores", per_file_ignores)
        set_field(self, "extend_per_file_ignores", extend_per_file_ignores)
        set_field(self, "rules", rules)
        set_field(self, "jurisdiction", jurisdiction)
        set_field(self, "sources", sources)
        set_field(self, "chain", chain)

    @property
    def root(self) -> str | None:
        """The directory that globs (include, exclude, per-file-ignores) are relative to."""
        return os.path.dirname(self.path) if self.path is not None else None

    @property
    def all_include(self) -> tuple[str, ...]:
        return (*self.include, *self.extend_include)

    @property
    def all_exclude(self) -> tuple[str, ...]:
        return (*self.exclude, *self.extend_exclude)

    @property
    def all_per_file_ignores(self) -> dict[str, tuple[str, ...]]:
        merged = dict(self.per_file_ignores)
        for glob, codes in self.extend_per_file_ignores.items():
            merged[glob] = (*merged.get(glob, ()), *codes)
        return merged

    def rule(self, code: str) -> RuleSettings:
        return self.rules.get(code, RuleSettings())

    def with_overrides(
        self,
        *,
        select: Sequence[str] | None = None,
        extend_select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        encoding: str | None = None,
    ) -> Settings:
        """Command-line flags on top of the file: ``--select`` replaces ``select`` (and, as in
        a config layer, drops inherited ``extend-select``); the others add or replace.
        """
        changes: dict[str, object] = {}
        sources = dict(self.sources)
        if select is not None:
            changes |= {"select": tuple(select), "extend_select": ()}
            sources |= {"select": COMMAND_LINE, "extend-select": COMMAND_LINE}
        for name, extra in (("extend_select", extend_select), ("ignore", ignore)):
            if extra:
                key = name.replace("_", "-")
                current = changes.get(name, getattr(self, name))
                changes[name] = (*current, *extra)  # type: ignore[misc]
                known = bool(current) and sources.get(key, COMMAND_LINE) != COMMAND_LINE
                sources[key] = f"{sources[key]} + {COMMAND_LINE}" if known else COMMAND_LINE
        if encoding is not None:
            changes["encoding"] = encoding
            sources["encoding"] = COMMAND_LINE
        return self._replace(**changes, sources=sources)
