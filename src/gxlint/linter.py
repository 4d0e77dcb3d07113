"""One file through every stage: read → rules → filter, with engine codes for what breaks.

The linter owns no policy of its own: the registry says which rules run with which severity
and options, the settings say which findings a file ignores. It is the only place that turns
a :class:`DecodeProblem` into GX001 and an unplaceable region into GX003.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from time import perf_counter
from typing import TYPE_CHECKING, Any

from gxlint import engine_codes
from gxlint.engine import ActiveRule, RuleCrash, run_rules
from gxlint.findings import FileResult, Finding, Severity
from gxlint.paths import relative_below
from gxlint.source import DecodeProblem, SourceText, decode_bytes, read_source
from gxlint.source.decode import read_bytes
from gxlint.spec import load_spec
from gxlint.timelimit import TimeLimitExceeded, time_limit

if TYPE_CHECKING:
    from gxlint.paths import StrPath
    from gxlint.reader import ReadReport


class Linter:
    """Lints reports with one registry; rule selection is cached per settings object.

    ``time_limit`` (seconds, ``None``: none) bounds reading and parsing one file, and then all
    its rules together (:mod:`gxlint.timelimit`); running out yields GX003 or GX009.
    """

    def __init__(
        self,
        registry: Any,
        *,
        timings: dict[str, float] | None = None,
        time_limit: float | None = None,
    ) -> None:
        self.registry = registry
        self.timings = timings
        self.time_limit = time_limit
        self.timeouts = 0
        """Files whose time limit ran out (their result is not worth caching)."""
        self.crashes: list[RuleCrash] = []
        self._active: dict[int, tuple[Any, list[ActiveRule], dict[str, Severity]]] = {}

    # -- selection ------------------------------------------------------------------------
    def active_rules(self, settings: Any) -> tuple[list[ActiveRule], dict[str, Severity]]:
        """The rules to run and the engine codes' severities under ``settings``."""
        cached = self._active.get(id(settings))
        if cached is not None and cached[0] is settings:
            return cached[1], cached[2]
        if settings is None:
            select, extend, ignore, severities, options = ("ALL",), (), (), {}, {}
        else:
            select, extend, ignore = settings.select, settings.extend_select, settings.ignore
            severities = {
                code: ("off" if rs.off else rs.severity)
                for code, rs in settings.rules.items()
                if rs.off or rs.severity is not None
            }
            options = {code: dict(rs.options) for code, rs in settings.rules.items()}
        rules = self.registry.resolve(select, extend, ignore, severities, options=options)
        engine = self.registry.engine_severities(select, extend, ignore, severities)
        self._active[id(settings)] = (settings, rules, engine)
        return rules, engine

    # -- linting --------------------------------------------------------------------------
    def lint_path(
        self, path: StrPath, settings: Any = None, *, display: str | None = None
    ) -> FileResult:
        shown = display if display is not None else os.fspath(path)
        started = perf_counter()
        source = read_source(
            path,
            encoding=_encoding(settings),
            max_bytes=_max_bytes(settings),
            display_path=shown,
        )
        self._time("decode", started)
        return self._lint(source, settings)

    def lint_bytes(self, data: bytes, path: str, settings: Any = None) -> FileResult:
        started = perf_counter()
        source = self.decode(data, path, settings)
        self._time("decode", started)
        return self._lint(source, settings)

    def decode(self, data: bytes, path: str, settings: Any = None) -> SourceText | DecodeProblem:
        """``data`` decoded as :meth:`lint_bytes` decodes it under ``settings``."""
        return decode_bytes(
            data, path, encoding=_encoding(settings), max_bytes=_max_bytes(settings)
        )

    def restore(self, data: bytes, path: str, settings: Any, findings: list[Finding]) -> FileResult:
        """The result :meth:`lint_bytes` gave for ``data`` when it found ``findings`` (from
        the cache): the text and encoding are decoded again, the rest is not redone."""
        source = self.decode(data, path, settings)
        if isinstance(source, DecodeProblem):
            return FileResult(source.path, "", source.encoding, findings)
        return FileResult(source.path, source.text, source.encoding, findings)

    def read_bytes(self, path: StrPath, settings: Any = None) -> bytes | DecodeProblem:
        """The bytes :meth:`lint_path` would decode, or the problem it would report."""
        return read_bytes(path, max_bytes=_max_bytes(settings), display_path=os.fspath(path))

    def lint_source(self, source: SourceText, settings: Any = None) -> FileResult:
        return self._lint(source, settings)

    def _lint(self, source: SourceText | DecodeProblem, settings: Any) -> FileResult:
        rules, engine = self.active_rules(settings)
        if isinstance(source, DecodeProblem):
            findings: list[Finding] = []
            if "GX001" in engine:
                findings.append(_with_severity(engine_codes.unreadable(source.message), engine))
            return FileResult(source.path, "", source.encoding, findings)
        from gxlint.reader import read_text  # NOTE: the parser; a cache hit never needs it.

        try:
            with time_limit(self.time_limit):
                read = read_text(source) if self.timings is None else read_text(source, self._time)
        except TimeLimitExceeded:
            findings = self._timed_out(engine)
        else:
            findings = self.check(read, rules, engine, settings)
        findings = self._filter(findings, source.path, settings)
        return FileResult(source.path, source.text, source.encoding, findings)

    def check(
        self,
        read: ReadReport,
        rules: Sequence[ActiveRule],
        engine: dict[str, Severity],
        settings: Any = None,
    ) -> list[Finding]:
        """Rule findings plus GX003 for every region the parser could not place."""
        try:
            with time_limit(self.time_limit):
                findings = run_rules(
                    read.report,
                    read.norm,
                    rules,
                    settings=settings,
                    spec=load_spec(),
                    timings=self.timings,
                    crashes=self.crashes,
                    time_limit=self.time_limit,
                )
        except TimeLimitExceeded:  # NOTE: out of time before any rule ran (walking the model).
            return self._timed_out(engine)
        for index, finding in enumerate(findings):
            if finding.code in engine:
                findings[index] = _with_severity(finding, engine)
        if "GX003" in engine and read.report.unrecognized:
            for node in read.report.unrecognized:
                finding = engine_codes.parse_error(read.norm.to_source(node.span), node.reason)
                findings.append(_with_severity(finding, engine))
            findings.sort(key=Finding.sort_key)  # NOTE: run_rules' findings come sorted.
        return findings

    def _timed_out(self, engine: dict[str, Severity]) -> list[Finding]:
        self.timeouts += 1
        if "GX003" not in engine:
            return []
        return [_with_severity(engine_codes.parse_timed_out(self.time_limit or 0), engine)]

    def _filter(self, findings: list[Finding], path: str, settings: Any) -> list[Finding]:
        if settings is None or not findings:
            return findings
        ignores = settings.all_per_file_ignores
        if not ignores:
            return findings
        relative = _relative(path, settings.root)
        selectors = [
            selector
            for pattern, codes in ignores.items()
            if _glob_match(relative, pattern)
            for selector in codes
        ]
        if not selectors:
            return findings
        return [f for f in findings if not any(self.registry.matches(s, f.code) for s in selectors)]

    def _time(self, stage: str, started: float) -> None:
        if self.timings is not None:
            key = f"stage:{stage}"
            self.timings[key] = self.timings.get(key, 0.0) + perf_counter() - started


def _with_severity(finding: Finding, engine: dict[str, Severity]) -> Finding:
    severity = engine.get(finding.code, finding.severity)
    return finding if severity is finding.severity else finding._replace(severity=severity)


def _encoding(settings: Any) -> str | None:
    value = getattr(settings, "encoding", None)
    return None if value in (None, "auto") else value


def _max_bytes(settings: Any) -> int:
    from gxlint.source.decode import DEFAULT_MAX_BYTES

    return getattr(settings, "max_file_size", None) or DEFAULT_MAX_BYTES


def _relative(path: str, root: str | None) -> str:
    """``path`` (as shown) relative to ``root``, ``/``-separated; as shown when outside it."""
    base = os.path.abspath(root) if root is not None else os.getcwd()
    relative = relative_below(os.path.abspath(path), base)
    return relative.replace(os.sep, "/") if relative is not None else path


def _glob_match(relative: str, pattern: str) -> bool:
    """gitignore-flavoured: ``**`` spans folders; a bare name matches at any depth."""
    from fnmatch import fnmatch  # NOTE: only with per-file-ignores; most runs have none.

    if fnmatch(relative, pattern) or fnmatch(relative, pattern.replace("**/", "")):
        return True
    return "/" not in pattern and fnmatch(relative.rsplit("/", 1)[-1], pattern)
