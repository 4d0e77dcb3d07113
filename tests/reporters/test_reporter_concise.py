"""The one-line-per-finding format."""

from __future__ import annotations

from gxlint.findings import FileResult, Finding, Severity
from gxlint.source.spans import SourceSpan


def test_concise_lines_exactly(run, result):
    assert run("concise", [result]) == (
        "2024/某某县/年度报告.txt:21:1: GX104 [error] 同级序号“（二）”重复，按顺序应为“（三）”。\n"
        "2024/某某县/年度报告.txt:58:20: GX203 [error] 表三“（七）总计”行：总计为 47，"
        "但各类申请人之和为 46（40+5+0+1+0+0）。\n"
        "共检查 1 个文件，发现 2 个错误、0 个警告、0 条提示。\n"
    )


def test_concise_quiet_has_findings_only(run, result):
    output = run("concise", [result], quiet=True)
    assert output.count("\n") == 2
    assert "共检查" not in output


def test_concise_keeps_each_finding_on_one_line(run):
    finding = Finding(
        "GX009",
        "rule-crashed",
        Severity.ERROR,
        "规则 GX205 出错：\nKeyError: 'x'",
        SourceSpan(0, 0),
    )
    output = run("concise", [FileResult("a.txt", "", None, [finding])], quiet=True)
    assert output == "a.txt:1:1: GX009 [error] 规则 GX205 出错： KeyError: 'x'\n"


def test_concise_path_relative_to_cwd(run, result, tmp_path):
    result.path = str(tmp_path / "县" / "报告.txt")
    output = run("concise", [result], cwd=str(tmp_path), quiet=True)
    assert output.startswith(f"{tmp_path.joinpath('县', '报告.txt').relative_to(tmp_path)}:21:1: ")
