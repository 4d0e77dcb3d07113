"""The garbage collector is off during start-up only: a long run still frees its cycles."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys

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
    shutil.copy(seed_path("004"), tmp_path / "report.txt")
    probe = (
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
        "sys.argv = ['gxlint', '--isolated', '--no-cache', 'report.txt']\n"
        "run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "collector back on" in done.stderr, done.stderr
    assert done.returncode == 1  # the seed's findings were reported
    assert "Traceback" not in done.stderr
