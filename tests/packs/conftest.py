"""Fixtures for the pack tests: the installed example pack, fake distributions, the CLI.

``gxlint`` runs in a subprocess here, because only a new process reads the entry points of
what is installed (and of the fake distributions put on ``PYTHONPATH``) from scratch.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.packs.install import XINJIANG, ExamplePack, ensure_installed


@pytest.fixture(scope="session")
def xinjiang() -> ExamplePack:
    """The example pack ``gxlint-xinjiang``, installed (editable) into this environment."""
    problem = ensure_installed(XINJIANG)
    if problem is not None:
        pytest.skip(problem)
    return XINJIANG


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Run]:
    """``cli(*argv, cwd=…, site=…)``: ``gxlint`` in this process (fast), in ``cwd``, with
    the folder ``site`` (fake distributions) on ``sys.path``. Entry points are read from
    ``sys.path`` on every run, so ``site`` is seen as installed; its modules are forgotten
    afterwards. Use :func:`run_gxlint` to prove what a fresh process sees."""
    from gxlint.cli import main

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "_xdg"))
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)

    def run(*argv: str, cwd: Path, site: Path | None = None, traceback_ok: bool = False) -> Run:
        before = set(sys.modules)
        with monkeypatch.context() as patch:
            patch.chdir(cwd)
            if site is not None:
                patch.syspath_prepend(str(site))
            code = main(list(argv))
        captured = capsys.readouterr()
        if site is not None:
            for name in set(sys.modules) - before:
                where = getattr(sys.modules[name], "__file__", None) or ""
                if where.startswith(str(site)):
                    del sys.modules[name]
        assert traceback_ok or "Traceback" not in captured.err
        return Run(code, captured.out, captured.err)

    return run


def run_gxlint(*argv: str, cwd: Path, pythonpath: Path | None = None) -> Run:
    """``python -m gxlint …`` in ``cwd``, without the user's config or colours."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["XDG_CONFIG_HOME"] = str(cwd / "_xdg")
    env["COLUMNS"] = "200"
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(pythonpath), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-m", "gxlint", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    return Run(result.returncode, result.stdout, result.stderr)


def fake_distribution(
    site: Path, name: str, version: str, entry_points: dict[str, str], files: dict[str, str]
) -> Path:
    """An installed distribution as importlib.metadata sees one: ``<name>.dist-info`` with
    METADATA and entry_points.txt, plus its modules, in the folder ``site`` (which the caller
    puts on PYTHONPATH). The cheapest real install: no build, no pip."""
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    lines = "".join(f"{key} = {value}\n" for key, value in entry_points.items())
    (info / "entry_points.txt").write_text(f"[gxlint]\n{lines}", encoding="utf-8")
    for relative, text in files.items():
        path = site / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return site


RULE = '''
from gxlint import Rule, Severity
from gxlint.model import Report


class {cls}(Rule):
    """{summary}

    ## 说明
    测试用。
    """

    code = "{code}"
    name = "{name}"
    target = Report
    default_severity = Severity.WARNING

    def check(self, report, ctx):
        {body}
'''


def rule_module(cls: str, code: str, name: str, body: str, summary: str = "测试规则。") -> str:
    return RULE.format(cls=cls, code=code, name=name, body=body, summary=summary)
