from __future__ import annotations

import re
from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import NormSpan, Section

# NOTE: the accepted statements (domain.md §7): 信息处理费, 处理费, 收费, 收取…费用, 费用.
FEE_WORDS = re.compile(r"处理费|收费|费用")
CONTENT_LINE = re.compile(r"[^\s]+(?:[^\S\n]+[^\s]+)*")


class FeeStatementMissing(Rule):
    """第六部分未说明信息处理费收取情况。

    ## 说明
    “六、其他需要报告的事项”没有提到政府信息公开信息处理费：收取了多少，或者没有收取。
    只看第六部分本身；写在其他部分的收费说明不能代替。第六部分整体缺失由 GX101 报告。
    ## 为什么
    信息处理费的收取情况应纳入年度报告接受社会监督；只写“无。”的第六部分读者无法判断是否收费。
    ## 错误示例
    `六、其他需要报告的事项` / `无。`
    ## 正确示例
    `六、其他需要报告的事项` / `本机关2024年未收取信息处理费。`
    ## 依据
    国办函〔2020〕109号《政府信息公开信息处理费管理办法》；国办公开办函〔2021〕30号
    """

    code = "GX403"
    name = "fee-statement-missing"
    target = Section
    default_severity = Severity.WARNING

    def check(self, section: Section, ctx: RuleContext) -> Iterator[Finding]:
        if section.number != 6:
            return
        text = ctx.report.text
        if FEE_WORDS.search(text, section.span.start, section.span.end):
            return
        heading = section.heading
        after = heading.span.end if not heading.implied else section.span.start
        body = CONTENT_LINE.search(text, after, section.span.end)
        at = NormSpan(*body.span()) if body else heading
        yield ctx.finding(
            at,
            "第六部分“其他需要报告的事项”未说明信息处理费收取情况。",
            help="按照国办函〔2020〕109号，应在第六部分说明本年度是否收取信息处理费及收取金额"
            "（未收取的写明“本年度未收取信息处理费”）。",
        )
