from collections.abc import Iterator

from gxlint import Finding, FixSafety, Rule, RuleContext, Severity
from gxlint.model import Item, ItemList


class DuplicateOrdinal(Rule):
    """同级条目序号重复。

    ## 说明
    同一层级的条目（（一）、1.、（1）、一是 等）使用了相同的序号，如
    （一）（二）（二）（三）。次要标注指向第一次出现的位置。序号从头重新编号
    （（一）（二）……之后另起一组（一）（二））视为新的一组，不报告；跳号和倒序由
    GX105 报告。只有改号后不会与后面的序号再重复时，才提供（不安全的）修正。

    ## 为什么
    多为复制后漏改或漏写一项，读者无法按序号引用，也容易误以为漏掉了内容。

    ## 错误示例
    ```
    （一）主动公开。……
    （二）主动回应社会关切。……
    （二）依申请公开。……
    ```

    ## 正确示例
    ```
    （一）主动公开。……
    （二）主动回应社会关切。……
    （三）依申请公开。……
    ```

    ## 依据
    GB/T 9704—2012《党政机关公文格式》7.3.3 结构层次序数。
    """

    code = "GX104"
    name = "duplicate-ordinal"
    target = ItemList
    default_severity = Severity.ERROR
    fix = FixSafety.UNSAFE

    def check(self, items: ItemList, ctx: RuleContext) -> Iterator[Finding]:
        first: dict[int, Item] = {}
        for index, item in enumerate(items):
            seen = first.setdefault(item.ordinal.value, item)
            if seen is item:
                continue  # NOTE: gaps and reversals are GX105's job.
            value = items.expected_value(index)
            written = ctx.source_text(item.ordinal)
            expected = item.ordinal.renumbered(value, written)
            later = {other.ordinal.value for other in items.items[index + 1 :]}
            yield ctx.finding(
                item.ordinal,
                f"同级序号“{written}”重复，按顺序应为“{expected}”。",
                help="同一层级的序号应从一开始依次递增，不得重复。",
                labels=[ctx.label(seen.ordinal, "首次出现")],
                fix=None
                if value in later or value in first
                else ctx.replace(item.ordinal, expected),
            )
