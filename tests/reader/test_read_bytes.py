"""read_bytes: a file's bytes, or why they cannot be read, in the user's words."""

from __future__ import annotations

import os
import sys

import pytest

from gxlint.source.decode import DecodeProblem, read_bytes


def test_a_file_is_read_whole(tmp_path):
    path = tmp_path / "a.txt"
    data = "二〇二四年度报告\n".encode() * 5000  # several of os.read's 64 KiB pieces
    path.write_bytes(data)
    assert read_bytes(path) == data
    (tmp_path / "empty.txt").write_bytes(b"")
    assert read_bytes(tmp_path / "empty.txt") == b""


def test_a_file_over_the_limit_is_a_problem_naming_its_size(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 3000)
    problem = read_bytes(path, max_bytes=1000, display_path="big.txt")
    assert isinstance(problem, DecodeProblem) and problem.path == "big.txt"
    assert problem.message.startswith("文件过大")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_file_without_a_size_is_read_only_up_to_one_byte_past_the_limit():
    assert len(read_bytes("/dev/zero", max_bytes=100_000)) == 100_001


def test_a_folder_and_a_missing_file_are_problems(tmp_path):
    folder = read_bytes(tmp_path)
    assert isinstance(folder, DecodeProblem) and "文件夹" in folder.message
    missing = read_bytes(tmp_path / "none.txt")
    assert isinstance(missing, DecodeProblem) and missing.message.startswith("无法读取文件")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_a_problem(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_bytes(b"x")
    path.chmod(0)
    problem = read_bytes(path)
    assert isinstance(problem, DecodeProblem) and "权限" in problem.message
