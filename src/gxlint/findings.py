"""What a check produces: findings, their severity, secondary labels and proposed fixes.

A :class:`Finding` only holds :class:`SourceSpan` offsets into the original text. Line and
column are derived at output time by :class:`gxlint.source.LineIndex`, so nothing can store a
stale or normalised position.
"""

from __future__ import annotations

import enum

from gxlint.record import FrozenRecord, Record
from gxlint.source.spans import SourceSpan


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


_set = object.__setattr__


class Label(FrozenRecord):
    """A secondary location shown beside the main one (``首次出现``, ``参与求和的单元格``)."""

    __slots__ = ("message", "span")

    span: SourceSpan
    message: str

    def __init__(self, span: SourceSpan, message: str) -> None:
        _set(self, "span", span)
        _set(self, "message", message)


class Fix(FrozenRecord):
    """Replace the original text under ``span`` with ``replacement``."""

    __slots__ = ("replacement", "safety", "span")

    span: SourceSpan
    replacement: str
    safety: FixSafety

    def __init__(self, span: SourceSpan, replacement: str, safety: FixSafety) -> None:
        _set(self, "span", span)
        _set(self, "replacement", replacement)
        _set(self, "safety", safety)


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
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "severity", severity)
        _set(self, "message", message)
        _set(self, "span", span)
        _set(self, "help", help)
        _set(self, "labels", labels)
        _set(self, "fix", fix)
        _set(self, "pack", pack)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.span.start, self.span.end, self.code)


class FileResult(Record):
    """Everything a reporter needs for one file: its original text and its findings."""

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
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "summary", summary)
        _set(self, "severity", severity)
        _set(self, "pack", pack)
        _set(self, "fix", fix)
