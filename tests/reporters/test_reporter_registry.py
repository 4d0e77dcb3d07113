"""The format registry, lazy imports and ``--statistics``."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from gxlint.reporters import BUILTIN_FORMATS, create_reporter, get_reporter_class
from gxlint.reporters.base import Reporter, ReportOptions

FORMATS = ["full", "concise", "json", "jsonl", "sarif", "github", "junit", "csv"]


def test_every_documented_format_is_registered_and_loads():
    assert sorted(BUILTIN_FORMATS) == sorted(FORMATS)
    for name in FORMATS:
        assert issubclass(get_reporter_class(name), Reporter)


def test_unknown_format_is_refused_and_pack_formats_are_accepted():
    with pytest.raises(ValueError, match="xml"):
        get_reporter_class("xml")

    class Custom(Reporter):
        def file(self, result):
            self.stream.write(result.path)

    assert get_reporter_class("custom", {"custom": Custom}) is Custom
    stream = io.StringIO()
    assert isinstance(
        create_reporter("custom", stream, ReportOptions(), {"custom": Custom}), Custom
    )


@pytest.mark.parametrize("name", ["json", "concise", "sarif", "csv"])
def test_machine_and_concise_formats_never_import_rich(name):
    code = (
        "import io, sys\n"
        "from gxlint.findings import FileResult\n"
        "from gxlint.reporters import create_reporter\n"
        "from gxlint.reporters.base import ReportOptions, Summary\n"
        f"import gxlint.reporters.{name}\n"
        f"r = create_reporter({name!r}, io.StringIO(), ReportOptions())\n"
        "r.start(); r.file(FileResult('a.txt', '甲', 'utf-8')); r.finish(Summary(files=1))\n"
        "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_full_does_import_rich_so_the_check_above_can_fail():
    code = "import sys, gxlint.reporters.full; print('rich' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"


@pytest.mark.parametrize(
    ("color", "message", "term", "console"),
    [
        (False, "重复。", "xterm", False),
        (True, "重复。", "xterm-256color", False),  # escape codes written directly
        (True, "重\t复。", "xterm", True),  # rich expands the tab: rich draws the block
        (False, "重\t复。", "xterm", True),
        (True, "重复。", "dumb", True),  # rich prints no codes on a dumb terminal: rich decides
    ],
)
def test_full_imports_rich_console_only_where_rich_draws(color, message, term, console):
    code = (
        "import io, sys\n"
        "from gxlint.findings import FileResult, Finding, Severity\n"
        "from gxlint.reporters import create_reporter\n"
        "from gxlint.reporters.base import ReportOptions, Summary\n"
        "from gxlint.source.spans import SourceSpan\n"
        f"f = Finding('GX104', 'duplicate-ordinal', Severity.ERROR, {message!r}, "
        "SourceSpan(0, 1))\n"
        f"r = create_reporter('full', io.StringIO(), ReportOptions(color={color}))\n"
        "r.start(); r.file(FileResult('a.txt', '甲乙', 'utf-8', [f]))\n"
        "r.finish(Summary(files=1, errors=1))\n"
        "assert '^' in r.stream.getvalue() and '共检查 1 个文件' in r.stream.getvalue()\n"
        "print('rich.console' in sys.modules)\n"
    )
    env = {**os.environ, "TERM": term}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.strip() == str(console)


def test_statistics_text_table(run, result):
    result.findings.append(result.findings[0])
    output = run("full", [result], statistics=True)
    assert output == (
        "2  GX104  duplicate-ordinal   error    1 个文件\n"
        "1  GX203  row-total-mismatch  error    1 个文件\n"
        "共检查 1 个文件，发现 3 个错误、0 个警告、0 条提示。\n"
    )


def test_statistics_as_json_and_csv_data(run, result):
    document = json.loads(run("json", [result, result], statistics=True))
    assert document["schema"] == "gxlint-statistics/1"
    assert document["rules"][0] == {
        "count": 2,
        "code": "GX104",
        "name": "duplicate-ordinal",
        "severity": "error",
        "files": 2,
    }
    output = run("csv", [result], statistics=True)
    assert output.startswith("\ufeffcount,code,name,severity,files\r\n")
    rows = list(csv.reader(io.StringIO(output.removeprefix("\ufeff"), newline="")))
    assert rows[1:] == [
        ["1", "GX104", "duplicate-ordinal", "error", "1"],
        ["1", "GX203", "row-total-mismatch", "error", "1"],
    ]
