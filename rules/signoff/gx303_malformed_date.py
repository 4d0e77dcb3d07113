from collections.abc import Iterator

from gxlint import Finding, FixSafety, Rule, RuleContext, Severity
from gxlint.model import DateMention

HELP = "日期应写作“YYYY年M月D日”：阿拉伯数字，年份写全，月、日不补零，如“2025年1月8日”。"


class MalformedDate(Rule):
    """日期写法有误：丢了“年”“月”“日”、日期不存在或月日补零。

    ## 说明
    报告中的日期（成文日期、统计期限等）应写作“2025年1月8日”。报告三类问题：复制时
    丢了字（`20251月8`、`20241月1日`、`20211231日`）、日期不存在（2月30日）、月日补零
    （`2025年01月08日`）。只有一种合理读法时，在消息中给出并提供（不安全的）修正。
    网页元数据中的 `2025-01-23` 不是成文日期，不报告；PDF 文字中的
    `2024 年 1 月 18 日` 这样的空格不算错误。

    ## 为什么
    丢字多是网站系统或复制过程造成的，同样的错误在许多网站、许多年份反复出现；日期
    有误时，发布是否按期、统计期限是否正确都无法确认。

    ## 错误示例
    ```
    托克逊县夏镇人民政府
    20251月8
    ```

    ## 正确示例
    ```
    托克逊县夏镇人民政府
    2025年1月8日
    ```

    ## 依据
    GB/T 9704—2012《党政机关公文格式》7.3.5（成文日期用阿拉伯数字将年、月、日标全，
    年份应标全称，月、日不编虚位）。
    """

    code = "GX303"
    name = "malformed-date"
    target = DateMention
    default_severity = Severity.ERROR
    fix = FixSafety.UNSAFE

    def check(self, mention: DateMention, ctx: RuleContext) -> Iterator[Finding]:
        if mention.problem is None or mention.kind == "iso":
            return
        problem = f"日期“{ctx.source_text(mention)}”{mention.problem.removeprefix('日期')}"
        if mention.suggestion is not None:
            message = f"{problem}，应为“{mention.suggestion}”。"
            fix = ctx.replace(mention, mention.suggestion)
        else:
            message = f"{problem}，无法确定所指日期，请核对后改正。"
            fix = None
        yield ctx.finding(mention, message, help=HELP, fix=fix)
