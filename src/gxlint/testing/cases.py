"""Data-driven case files: load them, parametrise pytest with them, check one."""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gxlint.findings import Finding
from gxlint.source import LineIndex
from gxlint.testing.lint import lint_result
from gxlint.testing.packs import Config, Packs, load_packs

# NOTE: the keys an expectation may use besides ``code``, in the order of the compared tuple.
_KEYS = ("line", "at", "severity", "fix", "labels")


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
