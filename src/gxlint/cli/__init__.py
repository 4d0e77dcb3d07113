"""The ``gxlint`` command: argument parsing, one module per subcommand, exit codes.

:func:`main` returns the exit code (tests call it in-process); :func:`run` is the console
script and exits with it. Whatever happens, the user never sees a traceback unless ``-v``
asks for one (cli.md §2, style.md §7): config and usage problems print ``gxlint: 错误: …``
or ``gxlint: 配置错误: …`` and exit 2, a gxlint bug prints ``gxlint: 内部错误：…`` and exits
2, Ctrl-C exits 130 and a closed pipe (``gxlint … | head``) exits 0 quietly.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from gxlint.cli import exit_codes, messages
from gxlint.cli.output import OutputClosed

__all__ = ["main", "run"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``gxlint`` with ``argv`` (default ``sys.argv[1:]``) and return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        code = _dispatch(argv)
        sys.stdout.flush()
        return code
    except (BrokenPipeError, OutputClosed):
        _silence_stdout()
        return exit_codes.OK
    except KeyboardInterrupt:
        return exit_codes.INTERRUPTED
    except SystemExit as exit_:  # NOTE: ``-h`` (argparse prints the help, then exits 0).
        return exit_.code if isinstance(exit_.code, int) else exit_codes.ERROR
    except Exception as exc:  # noqa: BLE001  NOTE: a gxlint bug; never a bare traceback.
        return _internal_error(exc, argv)


def run() -> None:
    """Console-script entry point (also ``python -m gxlint``).

    NOTE: start-up creates only objects that live as long as the process (modules, classes,
    rules, the catalogue), so the garbage collector's passes over them are wasted (~5 ms of a
    cold start). It is off until :func:`gxlint.cli.session.load` has loaded the packs, which
    then freezes what exists and turns it back on for the reports. The modules the run imports
    come from :mod:`gxlint.importcache` when it has them.
    """
    gc.disable()
    from gxlint.importcache import install

    install()
    _exit(main())


def _exit(code: int) -> None:
    """End the process with ``code``, skipping the interpreter's teardown when that is safe.

    NOTE: freeing every module, class and rule one by one costs ~8 ms of a ~130 ms cold run,
    for memory the operating system reclaims anyway (mypy ends the same way). What a normal
    exit does that matters still happens: :mod:`atexit` handlers (the user cache is saved by
    one), then stdout and stderr are flushed. With another thread still running (none should
    be) the normal exit joins it instead.
    """
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        sys.exit(code)
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass  # NOTE: a closed pipe or stream: nothing more can be written anyway.
    os._exit(code)


def _dispatch(argv: list[str]) -> int:
    from gxlint.errors import ConfigErrors, GxlintError

    try:
        from gxlint.cli.args import command_module, parse_args

        args = parse_args(argv)
        return command_module(args.command).run(args)
    except ConfigErrors as errors:
        for error in errors.errors:
            messages.config_error(str(error))
        return exit_codes.ERROR
    except GxlintError as error:
        messages.error(str(error))
        return exit_codes.ERROR


def _internal_error(exc: BaseException, argv: list[str]) -> int:
    text = str(exc)
    messages.internal(f"{type(exc).__name__}: {text}" if text else type(exc).__name__)
    if _verbose(argv):
        import traceback

        sys.stderr.write("".join(traceback.format_exception(exc)))
    else:
        messages.info("这是 gxlint 的缺陷；加 -v 重新运行可查看错误堆栈，请将其反馈给维护者。")
    return exit_codes.ERROR


def _verbose(argv: list[str]) -> bool:
    options = argv[: argv.index("--")] if "--" in argv else argv
    return any(arg in ("-v", "--verbose") for arg in options)


def _silence_stdout() -> None:
    """After EPIPE, point stdout at devnull so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
