from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import Report


class MissingDate(Rule):
    """落款中缺少成文日期。

    ## 说明
    落款的机关署名下一行应写成文日期，如“2025年1月20日”。找不到成文日期时报告，
    位置指向它应在的地方（机关署名之后，或正文末尾）。以下情况不报告：日期存在但写法
    有误（如 `20251月8`，由 GX303 报告）；成文日期以括号写在标题下方
    （“（2025年1月20日）”）。全文找不到任何部分时由 GX002 报告。

    ## 为什么
    成文日期决定报告是否按期发布（《条例》第四十九条），没有日期就无从判断，也无法
    与统计期限、报告年度相互印证。

    ## 错误示例
    ```
    六、其他需要报告的事项
    本年度没有产生信息公开处理费。
    ```

    ## 正确示例
    ```
    洛浦县恰尔巴格镇人民政府
    2024年1月18日
    ```

    ## 依据
    GB/T 9704—2012《党政机关公文格式》7.3.5 成文日期；《中华人民共和国政府信息公开条例》
    第四十九条。
    """

    code = "GX302"
    name = "missing-date"
    target = Report
    default_severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        if not report.sections or report.issue_date is not None:
            return
        signoff = report.signoff
        if signoff is not None and signoff.date_line is not None:
            return  # NOTE: a date line the reader could not read is GX303's business.
        where = signoff.end_point if signoff is not None else report.end_point
        yield ctx.finding(
            where,
            "落款中缺少成文日期：发布机关署名的下一行应写明成文日期。",
            help="成文日期用阿拉伯数字写全年、月、日，如“2025年1月20日”，置于发布机关署名下一行。",
        )
