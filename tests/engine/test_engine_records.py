"""The value classes behave as the dataclasses they replace: equality, hashing, immutability,
repr, ``_replace`` and pickling (``-j`` workers send results across processes)."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError

import pytest

from gxlint.engine import RuleCrash
from gxlint.findings import FileResult, Finding, Fix, FixSafety, Label, Severity, finding_row
from gxlint.source.spans import SourceSpan
from gxlint.testing.lint import lint_result
from tests.conftest import seed_path


@pytest.fixture(scope="module")
def seed_results() -> list[FileResult]:
    return [
        lint_result(seed_path(name).read_text("utf-8"), path=f"{name}.txt")
        for name in ("000", "001", "002", "003", "004")
    ]


def _finding(**changes: object) -> Finding:
    values: dict[str, object] = {
        "code": "GX203",
        "name": "row-total-mismatch",
        "severity": Severity.ERROR,
        "message": "总计不符",
        "span": SourceSpan(3, 5),
        "labels": (Label(SourceSpan(7, 8), "参与求和的单元格"),),
        "fix": Fix(SourceSpan(3, 5), "12", FixSafety.UNSAFE),
    }
    values.update(changes)
    return Finding(**values)  # type: ignore[arg-type]


def test_results_survive_pickling_unchanged(seed_results):
    for result in seed_results:
        assert result.findings, result.path  # every seed has defects
        back = pickle.loads(pickle.dumps(result))
        assert (back.path, back.text, back.encoding) == (result.path, result.text, result.encoding)
        assert back.findings == result.findings
        assert [finding_row(f) for f in back.findings] == [finding_row(f) for f in result.findings]
        assert all(type(f.severity) is Severity for f in back.findings)


@pytest.mark.parametrize(
    "value",
    [
        _finding(),
        _finding(fix=None, labels=(), help="见 domain.md"),
        SourceSpan(0, 0),
        Label(SourceSpan(1, 2), "首次出现"),
        RuleCrash("GX203", "core", "Traceback ..."),
    ],
)
def test_frozen_values_pickle_compare_and_hash(value):
    back = pickle.loads(pickle.dumps(value))
    assert back == value and hash(back) == hash(value)
    assert type(back) is type(value)


def test_equality_is_by_class_and_fields():
    assert _finding() == _finding()
    assert _finding() != _finding(message="别的")
    assert _finding() != tuple(finding_row(_finding()))  # never equal to a plain tuple
    assert len({_finding(), _finding(), _finding(pack="xinjiang")}) == 2


def test_frozen_values_refuse_assignment_and_replace_makes_a_copy():
    finding = _finding()
    with pytest.raises(FrozenInstanceError):
        finding.message = "改"  # type: ignore[misc]
    changed = finding._replace(severity=Severity.WARNING)
    assert (changed.severity, finding.severity) == (Severity.WARNING, Severity.ERROR)
    assert changed.labels is finding.labels


def test_repr_names_every_field_in_order():
    text = repr(Label(SourceSpan(1, 2), "首次出现"))
    assert text == "Label(span=SourceSpan(start=1, end=2), message='首次出现')"


def test_a_file_result_is_mutable_and_unhashable():
    result = FileResult("a.txt", "", "utf-8")
    result.findings.append(_finding())
    assert result.findings == [_finding()]
    with pytest.raises(TypeError):
        hash(result)
