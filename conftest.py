"""Project-wide pytest hook: install the example rule packs the selected tests need, once.

The example packs' own tests (``examples/*/tests``, in ``testpaths``) and the project's pack
tests (``tests/packs``) need the pack installed; when installing is impossible (no network
for pip's build dependencies, say) exactly those tests are skipped, with pip's reason.
"""

from __future__ import annotations

import pytest

from tests.packs.install import EXAMPLE_PACKS, ensure_installed


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.option.collectonly:
        return
    for pack in EXAMPLE_PACKS:
        needing = [item for item in items if pack.needed_by(item.path)]
        if not needing:
            continue
        problem = ensure_installed(pack)
        if problem is not None:
            for item in needing:
                item.add_marker(pytest.mark.skip(reason=problem))
