"""Key paths as messages and ``config --show`` print them (``rules.GX304.severity``).

Apart from the validators (:mod:`gxlint.config.checks`) so that merging the defaults, which
every run does, does not import them.
"""

from __future__ import annotations

from gxlint.regexcache import compile_cached

KeyPath = tuple[str | int, ...]

_BARE_KEY = compile_cached(r"[A-Za-z0-9_-]+")
"""What TOML writes without quotes."""


def dotted(path: KeyPath) -> str:
    """``("rules", "GX304", "severity")`` → ``rules.GX304.severity``; quotes non-bare keys."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        if _BARE_KEY.fullmatch(part):
            text = part
        else:
            import json

            text = json.dumps(part, ensure_ascii=False)
        out += f".{text}" if out else text
    return out
