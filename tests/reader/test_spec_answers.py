"""The catalogue remembers its derived answers without changing what it is."""

from __future__ import annotations

import pickle

from gxlint.spec import load_spec


def test_remembered_answers_are_the_computed_ones():
    spec = load_spec()
    fresh = pickle.loads(pickle.dumps(spec))  # a copy with nothing remembered yet
    keys = spec.row_keys(3)
    assert len(keys) == 25 and spec.row_keys(3) is keys  # asked twice, computed once
    for key in keys:
        assert spec.row_label(3, key) == fresh.row_label(3, key)
    for column in spec.table3_column_keys:
        assert spec.column_label(3, column) == fresh.column_label(3, column)
    assert spec.relation("GX203") == fresh.relation("GX203")
    assert spec.table3_outcome_keys == fresh.table3_outcome_keys


def test_remembered_answers_are_not_a_field():
    spec = load_spec()
    spec.row_label(2, spec.row_keys(2)[0])
    assert "_answers" not in type(spec)._fields and "_answers" not in repr(spec)
    assert not pickle.loads(pickle.dumps(spec))._answers  # a copy starts empty
