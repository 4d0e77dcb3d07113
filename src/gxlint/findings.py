"""What a check produces: findings, their severity, secondary labels and proposed fixes.

A :class:`Finding` only holds :class:`SourceSpan` offsets into the original text. Line and
column are derived at output time by :class:`gxlint.source.LineIndex`, so nothing can store a
stale or normalised position.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gxlint.record import FrozenRecord, Record, fields_of, set_field, slot_setter
from gxlint.source.spans import SourceSpan

if TYPE_CHECKING:
    from gxlint.source.offsets import OffsetMap
    from gxlint.source.spans import NormSpan


class Severity(enum.IntEnum):
    """Finding severity; ordered so that ``max()`` gives the worst."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The English machine name (``error``/``warning``/``info``)."""
        return self.name.lower()

    @property
    def chinese(self) -> str:
        return {"INFO": "提示", "WARNING": "警告", "ERROR": "错误"}[self.name]

    @classmethod
    def parse(cls, text: str) -> Severity:
        """``"error"`` → ``Severity.ERROR``; raises ``ValueError`` for anything else."""
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(text) from None


class FixSafety(enum.Enum):
    """Whether a mechanical correction cannot change meaning (safe) or might (unsafe)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class Label(FrozenRecord):
    """A secondary location shown beside the main one (``首次出现``, ``参与求和的单元格``).

    A rule's labels (:meth:`gxlint.RuleContext.label`) are made with their normalised span
    and mapped to the original text the first time ``span`` is read: json, concise, github and
    csv output never show labels, and mapping each one (~150 per report of a broken table)
    was ~5 % of checking a report. Reading ``span``, comparing, hashing or pickling a label
    maps it; nothing can tell the two apart.
    """

    __slots__ = ("_offsets", "_span", "message")

    message: str

    def __init__(self, span: SourceSpan, message: str) -> None:
        _set_label_span(self, span)
        _set_label_message(self, message)
        _set_label_offsets(self, None)

    @property
    def span(self) -> SourceSpan:
        """Where the label points, in the original text."""
        offsets = self._offsets
        if offsets is None:
            return self._span
        span = offsets.span(self._span)
        _set_label_span(self, span)
        _set_label_offsets(self, None)
        return span


_set_label_span = slot_setter(Label, "_span")
_set_label_message = slot_setter(Label, "message")
_set_label_offsets = slot_setter(Label, "_offsets")
_new_label = object.__new__


def unmapped_label(span: NormSpan, message: str, offsets: OffsetMap) -> Label:
    """A :class:`Label` at normalised ``span``, mapped through ``offsets`` when first read.

    ``span`` must start at a non-negative offset (checked here, so a rule's bad span is its
    own crash, not the reporter's).
    """
    if span[0] < 0:
        raise ValueError(f"bad span {span[0]}..{span[1]}")
    label = _new_label(Label)
    _set_label_span(label, span)
    _set_label_message(label, message)
    _set_label_offsets(label, offsets)
    return label


class Fix(FrozenRecord):
    """Replace the original text under ``span`` with ``replacement``."""

    __slots__ = ("replacement", "safety", "span")

    span: SourceSpan
    replacement: str
    safety: FixSafety

    def __init__(self, span: SourceSpan, replacement: str, safety: FixSafety) -> None:
        set_field(self, "span", span)
        set_field(self, "replacement", replacement)
        set_field(self, "safety", safety)


class Finding(FrozenRecord):
    """One defect at one place in one report."""

    __slots__ = ("code", "fix", "help", "labels", "message", "name", "pack", "severity", "span")

    code: str
    name: str
    severity: Severity
    message: str
    span: SourceSpan
    help: str | None
    labels: tuple[Label, ...]
    fix: Fix | None
    pack: str

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        message: str,
        span: SourceSpan,
        help: str | None = None,
        labels: tuple[Label, ...] = (),
        fix: Fix | None = None,
        pack: str = "core",
    ) -> None:
        _code, _name, _severity, _message, _span, _help, _labels, _fix, _pack = _FINDING_SETTERS
        _code(self, code)
        _name(self, name)
        _severity(self, severity)
        _message(self, message)
        _span(self, span)
        _help(self, help)
        _labels(self, labels)
        _fix(self, fix)
        _pack(self, pack)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.span.start, self.span.end, self.code)


_FINDING_SETTERS = tuple(slot_setter(Finding, name) for name in fields_of(Finding))


class FileResult(Record):
    """Everything a reporter needs for one file: its original text and its findings.

    Pickled (``-j`` workers send one per file) as its findings' rows (:func:`finding_row`):
    plain tuples pickle and load several times faster than the objects themselves.
    """

    __slots__ = ("encoding", "findings", "path", "text")

    path: str
    text: str
    encoding: str | None
    findings: list[Finding]

    def __init__(
        self, path: str, text: str, encoding: str | None, findings: list[Finding] | None = None
    ) -> None:
        self.path = path
        self.text = text
        self.encoding = encoding
        self.findings = [] if findings is None else findings

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        rows = [finding_row(finding) for finding in self.findings]
        return (_file_result, (self.path, self.text, self.encoding, rows))


def _file_result(path: str, text: str, encoding: str | None, rows: list[Any]) -> FileResult:
    return FileResult(path, text, encoding, [finding_from_row(row) for row in rows])


class RuleInfo(FrozenRecord):
    """Static facts about a rule that output formats need (SARIF rule table, statistics)."""

    __slots__ = ("code", "fix", "name", "pack", "severity", "summary")

    code: str
    name: str
    summary: str
    severity: Severity
    pack: str
    fix: FixSafety | None

    def __init__(
        self,
        code: str,
        name: str,
        summary: str,
        severity: Severity,
        pack: str = "core",
        fix: FixSafety | None = None,
    ) -> None:
        set_field(self, "code", code)
        set_field(self, "name", name)
        set_field(self, "summary", summary)
        set_field(self, "severity", severity)
        set_field(self, "pack", pack)
        set_field(self, "fix", fix)


def finding_row(finding: Finding) -> tuple[Any, ...]:
    """``finding`` as a tuple of plain values (the content cache stores these, ``-j`` sends
    them); :func:`finding_from_row` rebuilds it."""
    f = finding
    fix = None
    if f.fix is not None:
        fix = (f.fix.span.start, f.fix.span.end, f.fix.replacement, f.fix.safety.value)
    labels = tuple([(label.span.start, label.span.end, label.message) for label in f.labels])
    span = f.span
    return (
        f.code,
        f.name,
        int(f.severity),
        f.message,
        span.start,
        span.end,
        f.help,
        labels,
        fix,
        f.pack,
    )


_SEVERITIES = {int(severity): severity for severity in Severity}
_SAFETIES = {safety.value: safety for safety in FixSafety}


def finding_from_row(row: Sequence[Any]) -> Finding:
    """The :class:`Finding` :func:`finding_row` made (a bad value raises).

    NOTE: positional arguments and dict lookups for the enums: a cache hit or a ``-j`` result
    rebuilds every finding of the file this way.
    """
    code, name, severity, message, start, end, help, labels, fix, pack = row
    return Finding(
        code,
        name,
        _SEVERITIES[severity],
        message,
        SourceSpan(start, end),
        help,
        tuple([Label(SourceSpan(s, e), text) for s, e, text in labels]),
        None if fix is None else Fix(SourceSpan(fix[0], fix[1]), fix[2], _SAFETIES[fix[3]]),
        pack,
    )
