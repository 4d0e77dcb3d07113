"""Each output format parses as what it claims (cli.md §5), on stdout or with -o."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from tests.cli.conftest import with_marks, write
from tests.conftest import FINDING_KEYS, seed_path


@pytest.fixture
def reports(tmp_path):
    """Two seeds and the ZZ marks; ``clean.txt`` gets no finding with ``--select ZZ1``."""
    with_marks(tmp_path, '[per-file-ignores]\n"clean.txt" = ["ZZ"]')
    shutil.copy(seed_path("000"), tmp_path / "a.txt")
    shutil.copy(seed_path("004"), tmp_path / "b.txt")
    shutil.copy(seed_path("004"), tmp_path / "clean.txt")
    return tmp_path


def test_json_has_exactly_the_schema_keys(gxlint, reports):
    result = gxlint("--format", "json", ".")
    data = result.json()
    assert set(data) == {"schema", "version", "files", "summary"}
    assert data["schema"] == "gxlint/1"
    assert set(data["summary"]) == {"files", "errors", "warnings", "infos"}
    assert [f["path"] for f in data["files"]] == ["a.txt", "b.txt", "clean.txt"]
    for file in data["files"]:
        assert set(file) == {"path", "encoding", "findings"}
        for finding in file["findings"]:
            assert set(finding) == FINDING_KEYS
    assert data["summary"]["files"] == 3


def test_jsonl_is_one_line_per_file_clean_files_included(gxlint, reports):
    result = gxlint("--format", "jsonl", "--select", "ZZ1", ".")
    lines = result.out.splitlines()
    assert len(lines) == 3
    objects = [json.loads(line) for line in lines]
    assert [o["path"] for o in objects] == ["a.txt", "b.txt", "clean.txt"]
    assert objects[2]["findings"] == []
    assert {f["code"] for f in objects[0]["findings"]} == {"ZZ101", "ZZ102"}


def test_sarif(gxlint, reports):
    data = gxlint("--format", "sarif", "--select", "ZZ1,GX301", ".").json()
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    rule_ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {"ZZ101", "ZZ102", "GX301"} <= rule_ids
    assert run["results"]
    for result in run["results"]:
        assert {"ruleId", "level", "locations"} <= set(result)
        assert result["level"] in ("error", "warning", "note")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1


def test_csv_has_bom_and_parses(gxlint, reports):
    result = gxlint("--format", "csv", "--select", "ZZ1", ".")
    assert result.out.startswith("\ufeffpath,line,column,")
    rows = list(csv.reader(io.StringIO(result.out.removeprefix("\ufeff"))))
    assert rows[0] == [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "severity",
        "code",
        "name",
        "message",
    ]
    assert {(r[0], r[6]) for r in rows[1:]} == {
        ("a.txt", "ZZ101"),
        ("a.txt", "ZZ102"),
        ("b.txt", "ZZ101"),
        ("b.txt", "ZZ102"),
    }


def test_csv_output_file_keeps_bom_and_crlf(gxlint, reports):
    result = gxlint("--format", "csv", "--select", "ZZ1", "-o", "out.csv", ".")
    assert result.out == ""
    data = (reports / "out.csv").read_bytes()
    assert data.startswith("\ufeffpath".encode())
    assert b"\r\n" in data and b"\r\r\n" not in data


def test_junit_parses(gxlint, reports):
    root = ET.fromstring(gxlint("--format", "junit", "--select", "ZZ1", ".").out)
    suites = root.iter("testsuite")
    names = [suite.get("name") for suite in suites]
    assert names == ["a.txt", "b.txt", "clean.txt"]
    failures = [f.get("type") for f in root.iter("failure")]
    assert sorted(failures) == ["error", "error", "warning", "warning"]


def test_github_annotations(gxlint, reports):
    lines = gxlint("--format", "github", "--select", "ZZ1", ".").out.splitlines()
    assert lines
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any(line.startswith("::error file=a.txt,line=1,col=1") for line in lines)


def test_concise_and_full(gxlint, reports):
    concise = gxlint("--format", "concise", "--select", "ZZ101", "a.txt").out
    assert concise.splitlines()[0] == "a.txt:1:1: ZZ101 [error] 测试错误。"
    full = gxlint("--select", "ZZ101", "a.txt").out
    assert full.startswith("error[ZZ101] 测试错误。\n --> a.txt:1:1\n")
    assert full.rstrip().endswith("共检查 1 个文件，发现 1 个错误、0 个警告、0 条提示。")
    assert "\x1b[" not in full  # not a terminal: no colour


def test_quiet_drops_the_summary(gxlint, reports):
    out = gxlint("-q", "--format", "concise", "--select", "ZZ101", "a.txt").out
    assert out == "a.txt:1:1: ZZ101 [error] 测试错误。\n"


def test_color_always_and_no_color(gxlint, reports, monkeypatch):
    assert "\x1b[" in gxlint("--color", "always", "--select", "ZZ101", "a.txt").out
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in gxlint("--select", "ZZ101", "a.txt").out
    assert "\x1b[" not in gxlint("--no-color", "--select", "ZZ101", "a.txt").out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in gxlint("--select", "ZZ101", "a.txt").out


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "jsonl", "sarif", "junit", "csv"])
def test_output_file_gets_the_report_and_stdout_stays_empty(gxlint, reports, fmt):
    shown = gxlint("--format", fmt, "--select", "ZZ1", ".")
    written = gxlint("--format", fmt, "--select", "ZZ1", "-o", "report.out", ".")
    assert written.out == ""
    assert written.code == shown.code == 1
    with open(reports / "report.out", encoding="utf-8", newline="") as handle:
        assert handle.read().replace("\r\n", "\n") == shown.out.replace("\r\n", "\n")


def test_statistics_as_text_and_data(gxlint, reports):
    text = gxlint("--statistics", "--select", "ZZ1", ".").out
    assert "ZZ101" in text and "2 个文件" in text
    data = gxlint("--statistics", "--format", "json", "--select", "ZZ1", ".").json()
    assert {row["code"]: row["count"] for row in data["rules"]} == {"ZZ101": 2, "ZZ102": 2}


def test_per_file_ignores_come_from_the_closest_config(gxlint, reports):
    write(reports, {"sub/gxlint.toml": '[per-file-ignores]\n"*.txt" = ["GX", "ZZ"]\n'})
    shutil.copy(seed_path("004"), reports / "sub" / "r.txt")
    files = gxlint("--format", "json", "sub").json()["files"]
    assert files == [{"path": "sub/r.txt", "encoding": "utf-8", "findings": []}]
