from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from gxlint import Finding, Rule, RuleContext, Severity
from gxlint.model import Cell, NormSpan, Report
from gxlint.regexcache import compile_cached

_TOPIC = r"(?:政府信息公开|信息公开|依申请公开)(?:的)?"
# NOTE: narrowly anchored phrases only; anything looser reads numbers of other things. Each
# regex starts with literal alternatives, so a scan of the whole text skips to candidates.
# They compile on first use (``_compiled``): each is needed only when its cells are usable.
RECEIVED = (
    rf"(?:收到|受理|接收|接到){_TOPIC}申请(?:共计|共|合计|总计)?[ \t]*(?P<number>\d+)[ \t]*件"
)
NONE_RECEIVED = rf"(?:未|没有)(?:收到|接到|受理)(?:任何)?{_TOPIC}(?:申请|办件)?(?=[，。；,;、\s]|$)"
# NOTE: 被申请 / 信息公开 anchor it: a 司法局 also "办理行政复议案件" of every kind.
REVIEWED = (
    r"(?:被申请|信息公开(?:工作)?(?:被申请)?)行政复议(?:案件)?(?:共计|共)?"
    r"[ \t]*(?P<number>\d+)[ \t]*[件起]"
)
# NOTE: the characters each phrase begins with, for a fast scan (gxlint.textscan); REVIEWED
# begins with 信 too, the commonest character of a report: only the stretches holding its
# 行政复议 are scanned for it.
FIRSTS = {RECEIVED: "收受接", NONE_RECEIVED: "未没"}
HOLDING = {REVIEWED: "行政复议"}
YEAR = r"((?:19|20)\d\d)[ \t]*年"
SENTENCE_START = r"[。；;！？!?\n]"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return compile_cached(pattern)


class NarrativeContradiction(Rule):
    """正文陈述的数字与表格不一致。

    ## 说明
    只核对三种措辞明确的说法，且只在相关单元格可用时核对：
    `收到/受理政府信息公开申请 N 件` —— N 应等于第三部分表格“本年新收”总计，或“本年新收 +
    上年结转”总计（两种口径都常见，都接受）；`未收到政府信息公开申请` —— 表格“本年新收”总计应为 0；
    `被申请行政复议 N 件` —— N 应等于第四部分表格行政复议“总计”。
    ## 为什么
    正文和表格互相矛盾时，读者无法判断哪个数字是真的，属于“数据失准”。
    ## 错误示例
    正文 `全年共收到政府信息公开申请15件`，表格本年新收总计 12、上年结转总计 1。
    ## 正确示例
    `全年共收到政府信息公开申请12件`（或按含结转口径写 13 件）。
    ## 依据
    国办公开办函〔2021〕30号（年度报告格式）；《中华人民共和国政府信息公开条例》第五十条
    """

    code = "GX401"
    name = "narrative-contradiction"
    target = Report
    default_severity = Severity.ERROR

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        applications = report.application_table
        new = applications.usable("new", "total") if applications else None
        carried = applications.usable("carried_in", "total") if applications else None
        review = report.review_table.usable("review", "total") if report.review_table else None
        if new is not None and carried is not None:
            for match in _narrative(RECEIVED, report):
                stated = int(match.group("number"))
                if stated not in (new.value, new.value + carried.value):
                    yield self._received(ctx, match, stated, new, carried)
        if new is not None and new.value:
            for match in _narrative(NONE_RECEIVED, report):
                yield ctx.finding(
                    NormSpan(*match.span()),
                    f"正文称“{match.group()}”，但第三部分表格“一、本年新收政府信息公开申请数量”"
                    f"总计为 {new.value}。",
                    help="正文对申请情况的陈述应与第三部分表格一致。",
                    labels=[ctx.label(new, "表格中的本年新收总计")],
                )
        if review is not None:
            for match in _narrative(REVIEWED, report):
                stated = int(match.group("number"))
                if stated != review.value:
                    yield ctx.finding(
                        NormSpan(*match.span("number")),
                        f"正文称行政复议 {stated} 件，但第四部分表格行政复议“总计”为 "
                        f"{review.value}。",
                        help="正文所述行政复议件数应与第四部分表格行政复议“总计”一致。",
                        labels=[ctx.label(review, "表格中的行政复议总计")],
                    )

    def _received(
        self, ctx: RuleContext, match: re.Match[str], stated: int, new: Cell, carried: Cell
    ) -> Finding:
        both = new.value + carried.value
        return ctx.finding(
            NormSpan(*match.span("number")),
            f"正文称收到政府信息公开申请 {stated} 件，但第三部分表格本年新收总计为 {new.value}，"
            f"加上年结转为 {both}，与两者都不一致。",
            help="正文所述申请件数应等于表格“一、本年新收”总计，或“本年新收 + 上年结转”总计。",
            labels=[ctx.label(new, "本年新收总计"), ctx.label(carried, "上年结转总计")],
        )


def _narrative(pattern: str, report: Report) -> Iterator[re.Match[str]]:
    """Matches in the running text (not in tables) about the report year."""
    scan = report.matches_outside_tables(
        _compiled(pattern), FIRSTS.get(pattern), holding=HOLDING.get(pattern, "")
    )
    for match in scan:
        if not _other_year(report.text, match.start(), report.year):
            yield match


def _other_year(text: str, at: int, year: int | None) -> bool:
    """True when the sentence before ``at`` names a year other than the report year."""
    if year is None:
        return False
    starts = _compiled(SENTENCE_START).finditer(text, max(0, at - 80), at)
    start = max((m.end() for m in starts), default=0)
    return any(int(y) != year for y in _compiled(YEAR).findall(text, max(start, at - 80), at))
