"""JUnit XML for CI test dashboards."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from gxlint.findings import FileResult, Finding, Severity
from gxlint.source.spans import SourceSpan


def test_junit_parses_with_a_suite_per_file_and_a_passing_case_for_clean(run, result):
    clean = FileResult("干净.txt", "一、总体情况\n", "utf-8", [])
    root = ET.fromstring(run("junit", [result, clean]).encode("utf-8"))
    assert root.tag == "testsuites"
    dirty_suite, clean_suite = root.findall("testsuite")
    assert dirty_suite.get("name") == "2024/某某县/年度报告.txt"
    cases = dirty_suite.findall("testcase")
    assert [case.get("name") for case in cases] == ["GX104 21:1", "GX203 58:20"]
    assert {case.get("classname") for case in cases} == {"2024/某某县/年度报告.txt"}
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("type") == "error"
    assert failure.get("message") == "同级序号“（二）”重复，按顺序应为“（三）”。"
    (passing,) = clean_suite.findall("testcase")
    assert passing.find("failure") is None and passing.get("classname") == "干净.txt"


def test_junit_escapes_markup_and_control_characters(run):
    message = '表格 <表三> & "总计" 有误\x0c。'
    finding = Finding("GX203", "row-total-mismatch", Severity.WARNING, message, SourceSpan(0, 1))
    root = ET.fromstring(run("junit", [FileResult("a&b.txt", "甲", None, [finding])]))
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "a&b.txt"
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("type") == "warning"
    assert failure.get("message") == '表格 <表三> & "总计" 有误␌。'
