import re
from collections.abc import Iterator
from typing import NamedTuple

from gxlint import Finding, FixSafety, Rule, RuleContext, Severity
from gxlint.model import DocNumber, SourceSpan
from gxlint.regexcache import compile_cached

# NOTE: what a 发文字号 issuer code ends with; a bracket-less "路20081号" is an address.
ISSUER_END = compile_cached(r"(?:函|发|字|办|规|令|文|通|告|复|电|便)$")
OPENERS = frozenset("〔[【(（［")
CLOSERS = frozenset("〕]】)）］")


class MalformedDocNumber(Rule):
    """发文字号不规范（括号、缺字、虚位、“第”字）。

    ## 说明
    发文字号应为“机关代字〔年份〕序号号”：年份用六角括号“〔〕”括入，序号不编虚位、不加“第”字。
    报告：`[2021]`、`【2021】`、`(2021)`、`（2021）` 等括号；括号缺失或缺字（`国办公开函202130号`，
    应为 `国办公开办函〔2021〕30号`）；`〔2021〕030号`；`〔2021〕第30号`。只有括号样式错误时可自动修复。
    `国务院令第711号` 是令的编号，不是发文字号，写法正确。PDF 转换常在数字与“号”之间留空格，
    默认不报告，`strict-spacing = true` 时报告。
    ## 为什么
    文号是文件的唯一标识，写错或缺字后读者无法据此查到文件。
    ## 错误示例
    `国办公开函202130号`、`国办函[2020]109号`、`洛政办函〔2024〕02号`
    ## 正确示例
    `国办公开办函〔2021〕30号`、`国办函〔2020〕109号`
    ## 依据
    GB/T 9704—2012《党政机关公文格式》7.2.5 发文字号
    ## 配置
    `strict-spacing`（默认 false）：也报告文号内部的空格，如 `〔2021〕30 号`。
    """

    class Options(NamedTuple):
        strict_spacing: bool = False

    code = "GX404"
    name = "malformed-doc-number"
    target = DocNumber
    default_severity = Severity.WARNING
    fix = FixSafety.SAFE

    def check(self, doc: DocNumber, ctx: RuleContext) -> Iterator[Finding]:
        raw = ctx.source_text(doc)
        head = len(doc.issuer)
        year_at = raw.find(str(doc.year), head)
        if year_at < 0:
            return
        before = raw[head:year_at]
        opening = before.strip() if before.strip() in OPENERS else ""
        close_at = year_at + 4
        while close_at < len(raw) and raw[close_at].isspace():
            close_at += 1
        closing = raw[close_at] if close_at < len(raw) and raw[close_at] in CLOSERS else ""
        if not opening and not closing and not ISSUER_END.search(doc.issuer):
            return  # NOTE: no bracket and no issuer code: probably not a 发文字号 at all.
        issuer = _known_issuer(doc, ctx) or doc.issuer
        problems: list[str] = []
        bracket_style = bool(opening and closing) and (opening, closing) != ("〔", "〕")
        if bracket_style:
            problems.append(f"年份应用六角括号“〔〕”括入，不用“{opening}{closing}”")
        elif not opening or not closing:
            problems.append("年份缺少六角括号“〔〕”")
        if issuer != doc.issuer:
            problems.append(f"机关代字“{doc.issuer}”有缺字或错字")
        sequence = doc.sequence.lstrip("0") or "0"
        if sequence != doc.sequence:
            problems.append("发文顺序号不编虚位")
        if doc.has_di:
            problems.append("发文顺序号前不加“第”字")
        if ctx.options.strict_spacing and re.search(r"\s", raw):
            problems.append("文号内不应有空格")
        if not problems:
            return
        expected = f"{issuer}〔{doc.year}〕{sequence}号"
        fix = None
        if bracket_style and len(problems) == 1:
            # NOTE: the only safe fix: swap the two brackets, keep everything between them.
            start = ctx.to_source(doc).start
            open_at = head + before.index(opening)
            span = SourceSpan(start + open_at, start + close_at + 1)
            fix = ctx.replace(span, f"〔{raw[open_at + 1 : close_at].strip()}〕")
        yield ctx.finding(
            doc,
            f"发文字号“{raw}”不规范：{'；'.join(problems)}，应为“{expected}”。",
            help="发文字号的格式为“机关代字〔年份〕序号号”：年份用六角括号括入，"
            "序号用阿拉伯数字、不编虚位、不加“第”字（GB/T 9704—2012 7.2.5）。",
            fix=fix,
        )


def _known_issuer(doc: DocNumber, ctx: RuleContext) -> str | None:
    """The issuer code of a document the catalogue knows, when ``doc`` lost or swapped a
    character of it (国办公开函 for 国办公开办函); None when nothing matches closely."""
    for ref in ctx.spec.references if ctx.spec else ():
        if ref.year != doc.year or str(ref.sequence) != doc.sequence.lstrip("0"):
            continue
        if ref.issuer == doc.issuer or not doc.issuer or doc.issuer[0] != ref.issuer[0]:
            continue
        if _dropped(doc.issuer, ref.issuer) or _one_swapped(doc.issuer, ref.issuer):
            return ref.issuer
    return None


def _dropped(short: str, full: str) -> bool:
    """``short`` is ``full`` with one or two characters left out."""
    if not 1 <= len(full) - len(short) <= 2:
        return False
    chars = iter(full)
    return all(ch in chars for ch in short)


def _one_swapped(wrong: str, right: str) -> bool:
    return len(wrong) == len(right) and sum(a != b for a, b in zip(wrong, right, strict=True)) == 1
