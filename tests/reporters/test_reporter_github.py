"""GitHub Actions annotations."""

from __future__ import annotations

from gxlint.findings import FileResult, Finding, Severity
from gxlint.source.spans import SourceSpan


def test_github_annotation_lines(run, result):
    lines = run("github", [result]).splitlines()
    assert lines == [
        (
            "::error file=2024/某某县/年度报告.txt,line=21,col=1,endLine=21,endColumn=4,"
            "title=GX104 duplicate-ordinal::同级序号“（二）”重复，按顺序应为“（三）”。"
        ),
        (
            "::error file=2024/某某县/年度报告.txt,line=58,col=20,endLine=58,endColumn=22,"
            "title=GX203 row-total-mismatch::表三“（七）总计”行：总计为 47，"
            "但各类申请人之和为 46（40+5+0+1+0+0）。"
        ),
    ]


def test_github_escapes_percent_newlines_and_property_separators(run):
    finding = Finding(
        "GX402", "breakdown-sum", Severity.WARNING, "占比 100%，\r\n合计: 3,4", SourceSpan(0, 1)
    )
    info = Finding("GX502", "ordinal-style", Severity.INFO, "样式。", SourceSpan(1, 2))
    result = FileResult("a,b:c%.txt", "甲乙", "utf-8", [finding, info])
    warning, notice = run("github", [result]).splitlines()
    assert warning == (
        "::warning file=a%2Cb%3Ac%25.txt,line=1,col=1,endLine=1,endColumn=2,"
        "title=GX402 breakdown-sum::占比 100%25，%0D%0A合计: 3,4"
    )
    assert notice.startswith("::notice file=a%2Cb%3Ac%25.txt,line=1,col=2,")
