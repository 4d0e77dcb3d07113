from collections.abc import Iterator

from gxlint import Finding, FixSafety, Rule, RuleContext, Severity
from gxlint.model import Item, ItemList

HELP = "同一层级的序号应从一开始依次递增，不得跳号或倒序。"


class OrdinalGap(Rule):
    """同级条目序号跳号、倒序或不从一开始。

    ## 说明
    同一层级的条目序号应为（一）（二）（三）……或 1. 2. 3. ……、一是 二是 三是……。
    报告三种情况：跳号（（一）（三））、顺序颠倒（（一）（三）（二）只报告一次）、
    另起一行的一组序号不从一开始。重复的序号由 GX104 报告。写在段落中间、未被认作条目
    的序号（如逗号后的“二是”）出现在跳过的位置时不报告，因为那多半只是未能认出。
    只有改号后序列连续时，才提供（不安全的）修正。

    ## 为什么
    跳号让读者以为漏掉了一项内容；倒序多为调整段落后忘了改号。

    ## 错误示例
    ```
    （一）主动公开。……
    （三）政府信息管理。……
    ```

    ## 正确示例
    ```
    （一）主动公开。……
    （二）政府信息管理。……
    ```

    ## 依据
    GB/T 9704—2012《党政机关公文格式》7.3.3 结构层次序数。
    """

    code = "GX105"
    name = "ordinal-gap"
    target = ItemList
    default_severity = Severity.WARNING
    fix = FixSafety.UNSAFE

    def check(self, items: ItemList, ctx: RuleContext) -> Iterator[Finding]:
        head = items.items[0] if items.items else None
        if head is None:
            return
        if head.ordinal.value != 1 and not head.inline and not _written_before(head, ctx):
            first = head.ordinal.renumbered(1, ctx.source_text(head.ordinal))
            yield ctx.finding(
                head.ordinal,
                f"同级序号应从“{first}”开始，这里从“{ctx.source_text(head.ordinal)}”开始。",
                help=HELP,
            )
        seen, skip, prev = {head.ordinal.value}, set(), head
        after_duplicate = False
        for index, item in enumerate(items.items[1:], start=1):
            value, last = item.ordinal.value, prev.ordinal.value
            written = ctx.source_text(item.ordinal)
            later = {other.ordinal.value for other in items.items[index + 1 :]}
            missing = list(range(last + 1, value))
            # NOTE: after a duplicate (GX104's finding, "should be （三）") the next number
            # may continue from either reading: （二）（二）（三） or （二）（二）（四）.
            slack = after_duplicate and missing == [last + 1]
            after_duplicate = value in seen
            if value in seen or value in skip or value == last + 1 or slack:
                pass
            elif missing and later.intersection(missing):
                moved = min(later.intersection(missing))
                yield ctx.finding(
                    item.ordinal,
                    f"同级序号顺序颠倒：“{written}”排在“{item.ordinal.renumbered(moved, written)}”"
                    "之前。",
                    help=HELP,
                )
                skip.update(missing)
            elif missing and not _written_between(prev, item, missing, ctx):
                shown = missing if len(missing) <= 2 else [missing[0], missing[-1]]
                joiner = "”“" if len(missing) <= 2 else "”至“"
                names = joiner.join(item.ordinal.renumbered(m, written) for m in shown)
                yield ctx.finding(
                    item.ordinal,
                    f"同级序号从“{ctx.source_text(prev.ordinal)}”跳到“{written}”，缺少“{names}”。",
                    help=HELP,
                    labels=[ctx.label(prev.ordinal, "上一项")],
                    fix=None
                    if later
                    else ctx.replace(item.ordinal, item.ordinal.renumbered(last + 1, written)),
                )
            elif not missing:
                yield ctx.finding(
                    item.ordinal,
                    f"同级序号“{written}”排在“{ctx.source_text(prev.ordinal)}”之后，顺序倒退。",
                    help=HELP,
                    labels=[ctx.label(prev.ordinal, "上一项")],
                )
            seen.add(value)
            if value > last:
                prev = item


def _written_between(prev: Item, item: Item, missing: list[int], ctx: RuleContext) -> bool:
    """A skipped ordinal is written between the two items (the reader did not take it)."""
    text = ctx.report.text[prev.ordinal.span.end : item.ordinal.span.start]
    return any(item.ordinal.renumbered(m) in text for m in missing)


def _written_before(head: Item, ctx: RuleContext) -> bool:
    """An earlier ordinal of the list is written in the same section before its first item."""
    start = 0
    for section in ctx.report.sections:
        if section.span.start <= head.span.start:
            start = section.heading.span.end
    text = ctx.report.text[start : head.ordinal.span.start]
    return any(head.ordinal.renumbered(m) in text for m in range(1, head.ordinal.value))
