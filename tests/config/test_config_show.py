"""config --show: every effective key, as TOML, with its source on each line."""

from __future__ import annotations

from pathlib import Path

import tomli

from gxlint.config import load_settings, show_config
from gxlint.config.schema import TOP_LEVEL_KEYS


def test_show_lists_every_key_with_its_source(tmp_path: Path, write, index) -> None:
    write("base.toml", 'ignore = ["GX405"]\n')
    config = write(
        "gxlint.toml",
        'extend = "base.toml"\n[rules.GX501]\nmode = "strict"\n'
        '[jurisdiction]\nprofile = "xinjiang:default"\nname = "新疆维吾尔自治区"\n',
    )
    profiles = {"xinjiang:default": {"jurisdiction": {"level": "省"}}}
    settings = load_settings(config, cwd=tmp_path, index=index, profiles=profiles)
    text = show_config(settings.with_overrides(encoding="gb18030"))
    lines = text.splitlines()

    def line(start: str) -> str:
        [found] = [ln for ln in lines if ln.startswith(start)]
        return found

    assert line("select = ") == 'select = ["ALL"]  # 来源：默认值'
    assert line("ignore = ") == 'ignore = ["GX405"]  # 来源：base.toml'
    assert line("encoding = ") == 'encoding = "gb18030"  # 来源：命令行'
    assert line("mode = ") == 'mode = "strict"  # 来源：gxlint.toml'
    assert line("level = ") == 'level = "省"  # 来源：profile xinjiang:default'
    assert line("name = ") == 'name = "新疆维吾尔自治区"  # 来源：gxlint.toml'
    assert (
        lines[1]
        == "# 生效顺序（低 → 高）：默认值 → base.toml → profile xinjiang:default → gxlint.toml"
    )
    for key in TOP_LEVEL_KEYS:
        if key != "extend":
            assert any(ln.startswith((f"{key} = ", f"[{key}]", f"[{key}.")) for ln in lines), key
    for ln in lines:
        if " = " in ln and not ln.startswith("#"):
            assert "# 来源：" in ln, ln


def test_show_output_is_toml_that_round_trips(tmp_path: Path, write) -> None:
    config = write(
        "gxlint.toml",
        '[per-file-ignores]\n"归档/2019/**" = ["GX208"]\n[rules.GX304]\nseverity = "off"\n'
        '[[jurisdiction.required-section-six]]\nname = "甲"\nlevels = ["省"]\n',
    )
    settings = load_settings(config, cwd=tmp_path)
    parsed = tomli.loads(show_config(settings))
    assert parsed["select"] == ["ALL"]
    assert parsed["max-file-size"] == settings.max_file_size
    assert parsed["per-file-ignores"] == {"归档/2019/**": ["GX208"]}
    assert parsed["rules"] == {"GX304": {"severity": "off"}}
    assert parsed["jurisdiction"]["required-section-six"] == [
        {"name": "甲", "any-of": ["甲"], "levels": ["省"], "rule": "GX403"}
    ]
    assert "profile" not in parsed["jurisdiction"]  # unset keys are comments


def test_show_without_a_config(tmp_path: Path) -> None:
    text = show_config(load_settings(None, cwd=tmp_path))
    assert text.startswith("# 配置文件：无（使用默认值）\n")
    assert "# profile 未设置  # 来源：默认值" in text
    assert "[rules]  # 来源：默认值" in text
