"""What a check produces: findings, their severity, secondary labels and proposed fixes.

A :class:`Finding` only holds :class:`SourceSpan` offsets into the original text. Line and
column are derived at output time by :class:`gxlint.source.LineIndex`, so nothing can store a
stale or normalised position.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

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


@dataclass(frozen=True, slots=True)
class Label:
    """A secondary location shown beside the main one (``首次出现``, ``参与求和的单元格``)."""

    span: SourceSpan
    message: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace the original text under ``span`` with ``replacement``."""

    span: SourceSpan
    replacement: str
    safety: FixSafety


@dataclass(frozen=True, slots=True)
class Finding:
    """One defect at one place in one report."""

    code: str
    name: str
    severity: Severity
    message: str
    span: SourceSpan
    help: str | None = None
    labels: tuple[Label, ...] = ()
    fix: Fix | None = None
    pack: str = "core"

    def sort_key(self) -> tuple[int, int, str]:
        return (self.span.start, self.span.end, self.code)


@dataclass(slots=True)
class FileResult:
    """Everything a reporter needs for one file: its original text and its findings."""

    path: str
    text: str
    encoding: str | None
    findings: list[Finding] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """Static facts about a rule that output formats need (SARIF rule table, statistics)."""

    code: str
    name: str
    summary: str
    severity: Severity
    pack: str = "core"
    fix: FixSafety | None = None
