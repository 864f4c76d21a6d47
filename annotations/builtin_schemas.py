"""Built-in schemas for Arabic datasets, offered at project creation (and editable like any schema).

``BUILTIN_SCHEMAS`` maps a display name to a function building a fresh ``Schema``: ACE 2005 (the
default, see ``schema.ace2005``), Wojood (21 nested types, Jarrar et al. 2022), ANERcorp (Benajiba
et al. 2007) and AQMAR (Mohit et al. 2012). Every type has a colour, a single-key shortcut that no
other type of the same schema uses, and a description. ``nesting`` says whether the dataset nests
entities (only Wojood does); nested exports (``--nested levels``, ``--format wojood``) rely on it.
"""

from __future__ import annotations

from collections.abc import Callable

from .schema import EntityType, Schema, ace2005

# (name, colour, key, description): the Wojood annotation guidelines' 21 types
_WOJOOD = [
    ("PERS", "#ffd54f", "p", "Person"),
    ("NORP", "#ffe082", "n", "Nationality, religious or political group"),
    ("OCC", "#fff59d", "j", "Occupation (job title)"),
    ("ORG", "#81d4fa", "o", "Organization"),
    ("GPE", "#a5d6a7", "g", "Geo-political entity"),
    ("LOC", "#c5e1a5", "l", "Location (geographical, not political)"),
    ("FAC", "#ffab91", "f", "Facility"),
    ("EVENT", "#f48fb1", "e", "Named event"),
    ("DATE", "#ce93d8", "d", "Date"),
    ("TIME", "#b39ddb", "t", "Time of day"),
    ("LANGUAGE", "#80cbc4", "a", "Language"),
    ("WEBSITE", "#90caf9", "w", "Website"),
    ("LAW", "#bcaaa4", "z", "Law, treaty or legal document"),
    ("PRODUCT", "#b0bec5", "r", "Product"),
    ("CARDINAL", "#e6ee9c", "c", "Cardinal number"),
    ("ORDINAL", "#dce775", "i", "Ordinal number"),
    ("PERCENT", "#ffcc80", "x", "Percentage"),
    ("QUANTITY", "#ef9a9a", "q", "Quantity (with its unit)"),
    ("UNIT", "#e57373", "u", "Unit of measure"),
    ("MONEY", "#aed581", "m", "Money amount"),
    ("CURR", "#9ccc65", "y", "Currency"),
]
_ANERCORP = [
    ("PER", "#ffd54f", "p", "Person"),
    ("LOC", "#a5d6a7", "l", "Location"),
    ("ORG", "#81d4fa", "o", "Organization"),
    ("MISC", "#ce93d8", "m", "Miscellaneous named entity"),
]
_AQMAR = [
    ("PER", "#ffd54f", "p", "Person"),
    ("LOC", "#a5d6a7", "l", "Location"),
    ("ORG", "#81d4fa", "o", "Organization"),
    ("MIS0", "#ce93d8", "0", "Miscellaneous: the article's own topical class (custom category 0)"),
    ("MIS1", "#b39ddb", "1", "Miscellaneous: custom category 1 of the article"),
    ("MIS2", "#9fa8da", "2", "Miscellaneous: custom category 2 of the article"),
    ("MIS3", "#90caf9", "3", "Miscellaneous: custom category 3 of the article"),
]


def _entities_only(name: str, types: list[tuple[str, str, str, str]], nesting: bool) -> Schema:
    return Schema(name, [EntityType(n, colour, key, desc) for n, colour, key, desc in types], nesting=nesting)


def wojood() -> Schema:
    """Wojood: 21 entity types, nesting allowed (``الأسد I-ORG B-PERS``)."""
    return _entities_only("Wojood", _WOJOOD, nesting=True)


def anercorp() -> Schema:
    """ANERcorp: PER, LOC, ORG, MISC; flat."""
    return _entities_only("ANERcorp", _ANERCORP, nesting=False)


def aqmar() -> Schema:
    """AQMAR Arabic Wikipedia NER: PER, LOC, ORG and the custom classes MIS0–MIS3; flat."""
    return _entities_only("AQMAR", _AQMAR, nesting=False)


BUILTIN_SCHEMAS: dict[str, Callable[[], Schema]] = {
    "ACE 2005": ace2005,
    "Wojood": wojood,
    "ANERcorp": anercorp,
    "AQMAR": aqmar,
}
DEFAULT_SCHEMA = "ACE 2005"
