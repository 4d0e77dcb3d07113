from __future__ import annotations

from collections.abc import Iterator
from functools import cache, partial

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import ApplicationTable


class OutcomeTotalMismatch(Rule):
    """表三某一列的“（七）总计”不等于各项办理结果之和。

    ## 说明
    第三部分表格每一列中，“（七）总计”应等于（一）予以公开、（二）部分公开以及（三）至（六）
    下 18 个子项共 20 个办理结果之和。报告两个数，位置在该列的“（七）总计”单元格，次要标注
    指向不为 0 的加数。该列任何一个参与计算的单元格缺失、空白、无效，或所在行无法对齐列时，
    该列不检查（原因由 GX202、GX207、GX209 报告）。
    ## 为什么
    （二）部分公开注明“只计这一情形，不计其他情形”，每件申请只计入一个办理结果，所以总计与
    各结果之和必须相等；不等说明有结果漏计、重计或总计填错。
    ## 错误示例
    “自然人”列：予以公开 6、部分公开 1、本机关不掌握 2、重复申请 1，“（七）总计”却填 9。
    ## 正确示例
    同样的办理结果，“（七）总计”填 10。
    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》第三部分表格
    （“三、本年度办理结果”及“（二）部分公开”的计数说明）
    """

    code = "GX204"
    name = "outcome-total-mismatch"
    target = ApplicationTable
    default_severity = Severity.ERROR

    def check(self, table: ApplicationTable, ctx: RuleContext) -> Iterator[Finding]:
        spec = ctx.spec
        relation = spec.relation(self.code)
        label = ctx.label
        # NOTE: the help and the bound method once per table, not once per finding.
        help = f"{relation['description']}。"
        total_row = relation["total-row"]
        named = relation["parts-rows"]  # a list of row keys, or "outcome": the flagged rows
        part_rows = spec.table3_outcome_keys if named == "outcome" else tuple(named)
        # NOTE: the same 20 row names label every column's finding; look each up once.
        row_label = cache(partial(spec.row_label, 3))
        for column in spec.table3_column_keys:
            total = table.usable(total_row, column)
            parts = table.usable_column(part_rows, column)
            if total is None or None in parts:
                continue  # NOTE: a gap is GX202/GX209's; never read it as 0.
            found = sum([part.value for part in parts if part is not None])
            if found == total.value:
                continue
            yield ctx.finding(
                total,
                f"{table.name}“{row_label(total_row)}”行“{spec.column_label(3, column)}”"
                f"列为 {total.value}，但各项办理结果之和为 {found}。",
                help=help,
                labels=[
                    label(part, row_label(row))
                    for part, row in zip(parts, part_rows, strict=True)
                    if part is not None and part.value
                ],
            )
