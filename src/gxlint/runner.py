"""Many files: ``-j`` worker processes, results in a fixed order, streamed one file at a time.

The caller sorts the tasks (display-path order); results come back in exactly that order
whatever the number of processes, so the output is byte-identical for any ``-j``. Each worker
builds its config resolver, packs, registry and linter once (:class:`Setup` is the picklable
recipe) and lints chunks of files; at most a few chunks per worker are in flight, so memory
does not grow with the number of files. Fewer than :data:`MIN_PARALLEL` files run in-process:
starting processes would cost more than it saves. With the content cache, the main process
answers the files it holds and sends only the others to workers, started on the first such
file: a re-run over unchanged files starts none.

When the output format renders each file on its own (:attr:`Reporter.renders_files`: json,
jsonl, concise, github, csv), the workers also render (:class:`Rendering`) and send text and
three counts instead of the text and findings of the report: otherwise the main process,
unpickling and formatting every finding alone, caps the speed of any number of workers.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from time import perf_counter
from typing import TYPE_CHECKING, Any

from gxlint.paths import absolute
from gxlint.record import FrozenRecord, set_field

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from gxlint.cache import ResultCache
    from gxlint.engine import RuleCrash
    from gxlint.findings import FileResult
    from gxlint.paths import StrPath
    from gxlint.reporters.base import Reporter, ReportOptions


MIN_PARALLEL = 8
_IN_FLIGHT = 4  # chunks queued per worker
GC_THRESHOLD = 10_000  # allocations between young-generation collections (Python's is 700)


class Setup:
    """How to build the lint environment; the same in the CLI and in every worker.

    ``cache``: use the content cache (:mod:`gxlint.cache`) in the folder ``cache_dir`` names,
    else in the root config's ``cache-dir``. ``cwd`` is kept as a ``str`` (the current folder
    when not given); relative paths are relative to it.

    NOTE: a plain class rather than a frozen dataclass (~1.5 ms to create at start-up); it is
    never changed after it is made, nor compared or printed.
    """

    __slots__ = ("cache", "cache_dir", "config_file", "cwd", "isolated", "overrides", "user_config")

    def __init__(
        self,
        config_file: StrPath | None = None,
        isolated: bool = False,
        cwd: StrPath | None = None,
        user_config: StrPath | None = None,
        overrides: Mapping[str, Any] | None = None,
        cache: bool = False,
        cache_dir: StrPath | None = None,
    ) -> None:
        self.config_file = config_file
        self.isolated = isolated
        self.cwd = os.getcwd() if cwd is None else os.fspath(cwd)
        self.user_config = user_config
        self.overrides: Mapping[str, Any] = {} if overrides is None else overrides
        self.cache = cache
        self.cache_dir = cache_dir

    def load(self) -> Loaded:
        """Config resolver → run-wide keys → packs → registry → resolver that knows the packs.

        Raises :class:`gxlint.errors.ConfigErrors` (root config) and
        :class:`gxlint.errors.PluginError` (packs that conflict).
        """
        from gxlint.plugins.manager import PluginManager
        from gxlint.registry import Registry

        resolver = self.resolver()
        run = resolver.run_options()
        base = os.path.dirname(run.path) if run.path is not None else self.cwd
        manager = PluginManager(blocked=run.disable_packs).load(run.plugins, base_dir=base)
        registry = Registry.from_manager(manager)
        resolver = resolver.with_packs(
            index=registry, profiles=manager.profiles(), pack_defaults=manager.default_configs()
        )
        cache_dir = None
        if self.cache:
            cache_dir = absolute(self.cache_dir or run.cache_dir, self.cwd)
        return Loaded(resolver, manager, registry, cache_dir)

    def resolver(self) -> Any:
        """The config resolver, before packs are loaded (run-wide keys only)."""
        from gxlint.config import ConfigResolver

        return ConfigResolver(
            config_file=self.config_file,
            isolated=self.isolated,
            cwd=self.cwd,
            user_config=self.user_config,
            overrides=dict(self.overrides),
        )


# NOTE: written out (gxlint.record), not dataclasses, here and below: cheaper to create.
class Loaded(FrozenRecord):
    """What :meth:`Setup.load` builds: config resolver, plugin manager and rule registry."""

    __slots__ = ("cache_dir", "manager", "registry", "resolver")

    resolver: Any
    manager: Any
    registry: Any
    cache_dir: str | None  # the content cache's folder, None for no cache

    def __init__(
        self,
        resolver: Any,
        manager: Any,
        registry: Any,
        cache_dir: str | None = None,
    ) -> None:
        set_field(self, "resolver", resolver)
        set_field(self, "manager", manager)
        set_field(self, "registry", registry)
        set_field(self, "cache_dir", cache_dir)

    def result_cache(self) -> ResultCache | None:
        if self.cache_dir is None:
            return None
        from gxlint.cache import ResultCache, run_salt

        salt = run_salt(self.manager.packs, self.manager.plugins())
        return ResultCache(self.cache_dir, salt)


class Task(FrozenRecord):
    """One file: ``path`` to read (or, with ``data``, where stdin is taken to live; ``None``:
    stdin without ``--stdin-filename``, governed by the root config)."""

    __slots__ = ("data", "display", "path")

    path: str | None
    display: str
    data: bytes | None

    def __init__(self, path: str | None, display: str, data: bytes | None = None) -> None:
        set_field(self, "path", path)
        set_field(self, "display", display)
        set_field(self, "data", data)


class Outcome(FrozenRecord):
    """One linted file: its result, the config that governed it and any rule crashes.

    ``rendered``: the file's output, made by a worker (:class:`Rendering`); ``result`` then
    keeps only path and encoding, and ``counts`` has its errors, warnings and infos.
    """

    __slots__ = ("config", "counts", "crashes", "rendered", "result")

    result: FileResult
    config: str | None
    crashes: tuple[RuleCrash, ...]
    rendered: str | None
    counts: tuple[int, int, int]

    def __init__(
        self,
        result: FileResult,
        config: str | None,
        crashes: tuple[RuleCrash, ...] = (),
        rendered: str | None = None,
        counts: tuple[int, int, int] = (0, 0, 0),
    ) -> None:
        set_field(self, "result", result)
        set_field(self, "config", config)
        set_field(self, "crashes", crashes)
        set_field(self, "rendered", rendered)
        set_field(self, "counts", counts)


class Rendering(FrozenRecord):
    """The output format workers render files in, and its options (``rules`` left out: each
    worker uses its own registry's)."""

    __slots__ = ("format", "options")

    format: str
    options: ReportOptions

    def __init__(self, format: str, options: ReportOptions) -> None:
        set_field(self, "format", format)
        set_field(self, "options", options)

    def reporter(self, loaded: Loaded) -> Reporter | None:
        """The worker's reporter, or None when it cannot be made here or does not render
        files on its own (the main process then renders, as without workers)."""
        import io

        from gxlint.cli.output import pack_formatters
        from gxlint.reporters import create_reporter

        try:
            extra = pack_formatters(self.format, loaded.manager.formatters())
            options = self.options._replace(rules=loaded.registry.lazy_infos())
            reporter = create_reporter(self.format, io.StringIO(), options, extra=extra)
        except Exception:  # noqa: BLE001  NOTE: a pack's formatter; the main process renders.
            return None
        return reporter if reporter.renders_files else None


class Environment:
    """A linter with its resolver, and the content cache if any; one per process."""

    def __init__(
        self,
        resolver: Any,
        registry: Any,
        *,
        timings: dict[str, float] | None,
        cache: ResultCache | None = None,
    ) -> None:
        from gxlint.linter import Linter
        from gxlint.timelimit import FILE_TIME_LIMIT

        self.resolver = resolver
        self.linter = Linter(registry, timings=timings, time_limit=FILE_TIME_LIMIT)
        # NOTE: packs, rules and the catalogue live for the whole run; moving them out of the
        # collector's reach keeps each report's full collections short (~20 % per report).
        # A report's model is thousands of small objects freed by reference counting, not
        # cycles, so the collector need not wake every 700 allocations while reading one.
        import gc

        gc.freeze()
        gc.set_threshold(GC_THRESHOLD, 50, 100)
        # NOTE: ``--timing`` measures the work, so it never reads or writes the cache.
        self.cache = cache if timings is None else None
        self._contexts: dict[int, tuple[Any, str]] = {}

    def lint(self, task: Task) -> Outcome:
        resolver, linter = self.resolver, self.linter
        settings = resolver.root() if task.path is None else resolver.for_path(task.path)
        if self.cache is not None:
            result = self._lint_cached(task, settings, self.cache)
        elif task.data is not None:
            result = linter.lint_bytes(task.data, task.display, settings)
        else:
            result = linter.lint_path(task.path, settings, display=task.display)
        return self._outcome(result, settings)

    def stored(self, task: Task) -> Outcome | Task:
        """The outcome the content cache holds for ``task``; else the task to lint, carrying
        the file's bytes once they have been read (``-j``: the main process looks up, only
        the files not in the cache go to the workers)."""
        from gxlint.errors import GxlintError

        if self.cache is None:
            return task
        try:
            settings = (
                self.resolver.root() if task.path is None else self.resolver.for_path(task.path)
            )
        except GxlintError:  # NOTE: a broken config: the worker reports it, in its place.
            return task
        found = self._lookup(task, settings, self.cache)
        if not isinstance(found, tuple):
            return self._outcome(found, settings)
        data = found[0]
        if data is None or task.data is not None:
            return task
        return Task(task.path, task.display, data)

    def _outcome(self, result: FileResult, settings: Any) -> Outcome:
        crashes = tuple(self.linter.crashes)
        self.linter.crashes.clear()
        config = str(settings.path) if settings.path is not None else None
        return Outcome(result, config, crashes)

    def _lint_cached(self, task: Task, settings: Any, cache: ResultCache) -> FileResult:
        linter = self.linter
        found = self._lookup(task, settings, cache)
        if not isinstance(found, tuple):
            return found
        data, key = found
        if data is None:  # NOTE: unreadable: no bytes to key it by.
            return linter.lint_path(task.path, settings, display=task.display)  # type: ignore[arg-type]
        timeouts = linter.timeouts
        result = linter.lint_bytes(data, task.display, settings)
        if not linter.crashes and linter.timeouts == timeouts:
            cache.store(key, result)
        return result

    def _lookup(
        self, task: Task, settings: Any, cache: ResultCache
    ) -> FileResult | tuple[bytes | None, str]:
        """The stored result, else the file's bytes (``None``: unreadable) and its key."""
        data = task.data
        if data is None:
            data = self.linter.read_bytes(task.path, settings)  # type: ignore[arg-type]
            if not isinstance(data, bytes):
                return None, ""
        key = cache.key(data, task.display, self._context(settings))
        hit = cache.load(key)
        if hit is not None:
            return self.linter.restore(data, task.display, settings, hit[1])
        return data, key

    def _context(self, settings: Any) -> str:
        cached = self._contexts.get(id(settings))
        if cached is None or cached[0] is not settings:
            from gxlint.cache import context_key

            rules, engine = self.linter.active_rules(settings)
            cached = self._contexts[id(settings)] = (settings, context_key(settings, rules, engine))
        return cached[1]


def worker_count(jobs: int, files: int) -> int:
    """``0`` = every core; in-process (1) for ``-j 1`` or fewer than 8 files."""
    wanted = jobs or os.cpu_count() or 1
    return 1 if wanted == 1 or files < MIN_PARALLEL else min(wanted, files)


class Runner:
    """Lints tasks in order; ``timings`` adds up every process's (``--timing``).

    ``rendering``: the output format, for workers to render files in (see the module's
    docstring); outcomes made in this process are never rendered.
    """

    def __init__(
        self,
        setup: Setup,
        loaded: Loaded,
        *,
        jobs: int = 0,
        timing: bool = False,
        rendering: Rendering | None = None,
    ):
        self.setup = setup
        self.loaded = loaded
        self.jobs = jobs
        self.timings: dict[str, float] | None = {} if timing else None
        self.rendering = rendering

    def run(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        workers = worker_count(self.jobs, len(tasks))
        if workers == 1:
            env = self._environment()
            for task in tasks:
                yield env.lint(task)
        else:
            yield from self._parallel(tasks, workers)

    def _environment(self) -> Environment:
        loaded = self.loaded
        cache = loaded.result_cache() if self.timings is None else None
        return Environment(loaded.resolver, loaded.registry, timings=self.timings, cache=cache)

    def _parallel(self, tasks: Sequence[Task], workers: int) -> Iterator[Outcome]:
        """Files the content cache holds are answered here; the others go to ``workers``
        processes in chunks, started only for the first such file (a re-run over unchanged
        files starts none)."""
        size = max(1, min(32, len(tasks) // (workers * 8)))
        env = self._environment() if self.loaded.cache_dir and self.timings is None else None
        pool: ProcessPoolExecutor | None = None
        # NOTE: in task order: an outcome found here, or a chunk of files being linted.
        pending: deque[Outcome | Future[tuple[list[Outcome], dict[str, float]]]] = deque()
        chunk: list[Task] = []

        def submit() -> None:
            nonlocal pool
            if pool is None:
                pool = self._pool(workers)
            pending.append(pool.submit(_lint_chunk, list(chunk)))
            chunk.clear()

        try:
            for task in tasks:
                found = env.stored(task) if env is not None else task
                if isinstance(found, Outcome):
                    if chunk:
                        submit()  # NOTE: the files before this one come first.
                    pending.append(found)
                else:
                    chunk.append(found)
                    if len(chunk) >= size:
                        submit()
                while pending and (
                    isinstance(pending[0], Outcome) or len(pending) >= workers * _IN_FLIGHT
                ):
                    yield from self._collect(pending.popleft())
            if chunk:
                submit()
            while pending:
                yield from self._collect(pending.popleft())
        finally:
            # NOTE: on Ctrl-C, a closed pipe or an error, queued chunks are dropped; workers
            # ignore SIGINT and end after their current chunk.
            if pool is not None:
                pool.shutdown(wait=not pending, cancel_futures=True)

    def _pool(self, workers: int) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        timing = self.timings is not None
        return ProcessPoolExecutor(
            workers, initializer=_start_worker, initargs=(self.setup, timing, self.rendering)
        )

    def _collect(
        self, item: Outcome | Future[tuple[list[Outcome], dict[str, float]]]
    ) -> list[Outcome]:
        if isinstance(item, Outcome):
            return [item]
        outcomes, timings = item.result()
        if self.timings is not None:
            for key, seconds in timings.items():
                self.timings[key] = self.timings.get(key, 0.0) + seconds
        return outcomes


_worker: Environment | None = None
_reporter: Reporter | None = None


def _start_worker(setup: Setup, timing: bool, rendering: Rendering | None) -> None:
    global _worker, _reporter
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # NOTE: the parent handles Ctrl-C.
    loaded = setup.load()
    cache = None if timing else loaded.result_cache()
    _worker = Environment(
        loaded.resolver, loaded.registry, timings={} if timing else None, cache=cache
    )
    _reporter = rendering.reporter(loaded) if rendering is not None else None


def _lint_chunk(tasks: Sequence[Task]) -> tuple[list[Outcome], dict[str, float]]:
    env = _worker
    assert env is not None, "worker not initialised"
    outcomes = [env.lint(task) for task in tasks]
    timings = env.linter.timings
    if _reporter is not None:
        started = perf_counter()
        outcomes = [_rendered(outcome, _reporter) for outcome in outcomes]
        if timings is not None:
            timings["render"] = timings.get("render", 0.0) + perf_counter() - started
    if timings is not None:
        env.linter.timings = {}
    return outcomes, dict(timings or {})


def _rendered(outcome: Outcome, reporter: Reporter) -> Outcome:
    """``outcome`` with its file's output in place of its text and findings."""
    from gxlint.findings import FileResult
    from gxlint.reporters.base import severity_counts

    result = outcome.result
    light = FileResult(result.path, "", result.encoding)
    rendered = reporter.render(result)
    return Outcome(light, outcome.config, outcome.crashes, rendered, severity_counts(result))
