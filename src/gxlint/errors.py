"""Exceptions that end a run with exit code 2, each carrying a message the user can act on.

Findings are how gxlint reports problems in *reports*; these exceptions are for problems in
how gxlint was *asked* to run. The CLI catches :class:`GxlintError`, prints ``str(exc)`` line
by line after ``gxlint: 配置错误:`` (or ``gxlint: 错误:``) and exits 2. Never a traceback.

::

    GxlintError                 base; anything the CLI turns into exit 2
    ├── ConfigError             one problem in one config source, with its position
    ├── ConfigErrors            every problem found while loading a config, one per line
    ├── PluginError             packs that conflict (a code or prefix claimed twice, …)
    └── UsageError              a bad command line (``--isolated`` with ``--config FILE``)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence


class GxlintError(Exception):
    """Base of every error the CLI reports with exit code 2 instead of a traceback."""


class ConfigError(GxlintError):
    """One problem in one config source.

    ``path`` is the file as shown to the user (or a label such as ``profile xinjiang:default``
    for sources that are not files); ``line``/``column`` are 1-based and ``None`` when unknown;
    ``key`` is the dotted key for tools (``rules.GX304.severity``); ``message`` is the complete
    Chinese text printed after the position.

    NOTE: the key is *not* inserted into ``str()`` automatically: for an unknown key the key is
    the subject of the message (``未知配置项 “selct”``), for a bad value the loader writes the
    key as a prefix (``ignore: 未知规则代码 “XJ101”``). The message decides.
    """

    def __init__(
        self,
        path: str,
        line: int | None,
        column: int | None,
        key: str | None,
        message: str,
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.key = key
        self.message = message
        super().__init__(str(self))

    @property
    def location(self) -> str:
        """``path:line:column``, shortened when the position is unknown."""
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.column or 1}"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def __repr__(self) -> str:
        return f"ConfigError({self.path!r}, {self.line!r}, {self.column!r}, {self.key!r}, {self.message!r})"


class ConfigErrors(GxlintError):
    """All problems of one load, so a user fixes a config in one round instead of ten."""

    def __init__(self, errors: Iterable[ConfigError]) -> None:
        self.errors: list[ConfigError] = list(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)

    def __iter__(self) -> Iterator[ConfigError]:
        return iter(self.errors)

    def __len__(self) -> int:
        return len(self.errors)


class PluginError(GxlintError):
    """A problem between packs that no single pack can be blamed for alone.

    ``packs`` names every pack involved (``GX`` claimed outside ``core``: both names), so the
    user knows which distributions to uninstall or pin.
    """

    def __init__(self, message: str, packs: Sequence[str] = ()) -> None:
        self.message = message
        self.packs: tuple[str, ...] = tuple(packs)
        super().__init__(message)

    def __str__(self) -> str:
        return self.message


class UsageError(GxlintError):
    """A command line that cannot be run as given (conflicting or malformed options)."""
