from collections.abc import Iterator

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import Report, Section

SECTION_NAMES = "一二三四五六"


class SectionOrder(Rule):
    """六个部分顺序颠倒或重复出现。

    ## 说明
    部分标题应按一、二、三、四、五、六的顺序各出现一次。某一部分出现在编号更大的部分
    之后，或同一部分出现两次时报告，次要标注指向相关的另一个标题。

    只比较能按格式标题辨认的部分：表格三中以“一、”“二、”“四、”开头的行标签
    （如“四、结转下年度继续办理”）不是部分标题；正文先用一至六编排自己的题目、再按
    格式重新编号的报告，前面那些自拟题目也不参与比较。

    ## 为什么
    顺序错乱或重复的报告无法与其他机关的报告逐项对照，重复的部分通常是复制粘贴时
    留下的，两处内容往往互相矛盾。

    ## 错误示例
    ```
    三、收到和处理政府信息公开申请情况
    四、政府信息公开行政复议、行政诉讼情况
    三、收到和处理政府信息公开申请情况
    ```

    ## 正确示例
    ```
    三、收到和处理政府信息公开申请情况
    四、政府信息公开行政复议、行政诉讼情况
    五、存在的主要问题及改进情况
    ```

    ## 依据
    国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》规定的六个
    部分及其顺序。
    """

    code = "GX102"
    name = "section-order"
    target = Report
    default_severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        seen: dict[int, Section] = {}
        latest: Section | None = None
        for section in report.sections:
            heading = section.heading
            if not 1 <= section.number <= 6 or (heading.match is None and not heading.implied):
                continue
            name = SECTION_NAMES[section.number - 1]
            title = ctx.spec.section(section.number).heading
            first = seen.get(section.number)
            if first is not None:
                yield ctx.finding(
                    section.heading,
                    f"第{name}部分“{title}”重复出现。",
                    help="六个部分应各出现一次；请删除或合并重复的部分。",
                    labels=[ctx.label(first.heading, "第一次出现")],
                )
            elif latest is not None and section.number < latest.number:
                later = SECTION_NAMES[latest.number - 1]
                yield ctx.finding(
                    section.heading,
                    f"第{name}部分“{title}”出现在第{later}部分之后，顺序颠倒。",
                    help="六个部分应按一、二、三、四、五、六的顺序排列。",
                    labels=[ctx.label(latest.heading, f"第{later}部分")],
                )
            seen.setdefault(section.number, section)
            if latest is None or section.number > latest.number:
                latest = section
