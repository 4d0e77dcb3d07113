from __future__ import annotations

from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import Cell, CellState, ReviewTable, Row, Table

HELP = "表格每个单元格都应填写数字，没有发生的事项填 0，不能留空或填“/”。"
SKIPPED = "；涉及这些单元格的合计校验无法进行"


class MissingCells(Rule):
    """表格单元格缺失、空白或填写“/”等占位符。

    ## 说明
    表格的一行少于格式规定的列数，或某个单元格为空、为“/”或合并单元格占位符。每行报告
    一次，位置在行标签上：能确定位置时指出缺少哪几列；一行数值少于列数而又无法确定是哪
    一列缺失时，说明“无法确定缺少哪一列”，该行不参与合计校验。表四（15 个数值按位置读取）
    整表报告一次。整行缺失（表格被截断）由 GX209 报告。
    ## 为什么
    空白不等于 0：缺失的单元格无法核对，也不能按 0 计入合计，否则会凭空得出“合计不符”的
    错误结论。数据不完整正是检查中最常见的问题之一。
    ## 错误示例
    `规章 | 0 | || ` （三列只有一个数值）；`（一）予以公开` 行只有 6 个数值。
    ## 正确示例
    `规章 | 0 | 0 | 0`；`（一）予以公开` 行 7 列都有数值，没有的填 0。
    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
    """

    code = "GX202"
    name = "missing-cells"
    target = Table
    default_severity = Severity.ERROR

    def check(self, table: Table, ctx: RuleContext) -> Iterator[Finding]:
        if isinstance(table, ReviewTable):
            yield from _review(table, ctx)
            return
        for row in table.rows.values():
            if not row.complete:
                yield _row_finding(table, row, ctx)


def _row_finding(table: Table, row: Row, ctx: RuleContext) -> Finding:
    spec = ctx.spec
    where = f"{table.name}“{spec.row_label(table.number, row.key)}”行"
    skipped = SKIPPED if table.number != 2 else ""
    if not row.aligned:
        columns = "、".join(spec.column_label(table.number, c.column) for c in row.cells)
        wanted = (
            f"{len(row.cells)} 个（{columns}）" if table.number == 2 else f"{len(row.cells)} 个"
        )
        message = (
            f"{where}只有 {row.values_found} 个数值，应有 {wanted}，无法确定缺少哪一列"
            f"{'；该行不参与合计校验' if skipped else ''}。"
        )
        return ctx.finding(row.label, message, help=HELP)
    bad = [cell for cell in row.cells if cell.state is not CellState.PRESENT]
    if all(cell.state is CellState.BLANK for cell in row.cells):
        return ctx.finding(row.label, f"{where}没有填写任何数值{skipped}。", help=HELP)
    parts = "、".join(_describe(table, cell, ctx) for cell in bad)
    return ctx.finding(
        row.label,
        f"{where}{parts}{skipped}。",
        help=HELP,
        labels=[ctx.label(cell, "应填数字") for cell in bad],
    )


def _describe(table: Table, cell: Cell, ctx: RuleContext) -> str:
    column = ctx.spec.column_label(table.number, cell.column)
    written = ctx.source_text(cell).strip()
    if cell.state is CellState.FILLER and written:
        return f"“{column}”列填的是“{written}”"
    return f"“{column}”列为空"


def _review(table: ReviewTable, ctx: RuleContext) -> Iterator[Finding]:
    if table.values_found == 0:
        return  # NOTE: no value at all: the table is missing (GX201).
    rows = list(table.rows.values())
    cells = [cell for row in rows for cell in row.cells]
    bad = [cell for cell in cells if cell.state is not CellState.PRESENT]
    if not bad:
        return
    if not all(row.aligned for row in rows):
        found = sum(row.values_found for row in rows)
        yield ctx.finding(
            bad[0],
            f"{table.name}只有 {found} 个数值，应有 {len(cells)} 个，无法确定缺少哪些单元格；"
            f"{table.name}不参与合计校验。",
            help=HELP,
        )
        return
    spec = ctx.spec
    parts = "、".join(
        f"“{spec.row_label(4, c.row)}”的“{spec.column_label(4, c.column)}”" for c in bad
    )
    yield ctx.finding(
        bad[0],
        f"{table.name}{parts}没有填写数值{SKIPPED}。",
        help=HELP,
        labels=[ctx.label(cell, "应填数字") for cell in bad[1:]],
    )
