"""Key paths as messages and ``config --show`` print them (``rules.GX304.severity``).

Apart from the validators (:mod:`gxlint.config.checks`) so that merging the defaults, which
every run does, does not import them.
"""

from __future__ import annotations

KeyPath = tuple[str | int, ...]


def dotted(path: KeyPath) -> str:
    """``("rules", "GX304", "severity")`` → ``rules.GX304.severity``; quotes non-bare keys."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        bare = part != "" and all(c.isascii() and (c.isalnum() or c in "-_") for c in part)
        if bare:
            text = part
        else:
            import json

            text = json.dumps(part, ensure_ascii=False)
        out += f".{text}" if out else text
    return out
