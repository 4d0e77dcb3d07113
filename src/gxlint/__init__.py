"""gxlint: a linter for 政府信息公开工作年度报告."""

from gxlint.meta import __version__

__all__ = ["__version__"]
