"""What a rule's ``Options`` may be: a ``typing.NamedTuple`` or a frozen dataclass.

Both are immutable records whose annotations are the schema and whose defaults are the
defaults, and gxlint reads both the same way (field names, defaults, type hints). The built-in
rules use named tuples: a dataclass generates and compiles its methods when its class is
created (about 2.5 million instructions, and the ``dataclasses`` module with it, on every
start), a named tuple one constructor. A pack's dataclass works unchanged; ``dataclasses`` is
only imported here when one is asked about, and by then its pack has imported it already.
"""

from typing import Any


def is_named_tuple(cls: object) -> bool:
    return isinstance(cls, type) and issubclass(cls, tuple) and hasattr(cls, "_fields")


def is_options_type(cls: object) -> bool:
    """A ``NamedTuple`` class, or a frozen dataclass class."""
    if is_named_tuple(cls):
        return True
    params = getattr(cls, "__dataclass_params__", None)
    return isinstance(cls, type) and params is not None and bool(params.frozen)


def field_names(cls: type) -> tuple[str, ...]:
    """The fields in declaration order; ``()`` for anything that is not an options type."""
    if is_named_tuple(cls):
        return cls._fields  # type: ignore[attr-defined]
    if not hasattr(cls, "__dataclass_fields__"):
        return ()
    import dataclasses

    return tuple(field.name for field in dataclasses.fields(cls))


def field_defaults(cls: type) -> dict[str, Any]:
    """Field name → default (a dataclass's default factory called); ``None`` for a field
    without one."""
    if is_named_tuple(cls):
        defaults = cls._field_defaults  # type: ignore[attr-defined]
        return {name: defaults.get(name) for name in cls._fields}  # type: ignore[attr-defined]
    if not hasattr(cls, "__dataclass_fields__"):
        return {}
    import dataclasses

    found: dict[str, Any] = {}
    for field in dataclasses.fields(cls):
        if field.default is not dataclasses.MISSING:
            found[field.name] = field.default
        elif field.default_factory is not dataclasses.MISSING:
            found[field.name] = field.default_factory()
        else:
            found[field.name] = None
    return found
