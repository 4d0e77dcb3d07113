"""The CLI fixtures of ``tests/cli`` (in-process ``gxlint``, a clean environment)."""

from tests.cli.conftest import clean_env, gxlint

__all__ = ["clean_env", "gxlint"]
