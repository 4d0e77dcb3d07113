from __future__ import annotations

from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import NormSpan, Table


class MissingRows(Rule):
    """表格缺少格式规定的行（表格被截断或漏行）。

    ## 说明
    第二、三部分的表格中，格式规定的某些行完全没有出现。每张表报告一次，列出缺少的行（按
    格式文字），位置在缺行应在之处：表格被截断时是最后一个找到的行的末尾。某部分整张表都
    找不到时由 GX201 报告；行存在但单元格缺失由 GX202 报告。
    ## 为什么
    复制网页或 PDF 时表格常被截断，后半部分（往往包括“（七）总计”和“四、结转下年度继续
    办理”）整体丢失；缺少的行无法核对，涉及它们的合计校验也无法进行。
    ## 错误示例
    第三部分表格到 `3.要求提供公开出版物` 为止，之后的“4.无正当理由大量反复申请”至
    “四、结转下年度继续办理”都没有。
    ## 正确示例
    表格完整列出 25 个数据行，没有发生的事项填 0。
    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
    """

    code = "GX209"
    name = "missing-rows"
    target = Table
    default_severity = Severity.ERROR

    def check(self, table: Table, ctx: RuleContext) -> Iterator[Finding]:
        if not table.missing_rows or not table.rows:
            return  # NOTE: no row at all is a missing table (GX201).
        order = ctx.spec.row_keys(table.number)
        first_missing = min(order.index(key) for key in table.missing_rows)
        before = [table.rows[key] for key in order[:first_missing] if key in table.rows]
        if before:
            end = max(row.span.end for row in before)
            at = NormSpan(end, end)
        else:
            start = min(row.span.start for row in table.rows.values())
            at = NormSpan(start, start)
        names = "、".join(
            f"“{ctx.spec.row_label(table.number, key)}”" for key in table.missing_rows
        )
        why = "表格可能被截断；" if len(before) == len(table.rows) else ""
        checks = "，涉及它们的合计校验也无法进行" if table.number != 2 else ""
        yield ctx.finding(
            at,
            f"{table.name}缺少 {len(table.missing_rows)} 行：{names}。{why}缺少的行无法核对{checks}。",
            help="表格应完整列出格式规定的全部行，没有发生的事项填 0，不能删除行。",
        )
