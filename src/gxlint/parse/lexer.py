"""The line lexer: classifies every line of a report into one token for the LALR parser.

Lexing whole lines with a handful of anchored regexes and catalogue look-ups is ~15× faster
than letting Lark lex characters, and it is where the context a line needs lives: whether we
are inside a table region, which section we are in, and which lines close the report. The
grammar (``grammar/report.lark``) then only arranges these tokens into structure.

Token types (``LineToken.type``):

* ``TITLE`` — a line of the title block (``…2024年政府信息公开工作年度报告``).
* ``HEADING`` — a section heading 一…六, with or without its ordinal.
* ``IMPLIED_HEADING`` — the first line of a section whose heading was lost (table 四's header
  fragments with no 四、 heading before them).
* ``ITEM`` — a paragraph led by an item ordinal: （一）, (1), 1., 一是 …
* ``CELL`` — a line inside a table region: labels, numbers, pipes, fillers, fragments.
* ``TEXT`` — any other non-blank line.
* ``SIGN_ORGAN`` / ``SIGN_DATE`` — the 落款 lines at the end.
* ``TAIL`` — anything after the sign-off (page chrome).

Blank lines are not tokens; table layouts read them from the text directly.
"""

from itertools import accumulate, count
from operator import add
from typing import Any, NamedTuple

from gxlint.parse import patterns as p
from gxlint.record import new_tuple
from gxlint.regexcache import compile_cached
from gxlint.spec import FormatSpec, MatchKind, fold

MAX_HEADING_CHARS = 40
_SENTENCE_PUNCT = compile_cached(r"[。；;，,：:！？!?]")
_PLAIN_NUMBER = compile_cached(r"[ \t|]*-?\d+(?:\.\d+)?[ \t|]*$")
_CJK = compile_cached(r"[\u4e00-\u9fff]")
_SPLIT_CELLS = compile_cached(r"[\t|]")
_DIGIT = compile_cached(r"\d")
_TITLE_TAIL = compile_cached(r"\d{4}|年度?$|工作$")
_NUMERIC_CELL = compile_cached(r"^(?:-?\d+(?:\.\d+)?(?:\(.{0,30}\))?|/|／|-|—|——|无|空)$")
_NUMBER_RUN = compile_cached(r"^(?:-?\d+(?:\.\d+)?[ \t]+){2,}-?\d+(?:\.\d+)?$")
_ORGAN_SUFFIX = compile_cached(
    r"(政府|办公室|办事处|委员会|管委会|局|厅|委|院|中心|所|站|队|公司|镇|乡|街道|处|部|署|会)$"
)


class LineToken(NamedTuple):
    """One classified line: type, 0-based line number and normalised offsets of its text.

    NOTE: a named tuple, not a frozen dataclass: cheaper to create at import (start-up time)
    and to build (one per line). Parse trees tell tokens from nodes by ``isinstance(x, Node)``.
    """

    type: str
    line: int
    start: int
    end: int
    text: str
    section: int | None = None  # HEADING/IMPLIED_HEADING: the section number it opens
    last_line: int | None = None  # a CELL token covers lines line..last_line (inclusive)


class Lines:
    """Lines of the normalised text (split on ``\\n`` only): their texts and start offsets
    as two lists, numbered from ``first``.

    NOTE: no object per line: a report has hundreds, and making a named tuple for each was a
    third of parsing it. The lexer and the table layouts read the two lists.
    """

    __slots__ = ("first", "starts", "texts")

    def __init__(self, starts: list[int], texts: list[str], first: int = 0) -> None:
        self.starts = starts
        self.texts = texts
        self.first = first

    @classmethod
    def of(cls, text: str) -> "Lines":
        texts = text.split("\n")
        # NOTE: line i+1 starts after the lengths of lines 0..i and their i+1 newlines.
        starts = [0, *map(add, accumulate(map(len, texts[:-1])), count(1))]
        return cls(starts, texts)

    def end(self, number: int) -> int:
        """Where line ``number`` ends (before its ``\\n``)."""
        index = number - self.first
        return self.starts[index] + len(self.texts[index])

    def between(self, first: int, last: int) -> "Lines":
        """Lines ``first`` to ``last`` (inclusive), numbered as here."""
        low, high = first - self.first, last - self.first + 1
        return Lines(self.starts[low:high], self.texts[low:high], first)


class _State:
    """Where the lexer is. NOTE: a plain class, not a dataclass (start-up time)."""

    __slots__ = ("in_table", "section", "seen")

    def __init__(self) -> None:
        self.in_table = False
        self.section = 0  # number of the section we are in (0 = before any)
        self.seen: set[int] = set()


class LineLexer:
    """Classifies lines; one instance per process (it holds only the catalogue)."""

    def __init__(self, spec: FormatSpec) -> None:
        self.spec = spec
        self._memo: dict[tuple[object, ...], tuple[Any, bool, int, frozenset[int]]] = {}
        # Labels that can only be table cells, folded: a line equal to one needs no more tests.
        self._cell_labels = frozenset(spec.all_table_labels) | frozenset(
            fold(text)
            for labels in (spec.table3_rows, spec.table3_groups, spec.table2_rows)
            for entry in labels.entries
            for text in (entry.label, *entry.variants)
        )

    # -- public ---------------------------------------------------------------------------
    def tokens(self, lines: Lines) -> list[LineToken]:
        """The tokens of a whole text's lines (:meth:`Lines.of`)."""
        starts, texts = lines.starts, lines.texts
        signoff = self._signoff_lines(texts)
        first_signoff = min(signoff) if signoff else len(texts)
        title = self._title_lines(texts)
        state = _State()
        out: list[LineToken] = []
        # NOTE: one CELL token per table region, not per cell line: the parser only needs the
        # region, and a 600-line table would otherwise be 600 parser steps.
        cells: list[int] = []  # first and last line number of the open table region

        def close_region() -> None:
            if cells:
                first, last = cells
                end = lines.end(last)
                out.append(
                    new_tuple(LineToken, ("CELL", first, starts[first], end, "", None, last))
                )
                cells.clear()

        in_table_number = _PLAIN_NUMBER.match
        for number, text in enumerate(texts):
            if not text:
                continue  # NOTE: half the lines of a blank-separated table; never a token.
            # NOTE: most table lines, decided as _classify's first test would; a plain count
            # ("0", "\t12", "3 |") by str.isdecimal, exactly what the pattern matches then.
            if (
                state.in_table
                and number < first_signoff
                and (text.strip(" \t|").isdecimal() or in_table_number(text))
            ):
                if cells:
                    cells[1] = number
                else:
                    cells.extend((number, number))
                continue
            if number in signoff:
                close_region()
                out.append(_token(signoff[number], number, starts[number], text))
                continue
            if number > first_signoff:
                if text.strip():
                    out.append(_token("TAIL", number, starts[number], text))
                continue
            kind, section = self._classify_remembered(text, state, number in title)
            if kind is None:
                continue
            if kind == "CELL":
                if cells:
                    cells[1] = number
                else:
                    cells.extend((number, number))
                continue
            close_region()
            out.append(_token(kind, number, starts[number], text, section))
        close_region()
        return out

    # -- classification -------------------------------------------------------------------
    def _classify_remembered(
        self, text: str, state: _State, is_title: bool
    ) -> tuple[str | None, int | None]:
        """:meth:`_classify`, remembered across reports for the same line in the same state.

        NOTE: reports repeat most of their lines (labels, headings, the format's sentences);
        the decision depends only on the text and on what the key holds, and its effect on
        ``state`` is replayed.
        """
        seen = state.seen
        key = (text, state.in_table, state.section, is_title, bool(seen), 4 in seen)
        hit = self._memo.get(key)
        if hit is None:
            before = set(seen)
            result = self._classify(text, state, is_title)
            if len(self._memo) > 8192:
                self._memo.clear()
            self._memo[key] = (result, state.in_table, state.section, frozenset(seen - before))
            return result
        result, state.in_table, state.section, added = hit
        if added:
            seen |= added
        return result

    def _classify(self, text: str, state: _State, is_title: bool) -> tuple[str | None, int | None]:
        if state.in_table and _PLAIN_NUMBER.match(text):
            return "CELL", None  # NOTE: most table lines; decided without further work.
        if not text.strip():
            if state.in_table and ("\t" in text or "|" in text):
                return "CELL", None
            return None, None
        if is_title and not state.seen:
            return "TITLE", None
        if (
            state.in_table
            and fold(text) in self._cell_labels
            and not self._implies_review_table(text, state)
        ):
            return "CELL", None  # NOTE: a known table label; no heading or item can equal one.
        heading = self.heading_number(text, state.section)
        if heading is not None:
            state.in_table = False
            state.section = heading
            state.seen.add(heading)
            return "HEADING", heading
        if self._implies_review_table(text, state):
            state.in_table = True
            state.section = 4
            state.seen.add(4)
            return "IMPLIED_HEADING", 4
        if self._is_cell(text, state):
            return "CELL", None
        state.in_table = False
        if p.ITEM_ORDINAL.match(text):
            return "ITEM", None
        return "TEXT", None

    def heading_number(self, text: str, current: int = 0) -> int | None:
        """The section number a heading line opens, or None when it is not a heading."""
        stripped = text.strip(" \t|")
        if not stripped or len(stripped) > MAX_HEADING_CHARS or not _CJK.search(stripped):
            return None
        if sum(1 for part in _SPLIT_CELLS.split(stripped) if part.strip()) > 1:
            return None  # a table row: 四、结转下年度继续办理 → 1 → 0 …
        match = p.SECTION_ORDINAL.match(stripped)
        if match:
            ordinal = p.CN_VALUE.get(match.group(1), 0)
            title = stripped[match.end() :]
            if self._is_row_label(stripped):
                return None
            found = self.spec.section_titles.match(title)
            if found is not None and found.kind is not MatchKind.TRUNCATED:
                return int(found.key)
            if (
                ordinal == current + 1
                and ordinal <= 6
                and len(title) <= 24
                and not _SENTENCE_PUNCT.search(title)
            ):
                return ordinal
            return None
        found = self.spec.section_titles.match(stripped)
        if found is not None and found.kind in (MatchKind.EXACT, MatchKind.VARIANT):
            return int(found.key)
        return None

    def _is_row_label(self, text: str) -> bool:
        key = fold(text)
        for labels in (self.spec.table3_rows, self.spec.table3_groups):
            found = labels.match(key, folded=True)
            if found is not None and found.kind is not MatchKind.FUZZY:
                return True
        return False

    def _implies_review_table(self, text: str, state: _State) -> bool:
        if 4 in state.seen or state.section not in (3,):
            return False
        key = fold(text)
        hits = sum(1 for word in self.spec.table4_header_fragments if word in key)
        return hits >= 2 or key == "行政复议" or key.startswith("行政复议行政诉讼")

    def _is_cell(self, text: str, state: _State) -> bool:
        segments = [s.strip() for s in _SPLIT_CELLS.split(text)]
        filled = [s for s in segments if s]
        if not filled:
            return True  # only pipes
        delimited = len(segments) > 1
        if all(_NUMERIC_CELL.match(fold(s)) or _NUMBER_RUN.match(s) for s in filled):
            if state.in_table or delimited:
                state.in_table = True
                return True
            return False
        if any(self.spec.is_table_label(s) for s in filled if len(s) <= 60):
            state.in_table = True
            return True
        if state.in_table:
            key = fold(text)
            if len(key) <= 16 and "。" not in key:
                return True
            if delimited and len(filled) >= 3:
                return True
        return False

    # -- title and sign-off ---------------------------------------------------------------
    def _title_lines(self, texts: list[str]) -> set[int]:
        found: set[int] = set()
        content = [number for number, text in enumerate(texts[:40]) if text.strip()]
        for index, number in enumerate(content):
            stripped = texts[number].strip()
            if len(stripped) > 60 or self.heading_number(stripped) is not None:
                if found or self.heading_number(stripped) is not None:
                    break
                continue
            nxt = texts[content[index + 1]].strip() if index + 1 < len(content) else ""
            if "年度报告" in stripped and not _SENTENCE_PUNCT.search(stripped):
                found.add(number)
                break
            if (
                "政府信息公开" in stripped
                and _TITLE_TAIL.search(stripped)
                and nxt.startswith(("工作", "年度", "年报"))
                and len(nxt) <= 12
            ):
                found.add(number)
                found.add(content[index + 1])
                break
        return found

    def _signoff_lines(self, texts: list[str]) -> dict[int, str]:
        # NOTE: read from the end: only the last two non-blank lines after any page chrome count.
        content = (number for number in range(len(texts) - 1, -1, -1) if texts[number].strip())
        last = next(content, None)
        while last is not None and p.WEB_RESIDUE.search(texts[last]):
            last = next(content, None)
        if last is None:
            return {}
        result: dict[int, str] = {}
        if self._is_date_line(texts[last]):
            result[last] = "SIGN_DATE"
            above = next(content, None)
            if above is not None and self._is_organ_line(texts[above], strict=False):
                result[above] = "SIGN_ORGAN"
        elif self._is_organ_line(texts[last], strict=True):
            result[last] = "SIGN_ORGAN"
        return result

    def _is_date_line(self, text: str) -> bool:
        stripped = text.strip().strip("()")
        if not stripped or len(stripped) > 24:
            return False
        for pattern in (p.DATE, p.DATE_CN, p.DATE_BROKEN, p.DATE_ISO):
            match = pattern.search(stripped)
            if match and len(stripped) - len(match.group()) <= 2:
                return True
        return bool(p.DIGITS_ONLY_DATE.match(stripped))

    def _is_organ_line(self, text: str, *, strict: bool) -> bool:
        stripped = text.strip()
        if not stripped or len(stripped) > 40 or _SENTENCE_PUNCT.search(stripped):
            return False
        if not _CJK.search(stripped) or _DIGIT.search(stripped):
            return False
        if self.heading_number(stripped) is not None or self.spec.is_table_label(stripped):
            return False
        if p.ITEM_ORDINAL.match(stripped):
            return False
        return bool(_ORGAN_SUFFIX.search(stripped)) or not strict


def _token(kind: str, number: int, start: int, text: str, section: int | None = None) -> LineToken:
    return new_tuple(LineToken, (kind, number, start, start + len(text), text, section, number))
