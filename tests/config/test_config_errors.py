"""Config errors: every problem collected, each with file:line:col and the dotted key."""

from __future__ import annotations

from pathlib import Path

import pytest

from gxlint.config import load_settings
from gxlint.errors import ConfigError, ConfigErrors


def errors_of(path: Path, tmp_path: Path, **kwargs) -> list[str]:
    with pytest.raises(ConfigErrors) as caught:
        load_settings(path, cwd=tmp_path, **kwargs)
    return [str(error) for error in caught.value.errors]


def test_config_error_str_and_errors_one_per_line() -> None:
    first = ConfigError("gxlint.toml", 3, 1, "selct", "未知配置项 “selct”（是否为 “select”？）")
    second = ConfigError("profile xinjiang:default", None, None, "level", "level: 无效")
    assert str(first) == "gxlint.toml:3:1: 未知配置项 “selct”（是否为 “select”？）"
    assert str(second) == "profile xinjiang:default: level: 无效"
    assert str(ConfigErrors([first, second])).splitlines() == [str(first), str(second)]


def test_broken_toml_reports_tomli_line_and_column(tmp_path: Path, write) -> None:
    path = write("gxlint.toml", 'select = ["ALL"]\nrespect-gitignore = yes\n')
    [message] = errors_of(path, tmp_path)
    assert message.startswith("gxlint.toml:2:21: TOML 语法错误：无效的值")


def test_non_utf8_config_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gxlint.toml"
    path.write_bytes('select = ["ALL"]\n# 注释\n'.encode("gb18030"))
    [message] = errors_of(path, tmp_path)
    assert message.startswith("gxlint.toml:2:1: 配置文件不是 UTF-8 编码")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "gxlint.toml"
    path.write_bytes(b"\xef\xbb\xbf" + b'ignore = ["GX1"]\n')
    assert load_settings(path, cwd=tmp_path).ignore == ("GX1",)


def test_unknown_key_suggests_and_points_at_its_line(tmp_path: Path, write) -> None:
    path = write("gxlint.toml", '# 本省配置\n\nselct = ["GX1"]\n')
    assert errors_of(path, tmp_path) == ["gxlint.toml:3:1: 未知配置项 “selct”（是否为 “select”？）"]


def test_unknown_key_without_close_match_has_no_suggestion(tmp_path: Path, write) -> None:
    path = write("gxlint.toml", "zzz = 1\n")
    assert errors_of(path, tmp_path) == ["gxlint.toml:1:1: 未知配置项 “zzz”"]


def test_wrong_type_points_at_the_value(tmp_path: Path, write) -> None:
    path = write("gxlint.toml", 'select = ["ALL"]\nmax-file-size = "5MB"\n')
    assert errors_of(path, tmp_path) == [
        'gxlint.toml:2:17: max-file-size: 应为整数（字节数），实际为字符串 "5MB"'
    ]


def test_nested_key_is_found_inside_its_own_table(tmp_path: Path, write) -> None:
    text = '[rules.GX104]\nseverity = "error"\n\n[rules.GX304]\nseverity = "fatal"\n'
    path = write("gxlint.toml", text)
    assert errors_of(path, tmp_path) == [
        (
            "gxlint.toml:5:12: rules.GX304.severity: 无效的严重级别 “fatal”"
            "（应为 error、warning、info 或 off）"
        )
    ]


def test_all_errors_are_collected_in_file_order(tmp_path: Path, write) -> None:
    text = (
        "respect-gitignore = 1\n"
        'encoding = "gbkk"\n'
        '[jurisdiction]\nlevel = "区"\ndeadline = "3-31"\nown-government-report = "yes"\n'
        'levle = "省"\n'
    )
    path = write("gxlint.toml", text)
    assert errors_of(path, tmp_path) == [
        "gxlint.toml:1:21: respect-gitignore: 应为布尔值（true 或 false），实际为整数 1",
        "gxlint.toml:2:12: encoding: 未知编码 “gbkk”（应为 auto 或编码名称，如 gb18030）",
        "gxlint.toml:4:9: jurisdiction.level: 无效的层级 “区”（应为 省、市、县、乡镇、部门 或 auto）",
        (
            "gxlint.toml:5:12: jurisdiction.deadline: 无效的截止日期 “3-31”"
            "（应为 “MM-DD” 形式的日期（如 “03-31”）或 “auto”）"
        ),
        (
            "gxlint.toml:6:25: jurisdiction.own-government-report: 应为 true、false 或 “auto”，"
            '实际为字符串 "yes"'
        ),
        "gxlint.toml:7:1: 未知配置项 “jurisdiction.levle”（是否为 “jurisdiction.level”？）",
    ]


def test_errors_carry_the_dotted_key(tmp_path: Path, write) -> None:
    path = write("gxlint.toml", '[rules.GX304]\nseverity = "fatal"\n')
    with pytest.raises(ConfigErrors) as caught:
        load_settings(path, cwd=tmp_path)
    [error] = caught.value.errors
    assert (error.path, error.line, error.column, error.key) == (
        "gxlint.toml",
        2,
        12,
        "rules.GX304.severity",
    )


def test_unknown_rule_code_matches_the_documented_message(tmp_path: Path, write, index) -> None:
    text = 'select = ["ALL"]\n\n# 新疆规则包\nignore = ["XJ101"]\n'
    path = write("gxlint.toml", text)
    assert errors_of(path, tmp_path, index=index) == [
        "gxlint.toml:4:11: ignore: 未知规则代码 “XJ101”（规则包 xinjiang 未安装或加载失败）"
    ]


def test_selector_problems_name_the_element(tmp_path: Path, write, index) -> None:
    text = 'extend-select = [\n  "GX1",\n  "GX999",\n  "gx104",\n  "QQ1",\n  "not a code",\n]\n'
    path = write("gxlint.toml", text)
    assert errors_of(path, tmp_path, index=index) == [
        "gxlint.toml:3:3: extend-select: 未知规则代码 “GX999”（规则包 core 中没有此规则）",
        "gxlint.toml:4:3: extend-select: 未知规则名称 “gx104”（是否为 “GX104”？）",
        (
            "gxlint.toml:5:3: extend-select: 未知规则代码 “QQ1”"
            "（没有规则包提供前缀 “QQ”，相应规则包可能未安装或加载失败）"
        ),
        (
            "gxlint.toml:6:3: extend-select: 无效的规则选择器 “not a code”"
            "（应为规则代码、代码前缀、规则名称或 ALL）"
        ),
    ]


def test_known_selectors_pass_and_codes_are_unchecked_without_index(
    tmp_path: Path, write, index
) -> None:
    text = 'select = ["ALL", "GX2", "duplicate-ordinal"]\nignore = ["XJ101"]\n'
    path = write("gxlint.toml", text)
    assert load_settings(path, cwd=tmp_path).ignore == ("XJ101",)  # bootstrap: no index
    with pytest.raises(ConfigErrors):
        load_settings(path, cwd=tmp_path, index=index)


def test_unknown_rule_table_points_at_the_code(tmp_path: Path, write, index) -> None:
    path = write(
        "gxlint.toml", '[rules.GX999]\nseverity = "off"\n[per-file-ignores]\n"a/*" = ["XJ"]\n'
    )
    assert errors_of(path, tmp_path, index=index) == [
        "gxlint.toml:1:8: rules: 未知规则代码 “GX999”（规则包 core 中没有此规则）",
        'gxlint.toml:4:10: per-file-ignores."a/*": 未知规则代码 “XJ”（规则包 xinjiang 未安装或加载失败）',
    ]


def test_rule_options_are_type_checked(tmp_path: Path, write, index) -> None:
    text = (
        "[rules.GX501]\n"
        'mode = "strictly"\n'
        'max-items = "3"\n'
        "ratio = true\n"
        'words = ["a", 1]\n'
        'mdoe = "strict"\n'
        "max_items = 2\n"
        "[rules.GX304]\n"
        "limit = 3\n"
    )
    path = write("gxlint.toml", text)
    assert errors_of(path, tmp_path, index=index) == [
        'gxlint.toml:2:8: rules.GX501.mode: 应为“strict”、“loose” 之一，实际为字符串 "strictly"',
        'gxlint.toml:3:13: rules.GX501.max-items: 应为整数，实际为字符串 "3"',
        "gxlint.toml:4:9: rules.GX501.ratio: 应为数字，实际为布尔值 true",
        "gxlint.toml:5:9: rules.GX501.words: 应为字符串数组，实际为数组",
        "gxlint.toml:6:1: 未知配置项 “rules.GX501.mdoe”（是否为 “rules.GX501.mode”？）",
        "gxlint.toml:7:1: 未知配置项 “rules.GX501.max_items”（是否为 “rules.GX501.max-items”？）",
        "gxlint.toml:9:1: 未知配置项 “rules.GX304.limit”（规则 GX304 没有可配置的选项）",
    ]


def test_valid_rule_options_become_the_options_instance(tmp_path: Path, write, index) -> None:
    text = '[rules.GX501]\nseverity = "info"\nmode = "strict"\nmax-items = 5\nwords = ["甲", "乙"]\nratio = 1\n'
    path = write("gxlint.toml", text)
    rule = load_settings(path, cwd=tmp_path, index=index).rule("GX501")
    assert rule.options == {"mode": "strict", "max_items": 5, "words": ["甲", "乙"], "ratio": 1}
    options_type = index.options_type("GX501")
    built = rule.build_options(options_type)
    assert built == options_type(mode="strict", max_items=5, ratio=1, words=("甲", "乙"))
    assert hash(built)  # tuples, not lists: the frozen dataclass stays hashable


def test_pyproject_errors_are_placed_under_tool_gxlint(tmp_path: Path, write) -> None:
    text = (
        '[project]\nname = "reports"\nignore = 1\n\n[tool.gxlint]\nselect = ["ALL"]\nignore = 1\n'
    )
    path = write("pyproject.toml", text)
    assert errors_of(path, tmp_path) == [
        "pyproject.toml:7:10: ignore: 应为字符串数组，实际为整数 1"
    ]


def test_explicit_pyproject_without_table_is_an_error(tmp_path: Path, write) -> None:
    path = write("pyproject.toml", '[project]\nname = "x"\n')
    [message] = errors_of(path, tmp_path)
    assert message == "pyproject.toml: pyproject.toml 中没有 [tool.gxlint] 表，不是 gxlint 配置"


def test_missing_config_file(tmp_path: Path) -> None:
    [message] = errors_of(tmp_path / "nope.toml", tmp_path)
    assert message.startswith("nope.toml: 无法读取配置文件")


def test_required_section_six_is_validated(tmp_path: Path, write) -> None:
    text = (
        "[[jurisdiction.required-section-six]]\n"
        'name = "甲"\nlevels = ["省"]\n'
        "[[jurisdiction.required-section-six]]\n"
        'any-of = ["乙"]\nlevels = ["省", "区"]\n'
        '[[jurisdiction.required-section-six]]\nname = "丙"\nany-of = []\n'
    )
    path = write("gxlint.toml", text)
    assert errors_of(path, tmp_path) == [
        "gxlint.toml:4:1: jurisdiction.required-section-six[1]: 缺少 “name”（要求的事项名称）",
        (
            "gxlint.toml:6:16: jurisdiction.required-section-six[1].levels: 无效的层级 “区”"
            "（应为 省、市、县、乡镇、部门）"
        ),
        (
            "gxlint.toml:9:10: jurisdiction.required-section-six[2].any-of: "
            "不能为空（省略时默认为 name 本身）"
        ),
    ]


def test_keys_inside_inline_tables_are_found_on_their_line(tmp_path: Path, write) -> None:
    text = 'select = ["ALL"]\njurisdiction = { name = "x", level = "区" }\n'
    path = write("gxlint.toml", text)
    with pytest.raises(ConfigErrors) as caught:
        load_settings(path, cwd=tmp_path)
    [error] = caught.value.errors
    assert (error.line, error.column) == (2, text.splitlines()[1].index("level") + 1)
