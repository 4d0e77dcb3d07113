from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import Report

if TYPE_CHECKING:
    from gxlint.source.spans import NormSpan

SECTION_NAMES = "一二三四五六"


class MissingSection(Rule):
    """缺少格式规定的某一部分（一至六）。

    ## 说明
    年度报告应依次包含六个部分。某一部分既没有标题，也没有能辨认出的内容（例如只剩
    表格四的数字也算辨认出第四部分，那时报告的是 GX103 缺少标题）时，报告该部分缺失，
    位置指向它本应出现的地方：下一个已有部分的标题之前；若它是最后一部分，则在落款
    之前或正文末尾。全文一个部分都找不到时由 GX002 报告，本规则不再逐一报告。

    ## 为什么
    《条例》第五十条规定了年度报告必须包含的内容，格式要求“不能遗漏”。缺少第六部分
    往往意味着信息处理费收取情况没有报告。

    ## 错误示例
    ```
    五、存在的主要问题及改进情况
    ……
    乌苏市西大沟镇人民政府
    2025年1月21日
    ```

    ## 正确示例
    ```
    五、存在的主要问题及改进情况
    ……
    六、其他需要报告的事项
    本机关2024年未收取信息处理费。
    ```

    ## 依据
    《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号《中华人民共和国
    政府信息公开工作年度报告格式》。
    """

    code = "GX101"
    name = "missing-section"
    target = Report
    default_severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        present = [s for s in report.sections if 1 <= s.number <= 6]
        if not present:
            return  # NOTE: no structure at all is GX002's finding.
        numbers = {s.number for s in present}
        for number in range(1, 7):
            if number in numbers:
                continue
            heading = ctx.spec.section(number).heading
            yield ctx.finding(
                _where(report, number),
                f"缺少第{SECTION_NAMES[number - 1]}部分“{heading}”。",
                help="年度报告应依次包含六个部分：一、总体情况；二、主动公开政府信息情况；"
                "三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；"
                "五、存在的主要问题及改进情况；六、其他需要报告的事项。",
            )


def _where(report: Report, number: int) -> NormSpan:
    """Where section ``number`` should start: before the next present section, else at the
    sign-off, else at the end of the content."""
    for section in report.sections:
        if section.number > number:
            return section.heading.start_point
    if report.signoff is not None:
        return report.point(report.line_starts[report.line_of(report.signoff.span.start)])
    return report.end_point
