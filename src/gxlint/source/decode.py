"""Bytes → text, by a fixed and predictable ladder.

Users paste reports from web pages (UTF-8), export them from Chinese Windows tools and CMSs
(GB18030/GBK) or save them from Word (UTF-16 with BOM). Guessing by statistics makes the same
file decode differently between versions, so the ladder is fixed: BOM → strict UTF-8 →
GB18030 → give up; ``--encoding`` replaces the ladder. Decoding never raises on user input: a
problem becomes a :class:`DecodeProblem` that the linter turns into GX001.
"""

from __future__ import annotations

import codecs
import os
from typing import TYPE_CHECKING

from gxlint.record import FrozenRecord, set_field

if TYPE_CHECKING:
    from gxlint.paths import StrPath

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
# C0 controls other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROLS = bytes([*range(0x09), *range(0x0E, 0x20)])

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Magic numbers of files people mistake for text reports.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "ZIP 压缩包或 Word（.docx）文档，请在 Word 中“另存为”纯文本（.txt）"),
    (b"\xd0\xcf\x11\xe0", "旧版 Word（.doc）或 Excel 文档，请另存为纯文本（.txt）"),
    (b"%PDF", "PDF 文件，请先将其文字复制或导出为纯文本（.txt）"),
    (b"{\\rtf", "RTF 文档，请另存为纯文本（.txt）"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
)


# NOTE: both results are written out (gxlint.record), not frozen dataclasses, for start-up
# speed (a frozen dataclass costs ~1 ms to create); callers tell them apart by isinstance.
class SourceText(FrozenRecord):
    """A decoded report: the original text exactly as the user wrote it (minus any BOM)."""

    __slots__ = ("encoding", "path", "text")

    path: str
    text: str
    encoding: str

    def __init__(self, path: str, text: str, encoding: str) -> None:
        set_field(self, "path", path)
        set_field(self, "text", text)
        set_field(self, "encoding", encoding)


class DecodeProblem(FrozenRecord):
    """Why a file could not be read as a report; the message is what the user sees."""

    __slots__ = ("encoding", "message", "path")

    path: str
    message: str
    encoding: str | None

    def __init__(self, path: str, message: str, encoding: str | None = None) -> None:
        set_field(self, "path", path)
        set_field(self, "message", message)
        set_field(self, "encoding", encoding)


def read_source(
    path: StrPath,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    display_path: str | None = None,
) -> SourceText | DecodeProblem:
    """Read and decode the file at ``path``; never raises for a bad file."""
    shown = display_path if display_path is not None else os.fspath(path)
    data = read_bytes(path, max_bytes=max_bytes, display_path=shown)
    if isinstance(data, DecodeProblem):
        return data
    return decode_bytes(data, shown, encoding=encoding, max_bytes=max_bytes)


def read_bytes(
    path: StrPath, *, max_bytes: int = DEFAULT_MAX_BYTES, display_path: str | None = None
) -> bytes | DecodeProblem:
    """The bytes of the file at ``path`` (no more than ``max_bytes + 1``), or why not."""
    shown = display_path if display_path is not None else os.fspath(path)
    try:
        handle = os.open(path, _READ_FLAGS)
        try:
            size = os.fstat(handle).st_size
            if size > max_bytes:
                return DecodeProblem(shown, _too_big(size, max_bytes))
            return _read_up_to(handle, size, max_bytes)
        finally:
            os.close(handle)
    except IsADirectoryError:
        return DecodeProblem(shown, "这是一个文件夹，不是文本文件。")
    except PermissionError:
        return DecodeProblem(shown, "没有读取该文件的权限。")
    except OSError as error:
        return DecodeProblem(shown, f"无法读取文件：{error.strerror or error}。")


def _read_up_to(handle: int, size: int, max_bytes: int) -> bytes:
    """The file's bytes, no more than ``max_bytes + 1`` (more than the limit shows it grew).

    NOTE: read with ``os.read`` in pieces of the size ``fstat`` gave: ``open(...).read(limit)``
    set aside a 5 MB buffer for every file and handed most of it back (~15 µs a report).
    """
    parts: list[bytes] = []
    total = 0
    want = size + 1
    while total <= max_bytes:
        part = os.read(handle, min(want, max_bytes + 1 - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
        want = 1 << 16
    return parts[0] if len(parts) == 1 else b"".join(parts)


def decode_bytes(
    data: bytes,
    path: str,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> SourceText | DecodeProblem:
    """Decode ``data`` by the ladder, or by ``encoding`` when given."""
    if len(data) > max_bytes:
        return DecodeProblem(path, _too_big(len(data), max_bytes))
    if not data.strip(b" \t\r\n\x00"):
        return DecodeProblem(path, "文件为空（没有任何文字）。")
    if encoding and encoding.lower() != "auto":
        return _decode_with(data, path, encoding)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(codec), path, name)
            except UnicodeDecodeError as error:
                return _undecodable(data, path, name, error, len(bom))
    problem = _binary_kind(data)
    if problem:
        return DecodeProblem(path, f"二进制文件（{problem}）。")
    try:
        return _checked(data.decode("utf-8"), path, "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("gb18030"), path, "gb18030")
    except UnicodeDecodeError as error:
        return _undecodable(data, path, "utf-8/gb18030", error, 0)


def _decode_with(data: bytes, path: str, encoding: str) -> SourceText | DecodeProblem:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return DecodeProblem(path, f"未知的编码名称“{encoding}”。")
    skip = 0
    for bom, _codec, name in _BOMS:
        if data.startswith(bom) and codecs.lookup(encoding).name.startswith(name[:5]):
            skip = len(bom)
            break
    try:
        return _checked(data[skip:].decode(encoding), path, encoding.lower())
    except UnicodeDecodeError as error:
        return _undecodable(data, path, encoding, error, skip)


def _checked(text: str, path: str, encoding: str) -> SourceText | DecodeProblem:
    # NOTE: NUL and most C0 controls never occur in a real report; many of them mean a
    # binary file that happened to decode.
    # NOTE: counted among the ASCII characters of the first 4,096 (controls are ASCII):
    # a regular expression's character class tested every character, ~1 % of a report.
    ascii = text[:4096].encode("ascii", "ignore")
    controls = len(ascii) - len(ascii.translate(None, _CONTROLS))
    if "\x00" in text or controls > 8:
        return DecodeProblem(path, "二进制文件（含有控制字符，不是文本报告）。", encoding)
    if not text.strip():
        return DecodeProblem(path, "文件为空（没有任何文字）。", encoding)
    return SourceText(path, text, encoding)


def _undecodable(
    data: bytes, path: str, encoding: str, error: UnicodeDecodeError, skip: int
) -> DecodeProblem:
    bad = skip + error.start
    line = data.count(b"\n", 0, bad) + 1
    column = bad - (data.rfind(b"\n", 0, bad) + 1) + 1
    return DecodeProblem(
        path,
        f"无法按 {encoding} 编码解码：第 {line} 行第 {column} 字节处有无效字节 "
        f"0x{data[bad]:02x}。请用 --encoding 指定正确的编码，或将文件另存为 UTF-8。",
        encoding,
    )


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:4096]:
        return "含有空字节，不是文本文件"
    return None


def _too_big(size: int, limit: int) -> str:
    return (
        f"文件过大（{size / 1024 / 1024:.1f} MB），超过上限 {limit / 1024 / 1024:.1f} MB；"
        "可在配置中调整 max-file-size。"
    )
