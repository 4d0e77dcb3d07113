"""A rule's ``Options`` as a NamedTuple or as a frozen dataclass: read, checked, built and
documented the same way."""

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

import pytest

from gxlint.config.options import build_options, field_types
from gxlint.docs import option_fields
from gxlint.findings import Severity
from gxlint.options_type import field_defaults, field_names, is_options_type
from gxlint.rule import NoOptions, Rule
from gxlint.source import NormSpan


class TupleOptions(NamedTuple):
    mode: Literal["auto", "strict"] = "auto"
    allowed: tuple[str, ...] = (":",)
    limit: int = 3


@dataclass(frozen=True)
class DataOptions:
    mode: Literal["auto", "strict"] = "auto"
    allowed: tuple[str, ...] = field(default_factory=lambda: (":",))
    limit: int = 3


KINDS = [TupleOptions, DataOptions]


class Node(NamedTuple):
    span: NormSpan


def _rule(options: type) -> type[Rule]:
    class WithOptions(Rule):
        """有配置项的规则。"""

        code = "XJ901"
        name = "with-options"
        target = Node
        default_severity = Severity.WARNING
        Options = options

        def check(self, node, ctx):
            return ()

    return WithOptions


@pytest.mark.parametrize("options", KINDS)
def test_fields_and_defaults(options):
    assert is_options_type(options)
    assert field_names(options) == ("mode", "allowed", "limit")
    assert field_defaults(options) == {"mode": "auto", "allowed": (":",), "limit": 3}
    assert field_types(options) == {
        "mode": Literal["auto", "strict"],
        "allowed": tuple[str, ...],
        "limit": int,
    }


@pytest.mark.parametrize("options", KINDS)
def test_built_from_config_and_documented(options):
    built = build_options(options, {"mode": "strict", "allowed": ["、", "，"]})
    assert (built.mode, built.allowed, built.limit) == ("strict", ("、", "，"), 3)
    assert hash(built)
    assert option_fields(_rule(options)) == [
        ("mode", "Literal['auto', 'strict']", "auto"),
        ("allowed", "tuple[str, ...]", (":",)),
        ("limit", "int", 3),
    ]


def test_no_options_has_no_fields():
    assert is_options_type(NoOptions)
    assert field_names(NoOptions) == () and field_defaults(NoOptions) == {}


class Mutable:
    mode: str = "auto"


@dataclass
class MutableData:
    mode: str = "auto"


class NoDefault(NamedTuple):
    mode: str


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        (Mutable, "NamedTuple or a frozen dataclass"),
        (MutableData, "frozen"),
        (NoDefault, "default"),
    ],
)
def test_other_options_are_refused(options, problem):
    assert field_names(options) == (("mode",) if options is not Mutable else ())
    with pytest.raises(TypeError, match=problem):
        _rule(options)
