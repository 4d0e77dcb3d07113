from __future__ import annotations

from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import NormSpan, Section
from gxlint.model.organ import classify_organ
from gxlint.regexcache import compile_cached

# NOTE: the accepted statements (domain.md §7): 信息处理费, 处理费, 收费, 收取…费用, 费用.
FEE_WORDS = compile_cached(r"处理费|收费|费用")
CONTENT_LINE = compile_cached(r"[^\s]+(?:[^\S\n]+[^\s]+)*")


class FeeStatementMissing(Rule):
    """第六部分未说明信息处理费收取情况。

    ## 说明
    “六、其他需要报告的事项”没有提到政府信息公开信息处理费：收取了多少，或者没有收取。
    只看第六部分本身；写在其他部分的收费说明不能代替。第六部分整体缺失由 GX101 报告。
    辖区在 `[[jurisdiction.required-section-six]]` 中要求的其他事项（如人大代表建议和
    政协提案办理结果公开情况）也在这里检查：适用于本报告层级的每一项，第六部分须出现
    其 `any-of` 中的至少一个词。
    ## 为什么
    信息处理费的收取情况应纳入年度报告接受社会监督；只写“无。”的第六部分读者无法判断是否收费。
    ## 错误示例
    `六、其他需要报告的事项` / `无。`
    ## 正确示例
    `六、其他需要报告的事项` / `本机关2024年未收取信息处理费。`
    ## 依据
    国办函〔2020〕109号《政府信息公开信息处理费管理办法》；国办公开办函〔2021〕30号
    ## 配置
    `[[jurisdiction.required-section-six]]`：`name`（事项名称）、`any-of`（任一出现即视为已报告的
    词语）、`levels`（适用的层级：省、市、县、乡镇、部门；不写则适用全部）、`rule`（检查该
    事项的规则，默认 GX403；规则包自带检查的事项写该规则的代码，如 XJ101，以免重复报告）。层级取
    `[jurisdiction] level`，为 `auto` 时按标题或落款中的机关名称判断。
    """

    code = "GX403"
    name = "fee-statement-missing"
    target = Section
    default_severity = Severity.WARNING

    def check(self, section: Section, ctx: RuleContext) -> Iterator[Finding]:
        if section.number != 6:
            return
        text = ctx.report.text
        heading = section.heading
        after = heading.span.end if not heading.implied else section.span.start
        body = CONTENT_LINE.search(text, after, section.span.end)
        at = NormSpan(*body.span()) if body else heading
        if not FEE_WORDS.search(text, section.span.start, section.span.end):
            yield ctx.finding(
                at,
                "第六部分“其他需要报告的事项”未说明信息处理费收取情况。",
                help="按照国办函〔2020〕109号，应在第六部分说明本年度是否收取信息处理费及收取金额"
                "（未收取的写明“本年度未收取信息处理费”）。",
            )
        content = text[section.span.start : section.span.end]
        for item, level in _required_items(ctx):
            if not any(word in content for word in item.any_of):
                yield ctx.finding(
                    at,
                    f"第六部分未报告“{item.name}”：本辖区要求{level}级报告说明此事项。",
                    help=f"在第六部分增加“{item.name}”的内容（按 [jurisdiction] 的配置）。",
                )


def _required_items(ctx: RuleContext) -> list[tuple[object, str]]:
    """The configured section-六 items that apply to this report's level."""
    settings = ctx.settings
    if settings is None or not settings.jurisdiction.required_section_six:
        return []
    jurisdiction = settings.jurisdiction
    level = jurisdiction.level
    if level == "auto":
        report = ctx.report
        organ = report.title.organ if report.title else None
        if not organ and report.signoff and report.signoff.organ:
            organ = report.signoff.organ.text
        level = classify_organ(organ).level
    return [
        (item, level)
        for item in jurisdiction.required_section_six
        if item.rule == "GX403" and item.applies_to(level)
    ]
