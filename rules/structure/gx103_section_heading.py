from collections.abc import Iterator

from gxlint import Finding, FixSafety, Rule, RuleContext, Severity
from gxlint.model import Section
from gxlint.spec import MatchKind, SectionSpec, fold


class SectionHeading(Rule):
    """部分标题不规范：缺少标题或序号、序号有误，或文字与格式不同。

    ## 说明
    六个部分的标题应与格式一致，如“二、主动公开政府信息情况”。以下情况报告一次：
    标题整个缺失（只凭内容认出该部分，如只剩表格四的表头碎片和数字）；缺少序号
    （“主动公开政府信息情况”）；序号与部分不符或写法不对（“三、主动公开政府信息情况”、
    “二.主动公开政府信息情况”）；文字与格式不同，包括常见的变体写法（“行政机关主动公开
    政府信息情况”“其他事项”）。本辖区接受的变体可在 `[jurisdiction.label-variants]`
    中列出，列出后不再报告。

    ## 为什么
    统一的标题便于公众在不同机关的报告之间查找对照；缺少序号或标题时，读者也难以
    分辨正文与表格属于哪一部分。

    ## 错误示例
    ```
    主动公开政府信息情况
    ```

    ## 正确示例
    ```
    二、主动公开政府信息情况
    ```

    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》的六个部分
    标题；GB/T 9704—2012《党政机关公文格式》7.3.3（第一层序数用“一、”）。
    """

    code = "GX103"
    name = "section-heading"
    target = Section
    default_severity = Severity.WARNING
    fix = FixSafety.UNSAFE

    def check(self, section: Section, ctx: RuleContext) -> Iterator[Finding]:
        if not 1 <= section.number <= 6:
            return
        spec = ctx.spec.section(section.number)
        heading = section.heading
        help = f"第{spec.ordinal}部分的标题应为“{spec.heading}”，单独成行。"
        if heading.implied:
            line_start = ctx.report.line_starts[ctx.report.line_of(heading.span.start)]
            yield ctx.finding(
                heading,
                f"第{spec.ordinal}部分缺少标题“{spec.heading}”，只能根据内容辨认出这一部分。",
                help=help,
                fix=ctx.replace(ctx.report.point(line_start), spec.heading + "\n"),
            )
            return
        if heading.match is None and _restated_later(section, ctx):
            return  # NOTE: the body's own 一…六 topics, before the format's sections restart.
        ordinal_problem = _ordinal_problem(section, spec, ctx)
        title_problem = _title_problem(section, spec, ctx)
        if ordinal_problem is None and title_problem is None:
            return
        problems = "；".join(p for p in (ordinal_problem, title_problem) if p)
        if title_problem is None and heading.ordinal is not None:
            at, fix = heading.ordinal, ctx.replace(heading.ordinal, f"{spec.ordinal}、")
        elif title_problem is None:
            at, fix = heading, ctx.replace(heading.start_point, f"{spec.ordinal}、")
        elif ordinal_problem is None:
            at, fix = heading.title_span, ctx.replace(heading.title_span, spec.title)
        else:
            at, fix = heading, ctx.replace(heading, spec.heading)
        yield ctx.finding(
            at,
            f"第{spec.ordinal}部分标题{problems}，格式规定为“{spec.heading}”。",
            help=help,
            fix=fix,
        )


def _ordinal_problem(section: Section, spec: SectionSpec, ctx: RuleContext) -> str | None:
    ordinal = section.heading.ordinal
    if ordinal is None:
        return f"缺少序号“{spec.ordinal}、”"
    written = ctx.source_text(ordinal)
    if ordinal.value != section.number:
        return f"序号“{written}”有误，应为“{spec.ordinal}、”"
    if "".join(written.split()) != f"{spec.ordinal}、":
        return f"序号“{written}”应写作“{spec.ordinal}、”"
    return None


def _title_problem(section: Section, spec: SectionSpec, ctx: RuleContext) -> str | None:
    heading = section.heading
    if heading.match is not None and heading.match.kind is MatchKind.EXACT:
        return None
    written = ctx.source_text(heading.title_span)
    settings = ctx.settings
    accepted = settings.jurisdiction.label_variants if settings is not None else {}
    variants = (*accepted.get(spec.title, ()), *accepted.get(spec.heading, ()))
    if fold(heading.title) in {fold(v) for v in variants}:
        return None
    if heading.match is not None and heading.match.kind is MatchKind.VARIANT:
        return f"“{written}”是常见的变体写法"
    return f"“{written}”与格式规定的文字不同"


def _restated_later(section: Section, ctx: RuleContext) -> bool:
    """A later heading of the same number matches the format (the numbering restarts)."""
    return any(
        other.number == section.number
        and other.heading.match is not None
        and other.span.start > section.span.start
        for other in ctx.report.sections
    )
