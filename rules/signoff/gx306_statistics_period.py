from collections.abc import Iterator
from typing import NamedTuple

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import Report


class WrongStatisticsPeriod(Rule):
    """统计期限不是报告年度的1月1日至12月31日（或未写明统计期限）。

    ## 说明
    年度报告的数据应覆盖整个报告年度。明确写出的统计期限（“统计期限为……”“数据统计
    时间自……”）起止日期不是1月1日至12月31日时报告，位置指向期限。起止年份与报告
    年度不符由 GX305 报告。默认不要求写明统计期限（许多规范的报告并不写）；设置
    `require = true` 后，找不到统计期限也报告，位置指向第一部分之前。

    ## 为什么
    统计口径不是整年时，报告中的数字无法与上一年的报告衔接（如“上年结转”），也无法
    与其他机关的报告比较。

    ## 错误示例
    ```
    本报告所列数据的统计期限自2024年1月1日至2024年11月30日。
    ```

    ## 正确示例
    ```
    本报告所列数据的统计期限自2024年1月1日至2024年12月31日。
    ```

    ## 依据
    DB51/T 2660—2019《政府信息公开工作年度报告编制发布规范》2.1（统计期限为1月1日至
    12月31日）；《中华人民共和国政府信息公开条例》第四十九条（上一年度的年度报告）。

    ## 配置
    `require`（默认 false）：为 true 时，报告中找不到统计期限也报告。
    """

    class Options(NamedTuple):
        require: bool = False

    code = "GX306"
    name = "statistics-period"
    target = Report
    default_severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        period = report.statistics_period
        if period is None:
            if ctx.options.require and report.sections:
                first = report.sections[0].heading
                yield ctx.finding(
                    first.start_point,
                    "报告未写明统计期限（如“本报告所列数据的统计期限自2024年1月1日至"
                    "2024年12月31日”）。",
                    help="年度报告应说明数据的统计期限：报告年度的1月1日至12月31日。",
                )
            return
        if not period.explicit or period.full_year or period.start is None or period.end is None:
            return
        start, end = period.start, period.end
        if start.month is None or end.month is None:
            return
        yield ctx.finding(
            period,
            f"统计期限“{ctx.source_text(period)}”不是一个完整的报告年度，应为1月1日至12月31日。",
            help="年度报告的统计期限为报告年度的1月1日至12月31日。",
        )
