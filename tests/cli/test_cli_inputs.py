"""Bad and unusual input: binary files, GBK, stdin, a crashing plugin rule."""

from __future__ import annotations

import shutil

from tests.cli.conftest import with_marks, write
from tests.conftest import seed_path


def test_binary_file_is_gx001_and_other_files_go_on(gxlint, tmp_path):
    write(tmp_path, {"a.txt": b"PK\x03\x04\x14\x00\x06\x00binary"})
    shutil.copy(seed_path("004"), tmp_path / "b.txt")
    result = gxlint("--format", "concise", "a.txt", "b.txt")
    assert result.code == 1
    first = result.out.splitlines()[0]
    assert first.startswith("a.txt:1:1: GX001 [error] 二进制文件（")
    assert "Word" in first
    assert "b.txt:" in result.out


def test_empty_file_is_gx001(gxlint, tmp_path):
    write(tmp_path, {"empty.txt": b""})
    result = gxlint("--format", "json", "empty.txt")
    assert result.code == 1
    assert [f["code"] for f in result.json()["files"][0]["findings"]] == ["GX001"]


def test_gbk_report_is_decoded(gxlint, tmp_path):
    text = seed_path("004").read_text(encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(text.encode("gb18030"))
    result = gxlint("--format", "json", "gbk.txt")
    file = result.json()["files"][0]
    assert file["encoding"] == "gb18030"
    assert "GX001" not in {f["code"] for f in file["findings"]}
    assert "GX301" in {f["code"] for f in file["findings"]}


def test_wrong_encoding_option_is_gx001_naming_it(gxlint, tmp_path):
    text = seed_path("004").read_text(encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(text.encode("gb18030"))
    result = gxlint("--format", "concise", "--encoding", "utf-8", "gbk.txt")
    assert result.code == 1
    assert "GX001" in result.out and "utf-8" in result.out


def test_stdin_with_stdin_filename(gxlint, tmp_path):
    with_marks(tmp_path, '[per-file-ignores]\n"2024/*.txt" = ["ZZ102"]')
    data = seed_path("004").read_bytes()
    result = gxlint(
        "-q",
        "--format",
        "concise",
        "--select",
        "ZZ1",
        "-",
        "--stdin-filename",
        "2024/某县.txt",
        stdin=data,
    )
    assert result.code == 1
    assert result.out.splitlines() == ["2024/某县.txt:1:1: ZZ101 [error] 测试错误。"]


def test_stdin_filename_alone_reads_stdin(gxlint, tmp_path):
    result = gxlint(
        "--format", "json", "--stdin-filename", "x.txt", stdin=seed_path("004").read_bytes()
    )
    assert result.json()["files"][0]["path"] == "x.txt"


def test_stdin_without_filename(gxlint):
    result = gxlint("--format", "json", "-", stdin=seed_path("004").read_bytes())
    files = result.json()["files"]
    assert files[0]["path"] == "-"
    assert "GX301" in {f["code"] for f in files[0]["findings"]}


def test_stdin_binary_is_gx001(gxlint):
    result = gxlint("--format", "concise", "-", stdin=b"%PDF-1.4\x00\x01")
    assert result.code == 1 and "GX001" in result.out


def test_stdin_force_excluded_by_its_filename(gxlint, tmp_path):
    write(tmp_path, {"gxlint.toml": 'extend-exclude = ["drafts"]\n'})
    result = gxlint("--force-exclude", "-", "--stdin-filename", "drafts/x.txt", stdin=b"abc")
    assert (result.code, result.out, result.err) == (0, "", "")


def test_crashing_plugin_rule_is_gx009_and_the_others_still_run(gxlint, tmp_path):
    with_marks(tmp_path, boom=True)
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    result = gxlint("--format", "json", "r.txt")
    assert result.code == 1
    findings = result.json()["files"][0]["findings"]
    codes = {f["code"] for f in findings}
    assert {"GX009", "ZZ101", "GX301"} <= codes
    crash = next(f for f in findings if f["code"] == "GX009")
    assert "BM101" in crash["message"] and "kaboom" in crash["message"]
    assert result.err == ""


def test_crash_traceback_only_with_verbose(gxlint, tmp_path):
    with_marks(tmp_path, boom=True)
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    result = gxlint("-v", "--format", "concise", "r.txt", traceback_ok=True)
    assert result.code == 1
    assert "Traceback" in result.err and "kaboom" in result.err
    assert "Traceback" not in result.out
    assert "r.txt: 编码 utf-8" in result.err  # -v: encoding and config per file
    assert "local:boom.py" in result.err  # -v: packs


def test_broken_local_plugin_is_a_warning_and_the_run_goes_on(gxlint, tmp_path):
    write(tmp_path, {"rules_local/bad.py": "import no_such_module_here\n"})
    write(tmp_path, {"gxlint.toml": 'plugins = ["rules_local/bad.py"]\n'})
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    result = gxlint("--format", "json", "r.txt")
    assert result.code == 1
    assert result.err.startswith("gxlint: 警告: 规则包 local:bad.py")
    assert "GX301" in {f["code"] for f in result.json()["files"][0]["findings"]}
