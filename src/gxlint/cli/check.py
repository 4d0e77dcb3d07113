"""``gxlint [check] [OPTIONS] [PATH ...]``: find the files, lint them, report, exit 0/1/2.

Order matters for the exit codes of cli.md §2: missing paths, config and pack errors, unknown
selectors and an unwritable ``-o`` all end the run with 2 before a single file is linted.
"""

from __future__ import annotations

import argparse
import os
import sys
from time import perf_counter
from typing import Any

from gxlint.cli import exit_codes, messages, output, session
from gxlint.cli.check_options import build_parser
from gxlint.cli.files import STDIN, Discovery, FileFinder

__all__ = ["build_parser", "run"]


def run(args: argparse.Namespace) -> int:
    started = perf_counter()
    if args.version:
        from gxlint.cli.plugins_cmd import show_version

        return show_version()
    paths = args.paths or ([STDIN] if args.stdin_filename else ["."])
    missing = [path for path in paths if path != STDIN and not os.path.lexists(path)]
    for path in missing:
        messages.error(f"路径不存在：{path}")
    if missing:
        return exit_codes.ERROR
    if paths.count(STDIN) > 1:
        messages.error("标准输入（-）只能指定一次")
        return exit_codes.ERROR
    clock: dict[str, float] = {}
    setup = session.setup_from(args)
    loaded = session.load(setup, verbose=args.verbose)
    extra = output.pack_formatters(args.format, loaded.manager.formatters())
    clock["setup"] = perf_counter() - started
    finder = FileFinder(loaded.resolver, setup.cwd, force_exclude=args.force_exclude)
    found = finder.find(paths, args.stdin_filename)
    clock["discover"] = perf_counter() - started - clock["setup"]
    if args.show_files:
        return _show_files(found, setup.cwd)
    if not found.targets and found.stdin is None:
        if not found.folders:
            return exit_codes.OK  # NOTE: every named path excluded by --force-exclude.
        where = "、".join(found.folders)
        patterns = "、".join(found.patterns) or "（无）"
        messages.error(f"未找到要检查的文件：{where} 中没有匹配 include（{patterns}）的文件")
        return exit_codes.ERROR
    tasks = _tasks(found)
    stream = output.open_output(args.output_file, args.format)
    try:
        code = _lint(args, setup, loaded, extra, tasks, stream, clock)
    finally:
        if stream is not sys.stdout:
            stream.close()
    if args.timing:
        from gxlint.cli import timing

        timing.report(clock.pop("linter", None), clock, perf_counter() - started)  # type: ignore[arg-type]
    return code


def _tasks(found: Discovery) -> list[Any]:
    from gxlint.runner import Task

    tasks = [Task(target.path, target.display) for target in found.targets]
    if found.stdin is not None:
        data = sys.stdin.buffer.read()
        path = None if found.stdin.display == STDIN else found.stdin.path
        tasks.append(Task(path, found.stdin.display, data))
        tasks.sort(key=lambda task: task.display.replace(os.sep, "/").split("/"))
    return tasks


def _lint(
    args: argparse.Namespace,
    setup: Any,
    loaded: Any,
    extra: dict[str, type],
    tasks: list[Any],
    stream: Any,
    clock: dict[str, Any],
) -> int:
    from gxlint.cli.progress import Progress, wanted
    from gxlint.reporters.base import Summary
    from gxlint.runner import Rendering, Runner

    progress = Progress(len(tasks), enabled=wanted(args, len(tasks)))
    reporter_stream = progress.report_stream(stream)
    reporter = output.make_reporter(args, reporter_stream, loaded.registry.lazy_infos(), extra)
    rendering = None
    if reporter.renders_files:
        rendering = Rendering(args.format, reporter.options._replace(rules={}))
    runner = Runner(setup, loaded, jobs=args.jobs, timing=args.timing, rendering=rendering)
    summary = Summary()
    render = 0.0
    try:
        reporter.start()
        for outcome in runner.run(tasks):
            progress.advance()
            if args.verbose:
                _explain(outcome)
            tick = perf_counter()
            if outcome.rendered is None:
                reporter.file(outcome.result)
                summary.add(outcome.result)
            else:  # NOTE: rendered by a worker (-j).
                reporter.write(outcome.rendered)
                summary.add_counts(outcome.counts)
            render += perf_counter() - tick
        tick = perf_counter()
        reporter.finish(summary)
        reporter_stream.flush()
        render += perf_counter() - tick
    finally:
        progress.stop()
    timings = runner.timings
    clock["render"] = render + (timings.pop("render", 0.0) if timings is not None else 0.0)
    clock["linter"] = timings
    return exit_codes.for_summary(summary, max_warnings=args.max_warnings, exit_zero=args.exit_zero)


def _explain(outcome: Any) -> None:
    """``-v``: the config and encoding of each file, and the traceback of each GX009."""
    result = outcome.result
    config = outcome.config or "无（默认值）"
    messages.info(f"{result.path}: 编码 {result.encoding or '未知'}，配置 {config}")
    for crash in outcome.crashes:
        messages.info(f"{result.path}: 规则 {crash.code}（规则包 {crash.pack}）的错误堆栈：")
        sys.stderr.write(
            crash.traceback if crash.traceback.endswith("\n") else crash.traceback + "\n"
        )


def _show_files(found: Discovery, cwd: Any) -> int:
    """``--show-files``: one line per file, ``path<TAB>config`` (stdin first when given)."""
    from gxlint.config import display_path

    rows = [found.stdin] if found.stdin is not None else []
    for target in [*rows, *found.targets]:
        config = display_path(target.config, cwd) if target.config else "（默认值）"
        sys.stdout.write(f"{target.display}\t{config}\n")
    return exit_codes.OK
