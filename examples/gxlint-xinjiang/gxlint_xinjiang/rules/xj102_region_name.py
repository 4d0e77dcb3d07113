from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gxlint import Finding, FixSafety, Rule, RuleContext, Severity
from gxlint.model import NormSpan, Report

FULL_NAME = "新疆维吾尔自治区"
# NOTE: one alternation, longest first, so 新疆维吾尔族自治区 is one finding, not two.
WRONG = re.compile(r"新[疆彊](?:维吾尔族?)?自治区|新彊")


class RegionName(Rule):
    """自治区名称写法不规范。

    ## 说明
    自治区的法定名称是“新疆维吾尔自治区”，规范简称是“新疆”或“自治区”。本规则报告三种
    常见错误写法并给出改正：多写“族”字的“新疆维吾尔族自治区”，不规范的简称“新疆自治区”，
    以及用异体字“彊”写的“新彊”。改正只替换名称本身，属于安全修复。
    ## 为什么
    年度报告是以机关名义公开发布的正式文本，行政区划名称写错会被当作文字差错指出，
    也会影响按名称检索、汇总报告。
    ## 错误示例
    `按照新疆维吾尔族自治区政务公开工作要点……`；`新疆自治区人民政府`
    ## 正确示例
    `按照新疆维吾尔自治区政务公开工作要点……`；`自治区人民政府`
    ## 依据
    GB/T 2260《中华人民共和国行政区划代码》（650000 新疆维吾尔自治区）；《党政机关公文
    处理工作条例》第九条（发文机关署名使用全称或者规范化简称）
    ## 配置
    `short-form = false` 不再报告简称“新疆自治区”（仍报告“维吾尔族”和“彊”）。
    """

    code = "XJ102"
    name = "region-name"
    target = Report
    default_severity = Severity.WARNING
    fix = FixSafety.SAFE

    @dataclass(frozen=True)
    class Options:
        short_form: bool = True

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        for match in WRONG.finditer(report.text):
            written = match.group()
            short = written.endswith("自治区") and "维吾尔" not in written
            if not written.endswith("自治区"):
                correct = "新疆"
            elif short and not ctx.options.short_form:
                correct = written.replace("彊", "疆")
            else:
                correct = FULL_NAME
            if correct == written:
                continue
            span = NormSpan(match.start(), match.end())
            problem = "简称不规范" if short and ctx.options.short_form else "写法有误"
            yield ctx.finding(
                span,
                f"自治区名称“{ctx.source_text(span)}”{problem}，应为“{correct}”。",
                help=f"自治区的法定名称是“{FULL_NAME}”，规范简称是“新疆”或“自治区”。",
                fix=ctx.replace(span, correct),
            )
