from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import Report
from gxlint.spec import fold

MAX_LABEL_CHARS = 60
MAX_CHARS = 200_000
MAX_LINES = 3000  # NOTE: fuzzy label matching is slow; a report's tables start long before.


class NotAReport(Rule):
    """文件中找不到年度报告的结构（没有部分标题，也没有表格），可能不是年度报告。

    ## 说明
    全文既没有“一、总体情况”至“六、其他需要报告的事项”中的任何标题，也没有任何一行是
    格式规定的表格标签（如“规章”“本年新收政府信息公开申请数量”“行政复议”）。
    此时其他规则无从检查，只报告这一条。

    ## 为什么
    多半是选错了文件（通知、附件说明、网页导航），或者复制时只复制了标题。逐条报告
    “缺少第一部分”……“缺少落款”只会淹没真正的原因。

    ## 错误示例
    ```
    关于做好2024年度政府信息公开工作年度报告编制工作的通知
    各乡镇人民政府：……
    ```

    ## 正确示例
    ```
    城关镇人民政府2024年政府信息公开工作年度报告
    一、总体情况
    ……
    ```

    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》：年度报告由
    六个部分组成，第二、三、四部分为统计表格。
    """

    code = "GX002"
    name = "not-a-report"
    target = Report
    default_severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        if report.sections or _has_table_label(report, ctx):
            return
        text = fold(report.text[:MAX_CHARS])
        named = [s.heading for s in ctx.spec.sections if fold(s.title) in text]
        if len(named) >= 2:
            message = (
                f"未能识别报告结构：文中出现了“{named[0]}”等部分标题的文字，但没有单独成行的"
                "部分标题，也没有统计表格（全文可能被合并成了一行，或不是年度报告本身）。"
            )
        else:
            message = (
                "未找到年度报告的结构：没有“一、总体情况”等部分标题，也没有统计表格，"
                "可能不是政府信息公开工作年度报告。"
            )
        yield ctx.finding(
            report.point(0),
            message,
            help="年度报告应按格式分为六个部分（一、总体情况 … 六、其他需要报告的事项），"
            "第二、三、四部分含统计表格。",
        )


def _has_table_label(report: Report, ctx: RuleContext) -> bool:
    """True when some line (or tab/pipe cell) is a label of the format's tables."""
    spec = ctx.spec
    for line in report.text.split("\n", MAX_LINES)[:MAX_LINES]:
        for cell in line.replace("|", "\t").split("\t"):
            cell = cell.strip()
            if 2 <= len(cell) <= MAX_LABEL_CHARS and spec.is_table_label(cell):
                return True
    return False
