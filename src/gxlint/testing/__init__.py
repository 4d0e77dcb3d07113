"""The kit rule packs test with: lint a text, and data-driven case files.

The built-in rules and every province pack use the same case format, so a pack's tests read
like gxlint's own. A case file is TOML::

    rule = "GX205"                       # the rule under test (selected alone)
    config = { extend = "xinjiang:default" }   # optional: every case's config (see below)
    plugins = ["../rules_local/my_rules.py"]   # optional: local rule files, relative to here

    [[case]]
    name = "balanced"
    base = "clean_cell_per_line.txt"     # a clean report (see below) ...
    expect = []

    [[case]]
    name = "natural_person_short_by_one"
    base = "clean_cell_per_line.txt"
    edit = [{ find = "（七）总计\\n\\n10", replace = "（七）总计\\n\\n9" }]
    expect = [{ code = "GX205", at = "9", line = 210 }]

    [[case]]
    name = "fragment"
    text = "…"                           # ... or a text of its own
    config = '''[jurisdiction]\\ndeadline = "03-31"'''   # optional gxlint.toml text or table
    select = ["GX205", "GX204"]          # optional; default: the file's rule
    expect = [{ code = "GX205", line = 3 }]

``base`` is looked up beside the case file, then in a sibling ``reports/`` folder. ``at`` is
the exact original text a finding points at, ``line`` its 1-based line; both optional. Three
more keys check what a finding carries: ``severity`` (``"error"``, ``"warning"``, ``"info"``,
after the config: profiles are tested this way), ``fix`` (the replacement text of its fix;
``""`` deletes) and ``labels`` (the original text under each secondary label, in order).

A case passes when its findings equal ``expect`` as a multiset of (code, line, at, severity,
fix, labels), each key compared only if some expectation of the case uses it. Once one
expectation uses ``line``, ``at`` or ``severity``, every expectation of the case must give it;
leaving out ``fix`` or ``labels`` means "no fix", "no labels".

A case's ``config`` replaces the file's. As a string it is the text of a gxlint.toml, as a
table the same keys (``{ rules = { XJ102 = { short-form = false } } }``). Either is validated
exactly as a real config, with the packs' profiles and default configs, as the command line
does; ``config = ""`` is an empty gxlint.toml (no profile, only defaults).

In a pack's tests::

    from gxlint.testing import case_params, check_case

    @case_params("tests/cases")
    def test_case(case):
        check_case(case)

The packs are the installed ones (entry points of group ``gxlint``, re-read whenever
``sys.path`` or a folder on it changes, so a pack installed during the session is seen) plus
the local rule files a call or a case file names. :func:`load_packs` builds such a set
explicitly; :func:`rule_problems` checks a rule's documentation and file layout.
"""

from __future__ import annotations

from gxlint.testing.cases import (
    Case,
    case_params,
    check_case,
    load_cases,
    observed,
    rule_problems,
)
from gxlint.testing.lint import apply_fixes, lint_fragment, lint_result, lint_text
from gxlint.testing.packs import Packs, load_packs, to_toml

__all__ = [
    "Case",
    "Packs",
    "apply_fixes",
    "case_params",
    "check_case",
    "lint_fragment",
    "lint_result",
    "lint_text",
    "load_cases",
    "load_packs",
    "observed",
    "rule_problems",
    "to_toml",
]
