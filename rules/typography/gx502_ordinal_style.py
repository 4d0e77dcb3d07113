from collections.abc import Iterator
from typing import NamedTuple

from gxlint import Finding, FixSafety, Rule, RuleContext, Severity
from gxlint.model import NormSpan, Report
from gxlint.parse.patterns import ITEM_ORDINAL

BRACKETED = ("paren_cn", "paren_ar", "broken_close", "broken_open")
WIDTH = {"(": "half", ")": "half", "（": "full", "）": "full"}
PAIR = {"full": ("（", "）"), "half": ("(", ")")}
OPENING_CHARS = frozenset("(一二三四五六七八九十")


class _Seen(NamedTuple):
    span: NormSpan
    written: str  # the original characters
    inner: str  # 一 / 1
    kind: str  # full | half | mixed | broken


class OrdinalStyle(Rule):
    """序号括号样式不统一或残缺（“(一)”与“（一）”混用，“一)”、“(一”）。

    ## 说明
    正文条目序号和第三部分表格标签的序号中，括号序号 `（一）`、`（1）` 应使用同一种括号。
    全角、半角混用时报告少数一方（数量相同时报告半角）；缺左括号或右括号（`一)`、`(一`），或
    左右括号宽度不一（`（一)`）时总是报告。修复按本报告的主流样式补全括号。
    与 GX501 分工：行首序号的括号只由本规则报告。
    ## 为什么
    同一份报告的序号样式应一致；残缺的序号多为复制或排版时丢字。
    ## 错误示例
    `（三）不予公开` … `(四) 无法提供` … `(五) 不予处理`
    ## 正确示例
    `（三）不予公开` … `（四）无法提供` … `（五）不予处理`
    ## 依据
    GB/T 9704—2012《党政机关公文格式》7.3.3 结构层次序数
    """

    code = "GX502"
    name = "ordinal-style"
    target = Report
    default_severity = Severity.INFO
    fix = FixSafety.SAFE

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        found = list(_ordinals(report))
        original = ctx.norm.original
        has_full = "（" in original or "）" in original
        if not (has_full and ("(" in original or ")" in original)):
            # NOTE: one bracket width in the whole file: only broken ordinals can be wrong.
            found = [(span, style) for span, style in found if style.startswith("broken")]
        seen = [_seen(span, style, ctx) for span, style in found]
        full = sum(1 for s in seen if s.kind == "full")
        half = sum(1 for s in seen if s.kind == "half")
        style = "half" if half > full or not has_full else "full"
        opening, closing = PAIR[style]
        for item in seen:
            if item.kind in PAIR and (item.kind == style or not (full and half)):
                continue  # NOTE: a complete ordinal is wrong only beside the other width.
            expected = f"{opening}{item.inner}{closing}"
            if item.kind == "broken":
                problem = f"序号“{item.written}”缺少括号，应为“{expected}”。"
            elif item.kind == "mixed":
                problem = f"序号“{item.written}”左右括号全角、半角不一，应为“{expected}”。"
            else:
                width = "半角" if item.kind == "half" else "全角"
                problem = (
                    f"序号“{item.written}”使用{width}括号，与本报告其他序号不一致，"
                    f"应为“{expected}”。"
                )
            yield ctx.finding(
                item.span,
                problem,
                help="同一份报告中的括号序号应统一使用一种括号（公文通常为全角“（一）”“（1）”）。",
                fix=ctx.replace(item.span, expected),
            )


def _ordinals(report: Report) -> Iterator[tuple[NormSpan, str]]:
    """Bracketed ordinals of the text's items and of table 三's labels, in document order."""
    for section in report.sections:
        for item in section.items:
            if not item.inline and item.ordinal.style in BRACKETED:
                yield item.ordinal.span, item.ordinal.style
    table = report.application_table
    if table is None:
        return
    text = report.text
    labels = [row.label for row in table.rows.values()] + list(table.group_labels)
    for label in labels:
        start = label.span.start
        if label.span.empty or text[start] not in OPENING_CHARS:
            continue  # NOTE: cheap test first: most labels are 1.… rows.
        match = ITEM_ORDINAL.match(text[start : label.span.end])
        if match and match.lastgroup in BRACKETED:
            span = NormSpan(
                start + match.start(match.lastgroup), start + match.end(match.lastgroup)
            )
            yield span, match.lastgroup


def _seen(span: NormSpan, style: str, ctx: RuleContext) -> _Seen:
    written = ctx.source_text(span).strip()
    inner = written.strip("（）() \t\u3000")
    if style.startswith("broken"):
        kind = "broken"
    else:
        widths = {WIDTH.get(written[:1]), WIDTH.get(written[-1:])}
        kind = widths.pop() if len(widths) == 1 else "mixed"
    return _Seen(span, written, inner, kind or "mixed")
