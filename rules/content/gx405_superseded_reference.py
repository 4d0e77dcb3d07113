from __future__ import annotations

from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import DocNumber


class SupersededReference(Rule):
    """引用了已被取代的年度报告格式文件（国办公开办函〔2019〕60号）。

    ## 说明
    2021 年及以后的年度报告，把 2019 年印发的格式通知国办公开办函〔2019〕60号作为编制依据。
    自 2021 年度报告起应依据国办公开办函〔2021〕30号。报告同时引用了〔2021〕30号时不报告
    （此时〔2019〕60号多为历史沿革的说明）。文件清单见格式目录 `[[references]]`。
    ## 为什么
    依据已被取代的文件编制，往往意味着仍在使用旧表格（另见 GX208）。
    ## 错误示例
    2024 年度报告：`根据国办公开办函〔2019〕60号要求，编制本报告。`
    ## 正确示例
    `根据国办公开办函〔2021〕30号要求，编制本报告。`
    ## 依据
    国办公开办函〔2021〕30号（自 2021 年度报告起施行）；国办公开办函〔2019〕60号
    """

    code = "GX405"
    name = "superseded-reference"
    target = DocNumber
    default_severity = Severity.WARNING

    def check(self, doc: DocNumber, ctx: RuleContext) -> Iterator[Finding]:
        year = ctx.report.year
        references = ctx.spec.references if ctx.spec else ()
        if year is None:
            return
        for old in references:
            if old.superseded_from is None or year < old.superseded_from:
                continue
            if (doc.issuer, doc.year, doc.sequence.lstrip("0")) != (
                old.issuer,
                old.year,
                str(old.sequence),
            ):
                continue
            new = next((r for r in references if r.key == old.superseded_by), None)
            if new is None or _cites(ctx.report.doc_numbers, new.year, new.sequence):
                continue
            yield ctx.finding(
                doc,
                f"{year}年度报告引用的“{old.number}”已被取代，"
                f"编制依据应为“{new.number}”（{new.title}）。",
                help=f"自{old.superseded_from}年度报告起，年度报告格式以{new.number}为准。",
            )


def _cites(numbers: list[DocNumber], year: int, sequence: int) -> bool:
    """Whether any citation has this year and sequence (even with a malformed issuer)."""
    return any(d.year == year and d.sequence.lstrip("0") == str(sequence) for d in numbers)
