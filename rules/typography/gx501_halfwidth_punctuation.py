from collections.abc import Iterator
from itertools import groupby
from typing import Literal, NamedTuple

from gxlint import Finding, FixSafety, Rule, RuleContext, Severity
from gxlint.model import Report, SourceSpan
from gxlint.regexcache import compile_cached

FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
FULL_FORMS = {**FULL, "(": "（）", ")": "（）"}  # NOTE: brackets are one kind, judged in pairs.
MARKS = compile_cached(r"[,;:?!()]")
BLANKED = "".join(FULL) + "".join(FULL.values())
"""The marks a masked span loses (both widths)."""
CJK_MARKS = "“”‘’…"
UNIFORM = "全文中文语境的标点一律为半角（, : ( ) 等），多为从网页复制所致；正式文本应使用全角标点。"
HELP = "中文文本中的逗号、分号、冒号、问号、叹号和括号应使用全角形式：，；：？！（）。"


class HalfwidthPunctuation(Rule):
    """中文文本中混用半角标点。

    ## 说明
    中文语境（紧邻汉字或全角符号）的半角 `, ; : ? ! ( )`，而正文别处用了同一标点的全角形式时，
    每行报告一次（指向第一个，修复改正全行）；正文一律半角（网页复制）时只给一条 `info`。不检查：
    两侧都不是汉字的符号（`10:00`、小数、网址）、表格区域（只在表格里出现的全角也不算混用）、文号
    （GX404）、行首序号（GX502）。
    ## 为什么
    全角、半角混用是排版不统一；正式公文的中文标点应为全角。
    ## 错误示例
    `依据《中华人民共和国政府信息公开条例》(以下简称《条例》)和…（国办公开办函〔2021〕30号）要求`
    ## 正确示例
    `依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和…（国办公开办函〔2021〕30号）要求`
    ## 依据
    GB/T 15834—2011《标点符号用法》；GB/T 9704—2012《党政机关公文格式》
    ## 配置
    `mode`（默认 `"auto"`）：`"strict"` 时不论全文是否统一，逐个报告每一个中文语境中的半角标点。
    """

    class Options(NamedTuple):
        mode: Literal["auto", "strict"] = "auto"

    code = "GX501"
    name = "halfwidth-punctuation"
    target = Report
    default_severity = Severity.WARNING
    fix = FixSafety.SAFE

    def check(self, report: Report, ctx: RuleContext) -> Iterator[Finding]:
        src = ctx.norm.original
        present = {mark for mark in FULL if mark in src}
        # NOTE: blanked copies: no tables; then also no 发文字号 (GX404) or ordinals (GX502).
        tables = [ctx.to_source(s.table_region) for s in report.sections if s.table_region]
        text = _mask(src, tables)
        ordinals = [item.ordinal for section in report.sections for item in section.items]
        reserved = [d.span for d in report.doc_numbers]
        reserved += [o.span for o in ordinals if o.style.startswith(("paren", "broken"))]
        scanned = _mask(text, [ctx.to_source(span) for span in reserved])
        if ctx.options.mode == "strict":
            for at in sorted(_offenders(scanned, present)):
                fix = ctx.replace(SourceSpan(at, at + 1), FULL[src[at]])
                yield ctx.finding(fix.span, _message(src[at], ""), help=HELP, fix=fix)
            return
        mixed = {mark for mark in present if any(full in text for full in FULL_FORMS[mark])}
        found = sorted(_offenders(scanned, mixed)) if mixed else []
        if not found and not any(full in text for full in FULL.values()):
            first = next(_offenders(scanned, present), None)  # NOTE: the earliest one.
            if first is not None:
                span = SourceSpan(first, first + 1)
                yield ctx.finding(span, UNIFORM, help=HELP, severity=Severity.INFO)
        for _, marks in groupby(found, key=lambda at: src.rfind("\n", 0, at)):
            group = list(marks)
            start, end = group[0], group[-1] + 1
            run = "".join(FULL[src[i]] if i in group else src[i] for i in range(start, end))
            fix = ctx.replace(SourceSpan(start, end), run)
            message = _message("".join(src[at] for at in group))
            yield ctx.finding(SourceSpan(start, start + 1), message, help=HELP, fix=fix)


def _message(marks: str, where: str = "，而本报告正文其他地方使用全角") -> str:
    shown = "".join(dict.fromkeys(marks))
    fulls = "".join(FULL[mark] for mark in shown)
    count = f"本行有 {len(marks)} 处" if len(marks) > 1 else "此处"
    return f"{count}中文语境使用了半角标点“{shown}”{where}，应为全角“{fulls}”。"


def _offenders(text: str, kinds: set[str]) -> Iterator[int]:
    """Offsets of ASCII marks of ``kinds`` in Chinese context (``text`` is masked)."""
    closed: set[int] = set()
    for match in MARKS.finditer(text):
        at = match.start()
        if at in closed or text[at] not in kinds:
            continue
        before = text[at - 1 : at]
        if text[at] == "(":
            close = text.find(")", at, text.find("\n", at) % (len(text) + 1))
            if close > 0 and "(" not in text[at + 1 : close]:
                # NOTE: a pair is judged as one: Chinese inside or beside it makes both wrong.
                closed.add(close)
                after = text[close + 1 : close + 2]
                inside = text[at + 1 : close]
                if any(map(_chinese, inside)) or _chinese(before) or _chinese(after):
                    yield from (at, close)
                continue
        if _chinese(before) or _chinese(text[at + 1 : at + 3].lstrip()[:1]):
            yield at


def _chinese(char: str) -> bool:
    """``char`` (one character or none) is Chinese context: CJK symbols and punctuation,
    unified ideographs, full-width forms or Chinese quotes. (A function rather than a regex
    character class: those ranges take milliseconds to compile at every start.)"""
    return (
        "\u4e00" <= char <= "\u9fff"
        or "\u3000" <= char <= "\u303f"
        or "\uff00" <= char <= "\uffef"
        or (char != "" and char in CJK_MARKS)
    )


def _blank(text: str) -> str:
    """``text`` with every mark of :data:`BLANKED` replaced by a space.

    NOTE: one ``str.replace`` per mark present, not a regex substitution: a table region is
    most of a report, and this is a third of the time.
    """
    for mark in BLANKED:
        if mark in text:
            text = text.replace(mark, " ")
    return text


def _mask(text: str, spans: list[SourceSpan]) -> str:
    """``text`` with the marks inside ``spans`` blanked (offsets and lines stay)."""
    parts, last = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        start = max(span.start, last)
        if span.end > start:
            parts += [text[last:start], _blank(text[start : span.end])]
            last = span.end
    return "".join([*parts, text[last:]])
