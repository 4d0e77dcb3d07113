"""JSON Lines: one ``files[]`` element of the ``gxlint/1`` schema per checked file.

For pipelines that process reports one at a time (``jq -c``, log shippers): every line is a
complete JSON value, clean files included with ``"findings": []``, and there is no summary.
"""

from __future__ import annotations

from gxlint.findings import FileResult
from gxlint.reporters.base import Reporter
from gxlint.reporters.json import file_json


class JsonLinesReporter(Reporter):
    """``{"path": …, "encoding": …, "findings": […]}`` per line."""

    renders_files = True

    def render(self, result: FileResult) -> str:
        return file_json(result, self.path(result, posix=True)) + "\n"
