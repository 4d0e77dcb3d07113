"""Output formats: one module per format, imported only when that format is chosen.

Lazy loading matters: ``concise`` and the machine formats run in pre-commit hooks where
importing rich (needed only by ``full``) would cost more than linting one report.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from gxlint.reporters.base import Reporter, ReportOptions

BUILTIN_FORMATS: dict[str, str] = {
    "full": "gxlint.reporters.full:FullReporter",
    "concise": "gxlint.reporters.concise:ConciseReporter",
    "json": "gxlint.reporters.json:JsonReporter",
    "jsonl": "gxlint.reporters.jsonl:JsonLinesReporter",
    "sarif": "gxlint.reporters.sarif:SarifReporter",
    "github": "gxlint.reporters.github:GithubReporter",
    "junit": "gxlint.reporters.junit:JunitReporter",
    "csv": "gxlint.reporters.csv:CsvReporter",
}

# ``--statistics`` prints data for the data formats and a plain table for the rest.
STATISTICS_FORMATS: dict[str, str] = {
    "json": "gxlint.reporters.statistics:JsonStatisticsReporter",
    "jsonl": "gxlint.reporters.statistics:JsonStatisticsReporter",
    "csv": "gxlint.reporters.statistics:CsvStatisticsReporter",
}
STATISTICS_TEXT = "gxlint.reporters.statistics:StatisticsReporter"


def _load(target: str) -> type[Reporter]:
    module, _, name = target.partition(":")
    return getattr(import_module(module), name)


def _check(name: str, extra: Mapping[str, type[Reporter]] | None) -> None:
    if name not in BUILTIN_FORMATS and not (extra and name in extra):
        known = "、".join([*BUILTIN_FORMATS, *(extra or {})])
        raise ValueError(f"未知输出格式“{name}”（可用：{known}）")


def get_reporter_class(
    name: str, extra: Mapping[str, type[Reporter]] | None = None
) -> type[Reporter]:
    """The reporter class of format ``name``; ``extra`` holds formats from packs.

    Raises ``ValueError`` (message in Chinese, listing the known formats) for an unknown name.
    """
    _check(name, extra)
    if name in BUILTIN_FORMATS:
        return _load(BUILTIN_FORMATS[name])
    return (extra or {})[name]


def create_reporter(
    name: str,
    stream: TextIO,
    options: ReportOptions,
    extra: Mapping[str, type[Reporter]] | None = None,
) -> Reporter:
    """The reporter the CLI should drive, honouring ``options.statistics``."""
    if options.statistics:
        _check(name, extra)  # NOTE: without loading it: ``full`` would import rich for nothing.
        return _load(STATISTICS_FORMATS.get(name, STATISTICS_TEXT))(stream, options)
    return get_reporter_class(name, extra)(stream, options)


__all__ = ["BUILTIN_FORMATS", "create_reporter", "get_reporter_class"]
