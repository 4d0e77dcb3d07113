"""A table-driven LALR(1) parser over line tokens: the run-time half of the grammar.

``grammar/report.lark`` stays the one description of a report's structure, but importing Lark
and loading its tables cost ~35 ms of a cold run, while the parse itself is a few hundred table
look-ups. So Lark's own LALR analysis is done ahead of time (:mod:`gxlint.parse.generate_table`
writes it to :mod:`gxlint.parse.lalr_table`) and this module only runs that table, building the
tree Lark's tree builder would build for this grammar.
"""

from __future__ import annotations

from collections.abc import Iterable

from gxlint.parse.lexer import LineToken
from gxlint.record import FrozenRecord, set_field

END = "$END"


class Table(FrozenRecord):
    """An LALR(1) table in the form :mod:`gxlint.parse.lalr_table` stores it.

    ``actions[state][symbol]``: ``n >= 0`` shifts the terminal (or, for a rule name, goes) to
    state ``n``; ``n < 0`` reduces by ``rules[~n]``. A rule is ``(name, how)`` with one letter
    per symbol it pops: ``k`` keeps the child, ``s`` splices its children in (an inlined
    ``_rule`` or a ``*``/``+`` helper), ``-`` drops it (a filtered anonymous token).
    """

    __slots__ = ("actions", "end", "rules", "start")

    start: int
    end: int
    actions: tuple[dict[str, int], ...]
    rules: tuple[tuple[str, str], ...]

    def __init__(
        self,
        start: int,
        end: int,
        actions: tuple[dict[str, int], ...],
        rules: tuple[tuple[str, str], ...],
    ) -> None:
        set_field(self, "start", start)
        set_field(self, "end", end)
        set_field(self, "actions", actions)
        set_field(self, "rules", rules)


class Node:
    """One reduced rule. Leaves are the :class:`LineToken` objects themselves (never copies), so
    the model reads offsets and text straight from the lexer's tokens."""

    __slots__ = ("children", "data")

    def __init__(self, data: str, children: list[Node | LineToken]) -> None:
        self.data = data
        self.children = children

    def __repr__(self) -> str:
        return f"Node({self.data!r}, {self.children!r})"

    def tokens(self) -> list[LineToken]:
        """The leaves below this node, left to right (what Lark's ``scan_values`` gave)."""
        found: list[LineToken] = []
        for child in self.children:
            if isinstance(child, Node):
                found += child.tokens()
            else:
                found.append(child)
        return found


class IncompleteParse(Exception):
    """The input cannot end where it ends. The grammar is total, so this means it was edited
    into one that is not; Lark raised at the same point."""


def parse(tokens: Iterable[LineToken], table: Table) -> tuple[Node, list[tuple[int, int, str]]]:
    """The tree of ``tokens`` and the ``(start, end, type)`` of every token dropped on the way.

    Error recovery is Lark's ``on_error`` returning True: a token the current state has no
    action for is recorded and dropped, and parsing goes on with the next token in the state
    the reductions made so far left (they are not undone: Lark does the same).
    """
    actions, rules = table.actions, table.rules
    states = [table.start]
    values: list[Node | LineToken] = []
    errors: list[tuple[int, int, str]] = []
    for token in tokens:
        kind = token.type
        while True:
            action = actions[states[-1]].get(kind)
            if action is None:
                errors.append((token.start, token.end, kind))
                break
            if action >= 0:
                states.append(action)
                values.append(token)
                break
            _reduce(rules[~action], states, values, actions)
    while True:
        action = actions[states[-1]].get(END)
        if action is None or action >= 0:
            raise IncompleteParse(f"no way to end the input in LALR state {states[-1]}")
        _reduce(rules[~action], states, values, actions)
        if states[-1] == table.end:
            tree = values[-1]
            assert isinstance(tree, Node)
            return tree, errors


def _reduce(
    rule: tuple[str, str],
    states: list[int],
    values: list[Node | LineToken],
    actions: tuple[dict[str, int], ...],
) -> None:
    """Pop the rule's symbols, push its node and go to the state after the rule's name."""
    name, how = rule
    children: list[Node | LineToken] = []
    if how:
        size = len(how)
        children = values[-size:]
        del values[-size:]
        del states[-size:]
        if "s" in how or "-" in how:
            children = _filter(children, how)
    states.append(actions[states[-1]][name])
    values.append(Node(name, children))


def _filter(popped: list[Node | LineToken], how: str) -> list[Node | LineToken]:
    """The children Lark's tree builder makes of ``popped`` (only for rules that need it)."""
    children: list[Node | LineToken] = []
    for value, keep in zip(popped, how, strict=True):
        if keep == "k":
            children.append(value)
        elif keep == "s":
            assert isinstance(value, Node)
            if children:
                children += value.children
            else:  # NOTE: reuse the list, as Lark does: left recursion stays linear.
                children = value.children
    return children
