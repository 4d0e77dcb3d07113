from __future__ import annotations

from collections.abc import Iterator

from gxlint import Finding, FixSafety, Rule, RuleContext, Severity
from gxlint.model import NormSpan, Report
from gxlint.parse.patterns import WEB_RESIDUE, WEB_RESIDUE_FOOTER, WEB_RESIDUE_WORDS

# NOTE: a long sentence that happens to contain 来源：/发布时间 is prose, not a page bar.
MAX_BAR_LENGTH = 80
SENTENCE_END = ("。", "；", ";")
LINE_START_WORDS = ("来源", "发布时间")
FOOTER_MARKS = "—-页"  # NOTE: every match of WEB_RESIDUE_FOOTER holds one of them.


class WebResidue(Rule):
    """正文中残留网页元素（发布时间、浏览次数、字体栏、面包屑、页码等）。

    ## 说明
    从网站或 PDF 复制报告时带入的页面元素：`发布时间：… 浏览次数：… 【字体：大 中 小】`、
    `当前位置：首页 > 政务公开`、`打印本页 关闭窗口`、`分享到`、`扫一扫`、页脚 `— 1 —`、
    `第 1 页`。每行报告一次；自动修复删除整行。
    ## 为什么
    这些内容不属于报告正文，公开发布后显得粗糙，也会干扰结构识别（例如把页码读成表格数值）。
    ## 错误示例
    `发布时间: 2025-01-23     浏览次数:    【字体:`
    ## 正确示例
    删除该行，报告从标题开始。
    ## 依据
    国办公开办函〔2021〕30号（年度报告格式）；GB/T 9704—2012《党政机关公文格式》
    """

    code = "GX407"
    name = "web-residue"
    target = Report
    default_severity = Severity.WARNING
    fix = FixSafety.SAFE

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        text = report.text
        done_until = -1
        footers = page_footers(text)
        words = [(m.start(), m.group()) for m in WEB_RESIDUE_WORDS.finditer(text)]
        for at, hit in sorted(words + footers) if footers else words:
            if at < done_until:
                continue  # NOTE: one finding per line.
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            done_until = end
            line = text[start:end]
            stripped = line.strip()
            hits = {m.group() for m in WEB_RESIDUE.finditer(line)}
            if len(hits) < 2 and not _looks_like_bar(line, at - start, hit):
                continue
            lead = len(line) - len(line.lstrip())
            span = NormSpan(start + lead, start + lead + len(stripped))
            whole_line = NormSpan(start, min(end + 1, len(text)))
            yield ctx.finding(
                span,
                f"“{_short(ctx.source_text(span))}”是复制网页时带入的页面元素，不属于报告正文。",
                help="删除发布时间、浏览次数、字体栏、当前位置、打印/关闭、页码等网页或排版残留。",
                fix=ctx.replace(whole_line, ""),
            )


def page_footers(text: str) -> list[tuple[int, str]]:
    """``(line start, footer)`` of each page footer line (``— 1 —``, ``第 1 页``): what
    ``WEB_RESIDUE_FOOTER.finditer("\\n" + text)`` finds (the ``"\\n"``: a footer on the first
    line also follows a line break).

    NOTE: tried only on the lines holding a dash or 页, which every footer holds: the
    expression begins with the line break, and trying it after every one of a report's
    hundreds of lines was most of this rule's time.
    """
    starts: set[int] = set()
    for mark in FOOTER_MARKS:
        at = text.find(mark)
        while at != -1:
            starts.add(text.rfind("\n", 0, at) + 1)
            at = text.find(mark, at + 1)
    if not starts:
        return []
    prefixed = "\n" + text  # NOTE: line start s of text is the "\n" at s of prefixed.
    found = [WEB_RESIDUE_FOOTER.match(prefixed, start) for start in sorted(starts)]
    return [(match.start(), match.group()[1:]) for match in found if match is not None]


def _looks_like_bar(line: str, offset: int, hit: str) -> bool:
    """A single residue word counts only on a short line that is not a sentence."""
    stripped = line.strip()
    if len(stripped) > MAX_BAR_LENGTH or stripped.endswith(SENTENCE_END):
        return False
    if hit.startswith(LINE_START_WORDS):
        # NOTE: 数据来源：… or 信息发布时间 inside a phrase is prose; a page bar starts with them.
        before = line[:offset]
        return not before.strip() or before[-1] in " \t】]|"
    return True


def _short(line: str) -> str:
    return line if len(line) <= 40 else line[:40] + "…"
