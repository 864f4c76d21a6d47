"""Annotation schema: entity, event and relation types, roles, attributes; ACE 2005 by default.

A schema is plain JSON data (``Schema.to_dict()``/``Schema.from_dict()``) so that users can keep
it in a file, edit it in the schema editor, and share it. ``ace2005()`` builds the default.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SchemaError

TIME_ROLES = (
    "Time-Within",
    "Time-Holds",
    "Time-Starting",
    "Time-Ending",
    "Time-Before",
    "Time-After",
    "Time-At-Beginning",
    "Time-At-End",
)

_NAME_RE = re.compile(r"^[^\s:=,;|]+$")


@dataclass
class EntityType:
    name: str
    color: str = "#999999"
    key: str | None = None
    description: str = ""


@dataclass
class Role:
    name: str
    types: list[str] = field(default_factory=list)  # allowed argument labels; empty = any


@dataclass
class EventType:
    name: str
    roles: list[Role] = field(default_factory=list)
    color: str = "#cc6666"
    key: str | None = None
    description: str = ""

    def role(self, name: str) -> Role | None:
        return next((r for r in self.roles if r.name == name), None)


@dataclass
class RelationType:
    name: str
    arg1: list[str] = field(default_factory=list)
    arg2: list[str] = field(default_factory=list)
    color: str = "#6666cc"
    key: str | None = None
    description: str = ""


@dataclass
class AttributeDef:
    name: str
    values: list[str]
    default: str | None = None
    applies_to: list[str] = field(default_factory=lambda: ["event"])  # "entity", "event", "relation"


class Schema:
    """The set of types a project allows.

    Attributes:
        name: a display name ("ACE 2005").
        entity_types, event_types, relation_types, attributes: ordered lists of definitions.
        nesting: whether spans may nest (kept in the file only when ``False``).
    """

    def __init__(
        self,
        name: str = "custom",
        entity_types: Iterable[EntityType] = (),
        event_types: Iterable[EventType] = (),
        relation_types: Iterable[RelationType] = (),
        attributes: Iterable[AttributeDef] = (),
        nesting: bool = True,
    ) -> None:
        self.name = name
        self.nesting = nesting  # spans may nest (Wojood); False for flat datasets (ANERcorp, AQMAR)
        self.entity_types = list(entity_types)
        self.event_types = list(event_types)
        self.relation_types = list(relation_types)
        self.attributes = list(attributes)
        self.validate()

    # -- lookups -------------------------------------------------------------------------
    def entity(self, name: str) -> EntityType | None:
        return next((t for t in self.entity_types if t.name == name), None)

    def event(self, name: str) -> EventType | None:
        return next((t for t in self.event_types if t.name == name), None)

    def relation(self, name: str) -> RelationType | None:
        return next((t for t in self.relation_types if t.name == name), None)

    def attribute(self, name: str) -> AttributeDef | None:
        return next((a for a in self.attributes if a.name == name), None)

    def is_span_label(self, label: str) -> bool:
        """Entity types and event types (triggers are spans labelled with the event type)."""
        return self.entity(label) is not None or self.event(label) is not None

    def color_of(self, label: str) -> str:
        t = self.entity(label) or self.event(label) or self.relation(label)
        return t.color if t else "#999999"

    def all_types(self) -> list[tuple[str, Any]]:
        return (
            [("entity", t) for t in self.entity_types]
            + [("event", t) for t in self.event_types]
            + [("relation", t) for t in self.relation_types]
        )

    def key_conflicts(self) -> list[tuple[str, list[str]]]:
        """Shortcut keys used by more than one type, as ``(key, [type names])``."""
        seen: dict[str, list[str]] = {}
        for _, t in self.all_types():
            if t.key:
                seen.setdefault(t.key.lower(), []).append(t.name)
        return [(k, names) for k, names in seen.items() if len(names) > 1]

    # -- validation ----------------------------------------------------------------------
    def validate(self) -> None:
        names: set[str] = set()
        for kind, t in self.all_types():
            if not isinstance(t.name, str) or not _NAME_RE.match(t.name):
                raise SchemaError(
                    f"{kind} type name {t.name!r} is not allowed: use letters, digits, '.', '-' "
                    "or '_' without spaces, ':', '=', ',', ';' or '|'"
                )
            if t.name in names:
                raise SchemaError(f"type name {t.name!r} is defined twice; names must be unique")
            names.add(t.name)
        for et in self.event_types:
            seen_roles: set[str] = set()
            for r in et.roles:
                if not _NAME_RE.match(r.name):
                    raise SchemaError(f"event type {et.name}: role name {r.name!r} is not allowed")
                if r.name in seen_roles:
                    raise SchemaError(f"event type {et.name}: role {r.name!r} is listed twice")
                seen_roles.add(r.name)
        for a in self.attributes:
            if not a.values:
                raise SchemaError(f"attribute {a.name!r} has no values")
            if a.default is not None and a.default not in a.values:
                raise SchemaError(f"attribute {a.name!r}: default {a.default!r} is not one of its values")

    # -- (de)serialisation ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "entity_types": [vars(t).copy() for t in self.entity_types],
            "event_types": [
                {**{k: v for k, v in vars(t).items() if k != "roles"},
                 "roles": [{"name": r.name, "types": list(r.types)} for r in t.roles]}
                for t in self.event_types
            ],
            "relation_types": [copy.deepcopy(vars(t)) for t in self.relation_types],
            "attributes": [copy.deepcopy(vars(a)) for a in self.attributes],
            **({} if self.nesting else {"nesting": False}),  # written only when off: older files stay as they were
        }

    @classmethod
    def from_dict(cls, data: Any, source: str = "schema") -> Schema:
        if not isinstance(data, dict):
            raise SchemaError(f"{source}: a schema must be a JSON object")
        try:
            return cls(
                name=str(data.get("name", "custom")),
                entity_types=[EntityType(**t) for t in data.get("entity_types", [])],
                event_types=[
                    EventType(**{**t, "roles": [Role(**r) for r in t.get("roles", [])]})
                    for t in data.get("event_types", [])
                ],
                relation_types=[RelationType(**t) for t in data.get("relation_types", [])],
                attributes=[AttributeDef(**a) for a in data.get("attributes", [])],
                nesting=bool(data.get("nesting", True)),
            )
        except TypeError as exc:
            raise SchemaError(f"{source}: unexpected or missing field ({exc})") from None
        except SchemaError as exc:
            raise SchemaError(f"{source}: {exc}") from None

    @classmethod
    def load(cls, path: str | Path) -> Schema:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SchemaError(f"{path}: schema file not found") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise SchemaError(f"{path}: not a valid UTF-8 JSON schema file ({exc})") from None
        return cls.from_dict(data, source=str(path))

    def save(self, path: str | Path) -> None:
        from .store.files import atomic_write_bytes

        data = json.dumps(self.to_dict(), ensure_ascii=False, indent=2).encode("utf-8")
        atomic_write_bytes(Path(path), data)

    def copy(self) -> Schema:
        return Schema.from_dict(self.to_dict())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Schema) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return (
            f"<Schema {self.name!r}: {len(self.entity_types)} entity, "
            f"{len(self.event_types)} event, {len(self.relation_types)} relation types>"
        )


# --------------------------------------------------------------------------------------------
# ACE 2005
# --------------------------------------------------------------------------------------------
_ACTORS = ["PER", "ORG", "GPE"]
_PLACE = ["GPE", "LOC", "FAC"]
_ROLE_TYPES = {
    "Person": ["PER"],
    "Agent": _ACTORS,
    "Victim": ["PER"],
    "Instrument": ["WEA", "VEH"],
    "Place": _PLACE,
    "Artifact": ["PER", "WEA", "VEH", "FAC", "ORG"],
    "Vehicle": ["VEH"],
    "Price": ["VALUE"],
    "Origin": _PLACE,
    "Destination": _PLACE,
    "Buyer": _ACTORS,
    "Seller": _ACTORS,
    "Beneficiary": _ACTORS,
    "Giver": _ACTORS,
    "Recipient": _ACTORS,
    "Money": ["VALUE"],
    "Org": ["ORG"],
    "Attacker": _ACTORS,
    "Target": ["PER", "ORG", "GPE", "LOC", "FAC", "VEH", "WEA"],
    "Entity": _ACTORS,
    "Position": ["VALUE"],
    "Crime": ["VALUE"],
    "Defendant": _ACTORS,
    "Prosecutor": _ACTORS,
    "Adjudicator": _ACTORS,
    "Plaintiff": _ACTORS,
    "Sentence": ["VALUE"],
}
# Event subtypes with their participant roles (ACE 2005 English Events Guidelines v5.4.3).
# Every subtype also takes the time roles; "Place" is added where the guidelines list it.
_ACE_EVENTS: list[tuple[str, list[str], bool]] = [
    ("Life.Be-Born", ["Person"], True),
    ("Life.Marry", ["Person"], True),
    ("Life.Divorce", ["Person"], True),
    ("Life.Injure", ["Agent", "Victim", "Instrument"], True),
    ("Life.Die", ["Agent", "Victim", "Instrument"], True),
    ("Movement.Transport", ["Agent", "Artifact", "Vehicle", "Price", "Origin", "Destination"], False),
    ("Transaction.Transfer-Ownership", ["Buyer", "Seller", "Beneficiary", "Artifact", "Price"], True),
    ("Transaction.Transfer-Money", ["Giver", "Recipient", "Beneficiary", "Money"], True),
    ("Business.Start-Org", ["Agent", "Org"], True),
    ("Business.Merge-Org", ["Org"], True),
    ("Business.Declare-Bankruptcy", ["Org"], True),
    ("Business.End-Org", ["Org"], True),
    ("Conflict.Attack", ["Attacker", "Target", "Instrument"], True),
    ("Conflict.Demonstrate", ["Entity"], True),
    ("Contact.Meet", ["Entity"], True),
    ("Contact.Phone-Write", ["Entity"], False),
    ("Personnel.Start-Position", ["Person", "Entity", "Position"], True),
    ("Personnel.End-Position", ["Person", "Entity", "Position"], True),
    ("Personnel.Nominate", ["Person", "Agent", "Position"], True),
    ("Personnel.Elect", ["Person", "Entity", "Position"], True),
    ("Justice.Arrest-Jail", ["Person", "Agent", "Crime"], True),
    ("Justice.Release-Parole", ["Person", "Entity", "Crime"], True),
    ("Justice.Trial-Hearing", ["Defendant", "Prosecutor", "Adjudicator", "Crime"], True),
    ("Justice.Charge-Indict", ["Defendant", "Prosecutor", "Adjudicator", "Crime"], True),
    ("Justice.Sue", ["Plaintiff", "Defendant", "Adjudicator", "Crime"], True),
    ("Justice.Convict", ["Defendant", "Adjudicator", "Crime"], True),
    ("Justice.Sentence", ["Defendant", "Adjudicator", "Crime", "Sentence"], True),
    ("Justice.Fine", ["Entity", "Adjudicator", "Money", "Crime"], True),
    ("Justice.Execute", ["Person", "Agent", "Crime"], True),
    ("Justice.Extradite", ["Agent", "Person", "Destination", "Origin", "Crime"], False),
    ("Justice.Acquit", ["Defendant", "Adjudicator", "Crime"], True),
    ("Justice.Appeal", ["Defendant", "Prosecutor", "Adjudicator", "Crime"], True),
    ("Justice.Pardon", ["Defendant", "Adjudicator", "Crime"], True),
]
_EVENT_COLORS = {
    "Life": "#e57373", "Movement": "#ffb74d", "Transaction": "#aed581", "Business": "#4db6ac",
    "Conflict": "#f06292", "Contact": "#ba68c8", "Personnel": "#7986cb", "Justice": "#a1887f",
}
_ACE_RELATIONS = [
    ("PHYS.Located", ["PER"], _PLACE),
    ("PHYS.Near", ["PER", "FAC", "GPE", "LOC"], ["FAC", "GPE", "LOC"]),
    ("PART-WHOLE.Geographical", ["FAC", "LOC", "GPE"], ["FAC", "LOC", "GPE"]),
    ("PART-WHOLE.Subsidiary", ["ORG"], ["ORG", "GPE"]),
    ("PART-WHOLE.Artifact", ["VEH", "WEA"], ["VEH", "WEA"]),
    ("PER-SOC.Business", ["PER"], ["PER"]),
    ("PER-SOC.Family", ["PER"], ["PER"]),
    ("PER-SOC.Lasting-Personal", ["PER"], ["PER"]),
    ("ORG-AFF.Employment", ["PER"], ["ORG", "GPE"]),
    ("ORG-AFF.Ownership", ["PER"], ["ORG"]),
    ("ORG-AFF.Founder", ["PER", "ORG"], ["ORG", "GPE"]),
    ("ORG-AFF.Student-Alum", ["PER"], ["ORG"]),
    ("ORG-AFF.Sports-Affiliation", ["PER"], ["ORG"]),
    ("ORG-AFF.Investor-Shareholder", ["PER", "ORG", "GPE"], ["ORG", "GPE"]),
    ("ORG-AFF.Membership", ["PER", "ORG", "GPE"], ["ORG"]),
    ("ART.User-Owner-Inventor-Manufacturer", ["PER", "ORG", "GPE"], ["WEA", "VEH", "FAC"]),
    ("GEN-AFF.Citizen-Resident-Religion-Ethnicity", ["PER"], ["PER", "LOC", "GPE", "ORG"]),
    ("GEN-AFF.Org-Location", ["ORG"], ["LOC", "GPE"]),
]


# Default keys of the most frequent ACE 2005 event types (by count in the ACE 2005 training data), free of
# the entity keys p o g l f v w t n; a schema can change or remove them (schema editor, schema file).
_EVENT_KEYS = {
    "Conflict.Attack": "a", "Movement.Transport": "r", "Life.Die": "d", "Contact.Meet": "m",
    "Personnel.End-Position": "e", "Transaction.Transfer-Money": "x", "Personnel.Elect": "c",
    "Life.Injure": "i", "Justice.Arrest-Jail": "j", "Contact.Phone-Write": "h",
    "Transaction.Transfer-Ownership": "b", "Personnel.Start-Position": "s",
}


def ace2005() -> Schema:
    """The default schema: ACE 2005 entity types, 33 event subtypes, relations, attributes."""
    entities = [
        EntityType("PER", "#ffd54f", "p", "Person"),
        EntityType("ORG", "#81d4fa", "o", "Organization"),
        EntityType("GPE", "#a5d6a7", "g", "Geo-political entity"),
        EntityType("LOC", "#c5e1a5", "l", "Location"),
        EntityType("FAC", "#ffab91", "f", "Facility"),
        EntityType("VEH", "#b0bec5", "v", "Vehicle"),
        EntityType("WEA", "#ef9a9a", "w", "Weapon"),
        EntityType("TIME", "#ce93d8", "t", "Time expression"),
        EntityType("VALUE", "#bcaaa4", "n", "Value (money, number, crime, position...)"),
    ]
    events = []
    for name, roles, has_place in _ACE_EVENTS:
        role_names = list(roles) + (["Place"] if has_place else []) + list(TIME_ROLES)
        events.append(
            EventType(
                name,
                [Role(r, list(_ROLE_TYPES.get(r, ["TIME"]))) for r in role_names],
                _EVENT_COLORS[name.split(".")[0]],
                _EVENT_KEYS.get(name),
            )
        )
    relations = [RelationType(n, list(a1), list(a2), "#5c6bc0") for n, a1, a2 in _ACE_RELATIONS]
    attributes = [
        AttributeDef("Polarity", ["Positive", "Negative"], "Positive"),
        AttributeDef("Tense", ["Past", "Present", "Future", "Unspecified"], "Unspecified"),
        AttributeDef("Genericity", ["Specific", "Generic"], "Specific"),
        AttributeDef("Modality", ["Asserted", "Other"], "Asserted"),
    ]
    return Schema("ACE 2005", entities, events, relations, attributes)


# The built-in schemas (ACE 2005, Wojood, ANERcorp, AQMAR) live in their own module, which needs the
# classes above; imported last so that ``schema.PRESETS`` stays the one list every chooser shows.
from .builtin_schemas import BUILTIN_SCHEMAS as PRESETS  # noqa: E402, F401
