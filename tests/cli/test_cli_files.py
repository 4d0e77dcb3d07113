"""Path discovery (cli.md §1 Paths) and the command-line grammar around paths."""

from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from gxlint.cli.args import parse_args, split_command
from gxlint.cli.ignore import PatternList, compile_pattern
from tests.cli.conftest import write
from tests.conftest import seed_path


@pytest.fixture
def report(tmp_path):
    return seed_path("004").read_bytes()


def shown(result) -> list[str]:
    return [line.split("\t")[0] for line in result.out.splitlines()]


def test_folders_yield_include_matches_recursively(gxlint, tmp_path, report):
    write(tmp_path, {"a/x.txt": report, "a/b/Y.TXT": report, "a/b/z.md": report, "c.txt": report})
    result = gxlint("--show-files", "a")
    assert result.code == 0
    assert shown(result) == ["a/b/Y.TXT", "a/x.txt"]


def test_explicit_files_are_always_linted(gxlint, tmp_path, report):
    write(tmp_path, {"notes.md": report, "gxlint.toml": 'extend-exclude = ["notes.md"]\n'})
    assert shown(gxlint("--show-files", "notes.md")) == ["notes.md"]
    assert shown(gxlint("--show-files", "--force-exclude", "notes.md")) == []


def test_show_files_names_the_governing_config(gxlint, tmp_path, report):
    write(tmp_path, {"a/x.txt": report, "b/y.txt": report, "b/gxlint.toml": "ignore = []\n"})
    lines = gxlint("--show-files", ".").out.splitlines()
    assert lines == ["a/x.txt\t（默认值）", f"b/y.txt\t{os.path.join('b', 'gxlint.toml')}"]


def test_exclude_and_extend_include_are_relative_to_the_config(gxlint, tmp_path, report):
    write(
        tmp_path,
        {
            "proj/gxlint.toml": 'extend-exclude = ["old/", "/top.txt"]\nextend-include = ["*.md"]\n',
            "proj/old/a.txt": report,
            "proj/top.txt": report,
            "proj/new/top.txt": report,
            "proj/new/b.md": report,
            "proj/.venv/c.txt": report,
        },
    )
    assert shown(gxlint("--show-files", "proj")) == ["proj/new/b.md", "proj/new/top.txt"]


def test_globs_never_match_the_part_above_the_config(gxlint, tmp_path, report):
    write(tmp_path, {"build/proj/gxlint.toml": 'extend-exclude = ["build"]\n'})
    write(tmp_path, {"build/proj/r.txt": report})
    assert shown(gxlint("--show-files", "build/proj")) == ["build/proj/r.txt"]


def test_gitignore_is_honoured(gxlint, tmp_path, report):
    write(
        tmp_path,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            ".gitignore": "# drafts\nbuild/\n*.tmp.txt\ndrafts/**\n!keep.tmp.txt\n",
            "reports/a.txt": report,
            "reports/a.tmp.txt": report,
            "reports/keep.tmp.txt": report,
            "reports/build/b.txt": report,
            "reports/sub/.gitignore": "/local.txt\n",
            "reports/sub/local.txt": report,
            "reports/sub/deeper/local.txt": report,
            "drafts/d.txt": report,
        },
    )
    assert shown(gxlint("--show-files", ".")) == [
        "reports/a.txt",
        "reports/keep.tmp.txt",
        "reports/sub/deeper/local.txt",
    ]
    # gitignore of a parent folder applies when only a subfolder is named
    assert "reports/a.tmp.txt" not in shown(gxlint("--show-files", "reports"))
    write(tmp_path, {"gxlint.toml": "respect-gitignore = false\n"})
    assert "reports/build/b.txt" in shown(gxlint("--show-files", "."))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_directory_symlinks_are_not_followed_and_duplicates_are_linted_once(
    gxlint, tmp_path, report
):
    write(tmp_path, {"real/a.txt": report})
    try:
        os.symlink(tmp_path / "real", tmp_path / "link", target_is_directory=True)
    except OSError:
        pytest.skip("cannot create symlinks")
    assert shown(gxlint("--show-files", ".")) == ["real/a.txt"]
    result = gxlint("--format", "jsonl", "real/a.txt", "real", "./real/a.txt", "real/../real/a.txt")
    assert len(result.out.splitlines()) == 1


def test_names_compare_nfc(gxlint, tmp_path, report):
    nfd = unicodedata.normalize("NFD", "café.txt")
    write(tmp_path, {f"r/{nfd}": report, "gxlint.toml": 'extend-exclude = ["café.txt"]\n'})
    assert shown(gxlint("--show-files", "r")) == []


def test_pattern_translation():
    def matches(pattern: str, path: str, is_dir: bool = False) -> bool:
        return PatternList(Path("."), [pattern]).matches(path, is_dir)

    assert matches("*.txt", "a/b/c.txt")
    assert not matches("/*.txt", "a/c.txt")
    assert matches("/*.txt", "c.txt")
    assert matches("a/**/c.txt", "a/c.txt") and matches("a/**/c.txt", "a/x/y/c.txt")
    assert matches("**/build", "x/build", True)
    assert matches("docs/**", "docs/a/b.txt")
    assert matches("build/", "x/build", True) and not matches("build/", "x/build")
    assert matches("r[0-9].txt", "r1.txt") and not matches("r[!0-9].txt", "r1.txt")
    assert compile_pattern("# comment") is None and compile_pattern("   ") is None
    assert matches(r"\#a.txt", "#a.txt")
    lines = PatternList(Path("."), ["*.txt", "!keep.txt"])
    assert lines.matches("x.txt", False) and not lines.matches("keep.txt", False)


def test_subcommand_beats_file_name(gxlint, tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "rules")
    listing = gxlint("rules")
    assert listing.out.startswith("code")
    linted = gxlint("check", "--format", "json", "rules")
    assert linted.json()["files"][0]["path"] == "rules"
    after_dashes = gxlint("--format", "json", "--", "rules")
    assert after_dashes.json()["files"][0]["path"] == "rules"


def test_options_anywhere_and_lists_take_commas_and_repeat():
    args = parse_args(["a.txt", "--select", "GX1,GX2", "b.txt", "--select=GX3", "-j", "2", "c"])
    assert args.command == "check"
    assert args.paths == ["a.txt", "b.txt", "c"]
    assert args.select == ["GX1", "GX2", "GX3"]
    assert args.jobs == 2
    assert split_command(["--select", "rules", "rules"]) == ("rules", ["--select", "rules"])
    assert split_command(["--", "rules"]) == ("check", ["--", "rules"])
    assert parse_args(["--", "-x.txt", "--select"]).paths == ["-x.txt", "--select"]
    assert parse_args(["rule", "-v", "GX104"]).key == "GX104"


def test_dash_file_names_after_double_dash(gxlint, tmp_path):
    shutil.copy(seed_path("004"), tmp_path / "-x.txt")
    result = gxlint("--format", "json", "--", "-x.txt")
    assert result.json()["files"][0]["path"] == "-x.txt"


def test_argparse_words_are_translated_from_english_even_with_a_message_catalogue(monkeypatch):
    """A system catalogue for argparse must not defeat gxlint's own Chinese messages."""
    import argparse

    from gxlint.errors import UsageError

    catalogue = {"unrecognized arguments: %s": "argumentos no reconocidos: %s"}
    monkeypatch.setattr(argparse, "_", lambda message: catalogue.get(message, message))
    installed = argparse._
    with pytest.raises(UsageError, match="无法识别的参数：--nonsense"):
        parse_args(["--nonsense"])
    assert argparse._ is installed  # restored: nothing else in the process is affected
