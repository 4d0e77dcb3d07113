from __future__ import annotations

from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import Label, Table
from gxlint.spec import MatchKind, display, fold

# NOTE: TRUNCATED labels are cut off by the copy (a truncated table is GX209's), EXACT ones fine.
REPORTED = (MatchKind.VARIANT, MatchKind.FUZZY)
# NOTE: the table-三 caption is a sentence, not a label; its wording is not this rule's concern.
NOT_LABELS = frozenset({"caption"})


class NonstandardLabel(Rule):
    """表格的行、列标签与 2021 年格式不一致，或使用了已废止的 2019 年试行格式标签。

    ## 说明
    表格的行标签或列标题与 2021 年格式的文字不同：常见的替代说法（`本年发件` 之于
    `本年制发件数`、`规范性文件` 之于 `行政规范性文件`、`不再受理` 之于 `不再处理`），或长标签
    中的错字、漏字。消息给出格式规定的文字。使用 2019 年试行格式的标签（`本年新制作数量`、
    `其他对外管理服务事项`、`第二十条第（九）项` 等）说明整张表沿用了旧格式，同样报告。
    被截断的标签、表格说明栏、分组标签和只剩片段的表头不报告。
    ## 为什么
    统一的标签是各地报告可比、可汇总的前提；旧格式的表格缺少 2021 年格式要求的统计项。
    ## 错误示例
    `规范性文件`；`2.其他法律和行政法规禁止公开`；`本年新制作数量`
    ## 正确示例
    `行政规范性文件`；`2.其他法律行政法规禁止公开`；`本年制发件数`
    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》（取代
    国办公开办函〔2019〕60号的试行格式）
    ## 配置
    本地区认可的写法列在 `[jurisdiction.label-variants]` 中（格式标签 = [认可的写法]），
    例如 `"行政规范性文件" = ["规范性文件"]`，这些写法不再报告。
    """

    code = "GX208"
    name = "nonstandard-label"
    # NOTE: a table's labels checked in one call rather than one call per label: a report
    # has ~80 labels, and the engine's call and a generator per label cost more than the check.
    target = Table
    default_severity = Severity.WARNING

    def check(self, table: Table, ctx: RuleContext) -> Iterator[Finding]:
        labels = (*table.headers, *(row.label for row in table.rows.values()), *table.unknown_rows)
        for label in labels:
            finding = self._finding(label, ctx)
            if finding is not None:
                yield finding

    def _finding(self, label: Label, ctx: RuleContext) -> Finding | None:
        written = fold(label.raw)
        if written in ctx.spec.format2019_labels:
            return ctx.finding(
                label,
                f"“{_shown(label, ctx)}”是已废止的 2019 年试行格式的表格标签，说明该表沿用了旧格式。",
                help="2021 年起的年度报告应使用国办公开办函〔2021〕30号规定的表格及其标签。",
            )
        match = label.match
        if match is None or match.kind not in REPORTED or match.key in NOT_LABELS:
            return None
        if _accepted(written, match.canonical, ctx):
            return None
        canonical = display(match.canonical)
        return ctx.finding(
            label,
            f"表格标签“{_shown(label, ctx)}”与 2021 年格式不一致，应为“{canonical}”。",
            help="表格的行、列标签应与国办公开办函〔2021〕30号规定的格式文字一致；"
            "本地区认可的写法可在 [jurisdiction.label-variants] 中配置。",
        )


def _shown(label: Label, ctx: RuleContext) -> str:
    """The label as written, on one line even when it was split over several."""
    return " ".join(ctx.source_text(label).split())


def _accepted(written: str, canonical: str, ctx: RuleContext) -> bool:
    """True when ``[jurisdiction.label-variants]`` accepts this wording for ``canonical``."""
    if ctx.settings is None:
        return False
    key = fold(canonical)
    return any(
        fold(label) == key and written in {fold(variant) for variant in variants}
        for label, variants in ctx.settings.jurisdiction.label_variants.items()
    )
