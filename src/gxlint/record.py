"""Value classes that cost nothing to define at start-up.

``@dataclass`` writes ``__init__``, ``__repr__``, ``__eq__`` and friends as source text and
compiles each one when the class is created: about 1 ms per frozen, slotted class, paid on
every run before the first line of a report is read (measured: 40 classes, ~26 ms of a
~120 ms cold run). The project's own value classes are therefore written out: each declares
its fields as ``__slots__`` and its ``__init__`` by hand (compiled once into the ``.pyc``),
and inherits the generic methods from here.

:class:`Record` gives equality, ``repr``, pickling and ``_replace`` over the fields, as
``@dataclass(slots=True)`` would. :class:`FrozenRecord` also refuses assignment and hashes its
fields, as ``frozen=True`` would; its ``__init__`` sets fields with :data:`set_field`.

Rule ``Options`` are named tuples or frozen dataclasses (:mod:`gxlint.options_type`).
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

__all__ = [
    "FrozenRecord",
    "Record",
    "fields_of",
    "frozen_error",
    "new_tuple",
    "set_field",
    "slot_setter",
]


def frozen_error(message: str) -> AttributeError:
    """The error a frozen dataclass raises on assignment (``dataclasses`` is imported only
    when one is raised: nothing else at start-up needs it)."""
    from dataclasses import FrozenInstanceError

    return FrozenInstanceError(message)


set_field = object.__setattr__
"""How a :class:`FrozenRecord`'s ``__init__`` sets a field (its own ``__setattr__`` refuses)."""


new_tuple = tuple.__new__
"""``new_tuple(Point, (x, y))`` is ``Point(x, y)`` for a named tuple ``Point``, without its
Python-level ``__new__`` (which binds arguments by name): for the named tuples made by the
hundred per report (spans, tokens, snippet rows). The values must be complete and in field
order; nothing checks them. (A plain tuple costs a quarter as much again: the table layouts'
raw cells are plain tuples.)"""


def slot_setter(cls: type, name: str) -> Any:
    """``setter(instance, value)`` for the slot ``name`` of ``cls``: :data:`set_field` without
    looking the attribute up by name, ~30 % cheaper; for the classes made by the thousand
    (findings and their labels)."""
    return cls.__dict__[name].__set__


def fields_of(cls: type) -> tuple[str, ...]:
    """The fields of ``cls``: the parameters of its ``__init__``, in order.

    NOTE: read off the code object, not :mod:`inspect` (cheap, and ``__slots__`` stay sorted).
    """
    code = getattr(cls.__init__, "__code__", None)  # None: object.__init__, no fields
    if code is None:
        return ()
    return code.co_varnames[1 : code.co_argcount + code.co_kwonlyargcount]


class Record:
    """A slotted value class whose fields are the parameters of its ``__init__``, in order.

    Equal to another instance of exactly the same class with equal fields (like a dataclass,
    never to a subclass or a tuple); unhashable, as a mutable dataclass is.
    """

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fields = fields_of(cls)

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self._fields])

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({fields})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()  # type: ignore[attr-defined]
        return NotImplemented

    def __reduce__(self) -> tuple[type[Self], tuple[Any, ...]]:
        return (self.__class__, self._values())

    def _replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` applied (what :func:`dataclasses.replace` did)."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return self.__class__(**values)


class FrozenRecord(Record):
    """A :class:`Record` whose fields cannot be assigned after ``__init__``."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> None:
        raise frozen_error(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise frozen_error(f"cannot delete field {name!r}")
