from __future__ import annotations

from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import NormSpan, ReviewTable, Section, Table

# NOTE: sections 二, 三 and 四 each carry one statistics table in the 2021 format.
TABLE_SECTIONS = (2, 3, 4)


class MissingTable(Rule):
    """第二、三、四部分缺少统计表。

    ## 说明
    2021 年格式的第二部分（主动公开）、第三部分（依申请公开）和第四部分（行政复议、行政
    诉讼）各有一张统计表。某部分存在，却找不到它的表格（或表格中一个数值也没有）时报告，
    位置在该部分标题之后。
    ## 为什么
    表格是年度报告的核心数据；只写文字说明、漏贴表格或表格在复制时整体丢失，读者就无法
    核对数据，其他表格检查（缺格、合计）也都无从进行。
    ## 错误示例
    `二、主动公开政府信息情况` 之后只有一句“本年度主动公开信息若干”，没有表格。
    ## 正确示例
    `二、主动公开政府信息情况` 之后依次列出第二十条第（一）（五）（六）（八）项四个表格，
    没有发生的事项填 0。
    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》；
    《中华人民共和国政府信息公开条例》第五十条
    """

    code = "GX201"
    name = "missing-table"
    target = Section
    default_severity = Severity.ERROR

    def check(self, section: Section, ctx: RuleContext) -> Iterator[Finding]:
        if section.number not in TABLE_SECTIONS or _has_data(section.table):
            return
        heading = ctx.spec.section(section.number).heading
        end = section.heading.span.end
        found = "表格中没有任何数值" if section.table is not None else "找不到表格"
        yield ctx.finding(
            NormSpan(end, end),
            f"“{heading}”部分{found}，无法核对该部分的统计数据。",
            help="2021 年格式要求第二、三、四部分各附一张统计表；没有发生的事项填 0，"
            "不能省略表格。",
        )


def _has_data(table: Table | None) -> bool:
    if table is None:
        return False
    if isinstance(table, ReviewTable):
        return table.values_found > 0
    return bool(table.rows)
