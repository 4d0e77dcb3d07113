"""What every subcommand needs first: the config resolver and the loaded packs.

Config and pack errors are raised (:class:`gxlint.errors.GxlintError`, exit 2); a pack that
fails to load is a warning and the run goes on (cli.md §2).
"""

from __future__ import annotations

import argparse
import gc
import os
from collections.abc import Iterable
from typing import Any

from gxlint.cli import messages
from gxlint.errors import UsageError
from gxlint.runner import Loaded, Setup


def setup_from(args: argparse.Namespace) -> Setup:
    """The :class:`Setup` the command line asks for (``--config``, ``--isolated``, overrides)."""
    from gxlint.config import user_config_path

    if getattr(args, "isolated", False) and getattr(args, "config", None):
        raise UsageError("--isolated 不能与 --config FILE 同时使用")
    cwd = os.getcwd()
    config = getattr(args, "config", None)
    if config is not None and not os.path.isfile(os.path.join(cwd, config)):
        raise UsageError(f"配置文件不存在：{config}")
    overrides = {
        key: getattr(args, key)
        for key in ("select", "extend_select", "ignore", "encoding")
        if getattr(args, key, None) is not None
    }
    cache_dir = getattr(args, "cache_dir", None)
    return Setup(
        config_file=config or None,
        isolated=bool(getattr(args, "isolated", False)),
        cwd=cwd,
        user_config=None if getattr(args, "isolated", False) else user_config_path(),
        overrides=overrides,
        # NOTE: only ``check`` has --no-cache; ``--timing`` measures the work, so no cache.
        cache=not getattr(args, "no_cache", True) and not getattr(args, "timing", False),
        cache_dir=cache_dir or None,
    )


def load(setup: Setup, *, warn: bool = True, verbose: bool = False) -> Loaded:
    """Load config and packs; warn about packs that failed; check command-line selectors."""
    loaded = setup.load()
    _resume_garbage_collection()
    if warn:
        for problem in loaded.manager.errors:
            messages.warning(problem.message)
    if verbose:
        for pack in loaded.manager.packs:
            messages.info(pack_line(pack))
    check_selectors(setup.overrides, loaded.registry)
    return loaded


def _resume_garbage_collection() -> None:
    """After :func:`gxlint.cli.run` switched the collector off for start-up: what start-up
    built is moved out of its reach for good (``gc.freeze``), then it runs as usual, so a
    run over thousands of reports still frees their cycles."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def pack_line(pack: Any) -> str:
    """``core 0.1.0 GX（40 条规则）``: name, version, prefixes."""
    version = pack.version or "-"
    prefixes = "、".join(pack.prefixes) or "-"
    return f"{pack.name} {version} {prefixes}（{len(pack.rules)} 条规则）"


def check_selectors(overrides: dict[str, Any] | Any, registry: Any) -> None:
    """``--select GX999`` is an error, as an unknown code in a config is (exit 2)."""
    if not any(overrides.get(key) for key in ("select", "extend_select", "ignore")):
        return
    from gxlint.config.check_rules import selector_problem

    problems = [
        f"--{key.replace('_', '-')}: {problem}"
        for key in ("select", "extend_select", "ignore")
        for selector in _selectors(overrides.get(key))
        if (problem := selector_problem(selector, registry))
    ]
    if problems:
        raise UsageError("\n".join(problems))


def _selectors(value: Iterable[str] | None) -> Iterable[str]:
    return value or ()
