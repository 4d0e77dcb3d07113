"""The kit rule packs test with: lint a text, and data-driven case files.

The built-in rules and every province pack use the same case format, so a pack's tests read
like gxlint's own. A case file is TOML::

    rule = "GX205"                       # the rule under test (selected alone)
    config = { extend = "xinjiang:default" }   # optional: every case's config (see below)
    plugins = ["../rules_local/my_rules.py"]   # optional: local rule files, relative to here

    [[case]]
    name = "balanced"
    base = "clean_cell_per_line.txt"     # a clean report (see below) ...
    expect = []

    [[case]]
    name = "natural_person_short_by_one"
    base = "clean_cell_per_line.txt"
    edit = [{ find = "（七）总计\\n\\n10", replace = "（七）总计\\n\\n9" }]
    expect = [{ code = "GX205", at = "9", line = 210 }]

    [[case]]
    name = "fragment"
    text = "…"                           # ... or a text of its own
    config = '''[jurisdiction]\\ndeadline = "03-31"'''   # optional gxlint.toml text or table
    select = ["GX205", "GX204"]          # optional; default: the file's rule
    expect = [{ code = "GX205", line = 3 }]

``base`` is looked up beside the case file, then in a sibling ``reports/`` folder. ``at`` is
the exact original text a finding points at, ``line`` its 1-based line; both optional. Three
more keys check what a finding carries: ``severity`` (``"error"``, ``"warning"``, ``"info"``,
after the config: profiles are tested this way), ``fix`` (the replacement text of its fix;
``""`` deletes) and ``labels`` (the original text under each secondary label, in order).

A case passes when its findings equal ``expect`` as a multiset of (code, line, at, severity,
fix, labels), each key compared only if some expectation of the case uses it. Once one
expectation uses ``line``, ``at`` or ``severity``, every expectation of the case must give it;
leaving out ``fix`` or ``labels`` means "no fix", "no labels".

A case's ``config`` replaces the file's. As a string it is the text of a gxlint.toml, as a
table the same keys (``{ rules = { XJ102 = { short-form = false } } }``). Either is validated
exactly as a real config, with the packs' profiles and default configs, as the command line
does; ``config = ""`` is an empty gxlint.toml (no profile, only defaults).

In a pack's tests::

    from gxlint.testing import case_params, check_case

    @case_params("tests/cases")
    def test_case(case):
        check_case(case)

The packs are the installed ones (entry points of group ``gxlint``, re-read whenever
``sys.path`` or a folder on it changes, so a pack installed during the session is seen) plus
the local rule files a call or a case file names. :func:`load_packs` builds such a set
explicitly; :func:`rule_problems` checks a rule's documentation and file layout.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gxlint.findings import FileResult, Finding, FixSafety
from gxlint.source import LineIndex, SourceText

__all__ = [
    "Case",
    "Packs",
    "apply_fixes",
    "case_params",
    "check_case",
    "lint_fragment",
    "lint_result",
    "lint_text",
    "load_cases",
    "load_packs",
    "rule_problems",
    "to_toml",
]

Config = str | Mapping[str, Any]
# NOTE: the keys an expectation may use besides ``code``, in the order of the compared tuple.
_KEYS = ("line", "at", "severity", "fix", "labels")


# -- packs ------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Packs:
    """Loaded packs as the command line sees them: registry, profiles and default configs."""

    manager: Any  # gxlint.plugins.manager.PluginManager
    registry: Any  # gxlint.registry.Registry

    @property
    def profiles(self) -> dict[str, Mapping[str, Any]]:
        return self.manager.profiles()

    @property
    def pack_defaults(self) -> dict[str, Mapping[str, Any]]:
        return self.manager.default_configs()

    @property
    def errors(self) -> list[Any]:
        """Packs (or hooks) that failed to load: :class:`PackLoadError` items."""
        return self.manager.errors

    def settings(self, config: Config | None = None, select: Sequence[str] | None = None) -> Any:
        """The :class:`gxlint.config.Settings` a config (text or table; ``None``: no file)
        gives with these packs; raises :class:`gxlint.errors.ConfigErrors` as a real one."""
        from gxlint.config import load_settings

        if config is None:
            settings = self._default_settings()
        else:
            text = config if isinstance(config, str) else to_toml(config)
            with tempfile.TemporaryDirectory() as folder:
                config_path = Path(folder) / "gxlint.toml"
                config_path.write_text(text, encoding="utf-8")
                settings = load_settings(
                    config_path,
                    index=self.registry,
                    profiles=self.profiles,
                    pack_defaults=self.pack_defaults,
                )
        if select is not None:
            settings = settings.with_overrides(select=list(select))
        return settings

    def _default_settings(self) -> Any:
        cached = self.__dict__.get("_defaults")
        if cached is None:
            from gxlint.config import load_settings

            cached = load_settings(
                None, index=self.registry, profiles=self.profiles, pack_defaults=self.pack_defaults
            )
            object.__setattr__(self, "_defaults", cached)
        return cached


def load_packs(
    plugins: Iterable[str | Path] = (),
    *,
    base_dir: str | Path | None = None,
    entry_points: bool = True,
) -> Packs:
    """The installed packs (unless ``entry_points=False``) plus local rule files ``plugins``
    (relative to ``base_dir``, default the current directory), loaded as ``gxlint check``
    loads them. Raises :class:`gxlint.errors.PluginError` when two packs conflict; a pack that
    fails to load is in ``.errors``.

    Cached: the same arguments in the same environment give the same object.
    """
    base = Path(base_dir) if base_dir is not None else Path.cwd()
    paths = tuple(str(Path(p) if Path(p).is_absolute() else base / p) for p in plugins)
    return _load_packs(paths, entry_points, _fingerprint())


@lru_cache(maxsize=16)
def _load_packs(plugins: tuple[str, ...], entry_points: bool, fingerprint: Any) -> Packs:
    from gxlint.plugins.manager import PluginManager
    from gxlint.registry import Registry

    manager = PluginManager() if entry_points else PluginManager(entry_points=list)
    manager.load(plugins)
    return Packs(manager, Registry.from_manager(manager))


def _fingerprint() -> tuple[tuple[str, int | None], ...]:
    """``sys.path`` with each folder's modification time: installing or removing a
    distribution changes its site folder's, so the entry points are read again."""
    found = []
    for entry in sys.path:
        try:
            found.append((entry, os.stat(entry or os.curdir).st_mtime_ns))
        except OSError:
            found.append((entry, None))
    return tuple(found)


def _registry() -> Any:
    """The installed packs' registry (kept for callers of the first version of this kit)."""
    return load_packs().registry


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


# -- case files -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One case of a case file, ready to run."""

    id: str
    rule: str
    text: str
    expect: tuple[tuple[str, int | None, str | None], ...]
    select: tuple[str, ...]
    config: Config | None = None
    source: Path | None = None
    keys: frozenset[str] = field(default_factory=frozenset)  # the expectation keys used
    plugins: tuple[str, ...] = ()  # local rule files, absolute
    details: tuple[Mapping[str, Any], ...] = ()  # each expectation's severity/fix/labels


def load_cases(path: str | Path) -> list[Case]:
    """All cases of one case file."""
    import tomli

    path = Path(path)
    data = tomli.loads(path.read_text("utf-8"))
    rule = data["rule"]
    plugins = tuple(str(path.parent / p) for p in data.get("plugins", []))
    cases = []
    for raw in data.get("case", []):
        text = _case_text(raw, path)
        items = raw.get("expect", [])
        expect = tuple((item["code"], item.get("line"), item.get("at")) for item in items)
        details = tuple({k: item[k] for k in _KEYS[2:] if k in item} for item in items)
        cases.append(
            Case(
                id=f"{rule}-{raw['name']}",
                rule=rule,
                text=text,
                expect=expect,
                select=tuple(raw.get("select", data.get("select", [rule]))),
                config=raw.get("config", data.get("config")),
                source=path,
                keys=frozenset(k for item in items for k in _KEYS if k in item),
                plugins=plugins,
                details=details,
            )
        )
    return cases


def _case_text(raw: Mapping[str, Any], path: Path) -> str:
    if "text" in raw:
        text = raw["text"]
    else:
        base = raw["base"]
        for folder in (path.parent, path.parent.parent / "reports", path.parent / "reports"):
            if (folder / base).is_file():
                text = (folder / base).read_text("utf-8")
                break
        else:
            raise FileNotFoundError(f"{path}: base report {base!r} not found")
    for edit in raw.get("edit", []):
        find, replace = edit["find"], edit["replace"]
        if find not in text:
            raise AssertionError(f"{path}: case {raw['name']!r}: edit text not found: {find!r}")
        text = text.replace(find, replace, edit.get("count", 1))
    return text


def case_params(*folders: str | Path) -> Callable[[Callable[..., Any]], Any]:
    """``pytest.mark.parametrize("case", …)`` over every ``*.toml`` case file in ``folders``."""
    import pytest

    cases = [
        case for folder in folders for file in _case_files(folder) for case in load_cases(file)
    ]
    return pytest.mark.parametrize("case", cases, ids=[case.id for case in cases])


def _case_files(folder: str | Path) -> Iterable[Path]:
    return sorted(Path(folder).glob("*.toml"))


Shape = tuple[Any, ...]


def _checked_keys(case: Case) -> tuple[str, ...]:
    """The keys compared for this case: those some expectation uses; line and at when the
    case expects nothing (so an unexpected finding is shown in full)."""
    used = set(case.keys)
    if not case.keys:
        # NOTE: cases built by hand (not by load_cases) say it through their tuples.
        used |= {"line"} if any(line is not None for _, line, _ in case.expect) else set()
        used |= {"at"} if any(at is not None for _, _, at in case.expect) else set()
        used |= {k for detail in case.details for k in detail}
    if not case.expect:
        used |= {"line", "at"}
    return tuple(k for k in _KEYS if k in used)


def _expected(case: Case, keys: Sequence[str]) -> Counter[Shape]:
    details = case.details or tuple({} for _ in case.expect)
    want: Counter[Shape] = Counter()
    for (code, line, at), detail in zip(case.expect, details, strict=True):
        values = {
            "line": line,
            "at": at,
            "severity": detail.get("severity"),
            "fix": detail.get("fix"),
            "labels": tuple(detail.get("labels", ())),
        }
        want[(code, *(values[k] for k in keys))] += 1
    return want


def _observed(findings: Sequence[Finding], text: str, keys: Sequence[str]) -> Counter[Shape]:
    index = LineIndex(text)
    got: Counter[Shape] = Counter()
    for f in findings:
        values = {
            "line": index.position(f.span.start).line,
            "at": text[f.span.start : f.span.end],
            "severity": f.severity.label,
            "fix": f.fix.replacement if f.fix is not None else None,
            "labels": tuple(text[label.span.start : label.span.end] for label in f.labels),
        }
        got[(f.code, *(values[k] for k in keys))] += 1
    return got


def observed(
    case: Case, findings: Sequence[Finding], text: str
) -> Counter[tuple[str, int | None, str | None]]:
    """Findings in the shape of ``expect``, keeping only the keys each expectation uses."""
    keys = _checked_keys(case)
    result: Counter[tuple[str, int | None, str | None]] = Counter()
    for shape, count in _observed(findings, text, keys).items():
        values = dict(zip(keys, shape[1:], strict=True))
        result[(shape[0], values.get("line"), values.get("at"))] += count
    return result


def check_case(case: Case, *, packs: Packs | None = None) -> None:
    """Assert that linting the case gives exactly its expected findings.

    ``packs`` overrides the packs the case would load (installed ones plus its ``plugins``).
    """
    packs = packs or load_packs(case.plugins)
    result = lint_result(case.text, select=list(case.select), config=case.config, packs=packs)
    keys = _checked_keys(case)
    got = _observed(result.findings, case.text, keys)
    want = _expected(case, keys)
    if got != want:
        index = LineIndex(case.text)
        details = "\n".join(
            f"  {f.code} {index.position(f.span.start)} "
            f"{case.text[f.span.start : f.span.end]!r}: {f.message}"
            + (f" [fix: {f.fix.replacement!r}]" if f.fix is not None else "")
            + "".join(
                f" [label {case.text[label.span.start : label.span.end]!r}: {label.message}]"
                for label in f.labels
            )
            for f in result.findings
        )
        raise AssertionError(
            f"{case.id}: compared on (code, {', '.join(keys)})\n"
            f"expected {sorted(want.elements(), key=str)}\n"
            f"got {sorted(got.elements(), key=str)}\nfindings:\n{details or '  (none)'}"
        )


# -- rule meta --------------------------------------------------------------------------------


def rule_problems(rule: type, *, pack: str | None = None) -> list[str]:
    """What keeps ``rule`` from meeting gxlint's conventions (empty when it does):

    - its docstring has a summary line and ``## 说明``, ``## 为什么``, ``## 错误示例``,
      ``## 正确示例``, ``## 依据`` (and ``## 配置`` when the rule has options);
    - it is the only rule defined in its module, named ``<code>_<name>.py``
      (``xj101_section_six_item_missing.py``);
    - outside the ``core`` pack, its code does not use the reserved ``GX`` prefix.
    """
    from gxlint.docs import missing_headings
    from gxlint.rule import Rule, code_prefix

    problems = [f"{rule.code}: 文档缺少 {heading}" for heading in missing_headings(rule)]
    module = inspect.getmodule(rule)
    expected = f"{rule.code.lower()}_{rule.name.replace('-', '_')}"
    stem = Path(inspect.getfile(rule)).stem
    if stem != expected:
        problems.append(f"{rule.code}: 文件应命名为 {expected}.py，实际为 {stem}.py")
    others = [
        obj.__name__
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, Rule)
        and obj is not rule
        and obj.__module__ == rule.__module__
        and not obj.__dict__.get("abstract", False)
    ]
    if others:
        problems.append(
            f"{rule.code}: 同一文件中还定义了规则 {'、'.join(others)}（每个文件一条规则）"
        )
    if pack != "core" and code_prefix(rule.code) == "GX":
        problems.append(f"{rule.code}: 前缀 GX 只属于 gxlint 自带的规则包 core")
    return problems


# -- TOML -------------------------------------------------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def to_toml(config: Mapping[str, Any]) -> str:
    """A config mapping as gxlint.toml text (one ``key = value`` line per top-level key;
    tables and arrays of tables inline)."""
    return "".join(f"{_key(key)} = {_value(value)}\n" for key, value in config.items())


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        # NOTE: JSON string escapes are a subset of TOML basic-string escapes.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} {value!r} as TOML")
