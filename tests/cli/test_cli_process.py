"""The real process: ``python -m gxlint``, a closed pipe, Ctrl-C, stdin."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time

import pytest

from gxlint.cli import output
from tests.cli.conftest import ROOT, run_process
from tests.conftest import seed_path


def test_module_entry_point_and_version(tmp_path):
    result = run_process("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.decode().startswith("gxlint ")
    assert result.stderr == b""


def test_subprocess_exit_codes_and_no_traceback(tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "r.txt")
    (tmp_path / "bin.txt").write_bytes(b"PK\x03\x04")
    for argv, code in (
        (["r.txt"], 1),
        (["--exit-zero", "r.txt"], 0),
        (["nope.txt"], 2),
        (["--format", "concise", "bin.txt"], 1),
        (["--select", "NOPE1"], 2),
    ):
        result = run_process(*argv, cwd=tmp_path)
        assert result.returncode == code, argv
        assert b"Traceback" not in result.stderr, argv


def test_stdin_in_a_process(tmp_path):
    result = run_process(
        "--format",
        "concise",
        "-",
        "--stdin-filename",
        "a/b.txt",
        cwd=tmp_path,
        input=seed_path("004").read_bytes(),
    )
    assert result.returncode == 1
    assert result.stdout.decode().startswith("a/b.txt:")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
@pytest.mark.parametrize("fmt", ["full", "concise", "json"])
def test_closed_pipe_is_quiet(tmp_path, fmt):
    for n in range(40):
        shutil.copy(seed_path("000"), tmp_path / f"r{n:02}.txt")
    process = subprocess.Popen(
        [sys.executable, "-m", "gxlint", "-j", "1", "--format", fmt, "."],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 0
    assert stderr == b""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_quietly(tmp_path, jobs):
    for n in range(60):
        shutil.copy(seed_path("000"), tmp_path / f"r{n:02}.txt")
    process = subprocess.Popen(
        [sys.executable, "-m", "gxlint", "-j", jobs, "--format", "concise", "."],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    if process.returncode == 1:
        pytest.skip("the run finished before Ctrl-C")
    assert process.returncode == 130
    assert b"Traceback" not in stderr


def test_color_and_width_decisions(monkeypatch):
    class Tty:
        def isatty(self):
            return True

        def fileno(self):
            raise OSError

    class Pipe:
        def isatty(self):
            return False

    assert output.use_color(None, Tty(), {}) is True
    assert output.use_color(None, Pipe(), {}) is False
    assert output.use_color(None, Pipe(), {"FORCE_COLOR": "1"}) is True
    assert output.use_color(None, Tty(), {"NO_COLOR": "1", "FORCE_COLOR": "1"}) is False
    assert output.use_color("always", Pipe(), {"NO_COLOR": "1"}) is True
    assert output.use_color("never", Tty(), {"FORCE_COLOR": "1"}) is False
    assert output.width(Pipe(), {}) == 100
    assert output.width(Pipe(), {"COLUMNS": "67"}) == 67
    assert output.width(Tty(), {"COLUMNS": "80"}) == 80  # terminal size unknown: COLUMNS


def test_project_root_is_importable():
    assert (ROOT / "src" / "gxlint" / "__main__.py").is_file()
