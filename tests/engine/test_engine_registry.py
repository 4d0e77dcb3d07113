"""Registry: clash detection between packs and ruff-style rule selection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pytest

from gxlint.errors import PluginError
from gxlint.findings import Severity
from gxlint.plugins.manager import Pack
from gxlint.registry import Registry
from gxlint.rule import Rule


class Node:
    pass


def _rule(code: str, name: str, *, aliases=(), severity=Severity.WARNING, options=None):
    attrs = {
        "__doc__": f"{name} 的摘要。",
        "code": code,
        "name": name,
        "aliases": aliases,
        "target": Node,
        "default_severity": severity,
        "check": lambda self, node, ctx: (),
    }
    if options is not None:
        attrs["Options"] = options
    return type(name.title().replace("-", ""), (Rule,), attrs)


@dataclass(frozen=True)
class HalfwidthOptions:
    mode: Literal["normal", "strict"] = "normal"
    allowed: tuple[str, ...] = ()
    max_count: int = 3


CORE = Pack(
    "core",
    (
        _rule("GX104", "duplicate-ordinal", severity=Severity.ERROR),
        _rule("GX105", "ordinal-gap"),
        _rule("GX205", "balance-mismatch", severity=Severity.ERROR),
        _rule("GX207", "invalid-number"),
        _rule("GX501", "halfwidth-punctuation", options=HalfwidthOptions),
        _rule("GX502", "ordinal-style", aliases=("mixed-ordinals",), severity=Severity.INFO),
    ),
)
XJ = Pack("xinjiang", (_rule("XJ101", "seal-missing"), _rule("XJ201", "bilingual-title")))


@pytest.fixture
def registry() -> Registry:
    return Registry([CORE, XJ])


def _codes(registry: Registry, **kwargs) -> list[str]:
    return [a.code for a in registry.resolve(**kwargs)]


ALL_RULES = ["GX104", "GX105", "GX205", "GX207", "GX501", "GX502", "XJ101", "XJ201"]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ALL_RULES),
        ({"select": ["GX2"]}, ["GX205", "GX207"]),
        ({"select": ["XJ"]}, ["XJ101", "XJ201"]),
        ({"select": ["GX"]}, ALL_RULES[:6]),
        # a code beats a prefix, both ways
        ({"ignore": ["GX5"], "extend_select": ["GX501"]}, [*ALL_RULES[:5], *ALL_RULES[6:]]),
        ({"select": ["GX5"], "ignore": ["GX501"]}, ["GX502"]),
        # a longer prefix beats a shorter one, both ways
        ({"select": ["GX"], "ignore": ["GX2"]}, ["GX104", "GX105", "GX501", "GX502"]),
        ({"select": ["GX20"], "ignore": ["GX"]}, ["GX205", "GX207"]),
        # any prefix beats ALL
        ({"select": ["ALL"], "ignore": ["XJ"]}, ALL_RULES[:6]),
        ({"select": ["XJ1"], "ignore": ["ALL"]}, ["XJ101"]),
        # ties go to ignore
        ({"select": ["GX104"], "ignore": ["GX104"]}, []),
        ({"select": ["GX1"], "ignore": ["GX1"]}, []),
        ({"select": ["ALL"], "ignore": ["ALL"]}, []),
        # names and aliases are exact selectors
        ({"select": ["duplicate-ordinal", "mixed-ordinals"]}, ["GX104", "GX502"]),
        ({"select": ["GX"], "ignore": ["halfwidth-punctuation"]}, [*ALL_RULES[:4], "GX502"]),
        ({"ignore": ["GX1"], "extend_select": ["ordinal-gap"]}, [*ALL_RULES[1:]]),
        ({"select": []}, []),
    ],
)
def test_selection_precedence(registry, kwargs, expected):
    assert _codes(registry, **kwargs) == expected


def test_severity_overrides_and_off(registry):
    active = registry.resolve(
        per_rule_severity={"GX104": "warning", "GX105": "off", "seal-missing": Severity.ERROR}
    )
    by_code = {a.code: a for a in active}
    assert "GX105" not in by_code
    assert by_code["GX104"].severity is Severity.WARNING
    assert by_code["XJ101"].severity is Severity.ERROR
    assert by_code["XJ101"].pack == "xinjiang"
    assert by_code["GX205"].severity is Severity.ERROR  # default kept
    with pytest.raises(ValueError, match="fatal"):
        registry.resolve(per_rule_severity={"GX104": "fatal"})
    with pytest.raises(ValueError, match="GX999"):
        registry.resolve(per_rule_severity={"GX999": "off"})


def test_unknown_selector_raises(registry):
    with pytest.raises(ValueError, match="GX7"):
        registry.resolve(select=["GX7"])


@pytest.mark.parametrize(
    ("selector", "ok"),
    [
        ("ALL", True),
        ("GX104", True),
        ("GX1", True),
        ("GX", True),
        ("GX0", True),  # engine codes
        ("GX009", True),
        ("XJ", True),
        ("duplicate-ordinal", True),
        ("mixed-ordinals", True),
        ("G", False),
        ("GX7", False),
        ("GX999", False),
        ("gx104", False),
        ("all", False),
        ("QQ", False),
        ("XJ1010", False),
    ],
)
def test_is_selector(registry, selector, ok):
    assert registry.is_selector(selector) is ok


def test_matches_for_per_file_ignores(registry):
    assert registry.matches("GX2", "GX205")
    assert registry.matches("ALL", "XJ101")
    assert registry.matches("balance-mismatch", "GX205")
    assert not registry.matches("GX2", "GX104")
    assert not registry.matches("nonsense", "GX104")


def test_rule_index_protocol(registry):
    assert registry.has_rule("GX104") and registry.has_rule("GX009")
    assert not registry.has_rule("GX1") and not registry.has_rule("duplicate-ordinal")
    assert registry.options_type("GX501") is HalfwidthOptions
    assert registry.options_type("GX104") is None
    assert registry.pack_for_prefix("XJ1") == "xinjiang"
    assert registry.pack_for_prefix("GX205") == "core"
    assert registry.pack_for_prefix("ZZ") is None


def test_options(registry):
    built = registry.build_options("GX501", {"mode": "strict", "allowed": ["、"], "max-count": 5})
    assert built == HalfwidthOptions("strict", ("、",), 5)
    assert registry.build_options("GX501", {"severity": "error"}) == HalfwidthOptions()
    with pytest.raises(ValueError, match="colour"):
        registry.build_options("GX501", {"colour": 1})
    with pytest.raises(TypeError, match="mode"):
        registry.build_options("GX501", {"mode": "loose"})
    with pytest.raises(TypeError, match="max-count"):
        registry.build_options("GX501", {"max-count": "5"})
    active = registry.resolve(select=["GX501"], options={"GX501": {"mode": "strict"}})
    assert active[0].options == HalfwidthOptions(mode="strict")
    default = registry.resolve(select=["GX501"])
    assert default[0].options == HalfwidthOptions()


def test_infos_include_engine_codes(registry):
    infos = registry.infos()
    assert list(infos) == sorted(infos)
    assert {"GX001", "GX003", "GX009"} <= set(infos)
    assert infos["GX009"].name == "rule-crashed" and infos["GX009"].pack == "core"
    assert infos["XJ101"].pack == "xinjiang" and infos["XJ101"].summary == "seal-missing 的摘要。"
    assert registry.lookup("mixed-ordinals") == (CORE.rules[5], "core")
    assert registry.lookup("GX009")[1] == "core"
    assert registry.lookup("nothing") is None
    assert "GX009" not in registry.rules()


def test_engine_codes_selectable(registry):
    assert registry.engine_severities() == {
        "GX001": Severity.ERROR,
        "GX003": Severity.ERROR,
        "GX009": Severity.ERROR,
    }
    assert registry.engine_severities(ignore=["GX0"], extend_select=["GX001"]) == {
        "GX001": Severity.ERROR
    }
    assert registry.engine_severities(per_rule_severity={"GX009": "warning", "GX003": "off"}) == {
        "GX001": Severity.ERROR,
        "GX009": Severity.WARNING,
    }


def test_duplicate_code_across_packs_names_both():
    other = Pack("gansu", (_rule("XJ101", "other-seal"),))
    with pytest.raises(PluginError) as caught:
        Registry([CORE, XJ, other])
    assert caught.value.packs == ("xinjiang", "gansu")
    assert "XJ101" in str(caught.value) and "xinjiang" in str(caught.value)


def test_duplicate_prefix_across_packs_names_both():
    other = Pack("xizang", (_rule("XJ301", "other-thing"),))
    with pytest.raises(PluginError) as caught:
        Registry([XJ, other])
    assert caught.value.packs == ("xinjiang", "xizang")
    assert "XJ" in str(caught.value)


def test_gx_code_outside_core_is_an_error():
    rogue = Pack("rogue", (_rule("GX601", "rogue-rule"),))
    with pytest.raises(PluginError) as caught:
        Registry([CORE, rogue])
    assert caught.value.packs == ("rogue", "core")
    assert "GX601" in str(caught.value)


def test_engine_code_cannot_be_redefined():
    with pytest.raises(PluginError, match="GX009"):
        Registry([Pack("core", (_rule("GX009", "my-crash"),))])


def test_duplicate_name_across_packs():
    other = Pack("gansu", (_rule("GS101", "seal-missing"),))
    with pytest.raises(PluginError) as caught:
        Registry([XJ, other])
    assert caught.value.packs == ("xinjiang", "gansu")
