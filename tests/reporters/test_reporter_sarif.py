"""SARIF 2.1.0 for code-scanning dashboards."""

from __future__ import annotations

import json

from gxlint.findings import FileResult, Finding, Severity
from gxlint.meta import rule_url
from gxlint.source.spans import SourceSpan


def _log(run, results, **options):
    return json.loads(run("sarif", results, **options))


def test_sarif_required_fields(run, result):
    log = _log(run, [result])
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    (sarif_run,) = log["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "gxlint"
    assert driver["version"] and driver["informationUri"].startswith("https://")
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert set(rules) == {"GX104", "GX203", "GX404", "GX502"}  # every rule in options.rules
    assert rules["GX104"] == {
        "id": "GX104",
        "name": "duplicate-ordinal",
        "shortDescription": {"text": "同级条目序号重复。"},
        "helpUri": rule_url("GX104"),
        "defaultConfiguration": {"level": "error"},
    }
    assert rules["GX502"]["defaultConfiguration"]["level"] == "note"
    first = sarif_run["results"][0]
    assert driver["rules"][first["ruleIndex"]]["id"] == first["ruleId"] == "GX104"
    assert first["level"] == "error"
    assert first["message"]["text"] == "同级序号“（二）”重复，按顺序应为“（三）”。"
    location = first["locations"][0]["physicalLocation"]
    assert location["region"] == {"startLine": 21, "startColumn": 1, "endLine": 21, "endColumn": 4}
    (related,) = first["relatedLocations"]
    assert related["message"]["text"] == "此序号首次出现在这里"
    assert related["physicalLocation"]["region"]["startLine"] == 14


def test_sarif_uri_is_relative_and_percent_encoded_utf8(run, result, tmp_path):
    result.path = str(tmp_path / "2024" / "某某县 报告.txt")
    log = _log(run, [result], cwd=str(tmp_path))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "2024/%E6%9F%90%E6%9F%90%E5%8E%BF%20%E6%8A%A5%E5%91%8A.txt"


def test_sarif_outside_cwd_is_a_file_uri(run, result, tmp_path):
    result.path = str(tmp_path / "某.txt")
    log = _log(run, [result], cwd=str(tmp_path / "elsewhere"))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].startswith("file://")
    assert location["artifactLocation"]["uri"].endswith("/%E6%9F%90.txt")


def test_sarif_info_is_note_and_unknown_rules_join_the_table(run):
    finding = Finding(
        "XJ101", "xinjiang-extra", Severity.INFO, "提示。", SourceSpan(0, 1), pack="xj"
    )
    log = _log(run, [FileResult("a.txt", "甲", "utf-8", [finding])])
    (sarif_run,) = log["runs"]
    (item,) = sarif_run["results"]
    assert item["level"] == "note"
    rule = sarif_run["tool"]["driver"]["rules"][item["ruleIndex"]]
    assert rule["id"] == "XJ101" and "helpUri" not in rule
