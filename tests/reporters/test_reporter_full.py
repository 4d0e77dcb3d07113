"""Golden output of the ``full`` format: colour off, width 100, exact strings."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from gxlint.findings import FileResult, Finding, Label, Severity
from gxlint.reporters.ansi import sgr_codes
from gxlint.reporters.full import FullReporter
from gxlint.reporters.theme import STYLES
from gxlint.source.spans import SourceSpan
from gxlint.testing.lint import lint_result
from tests.conftest import SEEDS

SEEDS_FILES = sorted(SEEDS.glob("*.txt"))

BASIS_HELP = "文号格式为：机关代字〔年份〕序号号。"
BASIS_MESSAGE = "发文字号“国办公开办函[2021]30号”的年份应使用六角括号〔〕。"

CLI_MD_EXAMPLE = """\
error[GX104] 同级序号“（二）”重复，按顺序应为“（三）”。
  --> 2024/某某县/年度报告.txt:21:1
   |
14 | （二）依申请公开情况
   | ------ 此序号首次出现在这里
...
21 | （二）政府信息管理
   | ^^^^^^
   = help: 同一层级的序号应依次递增，不得重复。
   = 参见: gxlint rule GX104

error[GX203] 表三“（七）总计”行：总计为 47，但各类申请人之和为 46（40+5+0+1+0+0）。
  --> 2024/某某县/年度报告.txt:58:20
   |
58 | （七）总计  40  5   0   1   0   0   47
   |                                     ^^
   = 参见: gxlint rule GX203

共检查 1 个文件，发现 2 个错误、0 个警告、0 条提示。
"""


def test_cli_md_example_is_reproduced_exactly(run, result):
    # Covers the tab line (a) and the earlier secondary label with a gap (c).
    assert run("full", [result]) == CLI_MD_EXAMPLE


def test_caret_under_tab_expanded_cjk_line_is_computed_in_cells(run, result):
    result.findings = result.findings[1:]
    lines = run("full", [result]).splitlines()
    source = next(line for line in lines if line.startswith("58 | "))
    carets = lines[lines.index(source) + 1]
    # By hand: （七）总计 is 10 cells, the tab goes to 12; 40 → 14, tab → 16; 5 → 17, tab → 20;
    # 0 → 21, tab → 24; 1 → 25, tab → 28; 0 → 29, tab → 32; 0 → 33, tab → 36: 47 is at 36.
    assert source == "58 | （七）总计  40  5   0   1   0   0   47"
    assert carets == "   | " + " " * 36 + "^^"
    # str.expandtabs counts characters and would put 47 elsewhere: the test can tell them apart.
    assert "（七）总计\t40\t5\t0\t1\t0\t0\t47".expandtabs(4) != source[5:]


def test_long_line_is_windowed_at_width_67_as_cli_md_draws_it(run, basis_result):
    output = run("full", [basis_result], width=67, quiet=True)
    assert output == (
        f"warning[GX404] {BASIS_MESSAGE}\n"
        " --> 年度报告.txt:5:72\n"
        "  |\n"
        "5 | ...作年度报告格式〉的通知》（国办公开办函[2021]30号）要求编制。\n"
        "  |                              ^^^^^^^^^^^^^^^^^^^^^^\n"
        f"  = help: {BASIS_HELP}\n"
        "  = 参见: gxlint rule GX404\n"
        "\n"
    )


def test_long_line_is_windowed_at_width_100(run, basis_result):
    output = run("full", [basis_result], width=100, quiet=True)
    lines = output.splitlines()
    # The right side (）要求编制。, 12 cells) is short and yields its room to the left, whose
    # 59-cell budget holds 29 two-cell characters after the 3-cell "...".
    assert lines[3] == (
        "5 | ...发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函[2021]30号）"
        "要求编制。"
    )
    assert lines[4] == "  | " + " " * 61 + "^" * 22
    assert cell_len(lines[3]) <= 100
    assert "[2021]" in lines[0]  # report text is never taken for rich markup


def test_narrow_window_cuts_both_sides_around_the_span(run, basis_result):
    output = run("full", [basis_result], width=40, quiet=True)
    lines = output.splitlines()
    assert lines[3] == "5 | ...》（国办公开办函[2021]30号）要..."
    assert lines[4] == "  |        " + "^" * 22


def test_span_wider_than_the_window_is_shown_from_its_start(run, basis_result):
    output = run("full", [basis_result], width=20, quiet=True)
    lines = output.splitlines()
    assert lines[3] == "5 | ...国办公开办..."
    assert lines[4] == "  |    " + "^" * 10


def test_adjacent_lines_have_no_gap_marker(run, make_report):
    report = make_report(["（一）主动公开政府信息情况", "（一）依申请公开情况"])
    finding = Finding(
        "GX104",
        "duplicate-ordinal",
        Severity.ERROR,
        "同级序号“（一）”重复，按顺序应为“（二）”。",
        report.span(2, "（一）"),
        labels=(Label(report.span(1, "（一）"), "首次出现"),),
    )
    output = run("full", [FileResult("a.txt", report.text, "utf-8", [finding])], quiet=True)
    assert output.splitlines()[3:7] == [
        "1 | （一）主动公开政府信息情况",
        "  | ------ 首次出现",
        "2 | （一）依申请公开情况",
        "  | ^^^^^^",
    ]


def test_label_on_the_same_line_gets_its_own_marker_row(run, make_report):
    report = make_report(["一是加强组织领导，一是完善工作机制。"])
    finding = Finding(
        "GX104",
        "duplicate-ordinal",
        Severity.ERROR,
        "同级序号“一是”重复，按顺序应为“二是”。",
        report.span(1, "一是", occurrence=1),
        labels=(Label(report.span(1, "一是"), "首次出现"),),
    )
    output = run("full", [FileResult("a.txt", report.text, "utf-8", [finding])], quiet=True)
    assert output.splitlines()[3:6] == [
        "1 | 一是加强组织领导，一是完善工作机制。",
        "  |                   ^^^^",
        "  | ---- 首次出现",
    ]


def _one(make_report, lines, span_of, message="缺少内容。", newline="\n"):
    report = make_report(lines, newline)
    finding = Finding("GX101", "missing-section", Severity.ERROR, message, span_of(report))
    return FileResult("a.txt", report.text, "utf-8", [finding])


def test_empty_span_gets_one_caret_where_it_is(run, make_report):
    result = _one(make_report, ["二、主动公开政府信息情况"], lambda r: SourceSpan(2, 2))
    lines = run("full", [result], quiet=True).splitlines()
    assert lines[1] == " --> a.txt:1:3"
    assert lines[4] == "  |     ^"


def test_empty_span_at_end_of_line_points_past_the_last_character(run, make_report):
    result = _one(make_report, ["六、其他需要报告的事项"], lambda r: SourceSpan(11, 11))
    lines = run("full", [result], quiet=True).splitlines()
    assert lines[4] == "  | " + " " * 22 + "^"


def test_crlf_and_word_control_characters_are_printed_safely(run, make_report):
    result = _one(
        make_report,
        ["（一）\x0b主动公开\x0c情况", "（二）依申请公开"],
        lambda r: r.span(1, "情况"),
        newline="\r\n",
    )
    output = run("full", [result], quiet=True)
    assert "\r" not in output
    lines = output.splitlines()
    assert lines[3] == "1 | （一）␋主动公开␌情况"
    # ␋ and ␌ take one cell each: 6 + 1 + 8 + 1 = 16 cells before 情况.
    assert lines[4] == "  | " + " " * 16 + "^^^^"


def test_multiline_span_underlines_first_line_and_says_where_it_ends(run, make_report):
    result = _one(
        make_report,
        ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：…）", "四、"],
        lambda r: SourceSpan(r.offset(1, 3), r.offset(2, 5)),
    )
    lines = run("full", [result], quiet=True).splitlines()
    assert lines[3] == "1 | 三、收到和处理政府信息公开申请情况"
    assert lines[4] == "  |     " + "^" * 30 + " 延续至第 2 行"


def test_markup_like_text_and_quiet_and_suppressed(run, make_report):
    result = _one(
        make_report,
        ["[bold]（一）[/bold]"],
        lambda r: r.span(1, "（一）"),
        message="序号“[red]”有误。",
    )
    output = run("full", [result], suppressed=3)
    assert output.startswith("error[GX101] 序号“[red]”有误。\n")
    assert "1 | [bold]（一）[/bold]\n" in output
    assert output.endswith(
        "共检查 1 个文件，发现 1 个错误、0 个警告、0 条提示，另有 3 条已被抑制。\n"
    )
    assert "共检查" not in run("full", [result], quiet=True)


def test_show_source_off_keeps_location_and_help(run, result):
    output = run("full", [result], show_source=False, quiet=True)
    assert output.splitlines()[:4] == [
        f"error[GX104] {result.findings[0].message}",
        "  --> 2024/某某县/年度报告.txt:21:1",
        "   = help: 同一层级的序号应依次递增，不得重复。",
        "   = 参见: gxlint rule GX104",
    ]
    assert "|" not in output


def test_colour_only_when_asked(run, result):
    assert "\x1b[" not in run("full", [result])
    coloured = run("full", [result], color=True)
    assert "\x1b[" in coloured
    assert "rules/GX104.html" in coloured  # the code links to its documentation


def test_relative_to_cwd_and_clean_files_print_nothing(run, report, tmp_path):
    path = tmp_path / "2024" / "报告.txt"
    clean = FileResult(str(tmp_path / "clean.txt"), "一、总体情况\n", "utf-8", [])
    finding = Finding(
        "GX502", "ordinal-style", Severity.INFO, "序号样式不统一。", report.span(14, "（二）")
    )
    dirty = FileResult(str(path), report.text, "utf-8", [finding])
    output = run("full", [clean, dirty], cwd=str(tmp_path))
    assert output.startswith("info[GX502] 序号样式不统一。\n")
    assert f"  --> {path.relative_to(tmp_path)}:14:1\n" in output
    assert output.endswith("共检查 2 个文件，发现 0 个错误、0 个警告、1 条提示。\n")


def _through_rich(monkeypatch):
    """Make every block go through rich, as before the direct path existed."""
    monkeypatch.setattr(FullReporter, "_printed_as_is", lambda self, plain: False)


def _unlinked(output: str) -> str:
    # NOTE: every hyperlink gets a fresh id (rich draws them at random).
    return re.sub(r"\x1b\]8;id=\d+;", "\x1b]8;id=;", output)


@pytest.mark.parametrize("color", [False, True], ids=["plain", "colour"])
@pytest.mark.parametrize("width", [100, 40])
def test_blocks_printed_directly_are_what_rich_prints(run, monkeypatch, width, color):
    # Every finding of the five seeds, at the default width and a narrow one, with and
    # without colour: the direct path and rich give the same bytes (a rich upgrade that
    # changes this fails here).
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(FullReporter, "palette", staticmethod(lambda: sgr_codes(STYLES)))
    results = [lint_result(path.read_text("utf-8"), path=path.name) for path in SEEDS_FILES]
    assert sum(len(result.findings) for result in results) > 30
    direct = run("full", results, width=width, color=color)
    assert ("\x1b[1;31merror[" in direct) is color
    _through_rich(monkeypatch)
    assert _unlinked(run("full", results, width=width, color=color)) == _unlinked(direct)


def test_theme_outside_the_escape_vocabulary_is_drawn_by_rich(run, result, monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setitem(STYLES, "gxlint.gutter", "bold #3366ff")
    monkeypatch.setattr(FullReporter, "palette", staticmethod(lambda: sgr_codes(STYLES)))
    output = run("full", [result], color=True)
    assert "\x1b[1;38;5;63m   = \x1b[0m" in output  # rich: the nearest of 256 colours


@pytest.mark.parametrize(
    "message",
    [
        "制表符\t之后\t对齐。",  # rich expands tabs
        "响铃\x07退格\x08回车\r换页\x0c。",  # rich drops these control codes
        "长" * 120 + "   ",  # older rich trims the trailing spaces of a line over the width
    ],
)
def test_blocks_rich_would_change_still_go_through_rich(run, make_report, monkeypatch, message):
    result = _one(make_report, ["（一）主动公开情况"], lambda r: r.span(1, "情况"), message=message)
    output = run("full", [result], quiet=True)
    _through_rich(monkeypatch)
    assert run("full", [result], quiet=True) == output
    assert not any(code in output for code in "\t\x07\x08\r\x0c")
