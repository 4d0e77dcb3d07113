"""ConfigResolver: --config FILE, --isolated, discovery per report, caching, two phases."""

from __future__ import annotations

from pathlib import Path

import pytest

from gxlint.config import ConfigResolver
from gxlint.errors import ConfigErrors, UsageError


@pytest.fixture
def tree(tmp_path: Path, write) -> Path:
    write("gxlint.toml", 'ignore = ["GX1"]\ndisable-packs = ["old"]\n')
    write("县/gxlint.toml", 'ignore = ["GX2"]\n')
    write("县/乡/报告.txt", "")
    write("市/报告.txt", "")
    write("other.toml", 'ignore = ["GX3"]\n')
    return tmp_path


def test_discovery_per_report(tree: Path) -> None:
    resolver = ConfigResolver(cwd=tree)
    assert resolver.for_path(tree / "县/乡/报告.txt").ignore == ("GX2",)
    assert resolver.for_path("市/报告.txt").ignore == ("GX1",)  # relative to cwd
    assert resolver.config_path_for(tree / "县/乡/报告.txt") == str(tree / "县/gxlint.toml")
    assert resolver.config_path_for(tree / "县") == str(tree / "县/gxlint.toml")  # a directory


def test_config_file_is_used_for_every_report(tree: Path) -> None:
    resolver = ConfigResolver(config_file=Path("other.toml"), cwd=tree)
    assert resolver.for_path(tree / "县/乡/报告.txt").ignore == ("GX3",)
    assert resolver.for_path(tree / "市/报告.txt").path == str(tree / "other.toml")


def test_isolated_uses_no_file(tree: Path) -> None:
    settings = ConfigResolver(isolated=True, cwd=tree).for_path(tree / "县/乡/报告.txt")
    assert (settings.path, settings.ignore) == (None, ())


def test_isolated_conflicts_with_config_file(tree: Path) -> None:
    with pytest.raises(UsageError, match="--isolated"):
        ConfigResolver(config_file=Path("other.toml"), isolated=True, cwd=tree)


def test_settings_are_cached_per_config(tree: Path, write) -> None:
    write("县/a.txt", "")
    resolver = ConfigResolver(cwd=tree)
    first = resolver.for_path(tree / "县/乡/报告.txt")
    assert resolver.for_path(tree / "县/a.txt") is first


def test_broken_config_raises_for_each_report_it_governs(tree: Path, write) -> None:
    write("县/gxlint.toml", "ignore = 1\n")
    resolver = ConfigResolver(cwd=tree)
    for report in ("县/乡/报告.txt", "县/乡/报告.txt"):
        with pytest.raises(ConfigErrors, match="县/gxlint.toml:1:10: ignore"):
            resolver.for_path(tree / report)
    assert resolver.for_path(tree / "市/报告.txt").ignore == ("GX1",)


def test_command_line_overrides_apply_to_every_report(tree: Path) -> None:
    resolver = ConfigResolver(cwd=tree, overrides={"select": ["GX2"], "ignore": ["GX205"]})
    settings = resolver.for_path(tree / "县/乡/报告.txt")
    assert (settings.select, settings.ignore) == (("GX2",), ("GX2", "GX205"))


def test_two_phases_run_options_then_packs(tree: Path, write, index) -> None:
    write("县/gxlint.toml", 'ignore = ["XJ101"]\n[jurisdiction]\nprofile = "xinjiang:default"\n')
    resolver = ConfigResolver(cwd=tree)
    run = resolver.run_options()  # before packs: no profile, no code check, no error
    assert run.path == str(tree / "gxlint.toml")
    assert run.disable_packs == ("old",)
    assert run.cache_dir == str(tree / ".gxlint_cache")
    bound = resolver.with_packs(
        index=index, profiles={"xinjiang:default": {"jurisdiction": {"level": "省"}}}
    )
    assert bound.finder is resolver.finder
    with pytest.raises(ConfigErrors, match="未知规则代码 “XJ101”"):
        bound.for_path(tree / "县/乡/报告.txt")
    assert bound.root().ignore == ("GX1",)


def test_user_config_is_used_only_when_passed(tmp_path: Path, write) -> None:
    user = write("home/gxlint.toml", 'ignore = ["GX9"]\n')
    write("reports/a.txt", "")
    assert ConfigResolver(cwd=tmp_path).for_path(tmp_path / "reports/a.txt").path is None
    resolver = ConfigResolver(cwd=tmp_path, user_config=user)
    assert resolver.for_path(tmp_path / "reports/a.txt").ignore == ("GX9",)
