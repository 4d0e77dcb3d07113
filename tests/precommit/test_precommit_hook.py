"""The real pre-commit runs the `gxlint` hook of this checkout on a content repository.

This is slow (pre-commit builds a virtual environment with gxlint in it), so it runs once:
a bad report makes the hook fail with GX findings, and after the fix it passes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPORTS, ROOT

BAD = ROOT / "examples" / "sample-report.txt"
GOOD = REPORTS / "clean_tab_indented.txt"


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, check=False, cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.fixture
def content_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "reports"
    repo.mkdir()
    env = dict(os.environ)
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
        NO_COLOR="1",
    )
    _run(["git", "init", "-q"], repo, env)
    return repo, env


def test_hook_fails_on_a_bad_report_and_passes_after_the_fix(content_repo) -> None:
    repo, env = content_repo
    report = repo / "2024" / "年度报告.txt"
    report.parent.mkdir()
    shutil.copyfile(BAD, report)
    _run(["git", "add", "-A"], repo, env)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "gxlint", "--all-files"]

    failed = _run(command, repo, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "GX104" in failed.stdout and "年度报告.txt" in failed.stdout
    assert "Traceback" not in failed.stdout + failed.stderr

    shutil.copyfile(GOOD, report)
    _run(["git", "add", "-A"], repo, env)
    passed = _run(command, repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
