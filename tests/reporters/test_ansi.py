"""The escape codes of :mod:`gxlint.reporters.ansi` against the ones rich computes."""

from __future__ import annotations

import re

import pytest
from rich.color import ColorSystem
from rich.style import Style

from gxlint.reporters.ansi import colour_terminal, parse_style, sgr_codes, styled
from gxlint.reporters.theme import STYLES

SUPPORTED = [
    *STYLES.values(),
    "none",
    "italic underline magenta",
    "bright_green",
    "dim bright_white reverse",
    "BOLD Blue",
    "blink black",
]
OUTSIDE = ["#3366ff", "bold on red", "not bold", "color(200)", "rgb(1,2,3)", "strike", "olive"]
SYSTEMS = [ColorSystem.STANDARD, ColorSystem.EIGHT_BIT, ColorSystem.TRUECOLOR]


@pytest.mark.parametrize("system", SYSTEMS, ids=lambda system: system.name)
@pytest.mark.parametrize("definition", SUPPORTED)
def test_codes_are_the_ones_rich_writes(definition, system):
    parsed = parse_style(definition)
    assert parsed is not None
    assert parsed.codes == Style.parse(definition)._make_ansi_codes(system)


@pytest.mark.parametrize("layer", ["bold", "blue", "dim cyan", "none"])
@pytest.mark.parametrize("base", ["bold yellow", "blue", "none"])
def test_layering_is_rich_style_addition(base, layer):
    combined = parse_style(base).under(parse_style(layer))
    expected = (Style.parse(base) + Style.parse(layer))._make_ansi_codes(ColorSystem.STANDARD)
    assert combined.codes == expected


@pytest.mark.parametrize("definition", OUTSIDE)
def test_styles_outside_the_vocabulary_are_left_to_rich(definition):
    assert parse_style(definition) is None
    assert sgr_codes({**STYLES, "gxlint.gutter": definition}) is None


def test_the_built_in_theme_is_inside_the_vocabulary():
    assert set(sgr_codes(STYLES)) == set(STYLES)


@pytest.mark.parametrize(
    ("text", "definition", "link"),
    [
        ("甲", "bold red", None),
        ("甲", "none", None),
        ("\n  |\n", "bold blue", None),
        ("", "bold", None),
        ("GX104", "bold yellow", "https://example.org/GX104.html"),
        ("GX104", "none", "https://example.org/GX104.html"),
    ],
)
def test_styled_text_is_what_rich_renders(text, definition, link):
    style = Style.parse(definition) + (Style(link=link) if link else Style.null())
    lines = text.split("\n")
    expected = "\n".join(style.render(line, color_system=ColorSystem.STANDARD) for line in lines)
    written = styled(text, parse_style(definition).codes, link)
    assert _unlinked(written) == _unlinked(expected)
    assert ("\x1b]8;id=" in written) is bool(link and text)


def _unlinked(output: str) -> str:
    return re.sub(r"\x1b\]8;id=\d+;", "\x1b]8;id=;", output)


@pytest.mark.parametrize(("term", "colours"), [("xterm", True), ("", True), ("dumb", False)])
def test_dumb_terminals_get_no_codes_from_rich_either(term, colours):
    assert colour_terminal({"TERM": term}) is colours
