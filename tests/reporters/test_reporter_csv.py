"""CSV for Excel on Chinese Windows: BOM, CRLF, round-trips through the csv module."""

from __future__ import annotations

import csv
import io

from gxlint.findings import FileResult, Finding, Severity
from gxlint.source.spans import SourceSpan

HEADER = "path,line,column,end_line,end_column,severity,code,name,message"


def test_csv_bom_crlf_and_round_trip(run, result):
    tricky = Finding(
        "GX402", "breakdown-sum", Severity.WARNING, '共 3 条，"其中"\n2 条', SourceSpan(0, 2)
    )
    other = FileResult("目录,1/b.txt", "甲乙\n", "utf-8", [tricky])
    output = run("csv", [result, other])
    assert output.startswith("\ufeff" + HEADER + "\r\n")
    assert output.count("\r\n") == 4 and "\n2 条" in output  # newline inside a quoted field
    rows = list(csv.reader(io.StringIO(output.removeprefix("\ufeff"), newline="")))
    assert rows[0] == HEADER.split(",")
    assert rows[1] == [
        "2024/某某县/年度报告.txt",
        "21",
        "1",
        "21",
        "4",
        "error",
        "GX104",
        "duplicate-ordinal",
        "同级序号“（二）”重复，按顺序应为“（三）”。",
    ]
    assert rows[3] == [
        "目录,1/b.txt",
        "1",
        "1",
        "1",
        "3",
        "warning",
        "GX402",
        "breakdown-sum",
        '共 3 条，"其中"\n2 条',
    ]


def test_csv_with_no_findings_is_just_the_header(run):
    assert run("csv", [FileResult("a.txt", "甲", "utf-8", [])]) == "\ufeff" + HEADER + "\r\n"
