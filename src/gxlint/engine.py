"""Run the selected rules over one report: one walk, dispatch by node type, crashes contained.

The engine knows rules only through :class:`gxlint.rule.Rule`'s attributes and the model only
through ``Report.walk()``, ``isinstance``, which node classes have no children and which
declare their children's types. Every ``check`` call (including the lazy
iteration of a generator) runs in its own ``try``: an exception becomes one GX009 finding and
silences that rule for the rest of the file, while every other rule keeps running (the
opposite of pluggy's call loop, which stops at the first exception).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import groupby
from operator import attrgetter
from time import perf_counter
from typing import Any

from gxlint.engine_codes import rule_crashed, rule_timed_out
from gxlint.findings import Finding, Severity
from gxlint.record import FrozenRecord, set_field
from gxlint.rule import Rule, RuleContext
from gxlint.source.normalize import NormalizedText
from gxlint.source.spans import SourceSpan
from gxlint.timelimit import TimeLimitExceeded


class ActiveRule(FrozenRecord):
    """A rule selected for a run, with its effective severity, options and pack."""

    __slots__ = ("options", "pack", "rule", "severity")

    rule: type[Rule] | Rule
    severity: Severity
    options: Any
    pack: str

    def __init__(
        self, rule: type[Rule] | Rule, severity: Severity, options: Any, pack: str = "core"
    ) -> None:
        set_field(self, "rule", rule)
        set_field(self, "severity", severity)
        set_field(self, "options", options)
        set_field(self, "pack", pack)

    @property
    def rule_class(self) -> type[Rule]:
        return self.rule if isinstance(self.rule, type) else type(self.rule)

    @property
    def code(self) -> str:
        return self.rule_class.code


class RuleCrash(FrozenRecord):
    """Details of a GX009 for ``-v`` (picklable, so ``-j`` workers can send it back)."""

    __slots__ = ("code", "pack", "traceback")

    code: str
    pack: str
    traceback: str

    def __init__(self, code: str, pack: str, traceback: str) -> None:
        set_field(self, "code", code)
        set_field(self, "pack", pack)
        set_field(self, "traceback", traceback)


class _Slot:
    """One active rule during one file: its instance, context and whether it still runs."""

    __slots__ = ("active", "code", "ctx", "instance", "live", "target")

    def __init__(
        self,
        code: str,
        active: ActiveRule,
        instance: Rule | None,
        ctx: RuleContext,
        target: type | tuple[type, ...],
        live: bool = True,
    ) -> None:
        self.code = code
        self.active = active
        self.instance = instance
        self.ctx = ctx
        self.target = target
        self.live = live


def run_rules(
    report: Any,
    norm: NormalizedText,
    rules: Sequence[ActiveRule],
    *,
    settings: Any = None,
    spec: Any = None,
    timings: dict[str, float] | None = None,
    crashes: list[RuleCrash] | None = None,
    time_limit: float | None = None,
) -> list[Finding]:
    """All findings of ``rules`` on ``report``, sorted by (start, end, code), deduplicated.

    ``timings`` (for ``--timing``) accumulates seconds per rule code across calls; ``crashes``
    collects a traceback per GX009. ``time_limit`` (seconds) is only what a timeout's GX009
    says: the caller sets the timer (:func:`gxlint.timelimit.time_limit`); when it runs out,
    the rule running then (or just finished) gets a GX009 and the file's checks stop.
    """
    findings: list[Finding] = []
    slots = [
        _Slot(code, active, None, template.for_file(report, norm), target)
        for code, active, template, target in _templates(rules, settings, spec)
    ]
    targets = tuple(slot.target for slot in slots)
    dispatch: dict[type, list[_Slot]] = {}
    slot: _Slot | None = None
    node: Any = report
    try:
        for node in report.walk(_unvisited(targets)):
            kind = type(node)
            wanted = dispatch.get(kind)
            if wanted is None:
                wanted = dispatch[kind] = [slots[i] for i in _interested(kind, targets)]
            for slot in wanted:
                if slot.live:
                    _call(slot, node, findings, timings, crashes)
    except TimeLimitExceeded as exc:
        if slot is None:
            raise
        _timed_out(slot, node, exc, findings, crashes, time_limit)
    return _sorted_unique(findings)


@lru_cache(maxsize=256)
def _interested(kind: type, targets: tuple[type | tuple[type, ...], ...]) -> tuple[int, ...]:
    """Indices of the ``targets`` that a node of type ``kind`` is an instance of.

    Cached across files: a run meets the same dozen node types with the same rules in every
    report, so the ``issubclass`` tests are done once per run instead of once per file.
    """
    return tuple(index for index, target in enumerate(targets) if issubclass(kind, target))


@lru_cache(maxsize=16)
def _unvisited(targets: tuple[type | tuple[type, ...], ...]) -> frozenset[type]:
    """Node types that none of ``targets`` wants and whose subtree holds none either: leaves
    (no children), and nodes whose :attr:`Node.child_types` are all such: the walk leaves
    them out.

    NOTE: a report's cells are half its nodes and no built-in rule targets them; handing
    each one to the dispatch loop only to find no rule cost ~5 % of checking a report.
    """
    from gxlint.model.nodes import Node

    kinds: list[type] = []
    pending: list[type] = [Node]
    while pending:
        kind = pending.pop()
        pending.extend(kind.__subclasses__())
        kinds.append(kind)
    unwanted = {kind for kind in kinds if not _interested(kind, targets)}
    skip = {kind for kind in unwanted if kind.children is Node.children}
    # NOTE: then nodes whose declared children are all left out (a table row: its label and
    # cells), until nothing more can be; a row's cells are never even listed.
    grown = True
    while grown:
        grown = False
        for kind in unwanted - skip:
            declared = kind.child_types
            if declared is not None and all(
                other in skip for other in kinds if issubclass(other, declared)
            ):
                skip.add(kind)
                grown = True
    return frozenset(skip)


_SORT_KEY = attrgetter("span.start", "span.end", "code")
""":meth:`Finding.sort_key` as one C call (the same tuple)."""


def _sorted_unique(findings: list[Finding]) -> list[Finding]:
    """``findings`` sorted by (start, end, code) with exact duplicates dropped, first kept.

    Only findings with the same sort key can be equal, so only such runs are deduplicated:
    hashing every finding (its labels and spans included) would cost more than the rules.
    """
    findings.sort(key=_SORT_KEY)
    keys = list(map(_SORT_KEY, findings))
    if len(set(keys)) == len(keys):  # NOTE: most files: no two findings share a key.
        return findings
    unique: list[Finding] = []
    for _, run in groupby(findings, key=_SORT_KEY):
        same = list(run)
        unique.extend(same if len(same) == 1 else dict.fromkeys(same))
    return unique


_Template = tuple[str, ActiveRule, RuleContext, type | tuple[type, ...]]
_TEMPLATES: dict[
    int, tuple[Sequence[ActiveRule], tuple[ActiveRule, ...], Any, Any, list[_Template]]
] = {}


def _templates(rules: Sequence[ActiveRule], settings: Any, spec: Any) -> list[_Template]:
    """Per rule: code, the active rule, a context without a file, and the target.

    Kept for the last few rule selections (the same rules, settings and spec: a run checks
    every file of a folder with one selection), so each file only copies the contexts
    (:meth:`RuleContext.for_file`). An entry holds ``rules`` itself, so the ``id`` it is
    filed under cannot be reused while it is kept, and a copy of its items, so a list
    changed in place since is seen (comparing the copy is by identity, item by item).
    """
    snapshot = tuple(rules)
    entry = _TEMPLATES.get(id(rules))
    if entry is not None and entry[2] is settings and entry[3] is spec and entry[1] == snapshot:
        return entry[4]
    templates: list[_Template] = []
    for active in snapshot:
        rule = active.rule_class
        template = RuleContext(
            rule,
            None,
            None,  # type: ignore[arg-type]  NOTE: no file yet; for_file gives it one.
            options=active.options,
            severity=active.severity,
            settings=settings,
            spec=spec,
            pack=active.pack,
        )
        templates.append((rule.code, active, template, rule.target))
    if len(_TEMPLATES) >= 8:
        _TEMPLATES.clear()
    _TEMPLATES[id(rules)] = (rules, snapshot, settings, spec, templates)
    return templates


def _call(
    slot: _Slot,
    node: Any,
    findings: list[Finding],
    timings: dict[str, float] | None,
    crashes: list[RuleCrash] | None,
) -> None:
    start = perf_counter() if timings is not None else 0.0
    try:
        instance = slot.instance
        if instance is None:
            rule = slot.active.rule
            instance = slot.instance = rule() if isinstance(rule, type) else rule
        result = instance.check(node, slot.ctx)
        # NOTE: collected locally so a crash mid-generator adds only the GX009 for this node.
        produced = () if result is None else list(map(_checked, result))
    except Exception as exc:  # noqa: BLE001  NOTE: a rule's bug must not stop the run.
        slot.live = False
        findings.append(
            rule_crashed(slot.active.rule_class, exc, _where(slot, node), slot.ctx.pack)
        )
        if crashes is not None:
            crashes.append(RuleCrash(slot.code, slot.ctx.pack, _traceback(exc)))
    else:
        findings.extend(produced)
    if timings is not None:
        timings[slot.code] = timings.get(slot.code, 0.0) + perf_counter() - start


def _timed_out(
    slot: _Slot,
    node: Any,
    exc: TimeLimitExceeded,
    findings: list[Finding],
    crashes: list[RuleCrash] | None,
    seconds: float | None,
) -> None:
    rule = slot.active.rule_class
    findings.append(rule_timed_out(rule, seconds or 0, _where(slot, node), slot.ctx.pack))
    if crashes is not None:
        crashes.append(RuleCrash(slot.code, slot.ctx.pack, _traceback(exc)))


def _traceback(exc: BaseException) -> str:
    import traceback  # NOTE: only for a GX009; a clean run never formats one.

    return "".join(traceback.format_exception(exc))


def _checked(finding: Any) -> Finding:
    if not isinstance(finding, Finding):
        raise TypeError(f"check() produced {type(finding).__name__}, not a Finding")
    if not isinstance(finding.labels, tuple):
        return finding._replace(labels=tuple(finding.labels))
    return finding


def _where(slot: _Slot, node: Any) -> SourceSpan:
    """The crashing node's original span; the file start if even that cannot be found."""
    try:
        return slot.ctx.to_source(node)
    except Exception:  # noqa: BLE001  NOTE: the node itself may be what is broken.
        return SourceSpan(0, 0)
