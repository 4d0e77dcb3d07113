"""Which files a ``check`` lints (cli.md §1 Paths).

A file named on the command line is always linted (``--force-exclude``: unless ``exclude``
matches it or a folder above it). A folder is walked recursively: a file is linted when its
name matches ``include`` and neither it nor a folder above it matches ``exclude`` or, with
``respect-gitignore``, a ``.gitignore`` (those of the walked folders, and of the folders
between the repository root and the named folder). Each folder's config decides for its own
entries. Globs are matched against the path relative to the governing config's folder (the
current folder without a config); for a path outside that folder, relative to the folder
named on the command line, so the part above it never matters. Directory symlinks are not
followed; a file named twice (or named and found) is linted once; names compare NFC.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from gxlint.cli.ignore import PatternList, ignored_by, nfc, relative_to
from gxlint.paths import absolute
from gxlint.record import FrozenRecord, set_field

STDIN = "-"


# NOTE: written out (gxlint.record) rather than dataclasses: a dataclass costs ~1 ms to create
# at start-up.
class Target(FrozenRecord):
    """A file to lint: ``path`` absolute and normalised (not symlink-resolved); ``config``
    governs it."""

    __slots__ = ("config", "display", "path")

    path: str
    display: str
    config: str | None

    def __init__(self, path: str, display: str, config: str | None) -> None:
        set_field(self, "path", path)
        set_field(self, "display", display)
        set_field(self, "config", config)


class Discovery:
    """What :meth:`FileFinder.find` found. ``excluded`` counts the paths named on the command
    line and dropped by ``--force-exclude``."""

    __slots__ = ("excluded", "folders", "patterns", "stdin", "targets")

    def __init__(self) -> None:
        self.targets: list[Target] = []
        self.stdin: Target | None = None
        self.folders: list[str] = []
        self.patterns: dict[str, None] = {}
        self.excluded = 0


class FileFinder:
    """``cwd``: the absolute, normalised folder that relative names are relative to."""

    def __init__(self, resolver: Any, cwd: str, *, force_exclude: bool = False) -> None:
        self.resolver = resolver
        self.cwd = cwd
        self.force_exclude = force_exclude
        self._lists: dict[tuple[str | None, str], PatternList] = {}

    def find(self, paths: Sequence[str], stdin_filename: str | None = None) -> Discovery:
        found = Discovery()
        seen: dict[str, Target] = {}
        for raw in paths:
            if raw == STDIN:
                found.stdin = self._stdin(stdin_filename, found)
                continue
            path = self.absolute(raw)
            if self.force_exclude and self._named_excluded(path):
                found.excluded += 1
            elif os.path.isdir(path):
                found.folders.append(raw)
                for target in self._walk(path, found):
                    seen.setdefault(nfc(target.path), target)
            else:
                seen.setdefault(nfc(path), self.target(path))
        found.targets = sorted(
            seen.values(), key=lambda t: t.display.replace(os.sep, "/").split("/")
        )
        return found

    def absolute(self, raw: str) -> str:
        return absolute(raw, self.cwd)

    def target(self, path: str, config: str | None | bool = False) -> Target:
        """``config``: the config governing ``path`` when the caller knows it (a walked file
        has its folder's); else it is looked up (and a broken one fails here, before linting)."""
        from gxlint.reporters.base import display_path

        if config is False:
            self.resolver.for_path(path)
            config = self.resolver.config_path_for(path)
        return Target(path, display_path(path, self.cwd), config)  # type: ignore[arg-type]

    def _stdin(self, filename: str | None, found: Discovery) -> Target | None:
        if filename is None:
            self.resolver.root()
            return Target(self.cwd, STDIN, self.resolver.root_path())
        path = self.absolute(filename)
        if self.force_exclude and self._named_excluded(path):
            found.excluded += 1
            return None
        return self.target(path)

    def _walk(self, root: str, found: Discovery) -> list[Target]:
        targets: list[Target] = []
        stack = [(root, self._outer_gitignores(root))]
        while stack:
            folder, chain = stack.pop()
            settings = self.resolver.for_path(folder)
            # NOTE: every file here has this folder's config; looked up once, not per file.
            config = self.resolver.config_path_for(folder)
            found.patterns.update(dict.fromkeys(settings.all_include))
            gitignore = os.path.join(folder, ".gitignore")
            if settings.respect_gitignore and (own := PatternList.read(gitignore)):
                chain = [*chain, own]
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError:
                continue  # NOTE: an unreadable folder holds nothing we could lint.
            for entry in entries:
                path = entry.path
                is_dir = entry.is_dir(follow_symlinks=False)
                if not is_dir and entry.is_symlink() and entry.is_dir():
                    continue  # directory symlinks are not followed
                relative = self._relative(settings, path, root)
                if self._list(settings, "exclude").matches(relative, is_dir):
                    continue
                if settings.respect_gitignore and ignored_by(chain, path, is_dir):
                    continue
                if is_dir:
                    stack.append((path, chain))
                elif entry.is_file() and self._list(settings, "include").matches(relative, False):
                    targets.append(self.target(path, config))
        return targets

    def _named_excluded(self, path: str) -> bool:
        """``--force-exclude``: the path or a folder above it (below the base) is excluded."""
        settings = self.resolver.for_path(path)
        relative = self._relative(settings, path, None)
        if not relative:
            return False
        parts = relative.split("/")
        excludes = self._list(settings, "exclude")
        return any(
            excludes.matches("/".join(parts[:n]), n < len(parts) or os.path.isdir(path))
            for n in range(1, len(parts) + 1)
        )

    def _relative(self, settings: Any, path: str, fallback: str | None) -> str:
        base = settings.root or self.cwd
        relative = relative_to(path, base)
        if relative is None and fallback is not None:
            relative = relative_to(path, fallback)
        return relative if relative is not None else nfc(os.path.basename(path))

    def _list(self, settings: Any, kind: str) -> PatternList:
        key = (settings.path, kind)
        if key not in self._lists:
            globs = settings.all_include if kind == "include" else settings.all_exclude
            self._lists[key] = PatternList(settings.root or self.cwd, globs)
        return self._lists[key]

    def _outer_gitignores(self, folder: str) -> list[PatternList]:
        """``.gitignore`` files from the repository root down to ``folder``'s parent."""
        upwards = [folder]  # NOTE: ``folder``, then every folder above it up to the root.
        while (parent := os.path.dirname(upwards[-1])) != upwards[-1]:
            upwards.append(parent)
        for depth, top in enumerate(upwards):
            if os.path.exists(os.path.join(top, ".git")):
                above = reversed(upwards[1 : depth + 1])  # the repository root first
                found = (PatternList.read(os.path.join(p, ".gitignore")) for p in above)
                return [patterns for patterns in found if patterns]
        return []
