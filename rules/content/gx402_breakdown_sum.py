from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import NormSpan, Report
from gxlint.regexcache import compile_cached

# 共 N 条，其中 / N 条。其中： / N 件，分别为 — the total is the count right before the marker.
# NOTE: the marker (literal alternatives: a fast scan) is found first, the total behind it.
MARKER = compile_cached(r"(?P<marker>其中|分别为|分别是)[：:，,]?")
TOTAL = compile_cached(
    r"(?<![\d.])(?P<total>\d+)[ \t]*(?P<unit>[条件项篇个])[^\d。；;\n]{0,8}?[。，,：:]?[ \t]*$"
)
LOOK_BACK = 24
# A part: a count in the same unit; the list ends with the sentence (or a nested 其中).
PART = compile_cached(
    r"(?<![\d.第])(?P<num>\d+)[ \t]*(?P<qual>[余多万千亿]?)[ \t]*(?P<unit>[条件项篇个])"
)
LIST_END = compile_cached(r"[。；;\n]|其中")
# NOTE: a comparison (同比增加 3 件) or an approximate count makes the sum meaningless.
UNSURE = compile_cached(
    r"增加|减少|增长|下降|同比|较上年|环比|\d[ \t]*[余多]|(?:约|近|超过|逾)[ \t]*\d|\([^)]*\d"
)


class BreakdownSum(Rule):
    """“共 N 条，其中 a 条、b 条…”各分项之和超过总数。

    ## 说明
    “其中”列出的分项之和大于前面的总数；用“分别为”列出完整分项时，分项之和应等于总数。
    只比较同一单位（条、件…）的数字；分项中出现“同比增加”、“余”、括号内数字等时不核对；
    前几项之和恰好等于总数时（后面是另一维度的分类）也不报告。
    ## 为什么
    分项之和超过总数，至少有一个数字写错，属于“数据失准”。
    ## 错误示例
    `全年主动公开政府信息215条，其中政策文件12条、工作动态213条。`
    ## 正确示例
    `全年主动公开政府信息215条，其中政策文件12条、工作动态203条。`
    ## 依据
    国办公开办函〔2021〕30号（年度报告格式）；《中华人民共和国政府信息公开条例》第五十条
    """

    code = "GX402"
    name = "breakdown-sum"
    target = Report
    default_severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        text = report.text
        # NOTE: no breakdowns in tables; MARKER's matches begin with 其 or 分 (a fast scan).
        for match in report.matches_outside_tables(MARKER, "其分"):
            line_start = text.rfind("\n", 0, match.start()) + 1
            head = max(line_start, match.start() - LOOK_BACK)
            found = TOTAL.search(text, head, match.start())
            if found is None:
                continue
            end = LIST_END.search(text, match.end())
            stop = end.start() if end else len(text)
            listed = text[match.end() : stop]
            unit = found.group("unit")
            parts = [p for p in PART.finditer(listed) if p.group("unit") == unit]
            if len(parts) < 2 or UNSURE.search(listed) or any(p.group("qual") for p in parts):
                continue
            total = int(found.group("total"))
            sums = list(accumulate(int(p.group("num")) for p in parts))
            complete = match.group("marker") != "其中"
            if total in sums or (sums[-1] <= total and not complete):
                continue
            first = match.end() + parts[0].start()
            last = match.end() + parts[-1].end()
            relation = "超过" if sums[-1] > total else "不等于"
            yield ctx.finding(
                NormSpan(found.start("total"), found.end("unit")),
                f"“{match.group('marker')}”所列各项之和为 {sums[-1]}{unit}，{relation}总数 "
                f"{total}{unit}。",
                help="分项之和不应超过总数；以“分别为”列出全部分项时应等于总数。请核对总数和各分项。",
                labels=[ctx.label(NormSpan(first, last), "参与求和的分项")],
            )
