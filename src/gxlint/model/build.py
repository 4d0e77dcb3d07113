"""Parse tree → :class:`Report`.

The tree says which lines are headings, items, paragraphs, table regions and sign-off; this
module reads each into typed nodes, using the catalogue to decide meaning (which section a
heading opens, which table a region holds). It never raises on odd input: whatever cannot be
placed becomes :class:`Unrecognized`.
"""

from __future__ import annotations

from gxlint.model import dates as d
from gxlint.model import items as it
from gxlint.model.layouts import read_region
from gxlint.model.match_tables import active_table, application_table, review_table
from gxlint.model.nodes import Heading, Ordinal, Paragraph, SignOff, Text, Title, Unrecognized
from gxlint.model.report import Report, Section
from gxlint.parse import patterns as p
from gxlint.parse.lalr import Node
from gxlint.parse.lexer import Lines, LineToken
from gxlint.parse.parser import ParseResult
from gxlint.regexcache import compile_cached
from gxlint.source.spans import NormSpan
from gxlint.spec import FormatSpec, MatchKind

_TITLE_YEAR = compile_cached(r"((?:19|20)\d{2})[ \t]*年?度?")
_BLANKS = compile_cached(r"[ \t]+")
_DISCLOSURE_TAIL = compile_cached(r"(?:政府)?信息公开.*$")
_TABLE_BUILDERS = {2: active_table, 3: application_table, 4: review_table}


def build_report(text: str, parsed: ParseResult, spec: FormatSpec) -> Report:
    """Build the model of one report from its normalised text and parse result."""
    report = Report(NormSpan(0, len(text)), text)
    report.line_starts = parsed.lines.starts
    lines = parsed.lines
    for child in parsed.tree.children:
        if not isinstance(child, Node):
            continue
        if child.data == "front":
            _front(report, child, lines)
        elif child.data == "section":
            section = _section(child, lines, spec)
            if section is not None:
                report.sections.append(section)
        elif child.data == "signoff":
            report.signoff = _signoff(child)
        elif child.data == "tail":
            report.tail = [Paragraph(_span(t), t.text) for t in _tokens(child)]
    for start, end, kind in parsed.errors:
        report.unrecognized.append(
            Unrecognized(
                NormSpan(start, end), text[start:end], reason=f"无法归入报告结构（{kind}）"
            )
        )
    report.dates = d.find_dates(text)
    if report.signoff and report.signoff.date:
        report.dates = [x for x in report.dates if x.span != report.signoff.date.span] + [
            report.signoff.date
        ]
        report.dates.sort(key=lambda x: x.span.start)
    report.doc_numbers = d.find_doc_numbers(text)
    report.statistics_period = d.find_period(text, report.dates)
    return report


def _tokens(tree: Node) -> list[LineToken]:
    return tree.tokens()


def _span(token: LineToken) -> NormSpan:
    start = token.start
    text = token.text
    lead = len(text) - len(text.lstrip(" \t|"))
    trail = len(text.rstrip(" \t|"))
    if trail <= lead:
        return NormSpan(start, start + len(text))
    return NormSpan(start + lead, start + trail)


def _front(report: Report, tree: Node, lines: Lines) -> None:
    for child in tree.children:
        if isinstance(child, Node) and child.data == "title":
            report.title = _title(child)
        elif isinstance(child, Node) and child.data in ("paragraph", "item"):
            token = _tokens(child)[0]
            report.preamble.append(Paragraph(_span(token), token.text.strip()))


def _title(tree: Node) -> Title:
    parts = [Text(_span(t), t.text.strip()) for t in _tokens(tree)]
    text = "".join(part.text for part in parts)
    year = year_span = None
    for part in parts:
        match = _TITLE_YEAR.search(part.text)
        if match:
            year = int(match.group(1))
            offset = part.span.start + match.start(1)
            year_span = NormSpan(offset, offset + 4)
            break
    organ = _BLANKS.sub("", _TITLE_YEAR.sub("", text, count=1))
    organ = _DISCLOSURE_TAIL.sub("", organ)
    if organ.endswith("人民"):
        organ += "政府"
    span = parts[0].span.cover(parts[-1].span)
    return Title(span, text, organ or None, year, year_span, parts)


def _section(tree: Node, lines: Lines, spec: FormatSpec) -> Section | None:
    heading_tree = tree.children[0]
    token = _tokens(heading_tree)[0]
    heading = _heading(token, spec)
    number = token_section(token, spec)
    section = Section(heading.span, number, heading)
    items = []
    region: list[int] = []  # the first and last line of the section's table
    if token.type == "IMPLIED_HEADING":
        region = _extend(region, token)
    for child in tree.children[1:]:
        if not isinstance(child, Node):
            continue
        toks = _tokens(child)
        if child.data == "table":
            for tok in toks:
                region = _extend(region, tok)
            continue
        tok = toks[0]
        line_text = tok.text
        if child.data == "item":
            item = it.read_item(line_text, tok.start)
            if item is not None:
                items.append(item)
                section.items.append(item)
            else:
                section.paragraphs.append(Paragraph(_span(tok), line_text.strip()))
        else:
            section.paragraphs.append(Paragraph(_span(tok), line_text.strip()))
        items.extend(it.inline_items(line_text, tok.start))
    items.sort(key=lambda item: item.span.start)
    section.items = [i for i in items]
    section.item_lists = it.sibling_lists(items)
    if region:
        section.has_table_region = True
        builder = _TABLE_BUILDERS.get(number)
        if builder is not None:
            first, last = region
            region_span = NormSpan(lines.starts[first], lines.end(last))
            # NOTE: with the blank lines between the table's lines (layouts read blank lines).
            layout, stream = read_region(lines.between(first, last))
            section.table = builder(stream, spec, region_span, layout)
    last = max([section.heading.span.end] + [n.span.end for n in section.paragraphs + items])
    if section.table is not None:
        last = max(last, section.table.span.end)
    section.span = NormSpan(section.heading.span.start, last)
    return section


def _extend(region: list[int], token: LineToken) -> list[int]:
    """``[first, last]`` line of a table ``region`` once it also holds ``token``'s lines."""
    last = token.last_line if token.last_line is not None else token.line
    return [region[0] if region else token.line, last]


def token_section(token: LineToken, spec: FormatSpec) -> int:
    """The section number a HEADING/IMPLIED_HEADING token opens."""
    if token.type == "IMPLIED_HEADING":
        return 4
    from gxlint.parse.parser import _lexer

    return _lexer().heading_number(token.text) or _ordinal_number(token.text) or 0


def _ordinal_number(text: str) -> int | None:
    match = p.SECTION_ORDINAL.match(text)
    return p.CN_VALUE.get(match.group(1)) if match else None


def _heading(token: LineToken, spec: FormatSpec) -> Heading:
    span = _span(token)
    raw = token.text
    if token.type == "IMPLIED_HEADING":
        return Heading(NormSpan(span.start, span.start), "", None, "", span, None, implied=True)
    offset = span.start - token.start
    text = raw[offset : offset + (span.end - span.start)]
    match = p.SECTION_ORDINAL.match(text)
    ordinal = None
    title_start = 0
    if match:
        ordinal_raw = match.group(0).rstrip(" \t")
        value = p.CN_VALUE.get(match.group(1), 0)
        ordinal = Ordinal(
            NormSpan(span.start, span.start + len(ordinal_raw)), ordinal_raw, value, "section"
        )
        title_start = match.end()
    title = text[title_start:].strip()
    found = spec.section_titles.match(title)
    if found is not None and found.kind is MatchKind.TRUNCATED:
        found = None
    title_span = NormSpan(span.start + title_start, span.end)
    return Heading(span, text, ordinal, title, title_span, found)


def _signoff(tree: Node) -> SignOff:
    organ = date = date_line = None
    for token in _tokens(tree):
        span = _span(token)
        if token.type == "SIGN_ORGAN":
            organ = Text(span, token.text.strip())
        else:
            date_line = Text(span, token.text.strip())
            found = d.find_dates(token.text)
            base = token.start
            if found:
                first = found[0]
                first.span = NormSpan(base + first.span.start, base + first.span.end)
                date = first
            else:
                digits = p.DIGITS_ONLY_DATE.match(token.text)
                if digits:
                    at = base + digits.start(1)
                    date = d.digit_date(
                        digits.group(1), NormSpan(at, at + len(digits.group(1))), digits.group(1)
                    )
    spans = [n.span for n in (organ, date_line) if n is not None]
    span = spans[0].cover(spans[-1]) if spans else NormSpan(0, 0)
    return SignOff(span, organ, date, date_line)
