from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import Report
from gxlint.model.organ import classify_organ
from gxlint.spec import fold

TITLE_WORDS = "政府信息公开工作年度报告"


class MissingTitle(Rule):
    """缺少标题，或标题没有写明机关、年度和“政府信息公开工作年度报告”。

    ## 说明
    报告开头应有一行标题，写明发布机关、报告年度和“政府信息公开工作年度报告”，如
    “城关镇人民政府2024年政府信息公开工作年度报告”。全文没有标题时，位置指向正文开头；
    标题缺少年度、缺少“年度报告”字样或没有写明机关时，指向标题。机关名称单独写在
    标题上一行（如网站栏目名下的“××县人民政府”）也可以。

    ## 为什么
    年度报告在政府网站上按机关和年度归档、检索，没有标题或标题不完整，公众难以确认
    这是哪个机关、哪一年的报告。

    ## 错误示例
    ```
    根据《中华人民共和国政府信息公开条例》……
    一、总体情况
    ```

    ## 正确示例
    ```
    锦屏县大同乡人民政府2024年政府信息公开工作年度报告
    根据《中华人民共和国政府信息公开条例》……
    ```

    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》；
    GB/T 9704—2012《党政机关公文格式》7.3.1 标题（由发文机关名称、事由和文种组成）。
    """

    code = "GX106"
    name = "missing-title"
    target = Report
    default_severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        if not report.sections:
            return  # NOTE: no structure at all is GX002's finding.
        help = f"报告应以“机关名称 + 年度 + {TITLE_WORDS}”为标题，如“城关镇人民政府2024年{TITLE_WORDS}”。"
        title = report.title
        if title is None:
            first = report.preamble[0] if report.preamble else report.sections[0].heading
            yield ctx.finding(
                first.start_point,
                f"报告缺少标题：应写明发布机关、年度和“{TITLE_WORDS}”。",
                help=help,
            )
            return
        missing = []
        if title.organ is None and not _organ_line_before(report):
            missing.append("发布机关")
        if title.year is None:
            missing.append("报告年度")
        if TITLE_WORDS not in fold(title.text):
            missing.append(f"“{TITLE_WORDS}”字样")
        if missing:
            yield ctx.finding(
                title,
                f"标题“{title.text}”未写明{'、'.join(missing)}。",
                help=help,
            )


def _organ_line_before(report: Report) -> bool:
    """A line naming an organ right above the title (the title continues it)."""
    title = report.title
    before = [p for p in report.preamble if title is not None and p.span.end <= title.span.start]
    return bool(before) and classify_organ(before[-1].text).level != "未知"
