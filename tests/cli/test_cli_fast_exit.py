"""The console script ends without the interpreter's teardown, losing nothing a normal exit
keeps: the exit code, every byte of output, and the :mod:`atexit` handlers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from tests.conftest import seed_path


def _run(tmp_path, probe: str) -> subprocess.CompletedProcess[str]:
    for name in ("000", "004"):
        shutil.copy(seed_path(name), tmp_path / f"{name}.txt")
    return subprocess.run(
        [sys.executable, "-c", probe],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_exit_code_output_and_atexit_handlers_survive(tmp_path):
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('atexit ran', file=sys.stderr))\n"
        "from gxlint.cli import run\n"
        "sys.argv = ['gxlint', '--isolated', '--no-cache', '--format', 'json', '.']\n"
        "run()\n"
    )
    done = _run(tmp_path, probe)
    assert done.returncode == 1, done.stderr  # findings
    assert "atexit ran" in done.stderr
    report = json.loads(done.stdout)  # complete: nothing left in a buffer
    assert sorted(file["path"] for file in report["files"]) == ["000.txt", "004.txt"]


def test_a_clean_run_exits_zero(tmp_path):
    probe = (
        "import sys\n"
        "from gxlint.cli import run\n"
        "sys.argv = ['gxlint', '--isolated', '--no-cache', '--select', 'GX106', '004.txt']\n"
        "run()\n"
    )
    done = _run(tmp_path, probe)
    assert (done.returncode, done.stderr) == (0, "")
