"""The same report in every encoding and line ending gives the same model and positions."""

from __future__ import annotations

import codecs

import pytest

from gxlint.model.dump import dump_report
from gxlint.reader import ReadReport, read_bytes
from gxlint.source import LineIndex
from tests.conftest import seed_path


def _variants(text: str) -> dict[str, bytes]:
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8-bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "gb18030": text.encode("gb18030"),
        "utf-16": text.encode("utf-16"),  # with BOM
        "utf-8-crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "gb18030-crlf": text.replace("\n", "\r\n").encode("gb18030"),
    }


def _dump(read: ReadReport) -> dict:
    data = dump_report(read.report, read.norm, path="x", encoding="")
    data.pop("encoding")
    return _without_cr(data)


def _without_cr(value):
    """Original text of a label split over lines keeps its CR in a CRLF file; compare without."""
    if isinstance(value, dict):
        return {key: _without_cr(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_cr(item) for item in value]
    return value.replace("\r", "") if isinstance(value, str) else value


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_every_encoding_gives_the_same_model(prefix: str) -> None:
    text = seed_path(prefix).read_text("utf-8")
    models = {}
    for name, data in _variants(text).items():
        read = read_bytes(data, f"{prefix}.txt")
        assert isinstance(read, ReadReport), (name, read)
        models[name] = _dump(read)
    reference = models.pop("utf-8")
    for name, model in models.items():
        assert model == reference, name


def test_encoding_is_recorded() -> None:
    text = seed_path("002").read_text("utf-8")
    found = {name: read_bytes(data, "x").source.encoding for name, data in _variants(text).items()}
    assert found == {
        "utf-8": "utf-8",
        "utf-8-bom": "utf-8-sig",
        "gb18030": "gb18030",
        "utf-16": "utf-16",
        "utf-8-crlf": "utf-8",
        "gb18030-crlf": "gb18030",
    }


def test_chosen_cell_has_the_same_line_and_column_everywhere() -> None:
    text = seed_path("004").read_text("utf-8")
    for name, data in _variants(text).items():
        read = read_bytes(data, "004.txt")
        cell = read.report.application_table.cell("total", "total")
        span = read.norm.to_source(cell.span)
        position = LineIndex(read.source.text).position(span.start)
        assert (position.line, position.column) == (342, 2), name
        assert read.source.text[span.start : span.end] == "85", name


def test_exotic_spaces_and_cr_only_line_ends() -> None:
    text = seed_path("000").read_text("utf-8")
    assert "\u00a0" in text and "\u2002" in text  # the sign-off is indented with them
    spaced = text.replace("      托克逊", "\u3000\u3000托克逊")
    read = read_bytes(spaced.replace("\n", "\r").encode("utf-8"), "cr.txt")
    assert [s.number for s in read.report.sections] == [1, 2, 3, 4, 5, 6]
    assert read.report.signoff.organ.text == "托克逊县夏镇人民政府"
    assert read.report.signoff.date.suggestion == "2025年1月8日"
