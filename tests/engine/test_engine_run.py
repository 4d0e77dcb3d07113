"""run_rules: one walk, dispatch by target type, crashes contained as GX009."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from gxlint.engine import ActiveRule, RuleCrash, run_rules
from gxlint.findings import Severity
from gxlint.rule import Rule
from gxlint.source import NormSpan, normalize

TEXT = "一、总体情况\n（一）主动公开\n（二）依申请公开\n二、主动公开政府信息情况\n"


@dataclass
class Node:
    span: NormSpan


@dataclass
class Section(Node):
    pass


@dataclass
class Item(Node):
    pass


@dataclass
class NumberedItem(Item):
    pass


@dataclass
class Report(Node):
    children: list[Node] = field(default_factory=list)
    walked: int = 0

    def walk(self, skip: frozenset[type] = frozenset()) -> Iterator[Node]:
        self.walked += 1
        yield self
        yield from (child for child in self.children if type(child) not in skip)


def _line(n: int) -> NormSpan:
    lines = TEXT.split("\n")
    start = sum(len(line) + 1 for line in lines[:n])
    return NormSpan(start, start + len(lines[n]))


def _report() -> Report:
    return Report(
        NormSpan(0, len(TEXT)),
        [Section(_line(0)), Item(_line(1)), NumberedItem(_line(2)), Section(_line(3))],
    )


def _rule(code: str, target: type, check, name: str | None = None) -> type[Rule]:
    return type(
        f"Rule{code}",
        (Rule,),
        {
            "__doc__": "测试规则。",
            "code": code,
            "name": name or f"rule-{code.lower()}",
            "target": target,
            "default_severity": Severity.WARNING,
            "check": check,
        },
    )


def _active(*rules: type[Rule], pack: str = "core") -> list[ActiveRule]:
    return [ActiveRule(r, r.default_severity, r.Options(), pack) for r in rules]


def _flag(self, node, ctx):
    yield ctx.finding(node, type(node).__name__)


def _run(*rules, pack="core", **kwargs):
    report = _report()
    found = run_rules(report, normalize(TEXT), _active(*rules, pack=pack), **kwargs)
    return report, found


def test_dispatch_by_target_type_including_subclasses():
    items = _rule("GX901", Item, _flag)
    sections = _rule("GX902", Section, _flag)
    reports = _rule("GX903", Report, _flag)
    report, found = _run(items, sections, reports)
    assert report.walked == 1
    by_code = {}
    for f in found:
        by_code.setdefault(f.code, []).append(f.message)
    assert by_code == {
        "GX901": ["Item", "NumberedItem"],
        "GX902": ["Section", "Section"],
        "GX903": ["Report"],
    }


def test_tuple_target_and_instances():
    both = _rule("GX904", (Section, NumberedItem), _flag)
    report = _report()
    active = [ActiveRule(both(), Severity.ERROR, both.Options(), "core")]
    found = run_rules(report, normalize(TEXT), active)
    assert [f.message for f in found] == ["Section", "NumberedItem", "Section"]
    assert {f.severity for f in found} == {Severity.ERROR}


def test_findings_sorted_and_deduplicated():
    def twice(self, node, ctx):
        return [ctx.finding(node, "a"), ctx.finding(node, "a")]

    late = _rule("GX905", Item, twice)
    early = _rule("GX906", Report, lambda self, node, ctx: [ctx.finding(NormSpan(0, 2), "b")])
    _, found = _run(late, early)
    keys = [f.sort_key() for f in found]
    assert keys == sorted(keys)
    assert [f.code for f in found] == ["GX906", "GX905", "GX905"]  # one per item, no duplicate


def test_each_file_gets_its_own_context_with_the_settings_and_spec_of_its_call():
    def where(self, node, ctx):
        yield ctx.finding(node, f"{ctx.settings}/{ctx.spec}/{ctx.norm.text[:2]}")

    rules = _active(_rule("GX907", Report, where))
    seen = []
    for settings, spec, text in [("a", "x", TEXT), ("a", "x", "甲乙" + TEXT), ("b", "y", TEXT)]:
        seen += [
            f.message
            for f in run_rules(_report(), normalize(text), rules, settings=settings, spec=spec)
        ]
    assert seen == ["a/x/一、", "a/x/甲乙", "b/y/一、"]
    rules.append(_active(_rule("GX908", Report, _flag))[0])  # the same list, changed
    found = run_rules(_report(), normalize(TEXT), rules, settings="b", spec="y")
    assert [f.code for f in found] == ["GX907", "GX908"]


def test_crash_in_check_is_one_gx009_and_others_still_run():
    def boom(self, node, ctx):
        return 1 / 0

    crashing = _rule("GX205", Item, boom, name="balance-mismatch")
    fine = _rule("GX907", Section, _flag)
    crashes: list[RuleCrash] = []
    _, found = _run(crashing, fine, crashes=crashes)
    gx009 = [f for f in found if f.code == "GX009"]
    assert len(gx009) == 1  # disabled after the first item: the second never runs
    assert gx009[0].message == (
        "规则 GX205（balance-mismatch，规则包 core）运行时出错：ZeroDivisionError: division by "
        "zero；其余规则照常检查。"
    )
    assert gx009[0].severity is Severity.ERROR
    norm = normalize(TEXT)
    assert gx009[0].span == norm.to_source(_line(1))
    assert [f.message for f in found if f.code == "GX907"] == ["Section", "Section"]
    assert [c.code for c in crashes] == ["GX205"] and "ZeroDivisionError" in crashes[0].traceback


def test_crash_mid_generator_is_caught_and_names_pack():
    def lazy(self, node, ctx):
        yield ctx.finding(node, "before")
        raise KeyError("列")

    crashing = _rule("XJ101", Section, lazy, name="seal-missing")
    fine = _rule("XJ102", Item, _flag)
    _, found = _run(crashing, fine, pack="xinjiang")
    gx009 = [f for f in found if f.code == "GX009"]
    assert len(gx009) == 1
    assert "XJ101（seal-missing，规则包 xinjiang）" in gx009[0].message
    assert "KeyError" in gx009[0].message
    # NOTE: the crashing call's partial output is dropped; only the GX009 stands for it.
    assert not [f for f in found if f.code == "XJ101"]
    assert [f.message for f in found if f.code == "XJ102"] == ["Item", "NumberedItem"]


def test_non_finding_output_is_a_crash():
    bad = _rule("GX908", Report, lambda self, node, ctx: ["not a finding"])
    _, found = _run(bad)
    assert [f.code for f in found] == ["GX009"]
    assert "TypeError" in found[0].message


def test_timings_accumulate_per_rule():
    items = _rule("GX909", Item, _flag)
    timings: dict[str, float] = {"GX909": 1.0}
    _run(items, timings=timings)
    assert set(timings) == {"GX909"} and timings["GX909"] > 1.0


def test_no_rules_no_findings():
    _, found = _run()
    assert found == []


def test_leaf_nodes_no_rule_targets_are_left_out_of_the_walk_only():
    from gxlint.model import Cell, Label
    from gxlint.model import Node as ModelNode
    from gxlint.reader import read_file
    from tests.conftest import SEEDS

    read = read_file(next(iter(sorted(SEEDS.glob("*.txt")))))
    cells = [node for node in read.report.walk() if isinstance(node, Cell)]
    assert len(cells) > 100

    def count(self, node, ctx):
        return [ctx.finding(node, "x")] if isinstance(node, Cell) else []

    per_cell = _rule("GX907", Cell, count)
    per_label = _rule("GX908", Label, lambda self, node, ctx: [])
    found = run_rules(read.report, read.norm, _active(per_cell, per_label))
    assert len(found) == len({(c.span.start, c.span.end) for c in cells})

    seen: list[type] = []
    watcher = _rule("GX909", ModelNode, lambda self, node, ctx: seen.append(type(node)) or [])
    run_rules(read.report, read.norm, _active(per_label, watcher))
    assert Cell in seen  # a rule targeting every node still gets every cell
    seen.clear()
    labels = _rule("GX910", Label, lambda self, node, ctx: seen.append(type(node)) or [])
    run_rules(read.report, read.norm, _active(labels))
    assert seen and set(seen) == {Label}


def test_declared_child_types_hold_in_every_seed_and_prune_whole_rows():
    from gxlint.engine import _unvisited
    from gxlint.model import Cell, Label, Row
    from gxlint.model import Node as ModelNode
    from gxlint.model.report import Report
    from gxlint.reader import read_file
    from tests.conftest import SEEDS

    for path in sorted(SEEDS.glob("*.txt")):
        report = read_file(path).report
        declared = [node for node in report.walk() if node.child_types is not None]
        assert any(isinstance(node, Row) for node in declared), path.name
        for node in declared:
            for child in node.children():
                assert isinstance(child, node.child_types), (path.name, node, child)

    # Rows go only when no rule wants a row, its label or its cells.
    assert {Row, Label, Cell} <= _unvisited((Report,))
    assert Row not in _unvisited((Report, Cell)) and Cell not in _unvisited((Report, Cell))
    assert Row not in _unvisited((Report, Label))
    assert not {Row, Cell} & _unvisited((ModelNode,))
