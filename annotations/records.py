"""Checks and conversions of the records that ``Project`` stores: JSON-only dicts, statuses,
index summaries as ``DocumentInfo``, and a view for validating a change before it is made."""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import orjson

from .errors import AnnotationError
from .model import STATUSES, DocumentInfo
from .store import DocFile
from .store.files import ORJSON_OPTIONS

Records = dict[str, Any]


class PatchedView:
    """A read-only view of a document's records with some records replaced (for validation)."""

    def __init__(self, base: DocFile | None, records: dict[str, Records]) -> None:
        self.base = base
        self.records = records

    def get(self, record_id: str) -> Records | None:
        if record_id in self.records:
            return self.records[record_id]
        return self.base.get(record_id) if self.base is not None else None


def info_of(s: Records) -> DocumentInfo:
    return DocumentInfo(
        id=s["id"], title=s.get("title"), status=s.get("status", "new"), n_spans=s.get("n_spans", 0),
        n_events=s.get("n_events", 0), n_relations=s.get("n_relations", 0), length=s.get("length", 0),
        # a read-only view: index records are replaced, never changed in place, on every edit
        hash=s.get("hash", ""), created=s.get("created", ""), meta=MappingProxyType(s.get("meta") or {}),
    )


def check_status(status: Any) -> None:
    if status not in STATUSES:
        raise AnnotationError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")


def json_dict(value: Any, what: str, take: bool = False) -> dict[str, Any]:
    """``value`` checked to be a JSON object, as a deep copy (or itself, with ``take``, when its
    encoding shows it reads back equal: no null, which is also what NaN becomes)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise AnnotationError(f"{what} must be a dict, not {type(value).__name__}")
    try:
        # One round trip both proves the value is JSON and makes our own deep copy of it, read
        # back by the library that wrote it (orjson reads integers past 64 bits as floats).
        try:
            raw = orjson.dumps(value, option=ORJSON_OPTIONS)  # refuses non-string keys, big integers
            if take and type(value) is dict and b"null" not in raw:
                return value
            copied = orjson.loads(raw)
        except TypeError:  # what orjson declines: integers past 64 bits, non-string keys...
            copied = json.loads(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError) as exc:
        raise AnnotationError(f"{what} must hold only JSON values (str, number, bool, list, dict): {exc}") from None
    if not isinstance(copied, dict) or set(copied) != set(value):
        raise AnnotationError(f"{what} keys must be strings")
    return copied


def default_annotator() -> str | None:
    import getpass  # on first use: start-up time matters (issue 7)

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises various errors when no user name is set
        return None

