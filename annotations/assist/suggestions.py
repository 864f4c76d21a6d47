"""Suggestions: proposed spans kept as a layer of their own until the user accepts or rejects them
(a part of ``Project``).

A suggestion is a record of the document's ``suggestions`` table, id ``<doc>:S<n>``, written through
the same journal as spans (so it is durable, and undo works on accepting and rejecting)::

    {"id", "doc", "start", "end", "label", "score", "source", "state", "span", "created", "modified"}

``source`` is ``model``, ``gazetteer:NAME`` or ``label-all``; ``state`` is ``open``, ``accepted``
(``span`` then names the span it became) or ``rejected``. Accepted and rejected records are kept:
a rejected suggestion is remembered and never offered again (same start, end and label), and
neither is ever renumbered, so an undo that brings one back always finds its id free.

Writing suggestions (``replace_suggestions``, from the recommender or a gazetteer) touches only the
``suggestions`` table, never the document record: a background write cannot make the user's
undo history stale. Ids are numbered after the highest one in the table for the same reason.
Suggestions are not exported unless accepted (they are spans then), or with
``--include-suggestions``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import AnnotationError, InvalidSpanError
from ..model import Change, doc_of
from ..span_ops import SpanOps
from ..store import DocFile
from ..store.docfile import local_number
from ..store.store import now as _now

Records = dict[str, Any]
STATES = ("open", "accepted", "rejected")


@dataclass(frozen=True)
class Suggestion:
    """A proposed span ``text[start:end]`` with ``label``.

    Attributes:
        id: ``<doc>:S<n>``.
        doc: document id.
        start, end: code-point offsets, end exclusive.
        label: the proposed label.
        score: the source's confidence in [0, 1] (1 for a gazetteer or label-all match).
        source: ``model``, ``gazetteer:NAME`` or ``label-all``.
        text: ``text[start:end]``.
        state: ``open``, ``accepted`` or ``rejected``.
        span: the id of the span it became (accepted only).
    """

    id: str
    doc: str
    start: int
    end: int
    label: str
    score: float
    source: str
    text: str
    state: str = "open"
    span: str | None = None

    @classmethod
    def from_record(cls, rec: Mapping[str, Any], doc_text: str) -> Suggestion:
        return cls(rec["id"], rec["doc"], rec["start"], rec["end"], rec["label"], float(rec.get("score", 0.0)),
                   rec.get("source", "model"), doc_text[rec["start"]:rec["end"]], rec.get("state", "open"),
                   rec.get("span"))


def _overlaps(a: Mapping[str, Any], b: Any) -> bool:
    return bool(a["start"] < b.end and b.start < a["end"])


class SuggestionOps(SpanOps):
    """Suggestions of a document: read them, write a source's batch, accept, reject (see the module)."""

    def suggestions(self, doc_id: str, state: str | None = "open") -> list[Suggestion]:
        """The suggestions of a document in that ``state`` (``None``: all), by start, then best score."""
        docfile = self._store.docfile(doc_id)
        text = (docfile.raw_doc() or {}).get("text", "")
        recs = [r for r in docfile.raw("suggestion") if state is None or r.get("state", "open") == state]
        recs.sort(key=lambda r: (r["start"], -float(r.get("score", 0.0)), local_number(r["id"])))
        return [Suggestion.from_record(r, text) for r in recs]

    def suggestion(self, suggestion_id: str) -> Suggestion:
        docfile, rec = self._get(suggestion_id, "suggestion")
        return Suggestion.from_record(rec, self._doc_record(rec["doc"])["text"])

    # ------------------------------------------------------------------ writing a batch
    def _new_suggestions(self, doc_id: str, docfile: DocFile, items: Sequence[Mapping[str, Any]], source: str,
                         replaced: set[str], counter: list[int]) -> dict[str, Records]:
        """Records for ``items`` that are new: not rejected before, not over a span, not already open."""
        text = self._doc_record(doc_id)["text"]
        spans = self.spans(doc_id)
        existing = [r for r in docfile.raw("suggestion") if r["id"] not in replaced]
        refused = {(r["start"], r["end"], r["label"]) for r in existing if r.get("state") == "rejected"}
        taken = {(r["start"], r["end"], r["label"]) for r in existing if r.get("state", "open") == "open"}
        out: dict[str, Records] = {}
        now = _now()
        for i, item in enumerate(items):
            start, end, label = item.get("start"), item.get("end"), item.get("label")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                raise InvalidSpanError(f"suggestion {i + 1}: [{start}, {end}) is not inside document {doc_id} "
                                       f"(length {len(text)})")
            if not isinstance(label, str) or not self.schema.is_span_label(label):
                continue  # a gazetteer or an old model may know labels this schema no longer has
            key = (start, end, label)
            rec = {"start": start, "end": end}
            if key in refused or key in taken or any(_overlaps(rec, s) for s in spans):
                continue
            taken.add(key)
            rid = f"{doc_id}:S{counter[0]}"
            counter[0] += 1
            out[rid] = {"id": rid, "doc": doc_id, "start": start, "end": end, "label": label,
                        "score": round(float(item.get("score", 1.0)), 4), "source": source, "state": "open",
                        "span": None, "created": now, "modified": now}
        return out

    def replace_suggestions(self, batches: Mapping[str, Sequence[Mapping[str, Any]]], source: str,
                            description: str | None = None) -> int:
        """Make ``batches[doc_id]`` (dicts with start, end, label, score) the open suggestions of ``source``
        in each of those documents, in one change; returns how many were written.

        The source's previous open suggestions there go; rejected ones are kept, and an item equal to
        a rejected suggestion, overlapping a span, or equal to an open suggestion of another source is
        left out. Labels the schema does not have are left out too.
        """
        before: dict[str, dict[str, Any]] = {}
        after: dict[str, dict[str, Any]] = {}
        written = 0
        for doc_id, items in batches.items():
            docfile = self._store.docfile(doc_id)
            old = {r["id"]: dict(r) for r in docfile.raw("suggestion")
                   if r.get("source") == source and r.get("state", "open") == "open"}
            counter = [max((local_number(r["id"]) for r in docfile.raw("suggestion")), default=0) + 1]
            new = self._new_suggestions(doc_id, docfile, items, source, set(old), counter)
            if not old and not new:
                continue
            b: dict[str, Any] = dict(old)
            a: dict[str, Any] = {rid: None for rid in old}
            for rid, rec in new.items():
                b.setdefault(rid, None)
                a[rid] = rec
            before[doc_id], after[doc_id] = b, a
            written += len(new)
        if before:
            self._write(Change(description or f"{written} suggestion(s) from {source}", before, after))
        return written

    def add_suggestions_many(self, items: Iterable[tuple[str, Mapping[str, Any]]], source: str,
                             description: str | None = None) -> list[str]:
        """Add suggestions ``(doc_id, item)`` from ``source`` next to the open ones, in one change; new ids."""
        by_doc: dict[str, list[Mapping[str, Any]]] = {}
        for doc_id, item in items:
            by_doc.setdefault(doc_id, []).append(item)
        before: dict[str, dict[str, Any]] = {}
        after: dict[str, dict[str, Any]] = {}
        ids: list[str] = []
        for doc_id, found in by_doc.items():
            docfile = self._store.docfile(doc_id)
            counter = [max((local_number(r["id"]) for r in docfile.raw("suggestion")), default=0) + 1]
            new = self._new_suggestions(doc_id, docfile, found, source, set(), counter)
            if new:
                before[doc_id], after[doc_id] = {rid: None for rid in new}, new
                ids.extend(new)
        if ids:
            self._write(Change(description or f"{len(ids)} suggestion(s) from {source}", before, after))
        return ids

    # ------------------------------------------------------------------ accepting and rejecting
    def _open(self, suggestion_id: str) -> tuple[DocFile, Records]:
        docfile, rec = self._get(suggestion_id, "suggestion")
        if rec.get("state", "open") != "open":
            raise AnnotationError(f"suggestion {suggestion_id} was already {rec.get('state')}")
        return docfile, rec

    def accept_suggestions(self, suggestion_ids: Sequence[str]) -> list[str]:
        """Turn open suggestions into spans (one change, one undo step); returns the new span ids."""
        if not suggestion_ids:
            return []
        docs = {doc_of(sid) for sid in suggestion_ids}
        if len(docs) != 1:
            raise AnnotationError("accept suggestions of one document at a time")
        doc_id = docs.pop()
        doc = self._doc_record(doc_id)
        new_doc = copy.deepcopy(doc)
        before: dict[str, Any] = {"doc": doc}
        after: dict[str, Any] = {}
        ids = []
        now = _now()
        for sid in dict.fromkeys(suggestion_ids):
            _, rec = self._open(sid)
            span = self._span_record(doc, rec["start"], rec["end"], rec["label"], None, None)
            span["id"] = self._next_id(new_doc, "span")
            before[sid], before[span["id"]] = rec, None
            after[sid] = {**rec, "state": "accepted", "span": span["id"], "modified": now}
            after[span["id"]] = span
            ids.append(span["id"])
        new_doc["modified"] = now
        after["doc"] = new_doc
        what = f"accept {len(ids)} suggestion(s)" if len(ids) > 1 else f"accept {after[sid]['label']} suggestion"
        self._write(Change(what, {doc_id: before}, {doc_id: after}))
        return ids

    def accept_suggestion(self, suggestion_id: str) -> str:
        """Turn an open suggestion into a span with its label and offsets; returns the span id."""
        return self.accept_suggestions([suggestion_id])[0]

    def accept_all_suggestions(self, doc_id: str) -> list[str]:
        """Accept every open suggestion of a document that does not overlap a better one, in one change."""
        chosen: list[Suggestion] = []
        for s in sorted(self.suggestions(doc_id), key=lambda s: (-s.score, s.start)):
            if not any(s.start < c.end and c.start < s.end for c in chosen):
                chosen.append(s)
        chosen.sort(key=lambda s: s.start)
        return self.accept_suggestions([s.id for s in chosen])

    def reject_suggestion(self, suggestion_id: str) -> None:
        """Reject an open suggestion: it is remembered and not offered again."""
        _, rec = self._open(suggestion_id)
        new = {**rec, "state": "rejected", "modified": _now()}
        self._write(Change(f"reject {rec['label']} suggestion", {rec["doc"]: {suggestion_id: rec}},
                           {rec["doc"]: {suggestion_id: new}}))

    def suggestion_stats(self, doc_ids: Iterable[str] | None = None) -> dict[str, int]:
        """How many suggestions are open, accepted and rejected (in ``doc_ids``, default all documents)."""
        counts = dict.fromkeys(STATES, 0)
        ids = doc_ids if doc_ids is not None else (d.id for d in self.documents())  # type: ignore[attr-defined]
        for doc_id in ids:
            for rec in self._store.docfile(doc_id).raw("suggestion"):
                state = rec.get("state", "open")
                counts[state] = counts.get(state, 0) + 1
        return counts
