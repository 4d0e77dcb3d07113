"""``json`` and ``jsonl``: exactly the ``gxlint/1`` schema of rules.md."""

from __future__ import annotations

import json

from gxlint.findings import FileResult, Finding, Fix, FixSafety, Severity
from tests.conftest import FINDING_KEYS


def test_json_has_exactly_the_schema(run, result):
    clean = FileResult("干净.txt", "一、总体情况\n", "gb18030", [])
    document = json.loads(run("json", [result, clean], suppressed=5))
    assert set(document) == {"schema", "version", "files", "summary"}
    assert document["schema"] == "gxlint/1"
    assert document["summary"] == {"files": 2, "errors": 2, "warnings": 0, "infos": 0}
    assert [set(file) for file in document["files"]] == [{"path", "encoding", "findings"}] * 2
    first, second = document["files"]
    assert (first["path"], first["encoding"]) == ("2024/某某县/年度报告.txt", "utf-8")
    assert (second["path"], second["encoding"], second["findings"]) == ("干净.txt", "gb18030", [])
    assert all(set(finding) == FINDING_KEYS for finding in first["findings"])
    assert first["findings"][0] == {
        "code": "GX104",
        "name": "duplicate-ordinal",
        "severity": "error",
        "message": "同级序号“（二）”重复，按顺序应为“（三）”。",
        "line": 21,
        "column": 1,
        "end_line": 21,
        "end_column": 4,
        "fix": None,
    }


def test_json_keeps_chinese_unescaped_and_ignores_quiet(run, result):
    output = run("json", [result], quiet=True)
    assert "同级序号" in output and "\\u" not in output
    assert json.loads(output)["summary"]["files"] == 1


def test_json_with_no_files_is_still_a_document(run):
    assert json.loads(run("json", []))["files"] == []


def test_json_fix_object_when_a_fix_is_set(run, report, result):
    span = report.span(21, "（二）")
    fixed = Finding(
        "GX104",
        "duplicate-ordinal",
        Severity.ERROR,
        "重复。",
        span,
        fix=Fix(span, "（三）", FixSafety.UNSAFE),
    )
    result.findings = [fixed]
    fix = json.loads(run("json", [result]))["files"][0]["findings"][0]["fix"]
    assert fix == {
        "replacement": "（三）",
        "line": 21,
        "column": 1,
        "end_line": 21,
        "end_column": 4,
        "safety": "unsafe",
    }


def test_jsonl_one_line_per_file_each_a_files_element(run, result):
    clean = FileResult("干净.txt", "一、总体情况\n", "utf-8", [])
    output = run("jsonl", [result, clean, clean])
    lines = output.splitlines()
    assert len(lines) == 3 and output.endswith("\n")
    whole = json.loads(run("json", [result, clean, clean]))
    assert [json.loads(line) for line in lines] == whole["files"]
