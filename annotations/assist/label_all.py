"""Label all occurrences of a term as one label, in one document or the whole corpus (a part of ``Project``).

``plan_label_all`` finds the occurrences (``matching.occurrences``: normalised and clitic-aware) and
sorts out those that overlap an existing span of the same label; nothing is written. The caller shows
the plan (a count and a list to untick) and hands the kept occurrences to ``label_all``, which adds
them all as one ``Change`` (one undo step), or as suggestions with source ``label-all``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import AnnotationError, UnknownLabelError
from ..model import Change
from ..search import Normalized
from ..span_ops import SpanOps
from ..store.store import now as _now
from .matching import occurrences

CONTEXT = 30  # characters of context either side in a plan's list


@dataclass(frozen=True)
class Occurrence:
    """One place a term was found.

    Attributes:
        doc: document id.
        start, end: code-point offsets into the document's text, end exclusive.
        text: ``text[start:end]`` (it may differ from the term: another alef, a diacritic).
        before, after: context on the same line, for a list.
    """

    doc: str
    start: int
    end: int
    text: str
    before: str = ""
    after: str = ""


@dataclass
class LabelAllPlan:
    """What ``label_all`` would do: the occurrences to add and those skipped.

    Attributes:
        term: what was searched for.
        label: the label to give.
        matches: occurrences that can be added (the caller may drop some before applying).
        skipped: occurrences overlapping an existing span of the same label (never added).
        documents: how many documents were searched.
    """

    term: str
    label: str
    matches: list[Occurrence] = field(default_factory=list)
    skipped: list[Occurrence] = field(default_factory=list)
    documents: int = 0

    def summary(self) -> str:
        docs = len({m.doc for m in self.matches})
        return (f"{len(self.matches)} occurrence(s) of {self.term!r} in {docs} document(s) can be labelled "
                f"{self.label}; {len(self.skipped)} skipped (already a {self.label} span there); "
                f"{self.documents} document(s) searched")


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[max(0, start - CONTEXT):start].rsplit("\n", 1)[-1]
    after = text[end:end + CONTEXT].split("\n", 1)[0]
    return before, after


class LabelAllOps(SpanOps):
    """Label all occurrences: ``plan_label_all`` (read only) then ``label_all`` (one change)."""

    def plan_label_all(self, term: str, label: str, doc_ids: Iterable[str] | None = None) -> LabelAllPlan:
        """Find where ``term`` occurs in ``doc_ids`` (default: every document) and what labelling it would add."""
        if not isinstance(term, str) or not term.strip():
            raise AnnotationError("label all needs a term to look for (the text of a span or a search)")
        if not self.schema.is_span_label(label):
            raise UnknownLabelError(f"unknown span label {label!r}: the schema has entity types "
                                    f"{', '.join(t.name for t in self.schema.entity_types)}")
        ids = list(doc_ids) if doc_ids is not None else [d.id for d in self.documents()]  # type: ignore[attr-defined]
        plan = LabelAllPlan(term, label, documents=len(ids))
        for doc_id in ids:
            text = self._doc_record(doc_id)["text"]
            same = [(s.start, s.end) for s in self.spans(doc_id) if s.label == label]
            for start, end in occurrences(Normalized.of(text), term):
                occ = Occurrence(doc_id, start, end, text[start:end], *_context(text, start, end))
                overlaps = any(s < end and start < e for s, e in same)
                (plan.skipped if overlaps else plan.matches).append(occ)
        return plan

    def label_all(self, matches: Sequence[Occurrence], label: str, as_suggestions: bool = False) -> list[str]:
        """Add a ``label`` span (or a ``label-all`` suggestion) at each of ``matches``, all in one change.

        Returns the new ids, in the order of ``matches``. Nothing is written when one is invalid.
        """
        if as_suggestions:
            return self.add_suggestions_many(  # type: ignore[attr-defined,no-any-return]
                [(m.doc, {"start": m.start, "end": m.end, "label": label, "score": 1.0}) for m in matches],
                "label-all", f"label all: {len(matches)} × {label} suggested")
        by_doc: dict[str, list[Occurrence]] = {}
        for m in matches:
            by_doc.setdefault(m.doc, []).append(m)
        before: dict[str, dict[str, Any]] = {}
        after: dict[str, dict[str, Any]] = {}
        ids: dict[tuple[str, int, int], str] = {}
        for doc_id, found in by_doc.items():
            doc = self._doc_record(doc_id)
            new_doc = copy.deepcopy(doc)
            b: dict[str, Any] = {"doc": doc}
            a: dict[str, Any] = {"doc": new_doc}
            for m in found:
                if (doc_id, m.start, m.end) in ids:
                    continue  # listed twice: one span
                rec = self._span_record(doc, m.start, m.end, label, None, None)
                rec["id"] = self._next_id(new_doc, "span")
                b[rec["id"]], a[rec["id"]] = None, rec
                ids[(doc_id, m.start, m.end)] = rec["id"]
            new_doc["modified"] = _now()
            before[doc_id], after[doc_id] = b, a
        if not ids:
            return []
        self._write(Change(f"label all: {len(ids)} × {label}", before, after))
        return [ids[(m.doc, m.start, m.end)] for m in matches]
