"""The terminal escape codes rich writes for the theme's styles, known without importing rich.

A coloured run of the ``full`` format spent most of its time in rich: ~25 ms to import its
console and ~0.5–1 ms to lay out each finding, so 100 findings took twice as long in a
terminal as in a file. The theme (:mod:`gxlint.reporters.theme`) uses a few attributes and
the sixteen standard colours, and for those rich writes the same SGR codes under every
colour system (standard, 256 colours, truecolor): ``ESC[1;33m`` text ``ESC[0m``. This module
parses exactly that vocabulary; a style outside it (a hex colour, a background, ``not
bold``) makes :func:`sgr_codes` answer ``None`` and the reporter lets rich draw, so a theme
change can never print different colours, only slower. The reporter's tests compare both
paths byte for byte.
"""

import os
from functools import lru_cache
from itertools import count
from typing import NamedTuple

# NOTE: in the order rich writes them (its attribute bits are ordered by SGR number).
_ATTRIBUTES = {"bold": 1, "dim": 2, "italic": 3, "underline": 4, "blink": 5, "reverse": 7}
_COLOURS = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")


class AnsiStyle(NamedTuple):
    """A style in the parsed vocabulary: SGR attribute numbers and a foreground code."""

    attributes: frozenset[int]
    colour: str | None

    def under(self, layer: "AnsiStyle") -> "AnsiStyle":
        """``layer`` drawn over this style, as rich combines them (attributes add up, the
        layer's colour wins)."""
        return AnsiStyle(self.attributes | layer.attributes, layer.colour or self.colour)

    @property
    def codes(self) -> str:
        """The SGR parameters, e.g. ``1;33``; empty for a style that changes nothing."""
        return _codes(self)


@lru_cache(maxsize=256)
def _codes(style: AnsiStyle) -> str:
    # NOTE: cached: a theme has a dozen styles, asked for by every piece of every finding.
    codes = [str(number) for number in sorted(style.attributes)]
    if style.colour is not None:
        codes.append(style.colour)
    return ";".join(codes)


PLAIN = AnsiStyle(frozenset(), None)


def parse_style(definition: str) -> AnsiStyle | None:
    """``"bold red"`` → its :class:`AnsiStyle`; ``None`` for anything outside the vocabulary."""
    attributes: set[int] = set()
    colour: str | None = None
    for word in definition.lower().split():
        if word == "none":
            continue
        if word in _ATTRIBUTES:
            attributes.add(_ATTRIBUTES[word])
            continue
        bright = word.startswith("bright_")
        name = word.removeprefix("bright_")
        if name not in _COLOURS:
            return None
        colour = str((90 if bright else 30) + _COLOURS.index(name))
    return AnsiStyle(frozenset(attributes), colour)


def sgr_codes(styles: dict[str, str]) -> dict[str, AnsiStyle] | None:
    """Every named style of a theme parsed, or ``None`` if rich must draw this theme."""
    parsed = {name: parse_style(definition) for name, definition in styles.items()}
    if any(style is None for style in parsed.values()):
        return None
    return parsed  # type: ignore[return-value]


def colour_terminal(environ: os._Environ[str] | dict[str, str] = os.environ) -> bool:
    """Whether rich, told to colour, would colour at all: not on a dumb terminal."""
    return environ.get("TERM", "").lower() not in ("dumb", "unknown")


_LINK_IDS = count()


def _link_id() -> str:
    """A link id unique across the run: the process id (``-j`` workers are forked with this
    module's counter) and a counter, digits only as rich writes them (a terminal treats the
    cells of links with the same id and address as one link)."""
    return f"{os.getpid()}{next(_LINK_IDS):06d}"


def styled(text: str, codes: str, link: str | None = None) -> str:
    """``text`` as rich writes one segment in the style of SGR ``codes`` (an
    :attr:`AnsiStyle.codes`): each line wrapped in the codes (and in a hyperlink escape), the
    line breaks between them bare, empty lines left empty."""
    if not codes and link is None:
        return text
    before, after = (f"\x1b[{codes}m", "\x1b[0m") if codes else ("", "")
    if link is not None:
        before = f"\x1b]8;id={_link_id()};{link}\x1b\\{before}"
        after = f"{after}\x1b]8;;\x1b\\"
    if "\n" not in text:
        return f"{before}{text}{after}" if text else text
    return "\n".join(f"{before}{line}{after}" if line else line for line in text.split("\n"))
