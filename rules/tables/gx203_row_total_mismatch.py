from __future__ import annotations

from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import ApplicationTable


class RowTotalMismatch(Rule):
    """表三某一行的“总计”不等于各类申请人之和。

    ## 说明
    第三部分表格的每一行（一、本年新收 … 四、结转下年度继续办理）中，“总计”列应等于自然人、
    商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。报告两个数和各个加数，
    位置在该行的“总计”单元格。只有该行参与计算的单元格都填了有效数字时才检查：缺失或
    空白的单元格由 GX202 报告，不按 0 计算。
    ## 为什么
    行合计不符说明至少有一个数填错或漏填，报告公开后会被读者和考核方发现，损害数据可信度。
    ## 错误示例
    `（七）总计 | 40 | 5 | 0 | 1 | 0 | 0 | 47`（各类申请人之和为 46）
    ## 正确示例
    `（七）总计 | 40 | 5 | 0 | 1 | 0 | 0 | 46`
    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》第三部分表格
    （“总计”列）
    """

    code = "GX203"
    name = "row-total-mismatch"
    target = ApplicationTable
    default_severity = Severity.ERROR

    def check(self, table: ApplicationTable, ctx: RuleContext) -> Iterator[Finding]:
        spec = ctx.spec
        relation = spec.relation(self.code)
        total_column, part_columns = relation["total-column"], relation["parts-columns"]
        # NOTE: once per table, not once per finding: most rows of a broken table mismatch.
        column_labels = {column: spec.column_label(3, column) for column in part_columns}
        help = f"{relation['description']}。"
        label = ctx.label
        for row in table.rows.values():
            check = row.total_check(total_column, part_columns)
            if check is None or check.balanced:
                continue
            yield ctx.finding(
                check.total,
                f"{table.name}“{spec.row_label(3, row.key)}”行：总计为 {check.total.value}，"
                f"但各类申请人之和为 {check.expected}（{check.addends}）。",
                help=help,
                labels=[label(part, column_labels[part.column]) for part in check.parts],
            )
