"""The per-file time limit: a rule or a parse that runs too long ends in GX009 or GX003, the
file's other findings stay and the run goes on (cli.md §8 "Bounded")."""

from __future__ import annotations

import signal
import sys
import time

import pytest

import gxlint.reader
import gxlint.timelimit
from gxlint.findings import Severity
from gxlint.linter import Linter
from gxlint.model import Report
from gxlint.plugins.manager import PluginManager
from gxlint.registry import Registry
from gxlint.rule import Rule
from gxlint.source import SourceText
from gxlint.source.spans import SourceSpan
from gxlint.timelimit import TimeLimitExceeded, time_limit
from tests.conftest import seed_path

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "setitimer"), reason="the time limit needs POSIX interval timers"
)


class Spins(Rule):
    """一直运行（测试用）。

    ## 说明
    测试用。
    """

    code = "TL101"
    name = "spins"
    target = Report
    default_severity = Severity.ERROR

    def check(self, node, ctx):
        yield ctx.finding(SourceSpan(0, 1), "先报告一处。")
        try:
            while True:
                pass
        except Exception:  # noqa: BLE001, S110  NOTE: must not swallow the time limit.
            pass


class Quick(Rule):
    """立即完成（测试用）。

    ## 说明
    测试用。
    """

    code = "TL100"
    name = "quick"
    target = Report
    default_severity = Severity.WARNING

    def check(self, node, ctx):
        yield ctx.finding(SourceSpan(1, 2), "立即完成。")


def _linter(limit: float) -> Linter:
    manager = PluginManager(entry_points=list)
    manager.register(sys.modules[__name__], "timing-test", scan=sys.modules[__name__])
    return Linter(Registry.from_manager(manager), time_limit=limit)


def _source(name: str = "r.txt") -> SourceText:
    return SourceText(name, seed_path("000").read_text("utf-8"), "utf-8")


def test_a_rule_over_the_limit_gets_gx009_and_the_file_keeps_its_findings():
    linter = _linter(0.2)
    started = time.monotonic()
    result = linter.lint_source(_source())
    assert time.monotonic() - started < 10
    codes = [f.code for f in result.findings]
    assert "TL100" in codes and "GX009" in codes
    gx009 = next(f for f in result.findings if f.code == "GX009")
    assert "TL101" in gx009.message and "时限" in gx009.message
    assert linter.crashes and linter.crashes[0].code == "TL101"
    # NOTE: the next file starts with a fresh budget.
    assert "GX009" in [f.code for f in linter.lint_source(_source("s.txt")).findings]


def test_a_parse_over_the_limit_gets_gx003_and_no_rule_runs(monkeypatch):
    def slow(source):  # type: ignore[no-untyped-def]
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(gxlint.reader, "read_text", slow)
    linter = _linter(0.1)
    result = linter.lint_source(_source())
    assert [(f.code, f.span) for f in result.findings] == [("GX003", SourceSpan(0, 0))]
    assert "超过时限（0.1 秒）" in result.findings[0].message
    assert result.text == _source().text and linter.timeouts == 1


def test_a_pathological_input_ends_in_bounded_time_with_a_finding():
    text = "三、收到和处理政府信息公开申请情况\n" + "0\t0\t0\t0\t0\t0\t0\n" * 100_000
    linter = _linter(0.05)
    started = time.monotonic()
    result = linter.lint_source(SourceText("big.txt", text, "utf-8"))
    assert time.monotonic() - started < 30
    assert {"GX003", "GX009"} & {f.code for f in result.findings}


def test_no_limit_without_a_value():
    with time_limit(None):
        time.sleep(0.01)
    with time_limit(0):
        time.sleep(0.01)


def test_the_limit_raises_inside_the_block_and_is_disarmed_after():
    with pytest.raises(TimeLimitExceeded), time_limit(0.05):
        while True:
            pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)


def test_an_outer_timer_is_resumed():
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with time_limit(5):
            pass
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 0.3
        time.sleep(0.5)
        assert fired == [1]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_the_command_reports_the_timeout_and_goes_on(tmp_path, monkeypatch, capsys):
    from gxlint.cli import main

    rules = tmp_path / "rules_local"
    rules.mkdir()
    source = (
        "from gxlint.findings import Severity\nfrom gxlint.model import Report\n"
        "from gxlint.rule import Rule\n\n\nclass Spins(Rule):\n"
        '    """一直运行（测试用）。\n\n    ## 说明\n    测试用。\n    """\n\n'
        '    code = "TL101"\n    name = "spins"\n    target = Report\n'
        "    default_severity = Severity.ERROR\n\n    def check(self, node, ctx):\n"
        "        while True:\n            pass\n"
    )
    (rules / "spins.py").write_text(source, "utf-8")
    (tmp_path / "gxlint.toml").write_text('plugins = ["rules_local/spins.py"]\n', "utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(seed_path("000").read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(gxlint.timelimit, "FILE_TIME_LIMIT", 0.2)
    code = main(["--format", "concise", "--select", "TL", "-j", "1", "."])
    out = capsys.readouterr()
    assert code == 1 and "Traceback" not in out.err
    assert [line.split(": ")[1].split()[0] for line in out.out.splitlines()[:2]] == [
        "GX009",
        "GX009",
    ]
    assert not (tmp_path / ".gxlint_cache" / "v1").exists()  # NOTE: timeouts are not cached.
