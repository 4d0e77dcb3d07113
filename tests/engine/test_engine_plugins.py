"""PluginManager with real entry points and modules on disk; discover_rules; local files."""

from __future__ import annotations

import sys
import textwrap
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from gxlint.config import load_settings
from gxlint.plugins.hookspecs import discover_rules
from gxlint.plugins.manager import PackLoadError, PluginManager, iter_entry_points
from gxlint.registry import Registry

RULE = '''
from gxlint.findings import Severity
from gxlint.rule import Rule


class {cls}(Rule):
    """{summary}

    ## 说明
    说明。
    """

    code = "{code}"
    name = "{name}"
    target = object
    default_severity = Severity.WARNING

    def check(self, node, ctx):
        return []
'''

GOOD_INIT = """
from gxlint.plugins.hookspecs import discover_rules, hookimpl

__version__ = "1.2.0"


@hookimpl
def gxlint_rules():
    return discover_rules(__name__)


@hookimpl
def gxlint_profiles():
    return {"default": {"jurisdiction": {"name": "新疆维吾尔自治区"}}}


@hookimpl
def gxlint_default_config():
    return {"rules": {"XJ101": {"severity": "warning"}}}


def gxlint_formatters():  # unmarked but well spelt: still a hook
    return {"xj-table": "gxt_good.fmt:Reporter"}
"""

ABSTRACT = """
from gxlint.rule import Rule
from gxt_good.seal.xj101_seal_missing import SealMissing  # imported, not defined here


class Base(Rule, abstract=True):
    target = object
"""


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def site(tmp_path, monkeypatch):
    """tmp_path/site on sys.path with three packs; modules imported here are forgotten after."""
    root = tmp_path / "site"
    _write(
        root,
        {
            "gxt_good/__init__.py": GOOD_INIT,
            "gxt_good/seal/__init__.py": "",
            "gxt_good/seal/xj101_seal_missing.py": RULE.format(
                cls="SealMissing", summary="缺少公章说明。", code="XJ101", name="seal-missing"
            ),
            "gxt_good/xj201_bilingual_title.py": RULE.format(
                cls="BilingualTitle", summary="双语标题。", code="XJ201", name="bilingual-title"
            ),
            "gxt_good/base.py": ABSTRACT,
            "gxt_broken.py": "import gxt_dependency_that_is_not_installed\n",
            "gxt_typo.py": """
                from gxlint.plugins.hookspecs import hookimpl

                @hookimpl
                def gxlint_rulez():
                    return []
            """,
            "gxt_raises.py": """
                def gxlint_rules():
                    raise RuntimeError("规则包内部错误")
            """,
            "gxt_badprofile.py": RULE.format(
                cls="Thing", summary="某事。", code="BP101", name="bad-profile-thing"
            )
            + "\n\ndef gxlint_rules():\n    return [Thing]\n\n"
            + "def gxlint_profiles():\n    return ['not', 'a', 'mapping']\n",
        },
    )
    monkeypatch.syspath_prepend(str(root))
    before = set(sys.modules)
    yield root
    for name in set(sys.modules) - before:
        if name.startswith(("gxt_", "gxlint_local_")):
            del sys.modules[name]


def _eps(*pairs: tuple[str, str]) -> list[EntryPoint]:
    return [EntryPoint(name=n, value=v, group="gxlint") for n, v in pairs]


ALL_EPS = (
    ("typo", "gxt_typo"),
    ("good", "gxt_good"),
    ("broken", "gxt_broken"),
    ("raises", "gxt_raises"),
    ("badprofile", "gxt_badprofile"),
)


def test_entry_points_load_one_by_one(site):
    manager = PluginManager(entry_points=lambda: _eps(*ALL_EPS)).load()
    packs = {p.name: p for p in manager.packs}
    assert list(packs) == ["badprofile", "good"]  # sorted by entry-point name
    good = packs["good"]
    assert [r.code for r in good.rules] == ["XJ101", "XJ201"]
    assert good.prefixes == ("XJ",)
    assert good.version == "1.2.0"
    assert good.default_config == {"rules": {"XJ101": {"severity": "warning"}}}
    assert manager.default_configs() == {"good": good.default_config}
    assert manager.profiles() == {"good:default": {"jurisdiction": {"name": "新疆维吾尔自治区"}}}
    assert manager.formatters() == {"xj-table": "gxt_good.fmt:Reporter"}
    assert [r.code for r in packs["badprofile"].rules] == ["BP101"]

    errors = {e.pack: e for e in manager.errors}
    assert set(errors) == {"broken", "typo", "raises", "badprofile"}  # NOTE: profiles were read
    assert "ModuleNotFoundError" in errors["broken"].error
    assert errors["broken"].message.startswith("规则包 broken 加载失败，已跳过：ModuleNotFound")
    assert errors["typo"].error == "未知钩子 gxlint_rulez（是否为 gxlint_rules？）"
    assert errors["raises"].hook == "gxlint_rules"
    assert "规则包内部错误" in errors["raises"].error
    assert errors["badprofile"].hook == "gxlint_profiles"

    registry = Registry.from_manager(manager)
    assert registry.pack_of("XJ101") == "good"
    assert registry.infos()["XJ201"].summary == "双语标题。"


def test_blocked_packs_are_skipped(site):
    manager = PluginManager(blocked={"broken", "typo"}, entry_points=lambda: _eps(*ALL_EPS[:3]))
    manager.load()
    assert [p.name for p in manager.packs] == ["good"]
    assert manager.errors == []


def test_distribution_is_named_in_errors(site):
    manager = PluginManager(entry_points=lambda: _eps(("broken", "gxt_broken")))
    [error] = manager.load().errors
    assert error.pack == "broken" and error.distribution is None
    named = PackLoadError("xinjiang", "ImportError: x", "gxlint-xinjiang", "0.2.0")
    assert (
        named.message == "规则包 xinjiang（gxlint-xinjiang 0.2.0）加载失败，已跳过：ImportError: x"
    )
    hook = PackLoadError("xinjiang", "boom", "gxlint-xinjiang", "0.2.0", "gxlint_profiles")
    assert (
        hook.message
        == "规则包 xinjiang（gxlint-xinjiang 0.2.0）的钩子 gxlint_profiles 出错，已忽略：boom"
    )


def test_same_module_under_two_names_is_reported(site):
    manager = PluginManager(entry_points=lambda: _eps(("a", "gxt_good"), ("b", "gxt_good"))).load()
    assert [p.name for p in manager.packs] == ["a"]
    assert [(e.pack, e.error) for e in manager.errors] == [
        ("b", "ValueError: 同一模块已作为规则包 a 加载")
    ]


def test_discover_rules_recurses_and_skips_abstract_and_imports(site):
    classes = discover_rules("gxt_good")
    assert [c.__name__ for c in classes] == ["SealMissing", "BilingualTitle"]


def test_discover_rules_propagates_broken_submodule(site):
    _write(site, {"gxt_good/zz_broken.py": "raise ImportError('坏模块')\n"})
    with pytest.raises(ImportError, match="坏模块"):
        discover_rules("gxt_good")


LOCAL_PLAIN = '''
from dataclasses import dataclass

from gxlint.findings import Severity
from gxlint.rule import Rule


class Local(Rule):
    """本地规则。"""

    code = "LC101"
    name = "local-thing"
    target = object
    default_severity = Severity.INFO

    @dataclass(frozen=True)
    class Options:
        limit: int = 3

    def check(self, node, ctx):
        return []
'''

LOCAL_HOOKS = '''
from gxlint.plugins.hookspecs import hookimpl
from gxlint.findings import Severity
from gxlint.rule import Rule


class Hooked(Rule):
    """带钩子的本地规则。"""

    code = "LH101"
    name = "hooked-thing"
    target = object
    default_severity = Severity.INFO

    def check(self, node, ctx):
        return []


class NotExported(Rule):
    """不导出。"""

    code = "LH102"
    name = "not-exported"
    target = object
    default_severity = Severity.INFO

    def check(self, node, ctx):
        return []


@hookimpl
def gxlint_rules():
    return [Hooked]
'''


def test_local_files_relative_to_config_dir(site, tmp_path, monkeypatch):
    config_dir = tmp_path / "project"
    _write(
        config_dir, {"rules_local/my_rules.py": LOCAL_PLAIN, "rules_local/hooks.py": LOCAL_HOOKS}
    )
    monkeypatch.chdir(tmp_path)
    manager = PluginManager(entry_points=list)
    manager.load_local(["rules_local/my_rules.py"], base_dir=config_dir)
    manager.load_local(["project/rules_local/hooks.py", "project/missing.py"])  # from the cwd
    packs = {p.name: p for p in manager.packs}
    assert list(packs) == ["local:my_rules.py", "local:hooks.py"]
    assert [r.code for r in packs["local:my_rules.py"].rules] == ["LC101"]
    assert [r.code for r in packs["local:hooks.py"].rules] == ["LH101"]
    assert packs["local:my_rules.py"].path == str(config_dir / "rules_local/my_rules.py")
    [error] = manager.errors
    assert error.pack == "local:missing.py" and "不存在" in error.error

    registry = Registry.from_manager(manager)
    assert registry.pack_of("LC101") == "local:my_rules.py"
    active = registry.resolve(select=["LC"], options={"LC101": {"limit": 7}})
    assert active[0].pack == "local:my_rules.py" and active[0].options.limit == 7


def test_register_after_collect_is_refused(site):
    manager = PluginManager(entry_points=list)
    assert manager.packs == []
    with pytest.raises(RuntimeError):
        manager.register(object(), "late")


def test_installed_core_entry_point_is_found():
    eps = {ep.name: ep for ep in iter_entry_points()}
    assert eps["core"].value == "gxlint_rules"
    manager = PluginManager().load()
    core = next(p for p in manager.packs if p.name == "core")
    assert core.distribution == "gxlint"
    assert not [e for e in manager.errors if e.pack == "core"]


def test_profiles_are_asked_of_a_pack_only_when_one_is_read(site, tmp_path):
    manager = PluginManager(entry_points=lambda: _eps(("badprofile", "gxt_badprofile"))).load()
    assert [p.name for p in manager.packs] == ["badprofile"]
    profiles = manager.profiles()
    load_settings(None, profiles=profiles, cwd=tmp_path)  # NOTE: a config naming no profile
    assert manager.errors == []  # NOTE: the broken hook has not run yet
    assert profiles.get("badprofile:default") is None
    assert [e.hook for e in manager.errors] == ["gxlint_profiles"]
