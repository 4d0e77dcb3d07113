"""Hand-built results from real report text, with findings at computed spans."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable

import pytest

from gxlint.findings import FileResult, Finding, Label, RuleInfo, Severity
from gxlint.reporters import create_reporter
from gxlint.reporters.base import ReportOptions, Summary
from gxlint.source.spans import SourceSpan

TOTAL_ROW = "（七）总计\t40\t5\t0\t1\t0\t0\t47"
BASIS = (
    "根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发"
    "〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函[2021]30号）要求编制。"
)
GX104_MESSAGE = "同级序号“（二）”重复，按顺序应为“（三）”。"
GX203_MESSAGE = "表三“（七）总计”行：总计为 47，但各类申请人之和为 46（40+5+0+1+0+0）。"

RULES = {
    "GX104": RuleInfo("GX104", "duplicate-ordinal", "同级条目序号重复。", Severity.ERROR),
    "GX203": RuleInfo("GX203", "row-total-mismatch", "表三行总计与各列之和不符。", Severity.ERROR),
    "GX404": RuleInfo("GX404", "malformed-doc-number", "发文字号格式错误。", Severity.WARNING),
    "GX502": RuleInfo("GX502", "ordinal-style", "序号样式不统一。", Severity.INFO),
}


class Report:
    """A report text built line by line, so spans can be computed from line and text."""

    def __init__(self, lines: list[str], newline: str = "\n") -> None:
        self.lines = lines
        self.newline = newline
        self.text = newline.join(lines) + newline

    def offset(self, line: int, column: int = 1) -> int:
        """Offset of 1-based ``line``/``column`` (columns in code points)."""
        before = sum(len(text) + len(self.newline) for text in self.lines[: line - 1])
        return before + column - 1

    def span(self, line: int, needle: str, occurrence: int = 0) -> SourceSpan:
        """The span of ``needle`` in ``line`` (its ``occurrence``-th appearance)."""
        column = -1
        for _ in range(occurrence + 1):
            column = self.lines[line - 1].index(needle, column + 1)
        start = self.offset(line, column + 1)
        return SourceSpan(start, start + len(needle))


def filler(count: int) -> list[str]:
    """Ordinary report lines to stand between the interesting ones."""
    return [f"本机关全年主动公开政府信息第{number}批。" for number in range(1, count + 1)]


def sample_report() -> Report:
    """cli.md's example: （二） at lines 14 and 21, the table-three total row at line 58."""
    lines = filler(60)
    lines[0] = "某某县人民政府2024年政府信息公开工作年度报告"
    lines[13] = "（二）依申请公开情况"
    lines[20] = "（二）政府信息管理"
    lines[57] = TOTAL_ROW
    return Report(lines)


def sample_findings(report: Report) -> list[Finding]:
    duplicate = Finding(
        "GX104",
        "duplicate-ordinal",
        Severity.ERROR,
        GX104_MESSAGE,
        report.span(21, "（二）"),
        help="同一层级的序号应依次递增，不得重复。",
        labels=(Label(report.span(14, "（二）"), "此序号首次出现在这里"),),
    )
    total = Finding(
        "GX203", "row-total-mismatch", Severity.ERROR, GX203_MESSAGE, report.span(58, "47")
    )
    return [duplicate, total]


def render(fmt: str, results: Iterable[FileResult], suppressed: int = 0, **options: object) -> str:
    """Drive a reporter exactly as the CLI does and return what it wrote."""
    results = list(results)
    stream = io.StringIO(newline="")
    options.setdefault("rules", RULES)
    reporter = create_reporter(fmt, stream, ReportOptions(**options))  # type: ignore[arg-type]
    reporter.start()
    for result in results:
        reporter.file(result)
    reporter.finish(Summary.of(results, suppressed=suppressed))
    return stream.getvalue()


@pytest.fixture
def report() -> Report:
    return sample_report()


@pytest.fixture
def result(report: Report) -> FileResult:
    return FileResult("2024/某某县/年度报告.txt", report.text, "utf-8", sample_findings(report))


@pytest.fixture
def run() -> Callable[..., str]:
    return render


@pytest.fixture
def make_report() -> type[Report]:
    return Report


@pytest.fixture
def basis_result() -> FileResult:
    """The 编制依据 sentence (long, one line) with a GX404 finding on its document number."""
    report = Report(["某某县人民政府2024年政府信息公开工作年度报告", "", "一、总体情况", "", BASIS])
    finding = Finding(
        "GX404",
        "malformed-doc-number",
        Severity.WARNING,
        "发文字号“国办公开办函[2021]30号”的年份应使用六角括号〔〕。",
        report.span(5, "国办公开办函[2021]30号"),
        help="文号格式为：机关代字〔年份〕序号号。",
    )
    return FileResult("年度报告.txt", report.text, "utf-8", [finding])
