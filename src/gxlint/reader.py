"""One report from bytes or text to model: decode → normalise → parse → build.

This is the front half of the pipeline as one call, used by the linter, ``gxlint parse`` and
the tests. It never raises for bad input: a file that cannot be read comes back as a
:class:`DecodeProblem`.
"""

from __future__ import annotations

from collections.abc import Callable
from time import perf_counter
from typing import TYPE_CHECKING

from gxlint.model.build import build_report
from gxlint.model.report import Report
from gxlint.parse.parser import parse_text
from gxlint.record import FrozenRecord, set_field
from gxlint.source import DecodeProblem, NormalizedText, SourceText, normalize, read_source
from gxlint.source.decode import DEFAULT_MAX_BYTES, decode_bytes
from gxlint.spec import load_spec

if TYPE_CHECKING:
    from gxlint.paths import StrPath


class ReadReport(FrozenRecord):
    """A report read successfully: its source, normalised text and model."""

    __slots__ = ("norm", "report", "source")

    source: SourceText
    norm: NormalizedText
    report: Report

    def __init__(self, source: SourceText, norm: NormalizedText, report: Report) -> None:
        set_field(self, "source", source)
        set_field(self, "norm", norm)
        set_field(self, "report", report)


def read_text(
    source: SourceText, on_stage: Callable[[str, float], None] | None = None
) -> ReadReport:
    """Model of an already decoded text.

    ``on_stage(name, started)`` (``--timing``) is called as each stage ends, ``started`` being
    its ``perf_counter()`` start: ``parse`` (normalising, line lexer, LALR parser), ``model``.
    """
    started = perf_counter()
    norm = normalize(source.text)
    parsed = parse_text(norm.text)
    if on_stage is not None:
        on_stage("parse", started)
        started = perf_counter()
    report = build_report(norm.text, parsed, load_spec())
    if on_stage is not None:
        on_stage("model", started)
    return ReadReport(source, norm, report)


def read_file(
    path: StrPath,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    display_path: str | None = None,
) -> ReadReport | DecodeProblem:
    """Read, decode and model the report at ``path``."""
    source = read_source(path, encoding=encoding, max_bytes=max_bytes, display_path=display_path)
    if isinstance(source, DecodeProblem):
        return source
    return read_text(source)


def read_bytes(
    data: bytes, path: str, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> ReadReport | DecodeProblem:
    """Read a report given as bytes (stdin)."""
    source = decode_bytes(data, path, encoding=encoding, max_bytes=max_bytes)
    if isinstance(source, DecodeProblem):
        return source
    return read_text(source)
