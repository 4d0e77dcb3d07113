from __future__ import annotations

from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import Cell, CellState, Table

HELP = "表格单元格只填一个非负数：件数为整数，只有“本年收费金额”可带小数；说明文字写在正文中。"


class InvalidNumber(Rule):
    """表格单元格中的数值无效：负数、件数带小数、应填数字处填了文字。

    ## 说明
    表格单元格的值不可能是它所表示的量：负数；件数列出现小数（只有第二部分“本年收费金额
    （单位：万元）”可带小数）；应填数字的单元格填了文字。数字后附说明（如
    `22（其中修订16件）`）按其数字读取，以 `info` 级别提示把说明移出表格。无效的单元格不参与
    合计校验。
    ## 为什么
    件数不会为负，也不会有小数；这类值多为录入或复制错误，且无法参与合计校验。单元格中的
    说明文字会妨碍数据汇总和比对。
    ## 错误示例
    `行政处罚 | -3`；`（一）予以公开 | 6.5 | …`；`规章 | 无数据 | …`；`22（其中修订16件）`
    ## 正确示例
    `行政处罚 | 3`；`行政事业性收费 | 12.5`；`规章 | 22 | …`，修订情况写在正文中。
    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
    """

    code = "GX207"
    name = "invalid-number"
    target = Table
    default_severity = Severity.ERROR

    def check(self, table: Table, ctx: RuleContext) -> Iterator[Finding]:
        decimal = ctx.spec.table2_decimal_columns
        for row in table.rows.values():
            for cell in row.cells:
                if cell.state is not CellState.PRESENT:
                    continue
                value = cell.value
                whole = isinstance(value, int) or cell.column in decimal
                if value is not None and value >= 0 and not cell.note and whole:
                    continue  # NOTE: the common case, decided before any message is built.
                finding = self._cell(table, cell, ctx)
                if finding is not None:
                    yield finding

    def _cell(self, table: Table, cell: Cell, ctx: RuleContext) -> Finding | None:
        spec = ctx.spec
        value = cell.value
        raw = ctx.source_text(cell)
        if value is None and spec.is_table_label(raw):
            return None  # NOTE: a table label pulled into a short row is not a value.
        where = _where(table, cell, ctx)
        if value is None:
            return ctx.finding(cell, f"{where}应填数字，实际为“{raw}”。", help=HELP)
        if value < 0:
            return ctx.finding(cell, f"{where}为负数 {value}，数量不能为负。", help=HELP)
        if not isinstance(value, int) and cell.column not in spec.table2_decimal_columns:
            return ctx.finding(cell, f"{where}为 {value}，件数应为整数。", help=HELP)
        if cell.note:
            return ctx.finding(
                cell,
                f"{where}“{raw}”在数字后附有文字，按 {value} 读取；单元格只应填数字。",
                help=HELP,
                severity=Severity.INFO,
            )
        return None


def _where(table: Table, cell: Cell, ctx: RuleContext) -> str:
    """``表三“（一）予以公开”行“自然人”列`` for messages."""
    row = ctx.spec.row_label(table.number, cell.row)
    column = ctx.spec.column_label(table.number, cell.column)
    if table.number == 4:
        return f"{table.name}“{row}”的“{column}”"
    return f"{table.name}“{row}”行“{column}”列"
