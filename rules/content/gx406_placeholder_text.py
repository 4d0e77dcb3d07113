from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import NormSpan, Report
from gxlint.regexcache import compile_cached
from gxlint.textscan import search_from

CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”"
# NOTE: the normalised text has ASCII round brackets, so （此处填写…） arrives as (此处填写…).
PLACEHOLDER = (
    # XX / XXX / ×× next to Chinese text or a year (20XX年), never inside an ASCII word or URL.
    rf"(?<![A-Za-z/._=@%&?#-])(?:(?<=[{CJK}])[Xx×]{{2,}}|[Xx×]{{2,}}(?=[{CJK}])|×{{2,}})"
    r"(?![A-Za-z/._=@%&#-])"
    r"|某某(?=[镇乡县市区局委厅办街村社单部公司年月日件条项号])"
    # NOTE: a bare (填写申请表) may describe the application form; 此处/请在此 make it a hint.
    r"|[(\[【][ \t]*(?:此处|请在此处?)(?:填写|填入)[^()\[\]【】\n]{0,30}[)\]】]"
    r"|[(\[【][ \t]*(?:待补充|待填写|待完善)[ \t]*[)\]】]"
    r"|此处填写|此处填入|请在此处"
)
# NOTE: what every placeholder contains; PLACEHOLDER runs only after a hit. TRIGGER's matches
# begin with a character of TRIGGER_FIRSTS, found by str.find (gxlint.textscan): its own
# scan was ~20 µs a report. 请在此 is looked for on its own: 请 is in every 申请.
TRIGGER = compile_cached(r"XX|Xx|xX|xx|××|某某|填写|填入|待补充|待填|待完善")
TRIGGER_FIRSTS = "Xx×某填待"
TRIGGER_WORD = "请在此"
URL = r"(?:https?://|www\.)[^\s，。；、)]*"


@cache
def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """PLACEHOLDER and URL compile on first use: most reports never get past TRIGGER, and
    PLACEHOLDER's CJK classes are slow to compile (start-up time)."""
    return compile_cached(pattern, flags)


class PlaceholderText(Rule):
    """模板占位文字未替换（XX、××、某某、（此处填写…）、【待补充】）。

    ## 说明
    报告中留有模板的占位文字：`XX镇`、`20XX年`、`××件`、`某某局`、`（此处填写具体情况）`、
    `【待补充】`。网址、型号等 ASCII 词中的 `XX` 不报告；`张某某` 这类匿名化的人名不报告。
    ## 为什么
    占位文字说明报告由模板改写而未完成，公开后内容失实。
    ## 错误示例
    `XX镇人民政府2024年政府信息公开工作年度报告`、`全年主动公开政府信息××条。`
    ## 正确示例
    `城关镇人民政府2024年政府信息公开工作年度报告`、`全年主动公开政府信息215条。`
    ## 依据
    《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号（内容“不能遗漏”）
    """

    code = "GX406"
    name = "placeholder-text"
    target = Report
    default_severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        text = report.text
        if TRIGGER_WORD not in text and search_from(TRIGGER, text, TRIGGER_FIRSTS) is None:
            return
        urls: list[tuple[int, int]] | None = None
        for match in _compiled(PLACEHOLDER).finditer(text):
            if urls is None:
                urls = [m.span() for m in _compiled(URL, re.IGNORECASE).finditer(text)]
            if any(start <= match.start() < end for start, end in urls):
                continue
            raw = ctx.source_text(NormSpan(*match.span()))
            yield ctx.finding(
                NormSpan(*match.span()),
                f"“{raw}”是模板占位文字，应替换为实际内容。",
                help="按实际情况填写机关名称、年份、数字和情况说明，删除模板中的占位符和填写提示。",
            )
