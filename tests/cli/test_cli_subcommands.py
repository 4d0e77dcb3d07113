"""rules, rule, plugins, parse, config --show, --version, -h."""

from __future__ import annotations

import json
import shutil

from gxlint.meta import __version__
from tests.cli.conftest import with_marks
from tests.conftest import seed_path


def test_rules_lists_rules_and_engine_codes(gxlint):
    result = gxlint("rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["code", "name", "pack", "severity", "fix", "summary"]
    codes = [line.split()[0] for line in lines[1:]]
    assert {"GX001", "GX003", "GX009"} <= set(codes)
    assert codes == sorted(codes)


def test_rules_json(gxlint, tmp_path):
    with_marks(tmp_path)
    rows = gxlint("rules", "--format", "json").json()
    assert {"code", "name", "pack", "severity", "fix", "summary"} == set(rows[0])
    by_code = {row["code"]: row for row in rows}
    assert by_code["GX009"]["pack"] == "core"
    assert by_code["ZZ101"]["pack"] == "local:marks.py"
    assert by_code["ZZ102"]["severity"] == "warning"


def test_rule_doc_by_code_and_name(gxlint):
    by_code = gxlint("rule", "GX104")
    assert by_code.code == 0
    assert by_code.out.startswith("GX104 duplicate-ordinal")
    assert "默认级别" in by_code.out and "规则包：core" in by_code.out
    assert gxlint("rule", "duplicate-ordinal").out == by_code.out
    assert gxlint("rule", "gx104").out == by_code.out
    assert gxlint("rule", "GX009").out.startswith("GX009 rule-crashed")


def test_rule_json_and_all(gxlint):
    one = gxlint("rule", "GX104", "--format", "json").json()
    assert one["code"] == "GX104" and one["pack"] == "core"
    every = gxlint("rule", "--all", "--format", "json").json()
    assert {"GX001", "GX104"} <= {doc["code"] for doc in every}
    text = gxlint("rule", "--all").out
    assert "GX001 unreadable-input" in text and "GX104 duplicate-ordinal" in text


def test_unknown_rule_exits_2_with_a_suggestion(gxlint):
    result = gxlint("rule", "GX10")
    assert result.code == 2
    assert "未知规则 “GX10”" in result.err and "是否为" in result.err
    assert gxlint("rule").code == 2


def test_plugins(gxlint, tmp_path):
    with_marks(tmp_path)
    text = gxlint("plugins").out
    assert text.startswith("core ") and "local:marks.py" in text and "前缀 ZZ" in text
    data = gxlint("plugins", "--format", "json").json()
    packs = {pack["name"]: pack for pack in data["packs"]}
    assert packs["core"]["prefixes"] == ["GX"] and packs["local:marks.py"]["rules"] == 2
    assert data["errors"] == []


def test_plugins_lists_load_errors_on_stdout(gxlint, tmp_path):
    (tmp_path / "bad.py").write_text("raise ImportError('坏了')\n", encoding="utf-8")
    (tmp_path / "gxlint.toml").write_text('plugins = ["bad.py"]\n', encoding="utf-8")
    result = gxlint("plugins")
    assert result.code == 0 and "坏了" in result.out and result.err == ""


def test_parse_prints_the_model(gxlint):
    result = gxlint("parse", str(seed_path("000")))
    assert result.code == 0
    data = json.loads(result.out)
    assert data["encoding"] == "utf-8"
    assert data["sections"]
    assert '\n "' in result.out  # indent=1
    assert "夏镇" in result.out  # ensure_ascii=False


def test_parse_bad_input(gxlint, tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\xd0\xcf\x11\xe0\x00\x00")
    result = gxlint("parse", "bin.txt")
    assert result.code == 1 and result.out == ""
    assert "GX001" in result.err and "Word" in result.err
    assert gxlint("parse", "missing.txt").code == 2


def test_config_show(gxlint, tmp_path):
    (tmp_path / "gxlint.toml").write_text('ignore = ["GX5"]\n', encoding="utf-8")
    result = gxlint("config", "--show", "--extend-select", "GX501")
    assert result.code == 0
    assert "gxlint.toml" in result.out.splitlines()[0]
    assert 'ignore = ["GX5"]' in result.out
    assert "命令行" in result.out
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    assert gxlint("config", "--show", "r.txt").out.startswith("# 配置文件：")
    assert gxlint("config", "--show", "--isolated").out.startswith("# 配置文件：无")
    assert gxlint("config").code == 2


def test_version(gxlint, tmp_path):
    result = gxlint("--version")
    lines = result.out.splitlines()
    assert result.code == 0
    assert lines[0] == f"gxlint {__version__}"
    assert any(line.startswith("core ") and line.endswith(" GX") for line in lines[1:])


def test_help(gxlint):
    for argv in (["-h"], ["check", "--help"], ["rules", "-h"], ["rule", "-h"], ["config", "-h"]):
        result = gxlint(*argv)
        assert result.code == 0, argv
        assert result.out.startswith("usage: gxlint"), argv
