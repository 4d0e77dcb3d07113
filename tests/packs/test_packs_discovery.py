"""The example pack gxlint-xinjiang, really installed: discovered through its entry point,
listed by ``gxlint rules`` / ``gxlint plugins`` / ``--version``, and firing on a seed."""

from __future__ import annotations

import shutil
from pathlib import Path

from gxlint.plugins.manager import PluginManager
from gxlint.testing import load_packs
from tests.conftest import seed_path
from tests.packs.conftest import run_gxlint
from tests.packs.install import ExamplePack

PROFILE = 'extend = "xinjiang:default"\n'


def test_entry_point_is_discovered_in_process(xinjiang: ExamplePack) -> None:
    manager = PluginManager().load()
    packs = {pack.name: pack for pack in manager.packs}
    pack = packs["xinjiang"]
    assert (pack.distribution, pack.version) == ("gxlint-xinjiang", xinjiang.version)
    assert pack.prefixes == ("XJ",)
    assert [rule.code for rule in pack.rules] == ["XJ101", "XJ102"]
    assert set(manager.profiles()) >= {"xinjiang:default", "xinjiang:strict"}
    assert not [error for error in manager.errors if error.pack == "xinjiang"]
    assert load_packs().registry.pack_of("XJ101") == "xinjiang"


def test_rules_lists_the_pack_rules(xinjiang: ExamplePack, tmp_path: Path, cli) -> None:
    rows = run_gxlint("rules", "--format", "json", cwd=tmp_path).json()
    by_code = {row["code"]: row for row in rows}
    assert by_code["XJ101"]["pack"] == "xinjiang"
    assert by_code["XJ101"]["name"] == "section-six-item-missing"
    assert by_code["XJ102"]["fix"] == "safe"
    assert by_code["GX104"]["pack"] == "core"  # the core pack is still there
    text = cli("rules", cwd=tmp_path).out
    assert any(line.startswith("XJ102  region-name") for line in text.splitlines())


def test_rule_doc_of_a_pack_rule(xinjiang: ExamplePack, tmp_path: Path, cli) -> None:
    result = cli("rule", "XJ102", cwd=tmp_path)
    assert result.code == 0
    assert result.out.startswith("XJ102 region-name")
    assert "规则包：xinjiang" in result.out and "short-form" in result.out


def test_plugins_shows_the_pack_with_version_and_prefix(
    xinjiang: ExamplePack, tmp_path: Path, cli
) -> None:
    result = run_gxlint("plugins", cwd=tmp_path)
    assert result.code == 0
    [line] = [line for line in result.out.splitlines() if line.startswith("xinjiang ")]
    assert f"gxlint-xinjiang {xinjiang.version}" in line
    assert "前缀 XJ" in line and "2 条规则" in line
    data = cli("plugins", "--format", "json", cwd=tmp_path).json()
    [pack] = [pack for pack in data["packs"] if pack["name"] == "xinjiang"]
    assert pack == {
        "name": "xinjiang",
        "distribution": "gxlint-xinjiang",
        "version": xinjiang.version,
        "path": None,
        "prefixes": ["XJ"],
        "rules": 2,
    }
    version = cli("--version", cwd=tmp_path).out.splitlines()
    assert f"xinjiang {xinjiang.version} XJ" in version


def test_pack_rule_fires_on_a_seed_with_the_profile(
    xinjiang: ExamplePack, tmp_path: Path, cli
) -> None:
    # Seed 004 is 和田地区's own report (a 地区, so a 县级以上人民政府) and its section 六
    # only says that no fee was charged.
    shutil.copy(seed_path("004"), tmp_path / "和田地区.txt")
    (tmp_path / "gxlint.toml").write_text(PROFILE, encoding="utf-8")
    result = run_gxlint("check", "--format", "concise", "和田地区.txt", cwd=tmp_path)
    assert result.code == 1
    xj = [line for line in result.out.splitlines() if "XJ101" in line]
    message = "第六部分“其他需要报告的事项”未报告“人大代表建议和政协提案办理结果公开情况”。"
    assert xj == [f"和田地区.txt:416:1: XJ101 [warning] {message}"]
    assert "GX301" in result.out  # the core rules run beside the pack's
    full = cli("check", "和田地区.txt", cwd=tmp_path).out
    assert "发布机关“和田地区”（市级），须报告此项" in full  # the secondary label


def test_without_the_profile_the_pack_is_silent_on_the_seeds(
    xinjiang: ExamplePack, tmp_path: Path, cli
) -> None:
    """Installed but not selected: XJ101 has no required items and the seeds spell the
    region's name correctly, so the core's golden seed findings stay exactly as they are."""
    for prefix in ("000", "001", "002", "003", "004"):
        shutil.copy(seed_path(prefix), tmp_path / f"{prefix}.txt")
    result = cli("check", "--format", "concise", "--isolated", ".", cwd=tmp_path)
    assert result.code == 1
    assert "XJ1" not in result.out
