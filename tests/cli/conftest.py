"""Run ``gxlint`` in-process (``main(argv)``) in a temporary folder, or as a subprocess.

Deterministic findings come from local rule files (``plugins = [...]``), so the tests check
the command line's behaviour, not what the core rules happen to find this week. The only core
findings relied on are the corpus README's must-findings (GX301 on seed 004, GX202 on seed 000
line 151).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from gxlint.cli import main

ROOT = Path(__file__).resolve().parents[2]

# A local pack whose findings do not depend on the core rules: ZZ101 (error) at the start of
# every report, ZZ102 (warning) at its second character.
MARKS = '''
from gxlint.findings import Severity
from gxlint.model import Report
from gxlint.rule import Rule
from gxlint.source.spans import SourceSpan


class AlwaysError(Rule):
    """每份报告都报告一个错误（测试用）。

    ## 说明
    测试用。
    """

    code = "ZZ101"
    name = "always-error"
    target = Report
    default_severity = Severity.ERROR

    def check(self, node, ctx):
        yield ctx.finding(SourceSpan(0, 1), "测试错误。")


class AlwaysWarning(Rule):
    """每份报告都报告一个警告（测试用）。

    ## 说明
    测试用。
    """

    code = "ZZ102"
    name = "always-warning"
    target = Report
    default_severity = Severity.WARNING

    def check(self, node, ctx):
        yield ctx.finding(SourceSpan(1, 2), "测试警告。")
'''

BOOM = '''
from gxlint.findings import Severity
from gxlint.model import Report
from gxlint.rule import Rule


class Boom(Rule):
    """总是出错（测试用）。

    ## 说明
    测试用。
    """

    code = "BM101"
    name = "boom"
    target = Report
    default_severity = Severity.ERROR

    def check(self, node, ctx):
        raise RuntimeError("kaboom")
'''


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user config, colour or width from the real environment."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "_xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "_home"))
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def gxlint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """``gxlint(*argv, stdin=b"...")`` → :class:`Result`, run in ``tmp_path``; asserts that
    stderr never holds a traceback unless ``traceback_ok``."""
    monkeypatch.chdir(tmp_path)

    def run(*argv: str, stdin: bytes | None = None, traceback_ok: bool = False) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        code = main(list(argv))
        captured = capsys.readouterr()
        if not traceback_ok:
            assert "Traceback" not in captured.err
        return Result(code, captured.out, captured.err)

    return run


def run_process(*argv: str, cwd: Path, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["XDG_CONFIG_HOME"] = str(cwd / "_xdg")
    return subprocess.run(
        [sys.executable, "-m", "gxlint", *argv],
        check=False,
        cwd=cwd,
        env=env,
        capture_output=True,
        **kwargs,
    )


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")


def with_marks(root: Path, *extra: str, boom: bool = False) -> None:
    """A gxlint.toml in ``root`` loading the ZZ (and, with ``boom``, BM) local rules."""
    plugins = ['"rules_local/marks.py"'] + (['"rules_local/boom.py"'] if boom else [])
    config = f"plugins = [{', '.join(plugins)}]\n" + "".join(line + "\n" for line in extra)
    write(root, {"rules_local/marks.py": MARKS, "rules_local/boom.py": BOOM})
    (root / "gxlint.toml").write_text(config, encoding="utf-8")
