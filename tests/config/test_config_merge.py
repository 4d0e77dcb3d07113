"""Inheritance and precedence: extend, profiles, pack defaults, command line; merge rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from gxlint.config import load_settings
from gxlint.config.schema import defaults
from gxlint.errors import ConfigErrors
from gxlint.findings import Severity


def test_defaults_without_a_file(tmp_path: Path) -> None:
    settings = load_settings(None, cwd=tmp_path)
    raw = defaults()
    assert settings.path is None
    assert settings.select == ("ALL",)
    assert settings.include == tuple(raw["include"])
    assert settings.exclude == tuple(raw["exclude"])
    assert settings.max_file_size == 5 * 1024 * 1024
    assert settings.respect_gitignore is True
    assert settings.cache_dir == ".gxlint_cache"
    assert settings.jurisdiction.deadline == "auto"
    assert set(settings.sources.values()) == {"默认值"}
    assert settings.chain == ("默认值",)


def test_defaults_are_a_fresh_copy_every_time() -> None:
    first = defaults()
    first["exclude"].append("build")
    first["jurisdiction"]["label-variants"]["x"] = ["y"]
    second = defaults()
    assert "build" not in second["exclude"]
    assert second["jurisdiction"]["label-variants"] == {}
    assert second == defaults() and second is not defaults()


def test_extend_is_relative_to_the_declaring_file(tmp_path: Path, write) -> None:
    write("base.toml", 'ignore = ["GX405"]\ninclude = ["*.txt"]\nencoding = "gb18030"\n')
    child = write("county/gxlint.toml", 'extend = "../base.toml"\ninclude = ["*.md"]\n')
    settings = load_settings(child, cwd=tmp_path)
    assert settings.ignore == ("GX405",)
    assert settings.include == ("*.md",)
    assert settings.encoding == "gb18030"
    assert settings.sources["ignore"] == "base.toml"
    assert settings.sources["include"] == "county/gxlint.toml"
    assert settings.chain == ("默认值", "base.toml", "county/gxlint.toml")


def test_extend_is_recursive(tmp_path: Path, write) -> None:
    write("a.toml", 'ignore = ["GX1"]\nencoding = "gbk"\n')
    write("b/b.toml", 'extend = "../a.toml"\nignore = ["GX2"]\n')
    child = write("b/c/gxlint.toml", 'extend = "../b.toml"\n')
    settings = load_settings(child, cwd=tmp_path)
    assert (settings.ignore, settings.encoding) == (("GX2",), "gbk")


def test_extend_cycle_is_an_error_at_the_closing_extend(tmp_path: Path, write) -> None:
    a = write("a.toml", 'extend = "b.toml"\n')
    write("b.toml", '# b\nextend = "./a.toml"\n')
    with pytest.raises(ConfigErrors) as caught:
        load_settings(a, cwd=tmp_path)
    assert [str(e) for e in caught.value.errors] == [
        "b.toml:2:10: extend: 循环继承：a.toml → b.toml → a.toml"
    ]


def test_self_extend_is_a_cycle(tmp_path: Path, write) -> None:
    a = write("gxlint.toml", 'extend = "gxlint.toml"\n')
    with pytest.raises(ConfigErrors, match="循环继承：gxlint.toml → gxlint.toml"):
        load_settings(a, cwd=tmp_path)


def test_missing_extend_target(tmp_path: Path, write) -> None:
    a = write("gxlint.toml", 'extend = "../nowhere.toml"\n')
    with pytest.raises(ConfigErrors) as caught:
        load_settings(a, cwd=tmp_path)
    assert str(caught.value) == "gxlint.toml:1:10: extend: 找不到要继承的配置文件 “../nowhere.toml”"


def test_errors_in_the_extended_file_are_reported_with_that_file(tmp_path: Path, write) -> None:
    write("base.toml", "\nselct = []\n")
    child = write("gxlint.toml", 'extend = "base.toml"\nignor = []\n')
    with pytest.raises(ConfigErrors) as caught:
        load_settings(child, cwd=tmp_path)
    assert [str(e) for e in caught.value.errors] == [
        "gxlint.toml:2:1: 未知配置项 “ignor”（是否为 “ignore”？）",
        "base.toml:2:1: 未知配置项 “selct”（是否为 “select”？）",
    ]


def test_lists_replace_and_extend_keys_append(tmp_path: Path, write) -> None:
    write(
        "base.toml",
        'ignore = ["GX1"]\nextend-select = ["GX5"]\nextend-exclude = ["草稿"]\n'
        'extend-include = ["*.md"]\n',
    )
    child = write(
        "gxlint.toml",
        'extend = "base.toml"\nignore = ["GX2"]\nextend-select = ["GX6"]\nextend-exclude = ["旧"]\n',
    )
    settings = load_settings(child, cwd=tmp_path)
    assert settings.ignore == ("GX2",)
    assert settings.extend_select == ("GX5", "GX6")
    assert settings.extend_exclude == ("草稿", "旧")
    assert settings.all_exclude[-2:] == ("草稿", "旧")
    assert settings.all_include == ("*.txt", "*.TXT", "*.md")
    assert settings.sources["extend-select"] == "base.toml + gxlint.toml"


def test_setting_a_list_drops_inherited_extensions(tmp_path: Path, write) -> None:
    write("base.toml", 'extend-select = ["GX5"]\nextend-include = ["*.md"]\n')
    child = write("gxlint.toml", 'extend = "base.toml"\nselect = ["GX1"]\ninclude = ["*.txt"]\n')
    settings = load_settings(child, cwd=tmp_path)
    assert (settings.select, settings.extend_select) == (("GX1",), ())
    assert settings.all_include == ("*.txt",)


def test_tables_merge_per_key(tmp_path: Path, write, index) -> None:
    write(
        "base.toml",
        '[rules.GX501]\nseverity = "off"\nmode = "strict"\n[rules.GX104]\nseverity = "info"\n'
        '[jurisdiction]\nlevel = "县"\nname = "某某县"\n'
        '[jurisdiction.label-variants]\n"行政规范性文件" = ["规范性文件"]\n',
    )
    child = write(
        "gxlint.toml",
        'extend = "base.toml"\n[rules.GX501]\nseverity = "warning"\n'
        '[jurisdiction]\nname = "某某镇"\nlevel = "乡镇"\n'
        '[jurisdiction.label-variants]\n"本年制发件数" = ["本年发件"]\n',
    )
    settings = load_settings(child, cwd=tmp_path, index=index)
    gx501 = settings.rule("GX501")
    assert (gx501.severity, gx501.off, gx501.options) == (
        Severity.WARNING,
        False,
        {"mode": "strict"},
    )
    assert settings.rule("GX104").severity is Severity.INFO
    assert settings.rule("GX208").severity is None
    assert (settings.jurisdiction.name, settings.jurisdiction.level) == ("某某镇", "乡镇")
    assert settings.jurisdiction.label_variants == {
        "行政规范性文件": ("规范性文件",),
        "本年制发件数": ("本年发件",),
    }
    assert settings.sources["rules.GX501.mode"] == "base.toml"
    assert settings.sources["rules.GX501.severity"] == "gxlint.toml"


def test_severity_off_is_a_flag(tmp_path: Path, write) -> None:
    path = write("gxlint.toml", '[rules.GX304]\nseverity = "off"\n')
    rule = load_settings(path, cwd=tmp_path).rule("GX304")
    assert (rule.off, rule.severity) == (True, None)


def test_per_file_ignores_replace_per_glob_and_extend_appends(tmp_path: Path, write) -> None:
    write(
        "base.toml",
        '[per-file-ignores]\n"归档/2019/**" = ["GX208"]\n"草稿/*" = ["GX1"]\n',
    )
    child = write(
        "gxlint.toml",
        'extend = "base.toml"\n[per-file-ignores]\n"草稿/*" = ["GX2"]\n'
        '[extend-per-file-ignores]\n"归档/2019/**" = ["GX405"]\n',
    )
    settings = load_settings(child, cwd=tmp_path)
    assert settings.per_file_ignores == {"归档/2019/**": ("GX208",), "草稿/*": ("GX2",)}
    assert settings.all_per_file_ignores == {"归档/2019/**": ("GX208", "GX405"), "草稿/*": ("GX2",)}


XINJIANG = {
    "select": ["GX", "XJ"],
    "jurisdiction": {"name": "新疆维吾尔自治区", "level": "省", "deadline": "01-31"},
}


def test_profile_sits_between_extend_target_and_the_file(tmp_path: Path, write) -> None:
    write("base.toml", 'ignore = ["GX1"]\nselect = ["GX1"]\n[jurisdiction]\nlevel = "县"\n')
    child = write(
        "gxlint.toml",
        'extend = "base.toml"\n[jurisdiction]\nprofile = "xinjiang:default"\ndeadline = "02-15"\n',
    )
    settings = load_settings(child, cwd=tmp_path, profiles={"xinjiang:default": XINJIANG})
    j = settings.jurisdiction
    assert settings.select == ("GX", "XJ")  # profile beats the extend target
    assert settings.ignore == ("GX1",)  # untouched by the profile: from the extend target
    assert (j.name, j.level, j.deadline, j.profile) == (
        "新疆维吾尔自治区",
        "省",
        "02-15",  # the file beats the profile
        "xinjiang:default",
    )
    assert settings.sources["jurisdiction.level"] == "profile xinjiang:default"
    assert settings.sources["jurisdiction.deadline"] == "gxlint.toml"
    assert settings.chain == ("默认值", "base.toml", "profile xinjiang:default", "gxlint.toml")


def test_extend_a_pack_profile(tmp_path: Path, write) -> None:
    child = write("gxlint.toml", 'extend = "xinjiang:default"\n[jurisdiction]\nlevel = "市"\n')
    settings = load_settings(child, cwd=tmp_path, profiles={"xinjiang:default": XINJIANG})
    assert (settings.jurisdiction.name, settings.jurisdiction.level) == ("新疆维吾尔自治区", "市")


def test_unknown_profile_is_an_error_at_its_line(tmp_path: Path, write) -> None:
    child = write("gxlint.toml", '[jurisdiction]\nname = "x"\nprofile = "xinjiang:default"\n')
    with pytest.raises(ConfigErrors) as caught:
        load_settings(child, cwd=tmp_path, profiles={})
    assert str(caught.value) == (
        "gxlint.toml:3:11: jurisdiction.profile: 未知 profile “xinjiang:default”"
        "（规则包 xinjiang 未安装、加载失败或没有此 profile）"
    )


def test_profile_problems_name_the_profile(tmp_path: Path, write) -> None:
    child = write("gxlint.toml", 'extend = "xinjiang:default"\n')
    bad = {"jurisdiction": {"level": "地区"}}
    with pytest.raises(ConfigErrors) as caught:
        load_settings(child, cwd=tmp_path, profiles={"xinjiang:default": bad})
    assert str(caught.value).startswith("profile xinjiang:default: jurisdiction.level: 无效的层级")


def test_profile_cycle(tmp_path: Path, write) -> None:
    child = write("gxlint.toml", 'extend = "p:a"\n')
    profiles = {"p:a": {"extend": "p:b"}, "p:b": {"extend": "p:a"}}
    with pytest.raises(ConfigErrors, match="循环继承：profile p:a → profile p:b → profile p:a"):
        load_settings(child, cwd=tmp_path, profiles=profiles)


def test_pack_defaults_sit_below_everything_configured(tmp_path: Path, write) -> None:
    write("base.toml", 'encoding = "gbk"\n')
    child = write("gxlint.toml", 'extend = "base.toml"\n')
    pack = {"encoding": "utf-8", "max-file-size": 1000, "ignore": ["XJ9"]}
    settings = load_settings(child, cwd=tmp_path, pack_defaults={"xinjiang": pack})
    assert (settings.encoding, settings.max_file_size, settings.ignore) == ("gbk", 1000, ("XJ9",))
    assert settings.sources["max-file-size"] == "规则包 xinjiang 默认配置"


def test_plugins_and_cache_dir_resolve_against_the_declaring_file(tmp_path: Path, write) -> None:
    write("shared/rules_local/my_rules.py", "")
    write("shared/base.toml", 'plugins = ["rules_local/my_rules.py"]\ncache-dir = "cache"\n')
    child = write("county/gxlint.toml", 'extend = "../shared/base.toml"\n')
    settings = load_settings(child, cwd=tmp_path)
    assert settings.plugins == (str(tmp_path / "shared/rules_local/my_rules.py"),)
    assert settings.cache_dir == str(tmp_path / "shared/cache")
    default_cache = load_settings(write("x/gxlint.toml", ""), cwd=tmp_path).cache_dir
    assert default_cache == str(tmp_path / "x/.gxlint_cache")


def test_missing_plugin_file_is_an_error(tmp_path: Path, write) -> None:
    child = write("gxlint.toml", 'plugins = ["rules_local/x.py"]\n')
    with pytest.raises(ConfigErrors) as caught:
        load_settings(child, cwd=tmp_path)
    assert str(caught.value) == (
        "gxlint.toml:1:12: plugins: 找不到本地规则文件 “rules_local/x.py”（相对于本配置文件所在目录）"
    )


def test_command_line_overrides(tmp_path: Path, write) -> None:
    child = write(
        "gxlint.toml",
        'select = ["GX"]\nextend-select = ["XJ"]\nignore = ["GX1"]\nencoding = "gbk"\n',
    )
    settings = load_settings(child, cwd=tmp_path)
    selected = settings.with_overrides(select=["GX2"], ignore=["GX205"], encoding="utf-8")
    assert (selected.select, selected.extend_select) == (("GX2",), ())
    assert selected.ignore == ("GX1", "GX205")
    assert selected.encoding == "utf-8"
    assert selected.sources["select"] == "命令行"
    assert selected.sources["ignore"] == "gxlint.toml + 命令行"
    extended = settings.with_overrides(extend_select=["GX501"])
    assert (extended.select, extended.extend_select) == (("GX",), ("XJ", "GX501"))
    assert settings.select == ("GX",)  # the original is untouched (frozen)
