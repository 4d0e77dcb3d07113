from __future__ import annotations

import re
from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import Report

from ..issuer import issuer

_SPACE = re.compile(r"\s+")


class SectionSixItemMissing(Rule):
    """第六部分缺少本辖区要求报告的事项。

    ## 说明
    “六、其他需要报告的事项”应报告辖区配置的每一个必报事项：
    `[[jurisdiction.required-section-six]]` 中写明 `rule = "XJ101"`、`levels` 包含本报告
    发布机关层级的事项（未写 `rule` 的事项由核心规则 GX403 检查），
    第六部分必须提到其 `any-of` 中的至少一个说法。`xinjiang:default` profile 要求县级以上
    人民政府（层级为省、市、县）报告“人大代表建议和政协提案办理结果公开情况”。

    发布机关的层级取自 `[jurisdiction] level`；为 `auto` 时按标题（没有时按落款）中的机关
    名称判断：`和田地区`、`…市人民政府`、`…县人民政府` 是县级以上人民政府，`…镇人民政府`
    是乡镇，`…局` 是部门。读不出层级时只检查不限层级的事项。第六部分整体缺失由 GX101 报告，
    信息处理费由 GX403 检查，无需列入必报事项。本年度没有相关情况的，写明“本年度未承办人大
    代表建议和政协提案”即可。
    ## 为什么
    国办发〔2014〕46号要求各地区、各部门公开人大代表建议和政协提案的办理结果；年度报告的
    第六部分是集中说明这类事项的地方。漏报会让读者以为没有办理或没有公开，辖区汇总年度报告
    时也无从核对。
    ## 错误示例
    ```
    和田地区2024年政府信息公开工作年度报告
    ……
    六、其他需要报告的事项
    本年度没有产生信息公开处理费。
    ```
    ## 正确示例
    ```
    六、其他需要报告的事项
    （一）本年度没有产生信息公开处理费。
    （二）人大代表建议和政协提案办理结果公开情况。本年度承办人大代表建议3件、政协提案2件，
    办理结果均已公开。
    ```
    ## 依据
    《中华人民共和国政府信息公开条例》第五十条（年度报告应包括其他需要报告的事项）；
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》第六部分；
    国办发〔2014〕46号（人大代表建议和政协提案办理结果公开）；必报事项以辖区 profile 为准。
    ## 配置
    必报事项在 `[[jurisdiction.required-section-six]]` 中配置（`name`、`any-of`、
    `levels`、`rule = "XJ101"`），通常来自 profile（`extend = "xinjiang:default"`）；用户配置中的同名键整体
    替换 profile 的列表。
    """

    code = "XJ101"
    name = "section-six-item-missing"
    target = Report
    default_severity = Severity.WARNING

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        settings = ctx.settings
        if settings is None or not settings.jurisdiction.required_section_six:
            return
        section = report.section(6)
        if section is None:
            return  # NOTE: a missing section 六 is GX101's finding.
        who = issuer(report, settings)
        written = _SPACE.sub("", report.text[section.span.start : section.span.end])
        heading = section.heading
        at = section.start_point if heading.implied else heading
        region = settings.jurisdiction.name or "本辖区"
        for item in settings.jurisdiction.required_section_six:
            if item.rule != self.code or not item.applies_to(who.level):
                continue
            if any(_SPACE.sub("", word) in written for word in item.any_of):
                continue
            labels = []
            if who.span is not None and item.levels:
                labels.append(ctx.label(who.span, f"发布机关{who.described}，须报告此项"))
            yield ctx.finding(
                at,
                f"第六部分“其他需要报告的事项”未报告“{item.name}”。",
                help=f"{region}要求{_whom(item.levels)}在第六部分报告{item.name}，"
                f"应提到{_words(item.any_of)}；本年度没有相关情况的，也应如实写明。",
                labels=labels,
            )


def _words(words: tuple[str, ...]) -> str:
    shown = "或".join(f"“{word}”" for word in words[:3])
    return f"{shown}等" if len(words) > 3 else shown


def _whom(levels: tuple[str, ...]) -> str:
    if not levels:
        return "所有年度报告"
    if set(levels) == {"省", "市", "县"}:
        return "县级以上人民政府的年度报告"
    return f"层级为{'、'.join(levels)}的发布机关的年度报告"
