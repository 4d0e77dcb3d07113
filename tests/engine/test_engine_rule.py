"""The Rule base's class checks and what RuleContext builds."""

from __future__ import annotations

import pickle
from dataclasses import dataclass

import pytest

from gxlint.findings import FixSafety, Label, Severity
from gxlint.rule import Rule, RuleContext
from gxlint.source import NormSpan, SourceSpan, normalize


@dataclass
class Node:
    span: NormSpan


class Marked(Rule):
    """同级条目序号重复。"""

    code = "GX104"
    name = "duplicate-ordinal"
    target = Node
    default_severity = Severity.WARNING
    fix = FixSafety.UNSAFE

    def check(self, node, ctx):
        yield ctx.finding(node, "重复")


def _define(**attrs):
    base = {
        "code": "XJ101",
        "name": "seal-missing",
        "target": Node,
        "default_severity": Severity.ERROR,
        "check": lambda self, node, ctx: (),
    }
    base.update(attrs)
    return type("Sample", (Rule,), {k: v for k, v in base.items() if v is not ...})


def test_valid_rule_defines():
    assert _define().code == "XJ101"


@pytest.mark.parametrize(
    ("attrs", "problem"),
    [
        ({"code": "xj101"}, "code"),
        ({"code": "X101"}, "code"),
        ({"code": "XJ1010"}, "code"),
        ({"code": ...}, "code"),
        ({"name": "SealMissing"}, "name"),
        ({"name": "seal_missing"}, "name"),
        ({"aliases": ["old-name"]}, "aliases"),
        ({"target": ...}, "target"),
        ({"target": "Node"}, "target"),
        ({"default_severity": "error"}, "default_severity"),
        ({"default_severity": ...}, "default_severity"),
        ({"fix": "safe"}, "fix"),
        ({"check": ...}, "check"),
    ],
)
def test_invalid_rule_is_a_type_error(attrs, problem):
    with pytest.raises(TypeError, match=problem):
        _define(**attrs)


def test_options_must_be_frozen_with_defaults():
    @dataclass
    class Mutable:
        mode: str = "normal"

    @dataclass(frozen=True)
    class NoDefault:
        mode: str

    with pytest.raises(TypeError, match="frozen"):
        _define(Options=Mutable)
    with pytest.raises(TypeError, match="default"):
        _define(Options=NoDefault)


def test_abstract_base_is_not_validated():
    class TableRule(Rule, abstract=True):
        target = Node

    class Concrete(TableRule):
        code = "XJ201"
        name = "table-thing"
        default_severity = Severity.INFO

        def check(self, node, ctx):
            return []

    assert TableRule.abstract and not Concrete.abstract
    assert Concrete.target is Node


def test_info():
    info = Marked.info("core")
    assert (info.code, info.name, info.summary, info.severity, info.pack, info.fix) == (
        "GX104",
        "duplicate-ordinal",
        "同级条目序号重复。",
        Severity.WARNING,
        "core",
        FixSafety.UNSAFE,
    )


# "（一）" is normalised to "(一)" and CRLF to LF, so offsets shift after each line.
ORIGINAL = "标题\r\n（一）主动公开\r\n（二）依申请公开\r\n"


def _ctx(**kwargs):
    norm = normalize(ORIGINAL)
    return norm, RuleContext(Marked, None, norm, **kwargs)


def test_finding_maps_normspan_through_crlf():
    norm, ctx = _ctx()
    start = norm.text.index("(二)")
    span = NormSpan(start, start + 3)
    finding = ctx.finding(span, "重复", help="应递增")
    assert finding.span == SourceSpan(ORIGINAL.index("（二）"), ORIGINAL.index("（二）") + 3)
    assert ORIGINAL[finding.span.start : finding.span.end] == "（二）"
    assert (finding.code, finding.name, finding.pack) == ("GX104", "duplicate-ordinal", "core")
    assert finding.severity is Severity.WARNING
    assert finding.help == "应递增"


def test_at_accepts_nodes_and_source_spans():
    norm, ctx = _ctx()
    start = norm.text.index("(一)")
    node = Node(NormSpan(start, start + 3))
    assert ctx.source_text(node) == "（一）"
    assert ctx.to_source(SourceSpan(2, 4)) == SourceSpan(2, 4)
    label = ctx.label(node, "首次出现")
    assert label.message == "首次出现" and label.span == ctx.to_source(node)
    with pytest.raises(TypeError):
        ctx.to_source((0, 1))


def test_label_is_mapped_when_read_and_equals_an_eager_one():
    norm, ctx = _ctx()
    start = norm.text.index("(二)")
    label = ctx.label(NormSpan(start, start + 3), "参与求和的单元格")
    assert label._offsets is not None  # not yet mapped: json output never reads it
    eager = Label(ctx.to_source(NormSpan(start, start + 3)), "参与求和的单元格")
    assert label == eager and hash(label) == hash(eager)
    assert ORIGINAL[label.span.start : label.span.end] == "（二）"
    assert label._offsets is None
    fresh = ctx.label(NormSpan(start, start + 3), "参与求和的单元格")
    copy = pickle.loads(pickle.dumps(fresh))
    assert type(copy) is Label and copy == eager and copy._offsets is None
    assert repr(ctx.label(NormSpan(start, start + 3), "x")) == repr(Label(eager.span, "x"))
    moved = ctx.label(NormSpan(start, start + 3), "a")._replace(message="b")
    assert moved == Label(eager.span, "b")


def test_label_with_a_negative_span_fails_in_the_rule():
    _, ctx = _ctx()
    with pytest.raises(ValueError, match="bad span"):
        ctx.label(NormSpan(-1, 2), "x")


def test_for_file_keeps_everything_but_the_file():
    norm, ctx = _ctx(severity=Severity.ERROR, settings="settings", spec="spec", pack="pack")
    other = normalize("另一份报告")
    copy = ctx.for_file("report", other)
    assert (copy.report, copy.norm) == ("report", other)
    assert (ctx.report, ctx.norm) == (None, norm)
    for name in set(RuleContext.__slots__) - {"report", "norm"}:  # NOTE: every field
        assert getattr(copy, name) is getattr(ctx, name)


def test_replace_uses_rule_fix_safety():
    norm, ctx = _ctx()
    start = norm.text.index("(二)")
    fix = ctx.replace(NormSpan(start, start + 3), "（三）")
    assert fix.safety is FixSafety.UNSAFE and fix.replacement == "（三）"
    assert ctx.replace(NormSpan(0, 1), "x", safety=FixSafety.SAFE).safety is FixSafety.SAFE


def test_replace_without_declared_fix_fails():
    rule = _define()
    ctx = RuleContext(rule, None, normalize("x"))
    with pytest.raises(ValueError, match="no fix"):
        ctx.replace(NormSpan(0, 1), "y")


def test_context_severity_options_and_lowering():
    _, ctx = _ctx(severity=Severity.ERROR, settings={"jurisdiction": 1}, pack="xj")
    assert ctx.options == Marked.Options()
    assert ctx.settings == {"jurisdiction": 1}
    assert ctx.finding(NormSpan(0, 0), "m").severity is Severity.ERROR
    assert ctx.finding(NormSpan(0, 0), "m", severity=Severity.INFO).severity is Severity.INFO
    assert ctx.finding(NormSpan(0, 0), "m").pack == "xj"
    _, quiet = _ctx(severity=Severity.INFO)
    assert quiet.finding(NormSpan(0, 0), "m", severity=Severity.ERROR).severity is Severity.INFO
