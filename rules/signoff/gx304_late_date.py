from collections.abc import Iterator
from typing import TYPE_CHECKING

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import DateMention, Report
from gxlint.model.organ import classify_organ

if TYPE_CHECKING:
    from datetime import date

PUBLISHED = ("发布时间", "发布日期", "发布于", "成文日期")


class LateDate(Rule):
    """成文日期（或发布日期）晚于年度报告的发布期限。

    ## 说明
    比较落款的成文日期（没有时用标题下括号中的日期，再没有时用正文中写明的“发布时间”）
    与报告年度的发布期限。默认期限：县级以上人民政府部门、乡镇（街道）等为次年1月31日；
    县级以上地方人民政府的本级政府报告为次年3月31日（根据标题或落款中的机关名称判断）。
    期限和本级政府报告的判断可在 `[jurisdiction]` 的 `deadline`、`own-government-report`、
    `level` 中按辖区设置。日期写法有误但只有一种读法时按那种读法比较，无法读出时不报告。

    ## 为什么
    《条例》规定了年度报告的公布期限，逾期发布是政务公开检查中的常见扣分项；成文日期
    晚于期限，说明报告逾期，或日期写错了。

    ## 错误示例
    ```
    城关镇人民政府
    2025年2月10日
    ```

    ## 正确示例
    ```
    城关镇人民政府
    2025年1月20日
    ```

    ## 依据
    《中华人民共和国政府信息公开条例》第四十九条（县级以上人民政府部门于每年1月31日前、
    县级以上地方人民政府于每年3月31日前公布本级政府上一年度的年度报告）。
    """

    code = "GX304"
    name = "late-date"
    target = Report
    default_severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        year = report.year
        mention = report.issue_date or _published(report)
        when = mention.intended if mention is not None else None
        if year is None or mention is None or when is None:
            return
        organ = report.title.organ if report.title is not None else None
        if organ is None and report.signoff is not None and report.signoff.organ is not None:
            organ = report.signoff.organ.text
        own = classify_organ(organ).county_or_above_government
        deadline = _deadline(ctx, year, own)
        if when <= deadline:
            return
        kind = "成文日期" if mention is report.issue_date else "发布日期"
        yield ctx.finding(
            mention,
            f"{kind}“{ctx.source_text(mention)}”晚于{year}年度报告的发布期限"
            f"{deadline.year}年{deadline.month}月{deadline.day}日。",
            help="县级以上人民政府部门应于次年1月31日前、县级以上地方人民政府应于次年3月31日前"
            "公布本级政府上一年度的年度报告（条例第四十九条）；本辖区的期限可在配置的"
            " [jurisdiction] deadline 中设置。",
        )


def _deadline(ctx: RuleContext, year: int, own: bool) -> "date":
    if ctx.settings is not None:
        return ctx.settings.jurisdiction.deadline_for(year, own)
    import datetime  # NOTE: only without settings (the CLI always passes them)

    return datetime.date(year + 1, 3, 31) if own else datetime.date(year + 1, 1, 31)


def _published(report: Report) -> DateMention | None:
    """A publication date stated in the text (``发布时间：2025-01-23``)."""
    for mention in report.dates:
        before = report.text[max(0, mention.span.start - 8) : mention.span.start]
        if any(word in before for word in PUBLISHED):
            return mention
    return None
