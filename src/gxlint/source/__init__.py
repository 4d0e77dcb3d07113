"""Stage 1: bytes → original text → normalised text, with exact offset mapping."""

from gxlint.source.decode import DecodeProblem, SourceText, decode_bytes, read_source
from gxlint.source.lines import LineIndex, Position
from gxlint.source.normalize import NormalizedText, normalize
from gxlint.source.offsets import OffsetMap
from gxlint.source.spans import NormSpan, SourceSpan

__all__ = [
    "DecodeProblem",
    "LineIndex",
    "NormSpan",
    "NormalizedText",
    "OffsetMap",
    "Position",
    "SourceSpan",
    "SourceText",
    "decode_bytes",
    "normalize",
    "read_source",
]
