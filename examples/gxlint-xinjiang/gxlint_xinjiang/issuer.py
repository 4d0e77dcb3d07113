"""Who issued a report, and at which level: the pieces several XJ rules need."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gxlint.model import NormSpan, Report
from gxlint.model.organ import classify_organ

AUTO = "auto"
LEVEL_NAMES = {"省": "省级", "市": "市级", "县": "县级", "乡镇": "乡镇", "部门": "部门"}


@dataclass(frozen=True, slots=True)
class Issuer:
    """``level`` is 省 | 市 | 县 | 乡镇 | 部门 | 未知; ``span`` is where the organ's name is
    written (``None`` when the level comes from the configuration)."""

    level: str
    name: str | None
    span: NormSpan | None
    configured: bool

    @property
    def described(self) -> str:
        """``“和田地区”（市级）`` or ``配置的层级“县”``, for messages and labels."""
        if self.configured:
            return f"配置的层级“{self.level}”（[jurisdiction] level）"
        return f"“{self.name}”（{LEVEL_NAMES.get(self.level, self.level)}）"


def issuer(report: Report, settings: Any) -> Issuer:
    """The configured ``[jurisdiction] level`` if set, else the level read from the organ
    named in the title, else in the sign-off."""
    jurisdiction = settings.jurisdiction if settings is not None else None
    name, span = _organ(report)
    if jurisdiction is not None and jurisdiction.level != AUTO:
        return Issuer(jurisdiction.level, name, None, configured=True)
    return Issuer(classify_organ(name).level, name, span, configured=False)


def _organ(report: Report) -> tuple[str | None, NormSpan | None]:
    title = report.title
    if title is not None and title.organ:
        start = report.text.find(title.organ, title.span.start, title.span.end)
        span = NormSpan(start, start + len(title.organ)) if start >= 0 else title.span
        return title.organ, span
    signoff = report.signoff
    if signoff is not None and signoff.organ is not None:
        return signoff.organ.text.strip(), signoff.organ.span
    return None, None
