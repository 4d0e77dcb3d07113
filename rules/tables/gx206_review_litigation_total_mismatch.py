from __future__ import annotations

from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import ReviewTable


class ReviewLitigationTotalMismatch(Rule):
    """表四某一组的“总计”不等于结果维持、结果纠正、其他结果、尚未审结之和。

    ## 说明
    第四部分表格分行政复议、行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉）三组，每组
    五个数：结果维持、结果纠正、其他结果、尚未审结、总计。每组的“总计”应等于前四项之和。
    报告两个数和加数，位置在该组的“总计”单元格。表格数值不足 15 个（无法按位置确定各数
    所属的列）或某组有单元格缺失、无效时，该组不检查。
    ## 为什么
    每件复议或诉讼案件必属于维持、纠正、其他或尚未审结之一；总计不符说明有案件漏计、重计
    或总计填错。
    ## 错误示例
    行政复议：结果维持 1、结果纠正 1、其他结果 0、尚未审结 0，总计 1。
    ## 正确示例
    行政复议：结果维持 1、结果纠正 1、其他结果 0、尚未审结 0，总计 2。
    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》第四部分表格
    """

    code = "GX206"
    name = "review-litigation-total-mismatch"
    target = ReviewTable
    default_severity = Severity.ERROR

    def check(self, table: ReviewTable, ctx: RuleContext) -> Iterator[Finding]:
        spec = ctx.spec
        relation = spec.relation(self.code)
        label = ctx.label
        # NOTE: the help and the bound method once per table, not once per finding.
        help = f"{relation['description']}。"
        total_column, part_columns = relation["total-column"], relation["parts-columns"]
        # NOTE: the column names are the same for every group; look them up once per table.
        column_labels = {column: spec.column_label(4, column) for column in part_columns}
        names = "、".join(column_labels[column] for column in part_columns)
        for row in table.rows.values():
            check = row.total_check(total_column, part_columns)
            if check is None or check.balanced:
                continue
            yield ctx.finding(
                check.total,
                f"{table.name}“{spec.row_label(4, row.key)}”：总计为 {check.total.value}，"
                f"但{names}之和为 {check.expected}（{check.addends}）。",
                help=help,
                labels=[label(part, column_labels[part.column]) for part in check.parts],
            )
