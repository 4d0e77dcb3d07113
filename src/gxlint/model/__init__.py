"""Stage 3: the typed report model and how it is built from the parse tree."""

from gxlint.model.nodes import (
    DateMention,
    DocNumber,
    Heading,
    Item,
    ItemList,
    Node,
    Ordinal,
    Paragraph,
    SignOff,
    StatisticsPeriod,
    Text,
    Title,
    Unrecognized,
)
from gxlint.model.report import Report, Section
from gxlint.model.tables import (
    ActiveDisclosureTable,
    ApplicationTable,
    Cell,
    CellState,
    Label,
    ReviewTable,
    Row,
    Table,
)
from gxlint.source.spans import NormSpan, SourceSpan

__all__ = [
    "ActiveDisclosureTable",
    "ApplicationTable",
    "Cell",
    "CellState",
    "DateMention",
    "DocNumber",
    "Heading",
    "Item",
    "ItemList",
    "Label",
    "Node",
    "NormSpan",
    "Ordinal",
    "Paragraph",
    "Report",
    "ReviewTable",
    "Row",
    "Section",
    "SignOff",
    "SourceSpan",
    "StatisticsPeriod",
    "Table",
    "Text",
    "Title",
    "Unrecognized",
]
