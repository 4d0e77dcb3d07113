from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import Report


class MissingSignature(Rule):
    """报告末尾缺少落款（发布机关署名）。

    ## 说明
    最后一部分之后应有落款：一行发布机关全称，下一行成文日期。没有机关署名时报告，
    位置指向它应在的地方（成文日期之前，或正文末尾）。成文日期以括号写在标题下方、
    标题已写明机关（常见于网站发布的报告）时不报告。全文找不到任何部分时由 GX002
    报告。

    ## 为什么
    落款表明报告由哪个机关发布、对内容负责；从网页或 PDF 复制时常常丢失，发布前应
    补上。

    ## 错误示例
    ```
    六、其他需要报告的事项
    本年度没有产生信息公开处理费。
    ```

    ## 正确示例
    ```
    六、其他需要报告的事项
    本年度没有产生信息公开处理费。

                      洛浦县恰尔巴格镇人民政府
                          2024年1月18日
    ```

    ## 依据
    GB/T 9704—2012《党政机关公文格式》7.3.5 发文机关署名、成文日期和印章。
    """

    code = "GX301"
    name = "missing-signature"
    target = Report
    default_severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        if not report.sections:
            return
        signoff = report.signoff
        if signoff is not None and signoff.organ is not None:
            return
        title = report.title
        if signoff is None and title is not None and title.organ and report.title_date:
            return  # NOTE: dated under a title that names the organ (web style).
        where = signoff.start_point if signoff is not None else report.end_point
        yield ctx.finding(
            where,
            "报告末尾缺少落款：最后一部分之后应署发布机关全称。",
            help="落款由发布机关全称和下一行的成文日期组成，置于正文之后、右对齐。",
        )
