"""The kit rule packs test with: lint a text, and data-driven case files.

The built-in rules and every province pack use the same case format, so a pack's tests read
like gxlint's own. A case file is TOML::

    rule = "GX205"                       # the rule under test (selected alone)

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
    config = '''[jurisdiction]\\ndeadline = "03-31"'''   # optional gxlint.toml text
    select = ["GX205", "GX204"]          # optional; default: the file's rule
    expect = [{ code = "GX205", line = 3 }]

``base`` is looked up beside the case file, then in a sibling ``reports/`` folder. ``at`` is
the exact original text a finding points at, ``line`` its 1-based line; both optional. A case
passes when the findings equal ``expect`` as a multiset of (code, line, at).

In a pack's tests::

    from gxlint.testing import case_params, check_case

    @case_params("tests/cases")
    def test_case(case):
        check_case(case)
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gxlint.findings import FileResult, Finding
from gxlint.source import LineIndex, SourceText

__all__ = ["Case", "case_params", "check_case", "lint_result", "lint_text", "load_cases"]


@lru_cache(maxsize=1)
def _registry() -> Any:
    from gxlint.plugins.manager import PluginManager
    from gxlint.registry import Registry

    return Registry.from_manager(PluginManager().load())


def lint_result(
    text: str,
    *,
    select: Sequence[str] | None = None,
    config: str | None = None,
    path: str = "report.txt",
    registry: Any = None,
) -> FileResult:
    """Lint ``text`` as if it were the file ``path``, with the given selection and config.

    ``config`` is the text of a gxlint.toml; it is validated exactly as a real one.
    """
    from gxlint.config import load_settings
    from gxlint.linter import Linter

    registry = registry or _registry()
    settings = None
    if config is not None:
        with tempfile.TemporaryDirectory() as folder:
            config_path = Path(folder) / "gxlint.toml"
            config_path.write_text(config, encoding="utf-8")
            settings = load_settings(config_path, index=registry)
    if select is not None:
        if settings is None:
            settings = load_settings(None, index=registry)
        settings = settings.with_overrides(select=list(select))
    return Linter(registry).lint_source(SourceText(path, text, "utf-8"), settings)


def lint_text(
    text: str,
    *,
    select: Sequence[str] | None = None,
    config: str | None = None,
    path: str = "report.txt",
) -> list[Finding]:
    """The findings gxlint reports on ``text``."""
    return lint_result(text, select=select, config=config, path=path).findings


@dataclass(frozen=True)
class Case:
    """One case of a case file, ready to run."""

    id: str
    rule: str
    text: str
    expect: tuple[tuple[str, int | None, str | None], ...]
    select: tuple[str, ...]
    config: str | None = None
    source: Path | None = None
    keys: frozenset[str] = field(default_factory=frozenset)  # which of line/at are checked


def load_cases(path: str | Path) -> list[Case]:
    """All cases of one case file."""
    import tomli

    path = Path(path)
    data = tomli.loads(path.read_text("utf-8"))
    rule = data["rule"]
    cases = []
    for raw in data.get("case", []):
        text = _case_text(raw, path)
        expect = tuple(
            (item["code"], item.get("line"), item.get("at")) for item in raw.get("expect", [])
        )
        cases.append(
            Case(
                id=f"{rule}-{raw['name']}",
                rule=rule,
                text=text,
                expect=expect,
                select=tuple(raw.get("select", [rule])),
                config=raw.get("config"),
                source=path,
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


def observed(
    case: Case, findings: Sequence[Finding], text: str
) -> Counter[tuple[str, int | None, str | None]]:
    """Findings in the shape of ``expect``, keeping only the keys each expectation uses."""
    index = LineIndex(text)
    check_line = any(line is not None for _, line, _ in case.expect) or not case.expect
    check_at = any(at is not None for _, _, at in case.expect) or not case.expect
    result: Counter[tuple[str, int | None, str | None]] = Counter()
    for f in findings:
        line = index.position(f.span.start).line if check_line else None
        at = text[f.span.start : f.span.end] if check_at else None
        result[(f.code, line, at)] += 1
    return result


def check_case(case: Case) -> None:
    """Assert that linting the case gives exactly its expected findings."""
    result = lint_result(case.text, select=list(case.select), config=case.config)
    got = observed(case, result.findings, case.text)
    check_line = any(line is not None for _, line, _ in case.expect) or not case.expect
    check_at = any(at is not None for _, _, at in case.expect) or not case.expect
    want = Counter(
        (code, line if check_line else None, at if check_at else None)
        for code, line, at in case.expect
    )
    if got != want:
        details = "\n".join(
            f"  {f.code} {LineIndex(case.text).position(f.span.start)} "
            f"{case.text[f.span.start : f.span.end]!r}: {f.message}"
            for f in result.findings
        )
        raise AssertionError(
            f"{case.id}: expected {sorted(want.elements(), key=str)}\n"
            f"got {sorted(got.elements(), key=str)}\nfindings:\n{details or '  (none)'}"
        )
