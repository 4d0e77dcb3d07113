"""Folding and tolerant matching of labels against the catalogue.

Real tables carry labels with stray spaces (``本年 度办 理结 果``), either bracket width,
straight or curly quotes, one-character typos and cut-off endings. Matching folds both sides
the same way, then tries, in order: the canonical label, an accepted variant, a fuzzy match
(long labels only), and a truncation (a prefix of at least four characters).
"""

import enum
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from gxlint.record import FrozenRecord, set_field
from gxlint.regexcache import compile_cached

if TYPE_CHECKING:
    from difflib import SequenceMatcher


_FOLD_TABLE = str.maketrans(
    {
        "（": "(",
        "）": ")",
        "：": ":",
        "，": ",",
        "．": ".",
        "；": ";",
        "“": "",
        "”": "",
        '"': "",
        "‘": "",
        "’": "",
        "、": "、",
        "|": "",
        "〔": "[",
        "〕": "]",
    }
)
_SPACE = compile_cached(r"\s+")
_FUZZY_MIN_RATIO = 0.8
_UNSEEN = object()


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """The comparison form of a label: no whitespace, ASCII brackets, no quotes.

    Cached: tables repeat the same few cell texts (``0``, labels) hundreds of times.
    """
    return _SPACE.sub("", text).translate(_FOLD_TABLE)


_DISPLAY_TABLE = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，"})


def display(text: str) -> str:
    """A catalogue label as the format prints it (full-width brackets, colon, comma)."""
    return text.translate(_DISPLAY_TABLE)


class MatchKind(enum.Enum):
    """How a written label relates to the catalogue's wording."""

    EXACT = "exact"
    VARIANT = "variant"  # a known alternative wording
    FUZZY = "fuzzy"  # a typo or substitution in a long label
    TRUNCATED = "truncated"  # cut off at the end

    @property
    def standard(self) -> bool:
        return self is MatchKind.EXACT


class LabelEntry(FrozenRecord):
    """One catalogue label: its key, canonical wording and accepted variants.

    NOTE: :class:`LabelMatch` stays a named tuple: the lexer creates one per table line, and a
    named tuple is the cheapest immutable record to build.
    """

    __slots__ = ("key", "label", "variants")

    key: str
    label: str
    variants: tuple[str, ...]

    def __init__(self, key: str, label: str, variants: tuple[str, ...] = ()) -> None:
        set_field(self, "key", key)
        set_field(self, "label", label)
        set_field(self, "variants", variants)


class LabelMatch(NamedTuple):
    """What a written label was matched to, and how closely (see :class:`MatchKind`)."""

    key: str
    canonical: str
    kind: MatchKind


class LabelSet:
    """A small set of labels matched tolerantly; built once per catalogue."""

    def __init__(self, entries: Iterable[LabelEntry], *, fuzzy_min: int = 6) -> None:
        self.entries = tuple(entries)
        self._fuzzy_min = fuzzy_min
        self._exact: dict[str, LabelMatch] = {}
        for entry in self.entries:
            for variant in entry.variants:
                self._exact.setdefault(
                    fold(variant), LabelMatch(entry.key, entry.label, MatchKind.VARIANT)
                )
        for entry in self.entries:
            self._exact[fold(entry.label)] = LabelMatch(entry.key, entry.label, MatchKind.EXACT)
        self._folded = [(fold(e.label), e) for e in self.entries]
        # NOTE: every prefix of four characters or more, to its first label in catalogue
        # order: a truncated label is one lookup, not a scan of the catalogue.
        self._prefixes: dict[str, LabelMatch] = {}
        for label, entry in self._folded:
            for end in range(4, len(label) + 1):
                self._prefixes.setdefault(
                    label[:end], LabelMatch(entry.key, entry.label, MatchKind.TRUNCATED)
                )
        # NOTE: one matcher per label keeps SequenceMatcher's analysis of the label (seq2)
        # between calls; quick_ratio() then rejects most candidates without ratio(). Built on
        # first use: most labels never need one (a cold run pays only for those it compares).
        self._matchers: dict[str, SequenceMatcher] = {}
        self._by_length: dict[int, list[tuple[str, LabelEntry, dict[int, None]]]] = {}
        self._tables: dict[str, dict[int, None]] = {}
        self._cache: dict[str, LabelMatch | None] = {}
        self._answers: dict[str, LabelMatch | None] = {}

    def match(self, text: str, *, folded: bool = False) -> LabelMatch | None:
        # NOTE: answers are remembered by the text as written (``fold`` is idempotent, so
        # ``folded`` does not change them): a table asks about the same cell texts in every
        # report, and one look-up replaces folding and two more.
        found = self._answers.get(text, _UNSEEN)
        if found is _UNSEEN:
            found = self._match(text if folded else fold(text))
            if len(self._answers) > 4096:
                self._answers.clear()
            self._answers[text] = found
        return found  # type: ignore[return-value]

    def _match(self, key: str) -> LabelMatch | None:
        if not key:
            return None
        hit = self._exact.get(key)
        if hit is not None:
            return hit
        if key in self._cache:
            return self._cache[key]
        found = self._tolerant(key)
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[key] = found
        return found

    def exact(self, text: str) -> LabelMatch | None:
        """The EXACT or VARIANT match of ``text``, without the tolerant search :meth:`match`
        makes next (for callers that would reject a truncated or fuzzy match anyway)."""
        return self._exact.get(fold(text))

    def _tolerant(self, key: str) -> LabelMatch | None:
        if len(key) >= 4:
            truncated = self._prefixes.get(key)
            if truncated is not None:
                return truncated
        if len(key) >= self._fuzzy_min:
            best: tuple[float, LabelEntry | None] = (_FUZZY_MIN_RATIO, None)
            size = len(key)
            for label, entry, absent in self._near_in_length(size):
                # NOTE: a bound first, in one C call: characters of ``key`` found nowhere in
                # the label cannot match, so at most min(size - those, len(label)) can. Most
                # candidates stop here, before a SequenceMatcher is built or asked.
                common = min(size - len(key.translate(absent)), len(label))
                if 2.0 * common / (size + len(label)) < best[0]:  # NOTE: as difflib computes
                    continue
                matcher = self._matchers.get(label)
                if matcher is None:
                    from difflib import SequenceMatcher  # NOTE: only once a label is not exact.

                    matcher = self._matchers[label] = SequenceMatcher(None, "", label, False)
                matcher.set_seq1(key)
                if matcher.real_quick_ratio() < best[0] or matcher.quick_ratio() < best[0]:
                    continue
                ratio = matcher.ratio()
                if ratio >= best[0] and (best[1] is None or ratio > best[0]):
                    best = (ratio, entry)
            if best[1] is not None:
                return LabelMatch(best[1].key, best[1].label, MatchKind.FUZZY)
        return None

    def _near_in_length(self, length: int) -> list[tuple[str, LabelEntry, dict[int, None]]]:
        """The (folded) labels close enough in length to a ``length``-character text to be a
        typo of it (most sentences are longer than every label: none), each with the
        ``str.translate`` table that deletes its characters."""
        near = self._by_length.get(length)
        if near is None:
            near = [
                (label, entry, self._deleting(label))
                for label, entry in self._folded
                if abs(len(label) - length) <= max(3, len(label) // 4)
            ]
            if len(self._by_length) < 512:
                self._by_length[length] = near
        return near

    def _deleting(self, label: str) -> dict[int, None]:
        table = self._tables.get(label)
        if table is None:
            table = self._tables[label] = dict.fromkeys(map(ord, label))
        return table
