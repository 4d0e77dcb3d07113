"""gxlint.toml.example: loads as is, every example line is valid, every key is documented."""

from __future__ import annotations

import re
from pathlib import Path

import tomli

from gxlint.config import load_settings
from gxlint.config.schema import JURISDICTION_KEYS, SECTION_SIX_KEYS, TOP_LEVEL_KEYS

EXAMPLE = Path(__file__).resolve().parents[2] / "gxlint.toml.example"
_EG = "# e.g. "


def enable_examples(text: str) -> str:
    """Uncomment every ``# e.g.`` line; an example replaces the active line of the same key in
    the same table (so ``extend-include = []`` gives way to its example)."""
    lines = text.splitlines()
    active: dict[tuple[str, str], int] = {}
    table = ""
    for i, line in enumerate(lines):
        if line.startswith(_EG):
            line = lines[i] = line[len(_EG) :]
        elif line.startswith("#") or not line.strip():
            continue
        if line.startswith("["):
            table = line
            continue
        key = line.split("=")[0].strip()
        if (table, key) in active:
            lines[active[(table, key)]] = ""
        active[(table, key)] = i
    return "\n".join(lines) + "\n"


def test_example_loads_as_gxlint_toml_and_is_all_defaults(tmp_path: Path) -> None:
    config = tmp_path / "gxlint.toml"
    config.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    settings = load_settings(config, cwd=tmp_path)
    defaults = load_settings(None, cwd=tmp_path)
    for name in ("select", "extend_select", "ignore", "include", "exclude", "encoding"):
        assert getattr(settings, name) == getattr(defaults, name), name
    assert settings.max_file_size == defaults.max_file_size
    assert settings.respect_gitignore is True
    assert settings.rules == {}
    assert settings.jurisdiction == defaults.jurisdiction


def test_every_example_line_is_valid(tmp_path: Path, write, index) -> None:
    write("gxlint.toml", "")  # the extend example's target
    write("reports/rules_local/my_rules.py", "")
    config = write("reports/gxlint.toml", enable_examples(EXAMPLE.read_text(encoding="utf-8")))
    profiles = {"xinjiang:default": {"jurisdiction": {"level": "省"}}}
    settings = load_settings(config, cwd=tmp_path, index=index, profiles=profiles)
    j = settings.jurisdiction
    assert (j.profile, j.name, j.level, j.deadline) == (
        "xinjiang:default",
        "新疆维吾尔自治区",
        "auto",
        "01-31",
    )
    assert j.label_variants == {"行政规范性文件": ("规范性文件",)}
    [item] = j.required_section_six
    assert item.name == "人大代表建议和政协提案办理结果公开情况"
    assert (item.any_of, item.levels) == (("人大代表建议", "政协提案"), ("省", "市", "县"))
    assert settings.rule("GX501").options == {"mode": "strict"}
    assert settings.per_file_ignores == {"归档/2019/**": ("GX208", "GX405")}
    assert settings.extend_include == ("*.md",)


def test_every_key_is_in_the_example() -> None:
    enabled = tomli.loads(enable_examples(EXAMPLE.read_text(encoding="utf-8")))
    assert set(enabled) == set(TOP_LEVEL_KEYS)
    assert set(enabled["jurisdiction"]) == set(JURISDICTION_KEYS)
    assert set(enabled["jurisdiction"]["required-section-six"][0]) == set(SECTION_SIX_KEYS)
    assert set(enabled["rules"]["GX304"]) == {"severity"}


def test_every_key_line_has_a_comment_in_both_languages() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    blocks = re.split(r"\n\s*\n", text)
    for block in blocks:
        keys = [ln for ln in block.splitlines() if re.match(r'(# e\.g\. )?[\w"\[-]', ln)]
        if not keys:
            continue
        comments = " ".join(
            ln for ln in block.splitlines() if ln.startswith("# ") and not ln.startswith(_EG)
        )
        assert re.search(r"[\u4e00-\u9fff]", comments), block
        assert re.search(r"[A-Za-z]{3,}", comments), block
