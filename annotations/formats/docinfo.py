"""A document's title, metadata and status, as the formats without fields of their own carry them.

brat (a ``<doc>.meta.json`` beside the ``.txt``), CoNLL (a ``# qalam-document = {...}`` comment line),
Label Studio (``data`` fields) and doccano / spaCy (extra keys / ``user_data``) all carry the same
JSON object ``{"title", "meta", "status"}``; ``read_info`` checks one that comes back from a file, so
a damaged or foreign value is reported and left out instead of stored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..model import STATUSES, Document
from .staging import json_text


def doc_info(doc: Document) -> dict[str, Any]:
    """The title, meta and status of ``doc`` as a JSON-ready dict."""
    return {"title": doc.title, "meta": dict(doc.meta), "status": doc.status}


# line ends that JSON leaves unescaped but str.splitlines() (and brat, and many CoNLL readers) split at
_UNESCAPED_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"})


def json_line(value: Any) -> str:
    """``value`` as JSON on one line: no character any reader takes for a line end appears in it."""
    return json_text(value).translate(_UNESCAPED_BREAKS)


def info_json(doc: Document) -> str:
    """``doc_info`` on one line (``json_line``)."""
    return json_line(doc_info(doc))


def read_info(value: Any, where: str, problem: Any, file: str, line: int | None) -> dict[str, Any]:
    """The usable parts of a carried ``{"title", "meta", "status"}``: keys ``title``, ``meta`` and
    ``status`` are present only when they came back valid; anything else is reported (``where``
    names the field or line it was read from) and left out."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            problem(file, line, f"{where}: not valid JSON ({exc.msg}); title, meta and status left out",
                    "warning")
            return {}
    if not isinstance(value, Mapping):
        problem(file, line, f"{where}: must be an object with title, meta and status; left out", "warning")
        return {}
    out: dict[str, Any] = {}
    if "title" in value:
        if value["title"] is None or isinstance(value["title"], str):
            out["title"] = value["title"]
        else:
            problem(file, line, f"{where}: title {value['title']!r} is not text; left out", "warning")
    if "meta" in value:
        if isinstance(value["meta"], Mapping):
            out["meta"] = dict(value["meta"])
        else:
            problem(file, line, f"{where}: meta must be an object; left out", "warning")
    if "status" in value:
        if value["status"] in STATUSES:
            out["status"] = value["status"]
        else:
            problem(file, line, f"{where}: status {value['status']!r} is not one of {', '.join(STATUSES)}; "
                    "the import's status is used", "warning")
    return out


def apply_info(pd: Any, info: Mapping[str, Any]) -> None:
    """Put what ``read_info`` returned on a ``ParsedDoc`` (its meta replaces the reader's default)."""
    if "title" in info:
        pd.title = info["title"]
    if "meta" in info:
        pd.meta = dict(info["meta"])
    if "status" in info:
        pd.status = info["status"]
