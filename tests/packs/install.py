"""Installing the example packs of ``examples/`` into the running test environment, once.

The project's tests prove that an installed pack is discovered through its entry point, so
the pack is really installed (``pip install --no-deps -e examples/<pack>``), not put on
``sys.path``. Installing is skipped when the same version is already installed, editable,
from the same folder with the same entry points, so only the first session pays for it.

An editable install is activated by a ``.pth`` file, which Python reads only at start-up:
:func:`ensure_installed` runs its lines in this process too, so the in-process tests (the
pack's own case files through ``gxlint.testing``) can import the pack right away. Command-
line tests start new processes and see it anyway.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import json
import os
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class ExamplePack:
    """An example pack: its folder, distribution name, import name and entry points."""

    folder: Path

    @property
    def project(self) -> dict:
        return tomllib.loads((self.folder / "pyproject.toml").read_text("utf-8"))["project"]

    @property
    def distribution(self) -> str:
        return self.project["name"]

    @property
    def version(self) -> str:
        return self.project["version"]

    @property
    def entry_points(self) -> dict[str, str]:
        return dict(self.project["entry-points"]["gxlint"])

    @property
    def module(self) -> str:
        return next(iter(self.entry_points.values())).split(":")[0]

    def needed_by(self, path: Path) -> bool:
        """Tests in the pack's own folder and the project's pack tests need it installed."""
        return path.is_relative_to(self.folder) or path.is_relative_to(ROOT / "tests" / "packs")


XINJIANG = ExamplePack(ROOT / "examples" / "gxlint-xinjiang")
EXAMPLE_PACKS = (XINJIANG,)


@cache
def ensure_installed(pack: ExamplePack) -> str | None:
    """Install ``pack`` if needed and make it importable here; ``None`` on success, else why
    it could not be installed (the tests that need it are skipped with that reason)."""
    if not _installed_here(pack):
        problem = _pip_install(pack)
        if problem is not None:
            return problem
        importlib.invalidate_caches()
        if not _installed_here(pack):
            return f"{pack.distribution}: pip 安装后仍找不到与 {pack.folder} 一致的安装"
    _activate(pack)
    try:
        importlib.import_module(pack.module)
    except ImportError as exc:
        return f"{pack.distribution} 已安装但无法导入 {pack.module}：{exc}"
    return None


def _installed_here(pack: ExamplePack) -> bool:
    try:
        dist = importlib.metadata.distribution(pack.distribution)
    except importlib.metadata.PackageNotFoundError:
        return False
    direct = json.loads(dist.read_text("direct_url.json") or "{}")
    url = urlparse(direct.get("url", ""))
    source = Path(unquote(url.path)) if url.scheme == "file" else None
    entry_points = {ep.name: ep.value for ep in dist.entry_points if ep.group == "gxlint"}
    return (
        dist.version == pack.version
        and bool(direct.get("dir_info", {}).get("editable"))
        and source is not None
        and source.resolve() == pack.folder.resolve()
        and entry_points == pack.entry_points
    )


def _pip_install(pack: ExamplePack) -> str | None:
    command = [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "-e", str(pack.folder)]
    # NOTE: without build isolation pip needs no network, but setuptools must be able to build
    # an editable wheel here (>= 70.1, or older with the wheel package); else pip fetches it.
    attempts = [[*command[:4], "--no-build-isolation", *command[4:]]] if _can_build() else []
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    output = ""
    for attempt in [*attempts, command]:
        result = subprocess.run(
            attempt, capture_output=True, text=True, env=env, check=False, timeout=600
        )
        if result.returncode == 0:
            return None
        output = (result.stderr or result.stdout).strip()
    tail = "\n".join(output.splitlines()[-5:])
    return f"无法安装示例规则包 {pack.distribution}（pip install -e {pack.folder}）：{tail}"


def _can_build() -> bool:
    try:
        setuptools = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        return False
    parts = tuple(int(p) for p in setuptools.split(".")[:2] if p.isdigit())
    return parts >= (70, 1) or (parts >= (64,) and importlib.util.find_spec("wheel") is not None)


def _activate(pack: ExamplePack) -> None:
    """Run the pack's ``.pth`` lines, as ``site`` does at start-up, unless already importable."""
    if importlib.util.find_spec(pack.module) is not None:
        return
    dist = importlib.metadata.distribution(pack.distribution)
    for file in dist.files or ():
        if file.suffix != ".pth":
            continue
        for line in Path(dist.locate_file(file)).read_text("utf-8").splitlines():
            line = line.strip()
            if line.startswith(("import ", "import\t")):
                exec(line)  # noqa: S102  NOTE: what site.addpackage does with such lines.
            elif os.path.isdir(line) and line not in sys.path:
                sys.path.append(line)
    importlib.invalidate_caches()
