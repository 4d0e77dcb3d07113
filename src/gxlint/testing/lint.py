"""Lint a text as the command line would, with chosen packs, selection and config."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from gxlint.findings import FileResult, Finding, FixSafety
from gxlint.source import SourceText
from gxlint.testing.packs import Config, Packs, load_packs

# -- linting ----------------------------------------------------------------------------------


def lint_result(
    text: str,
    *,
    select: Sequence[str] | None = None,
    config: Config | None = None,
    path: str = "report.txt",
    registry: Any = None,
    plugins: Iterable[str | Path] = (),
    packs: Packs | None = None,
) -> FileResult:
    """Lint ``text`` as if it were the file ``path``, with the given selection and config.

    ``config`` is the text of a gxlint.toml or the same keys as a mapping; it is validated
    exactly as a real one, and may use the packs' profiles (``extend = "xinjiang:default"``).
    The packs are ``packs`` if given, else the installed ones plus the local rule files
    ``plugins``; a bare ``registry`` (without profiles or pack defaults) is still accepted.
    Local rule files go in ``plugins``, not in the config: a config's relative paths would
    resolve against the temporary folder it is written to.
    """
    from gxlint.linter import Linter

    if packs is None and registry is None:
        packs = load_packs(plugins)
    if packs is not None:
        registry = packs.registry
        settings = packs.settings(config, select)
    else:
        settings = _bare_settings(registry, config, select)
    return Linter(registry).lint_source(SourceText(path, text, "utf-8"), settings)


def _bare_settings(registry: Any, config: Config | None, select: Sequence[str] | None) -> Any:
    from gxlint.plugins.manager import PluginManager

    return Packs(PluginManager(entry_points=list), registry).settings(config, select)


def lint_text(
    text: str,
    *,
    select: Sequence[str] | None = None,
    config: Config | None = None,
    path: str = "report.txt",
    plugins: Iterable[str | Path] = (),
    packs: Packs | None = None,
) -> list[Finding]:
    """The findings gxlint reports on ``text`` (see :func:`lint_result`)."""
    return lint_result(
        text, select=select, config=config, path=path, plugins=plugins, packs=packs
    ).findings


def lint_fragment(
    text: str,
    *,
    select: Sequence[str],
    config: Config | None = None,
    plugins: Iterable[str | Path] = (),
    packs: Packs | None = None,
) -> list[Finding]:
    """The findings of the ``select``-ed rules on a piece of a report (a section, a table).

    A fragment lacks most of a report, so the structure rules would all fire: the selection
    is required.
    """
    return lint_text(text, select=select, config=config, plugins=plugins, packs=packs)


def apply_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool = False) -> str:
    """``text`` with the findings' fixes applied (safe ones; unsafe too with ``unsafe``).

    Fixes are applied from the end; one that overlaps a fix already applied is skipped.
    """
    fixes = sorted(
        (f.fix for f in findings if f.fix is not None),
        key=lambda fix: (fix.span.start, fix.span.end),
        reverse=True,
    )
    limit = len(text) + 1
    for fix in fixes:
        if fix.safety is FixSafety.UNSAFE and not unsafe:
            continue
        if fix.span.end > limit:
            continue
        text = text[: fix.span.start] + fix.replacement + text[fix.span.end :]
        limit = fix.span.start
    return text
