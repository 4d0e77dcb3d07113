from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import DateMention, Report


class YearMismatch(Rule):
    """标题年度、统计期限和成文日期的年份互相矛盾。

    ## 说明
    报告年度以标题中的年份为准（没有标题时以统计期限为准）。统计期限的起止年份应等于
    报告年度；成文日期应在报告年度的次年。统计期限只采用
    明确写出的（“统计期限为……”）或整年（1月1日至12月31日）的日期范围，正文中其他
    日期范围不参与比较。日期写法有误时按其中的年份比较。

    ## 为什么
    年份矛盾多是套用上一年的报告时漏改了某一处：标题改了、统计期限没改，或者成文
    日期写成了报告年度本身。读者无法确定报告到底属于哪一年。

    ## 错误示例
    ```
    城关镇人民政府2024年政府信息公开工作年度报告
    本报告所列数据的统计期限自2023年1月1日至2023年12月31日。
    ```

    ## 正确示例
    ```
    城关镇人民政府2024年政府信息公开工作年度报告
    本报告所列数据的统计期限自2024年1月1日至2024年12月31日。
    ```

    ## 依据
    《中华人民共和国政府信息公开条例》第四十九条（公布上一年度的年度报告）；
    DB51/T 2660—2019 2.1（统计期限为1月1日至12月31日）。
    """

    code = "GX305"
    name = "year-mismatch"
    target = Report
    default_severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        title = report.title
        title_year = title.year if title is not None else None
        labels = []
        if title is not None and title.year_span is not None:
            labels = [ctx.label(title.year_span, "标题中的报告年度")]
        period = report.statistics_period
        if period is not None and not (period.explicit or period.full_year):
            period = None
        if title_year is not None and period is not None:
            wrong = [
                m for m in (period.start, period.end) if _own_year(m) not in (None, title_year)
            ]
            if wrong:
                at = period if len(wrong) == 2 else wrong[0]
                yield ctx.finding(
                    at,
                    f"统计期限中的“{ctx.source_text(at)}”与标题中的报告年度{title_year}年不一致。",
                    help="统计期限应为报告年度的1月1日至12月31日。",
                    labels=labels,
                )
        year = title_year if title_year is not None else period.year if period else None
        issued = report.issue_date
        if year is None or issued is None or issued.year is None:
            return
        # NOTE: rules.md: a 2024 report signed in 2024 is an error (the year is not over).
        if issued.year == year + 1:
            return
        yield ctx.finding(
            issued,
            f"成文日期“{ctx.source_text(issued)}”的年份与{year}年度报告不符，应在{year + 1}年。",
            help="年度报告在报告年度结束后、次年年初成文发布。",
            labels=labels,
        )


def _own_year(mention: DateMention | None) -> int | None:
    """The year written in ``mention`` (None for ``12月31日``, which takes the start's year)."""
    if mention is None or mention.year is None or str(mention.year) not in mention.raw:
        return None
    return mention.year
