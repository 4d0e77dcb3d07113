"""Exit codes 0/1/2 (cli.md §2), --exit-zero, --max-warnings, and bad input's messages."""

from __future__ import annotations

import shutil

from tests.cli.conftest import with_marks, write
from tests.conftest import seed_path


def test_seed_with_errors_exits_1_and_reports_on_stdout(gxlint, tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "004.txt")
    result = gxlint("--format", "json", "004.txt")
    assert result.code == 1
    codes = {f["code"] for f in result.json()["files"][0]["findings"]}
    assert "GX301" in codes
    assert result.err == ""


def test_seed_read_in_place(gxlint):
    result = gxlint("--format", "concise", "--select", "GX202", str(seed_path("000")))
    assert result.code == 1
    assert ":151:" in result.out and " GX202 [error] " in result.out


def test_exit_zero_turns_1_into_0(gxlint, tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "004.txt")
    assert gxlint("--exit-zero", "004.txt").code == 0


def test_warnings_only_exit_0_unless_over_max_warnings(gxlint, tmp_path):
    with_marks(tmp_path)
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    assert gxlint("--select", "ZZ102", "r.txt").code == 0
    assert gxlint("--select", "ZZ102", "--max-warnings", "1", "r.txt").code == 0
    assert gxlint("--select", "ZZ102", "--max-warnings", "0", "r.txt").code == 1
    assert gxlint("--select", "ZZ102", "--max-warnings", "0", "--exit-zero", "r.txt").code == 0
    assert gxlint("--select", "ZZ101", "r.txt").code == 1


def test_exit_code_is_the_same_for_every_format_and_output_file(gxlint, tmp_path):
    with_marks(tmp_path)
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    for fmt in ("full", "concise", "json", "jsonl", "sarif", "github", "junit", "csv"):
        assert gxlint("--format", fmt, "--select", "ZZ101", "r.txt").code == 1, fmt
        assert gxlint("--format", fmt, "--select", "ZZ102", "r.txt").code == 0, fmt
        assert gxlint("--format", fmt, "--select", "ZZ1", "-o", "o.txt", "r.txt").code == 1


def test_missing_path_exits_2_before_linting(gxlint, tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    result = gxlint("r.txt", "nope.txt")
    assert result.code == 2
    assert result.out == ""
    assert "gxlint: 错误: 路径不存在：nope.txt" in result.err


def test_folder_without_reports_exits_2_naming_the_patterns(gxlint, tmp_path):
    write(tmp_path, {"empty/readme.md": "说明\n"})
    result = gxlint("empty")
    assert result.code == 2
    assert "未找到要检查的文件" in result.err and "*.txt" in result.err
    assert result.out == ""


def test_no_path_means_current_folder(gxlint, tmp_path):
    result = gxlint()
    assert result.code == 2 and "未找到要检查的文件" in result.err
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    assert "r.txt" in gxlint("--format", "concise").out


def test_all_explicit_files_force_excluded_is_silent_success(gxlint, tmp_path):
    write(tmp_path, {"gxlint.toml": 'extend-exclude = ["draft"]\n'})
    (tmp_path / "draft").mkdir()
    shutil.copy(seed_path("004"), tmp_path / "draft" / "r.txt")
    result = gxlint("--force-exclude", "draft/r.txt")
    assert (result.code, result.out, result.err) == (0, "", "")


def test_broken_config_exits_2_naming_file_and_line(gxlint, tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    write(tmp_path, {"gxlint.toml": 'ignore = ["GX104"]\nselect = ["GX1" "GX2"]\n'})
    result = gxlint("r.txt")
    assert result.code == 2
    assert result.err.startswith("gxlint: 配置错误: gxlint.toml:2:")
    assert result.out == ""


def test_unknown_key_in_config_exits_2(gxlint, tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    write(tmp_path, {"gxlint.toml": "selct = []\n"})
    result = gxlint("r.txt")
    assert result.code == 2
    assert "gxlint.toml:1:1" in result.err and "selct" in result.err


def test_unknown_rule_code_in_config_exits_2(gxlint, tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    write(tmp_path, {"gxlint.toml": 'ignore = ["GS101"]\n'})
    result = gxlint("r.txt")
    assert result.code == 2
    assert "gxlint.toml:1:" in result.err and "GS101" in result.err


def test_unknown_rule_code_on_the_command_line_exits_2(gxlint, tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    for option in ("--select", "--extend-select", "--ignore"):
        result = gxlint(option, "GX104,GX999", "r.txt")
        assert result.code == 2, option
        assert f"gxlint: 错误: {option}: 未知规则代码 “GX999”" in result.err
        assert result.out == ""


def test_bad_command_lines_exit_2(gxlint, tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    cases = [
        ("--no-such-option", "r.txt"),
        ("--format", "nope", "r.txt"),
        ("--jobs", "-1", "r.txt"),
        ("--max-warnings", "x", "r.txt"),
        ("--color", "sometimes", "r.txt"),
        ("--isolated", "--config", "gxlint.toml", "r.txt"),
        ("--config", "missing.toml", "r.txt"),
        ("-o", str(tmp_path / "no" / "such" / "dir" / "out.json"), "r.txt"),
    ]
    for argv in cases:
        result = gxlint(*argv)
        assert result.code == 2, argv
        assert result.err.startswith("gxlint: 错误: "), argv
        assert result.out == "", argv


def test_unexpected_exception_is_an_internal_error_without_traceback(gxlint, monkeypatch, tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "r.txt")

    def broken(*args, **kwargs):
        raise RuntimeError("出错了")

    monkeypatch.setattr("gxlint.cli.files.FileFinder.find", broken)
    result = gxlint("r.txt")
    assert result.code == 2
    assert result.err.startswith("gxlint: 内部错误：RuntimeError: 出错了")
    verbose = gxlint("-v", "r.txt", traceback_ok=True)
    assert verbose.code == 2 and "Traceback" in verbose.err


def test_keyboard_interrupt_exits_130(gxlint, monkeypatch, tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "r.txt")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("gxlint.cli.files.FileFinder.find", interrupted)
    result = gxlint("r.txt")
    assert result.code == 130
    assert result.out == ""
