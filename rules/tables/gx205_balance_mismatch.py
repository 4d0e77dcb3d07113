from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache, partial

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import ApplicationTable, Cell


class BalanceMismatch(Rule):
    """表三某一列不满足勾稽关系：一 + 二 ≠ （七）总计 + 四。

    ## 说明
    第三部分表格的说明栏写明“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项
    之和”，即每一列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。报告
    两边的和与加数，位置在该列的“（七）总计”单元格，次要标注指向另外三个单元格。四个单元格
    中任何一个缺失、空白、无效或所在行无法对齐列时，该列不检查。
    ## 为什么
    本年收到和上年结转的申请，要么在本年办结（计入“（七）总计”），要么结转下年；两边不等，
    说明有申请被漏计或重计，是表格自身声明的校验关系。
    ## 错误示例
    “自然人”列：本年新收 10、上年结转 1，（七）总计 10、结转下年度 0。
    ## 正确示例
    “自然人”列：本年新收 10、上年结转 1，（七）总计 10、结转下年度 1。
    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》第三部分表格
    说明栏（勾稽关系）
    """

    code = "GX205"
    name = "balance-mismatch"
    target = ApplicationTable
    default_severity = Severity.ERROR

    def check(self, table: ApplicationTable, ctx: RuleContext) -> Iterator[Finding]:
        spec = ctx.spec
        relation = spec.relation(self.code)
        label = ctx.label
        # NOTE: the help and the bound method once per table, not once per finding.
        help = f"{relation['description']}（表格说明栏所列勾稽关系）。"
        left_rows, right_rows = relation["left-rows"], relation["right-rows"]
        # NOTE: the same four row names appear in every column's finding; look each up once.
        row_label = cache(partial(spec.row_label, 3))
        for column in spec.table3_column_keys:
            left = table.usable_column(left_rows, column)
            right = table.usable_column(right_rows, column)
            if None in left or None in right:
                continue  # NOTE: a gap is GX202/GX209's; never read it as 0.
            if _sum(left) == _sum(right):
                continue
            yield ctx.finding(
                right[0],
                f"{table.name}“{spec.column_label(3, column)}”列："
                f"{_side(left_rows, left, row_label)}，但{_side(right_rows, right, row_label)}，"
                "两者应相等。",
                help=help,
                labels=[
                    label(cell, row_label(row))
                    for row, cell in zip(left_rows + right_rows[1:], left + right[1:], strict=True)
                    if cell is not None
                ],
            )


def _sum(cells: list[Cell | None]) -> int:
    return sum([cell.value for cell in cells if cell is not None])


def _side(rows: list[str], cells: list[Cell | None], row_label: Callable[[str], str]) -> str:
    names = "与".join(f"“{row_label(row)}”" for row in rows)
    addends = "+".join(str(cell.value) for cell in cells if cell is not None)
    return f"{names}之和为 {_sum(cells)}（{addends}）"
