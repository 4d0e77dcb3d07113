"""A config file → the ordered layers it stands for: what it extends, its jurisdiction profile,
then itself. Every problem on the way is collected, with its position, instead of raised.

Order within one file (lowest first): ``extend`` target (recursively laid out the same way) <
``[jurisdiction] profile`` < the file. A profile may itself extend another profile, never a
file: it has no directory to resolve a path against.
"""

import os
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from gxlint.config.check_keys import check_config
from gxlint.config.checks import KeyPath, Problem, dotted
from gxlint.config.merge import Layer
from gxlint.config.positions import KeyMap
from gxlint.config.read import read_config
from gxlint.config.schema import RuleIndex, is_profile_ref
from gxlint.errors import ConfigError
from gxlint.paths import absolute

_EXTEND: KeyPath = ("extend",)
_PROFILE: KeyPath = ("jurisdiction", "profile")


# NOTE: a named tuple and a plain class rather than dataclasses: cheaper to create at import.
class _Origin(NamedTuple):
    """Where a reference was written, to place errors about it."""

    display: str
    keymap: KeyMap | None = None
    base_dir: str | None = None


class LayerCollector:
    """Lays out config sources into :class:`Layer` lists; ``errors`` collects every problem.

    ``lenient`` skips profiles (packs are not loaded yet when run-wide keys are read).
    """

    __slots__ = ("display", "errors", "index", "lenient", "profiles")

    def __init__(
        self,
        index: RuleIndex | None,
        profiles: Mapping[str, Mapping[str, Any]],
        display: Callable[[str], str],
        lenient: bool = False,
    ) -> None:
        self.index = index
        self.profiles = profiles
        self.display = display
        self.lenient = lenient
        self.errors: list[ConfigError] = []

    def file(self, path: str, stack: tuple[str, ...] = ()) -> list[Layer]:
        """``path``: absolute and normalised."""
        try:
            config = read_config(path, self.display(path))
        except ConfigError as error:
            self.errors.append(error)
            return []
        origin = _Origin(config.display, config.keymap, os.path.dirname(path))
        return self._source(config.data, origin, config.display, (*stack, _key(path)))

    def mapping(self, data: Mapping[str, Any], label: str) -> list[Layer]:
        """A source that is not a file (a pack's default config), validated the same way."""
        return self._source(data, _Origin(label), label, (label,))

    def profile(
        self, ref: str, origin: _Origin, at: KeyPath, stack: tuple[str, ...]
    ) -> list[Layer]:
        if self.lenient:
            return []
        label = f"profile {ref}"
        if label in stack:
            return self._cycle(origin, at, stack, label)
        data = self.profiles.get(ref)
        if data is None:
            pack = ref.split(":")[0]
            message = f"{dotted(at)}: 未知 profile “{ref}”（规则包 {pack} 未安装、加载失败或没有此 profile）"
            self.report(origin, Problem(at, message))
            return []
        return self._source(data, _Origin(label), label, (*stack, label))

    def report(self, origin: _Origin, problem: Problem) -> None:
        line, column = (None, None)
        if origin.keymap is not None:
            line, column = origin.keymap.find(
                problem.path, item=problem.item, at_key=problem.at_key
            )
        self.errors.append(
            ConfigError(origin.display, line, column, dotted(problem.path), problem.message)
        )

    def _source(
        self, data: Mapping[str, Any], origin: _Origin, label: str, stack: tuple[str, ...]
    ) -> list[Layer]:
        problems = check_config(data, self.index)
        for problem in problems:
            self.report(origin, problem)
        bad = {problem.path for problem in problems}
        if origin.base_dir is not None and ("plugins",) not in bad:
            self._check_plugins(data.get("plugins", []), origin, origin.base_dir)
        layers: list[Layer] = []
        extend = data.get("extend")
        if isinstance(extend, str) and _EXTEND not in bad:
            layers += self._extend(extend, origin, stack)
        jurisdiction = data.get("jurisdiction")
        profile = jurisdiction.get("profile") if isinstance(jurisdiction, dict) else None
        if isinstance(profile, str) and _PROFILE not in bad and f"profile {profile}" != label:
            layers += self.profile(profile, origin, _PROFILE, stack)
        return [*layers, Layer(label, data, origin.base_dir)]

    def _extend(self, value: str, origin: _Origin, stack: tuple[str, ...]) -> list[Layer]:
        if is_profile_ref(value):
            return self.profile(value, origin, _EXTEND, stack)
        if origin.base_dir is None:
            message = (
                f"extend: profile 只能继承其他 profile（“规则包:profile”），不能继承文件 “{value}”"
            )
            self.report(origin, Problem(_EXTEND, message))
            return []
        target = absolute(value, origin.base_dir)
        if _key(target) in stack:
            return self._cycle(origin, _EXTEND, stack, _key(target))
        if not os.path.isfile(target):
            self.report(origin, Problem(_EXTEND, f"extend: 找不到要继承的配置文件 “{value}”"))
            return []
        return self.file(target, stack)

    def _check_plugins(self, plugins: list[str], origin: _Origin, base_dir: str) -> None:
        """Local rule files must exist where the declaring file says (cli.md §3)."""
        for plugin in plugins:
            if not os.path.isfile(os.path.join(base_dir, plugin)):
                message = f"plugins: 找不到本地规则文件 “{plugin}”（相对于本配置文件所在目录）"
                self.report(origin, Problem(("plugins",), message, item=plugin))

    def _cycle(
        self, origin: _Origin, at: KeyPath, stack: tuple[str, ...], again: str
    ) -> list[Layer]:
        names = [self._name(key) for key in stack[stack.index(again) :]]
        chain = " → ".join([*names, self._name(again)])
        self.report(origin, Problem(at, f"{dotted(at)}: 循环继承：{chain}"))
        return []

    def _name(self, key: str) -> str:
        return key if key.startswith("profile ") else self.display(key)


def _key(path: str) -> str:
    """Identity of a file in the stack: absolute and normalised, so ``../a/x.toml`` == ``x.toml``."""
    return os.path.abspath(path)
