"""``json`` and ``jsonl``: exactly the ``gxlint/1`` schema of rules.md."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from gxlint.findings import FileResult, Finding, Fix, FixSafety, Severity
from gxlint.reporters.base import region
from gxlint.reporters.json import file_json
from gxlint.source.lines import LineIndex
from gxlint.source.spans import SourceSpan
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


# The written-out file object is exactly what the JSON encoder makes of the schema's object:
# any message, replacement, path and encoding, any severity and fix, any span in the text.


def _encoded(result: FileResult, path: str) -> str:
    """The ``files[]`` element of rules.md built as data and encoded by :mod:`json`."""
    index = LineIndex(result.text)

    def place(span: SourceSpan) -> dict[str, int]:
        where = region(index, span)
        return {
            "line": where.line,
            "column": where.column,
            "end_line": where.end_line,
            "end_column": where.end_column,
        }

    findings = [
        {
            "code": f.code,
            "name": f.name,
            "severity": f.severity.label,
            "message": f.message,
            **place(f.span),
            "fix": None
            if f.fix is None
            else {
                "replacement": f.fix.replacement,
                **place(f.fix.span),
                "safety": f.fix.safety.value,
            },
        }
        for f in result.findings
    ]
    document = {"path": path, "encoding": result.encoding, "findings": findings}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


_TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ['"引号"\\反斜杠', "制表\t换行\n", "\x00\x1f\x7f", "\u2028\u2029", "😀中文"]
)


@st.composite
def _results(draw) -> FileResult:
    text = draw(st.text(alphabet="ab\n中", min_size=1, max_size=30))

    def span() -> SourceSpan:
        start = draw(st.integers(0, len(text)))
        return SourceSpan(start, draw(st.integers(start, len(text))))

    findings = []
    for _ in range(draw(st.integers(0, 3))):
        fix = None
        if draw(st.booleans()):
            fix = Fix(span(), draw(_TEXTS), draw(st.sampled_from(list(FixSafety))))
        findings.append(
            Finding(
                draw(st.sampled_from(["GX104", "GX203", "XJ101"])),
                draw(st.sampled_from(["duplicate-ordinal", "row-total-mismatch"])),
                draw(st.sampled_from(list(Severity))),
                draw(_TEXTS),
                span(),
                fix=fix,
            )
        )
    return FileResult("报告.txt", text, draw(st.sampled_from(["utf-8", "gb18030", None])), findings)


@settings(max_examples=200, deadline=None)
@given(result=_results(), path=_TEXTS)
def test_a_file_is_written_as_the_json_encoder_writes_its_object(result, path):
    assert file_json(result, path) == _encoded(result, path)


def test_the_sample_report_is_written_as_the_json_encoder_writes_it(result):
    assert result.findings
    assert file_json(result, result.path) == _encoded(result, result.path)
