"""The console script's process: the garbage collector is off during start-up only, and the
process ends without the interpreter's teardown while losing nothing a normal exit keeps (the
exit code, every byte of output, the :mod:`atexit` handlers)."""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gxlint.cli import session
from gxlint.runner import Setup
from tests.conftest import seed_path


@pytest.fixture
def restore_gc():
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()


def _probe(folder: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` (which ends by calling ``gxlint.cli.run``) in a new process in ``folder``,
    where seeds 000 and 004 are ``000.txt`` and ``004.txt``."""
    for name in ("000", "004"):
        shutil.copy(seed_path(name), folder / f"{name}.txt")
    return subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_loading_the_packs_turns_a_disabled_collector_back_on(restore_gc, tmp_path):
    gc.disable()
    session.load(Setup(cwd=tmp_path, isolated=True))
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # start-up objects are out of the collector's reach


def test_an_enabled_collector_is_left_alone(restore_gc, tmp_path):
    gc.enable()
    frozen = gc.get_freeze_count()
    session.load(Setup(cwd=tmp_path, isolated=True))
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen  # in-process callers (tests, tools) keep theirs


def test_the_console_script_lints_with_the_collector_on(tmp_path):
    done = _probe(
        tmp_path,
        "import gc, sys\n"
        "from gxlint.cli import run, session\n"
        "load = session.load\n"
        "def checked(*args, **kwargs):\n"
        "    assert not gc.isenabled()\n"
        "    loaded = load(*args, **kwargs)\n"
        "    assert gc.isenabled()\n"
        "    print('collector back on', file=sys.stderr)\n"
        "    return loaded\n"
        "session.load = checked\n"
        "sys.argv = ['gxlint', '--isolated', '--no-cache', '004.txt']\n"
        "run()\n",
    )
    assert "collector back on" in done.stderr, done.stderr
    assert done.returncode == 1  # the seed's findings were reported
    assert "Traceback" not in done.stderr


def test_exit_code_output_and_atexit_handlers_survive(tmp_path):
    done = _probe(
        tmp_path,
        "import atexit, sys\n"
        "atexit.register(lambda: print('atexit ran', file=sys.stderr))\n"
        "from gxlint.cli import run\n"
        "sys.argv = ['gxlint', '--isolated', '--no-cache', '--format', 'json', '.']\n"
        "run()\n",
    )
    assert done.returncode == 1, done.stderr  # findings
    assert "atexit ran" in done.stderr
    report = json.loads(done.stdout)  # complete: nothing left in a buffer
    assert sorted(file["path"] for file in report["files"]) == ["000.txt", "004.txt"]


def test_a_clean_run_exits_zero(tmp_path):
    done = _probe(
        tmp_path,
        "import sys\n"
        "from gxlint.cli import run\n"
        "sys.argv = ['gxlint', '--isolated', '--no-cache', '--select', 'GX106', '004.txt']\n"
        "run()\n",
    )
    assert (done.returncode, done.stderr) == (0, "")
