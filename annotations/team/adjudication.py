"""Adjudication: turning the layers of a curation project into its gold layer, one decision at a time.

For each cluster of a document (``disagreements.clusters``) the curator decides: take one
annotator's candidates, take several (or all), reject all, or edit (give the gold spans by hand).
Clusters on which every annotator agrees are accepted in one step (``accept_agreed``). Each decision
is one atomic, undoable change of one document: the gold spans of the cluster's extent are replaced
(with what refers to them), each new gold span records the annotators it came from (``FROM_ATTR``),
and the decision is written under the cluster's key in the document's bookkeeping (``resolved``).
When every cluster of a document is decided, the same change marks the document ``done``, so the
default export (done documents, the gold layer of curation documents) writes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import AnnotationError
from .disagreements import Cluster, clusters
from .gold_structure import gold_keys, gold_structure
from .layers import FROM_ATTR, GOLD, META_KEY, Layer, curation_of, from_names, layer_change, write


@dataclass(frozen=True)
class Progress:
    resolved: int
    total: int

    def __str__(self) -> str:
        return f"{self.resolved} of {self.total} resolved"


class Adjudication:
    """The adjudication state of a curation project (read from it on every call: undo just works)."""

    def __init__(self, project: Any) -> None:
        self.project = project

    # ---------------------------------------------------------------- reading
    def documents(self) -> list[str]:
        """Ids of the curation documents that can be adjudicated (not those kept apart), in order."""
        out = []
        for info in self.project.documents():
            cur = curation_of(self.project.document(info.id))
            if cur is not None and not cur.get("kept_apart"):
                out.append(info.id)
        return out

    def _layers(self, doc_id: str) -> tuple[dict[str, Any], dict[str, list[Any]], list[Any]]:
        doc = self.project.document(doc_id)
        cur = curation_of(doc)
        if cur is None:
            raise AnnotationError(f"document {doc_id} is not a curation document; merge bundles into a "
                                  "curation project first (python main.py merge)")
        names = [str(n) for n in cur.get("layers") or []]
        spans = self.project.spans(doc_id)
        layers = {n: [s for s in spans if s.annotator == n] for n in names}
        return cur, layers, [s for s in spans if s.annotator == GOLD]

    def clusters(self, doc_id: str) -> list[Cluster]:
        """Every cluster of a document, agreed ones included, in text order."""
        return clusters(doc_id, self._layers(doc_id)[1])

    def disagreements(self, doc_id: str | None = None) -> list[Cluster]:
        """The clusters that need a decision (of one document, or of all)."""
        ids = [doc_id] if doc_id is not None else self.documents()
        return [c for d in ids for c in self.clusters(d) if not c.agreed]

    def decision(self, cluster: Cluster) -> str | None:
        """What was decided for ``cluster`` ("take alice", "reject", "edit"...), or None."""
        cur = curation_of(self.project.document(cluster.doc)) or {}
        return (cur.get("resolved") or {}).get(cluster.key)

    def gold(self, cluster: Cluster) -> list[Any]:
        """The gold spans inside the cluster's extent."""
        return [s for s in self._layers(cluster.doc)[2] if s.start < cluster.end and s.end > cluster.start]

    def progress(self, doc_id: str | None = None) -> Progress:
        ids = [doc_id] if doc_id is not None else self.documents()
        resolved = total = 0
        for d in ids:
            cur, layers, _ = self._layers(d)
            decided = cur.get("resolved") or {}
            for c in clusters(d, layers):
                if not c.agreed:
                    total += 1
                    resolved += c.key in decided
        return Progress(resolved, total)

    def next_disagreement(self, after: Cluster | None = None, unresolved: bool = True) -> Cluster | None:
        """The first (unresolved) disagreement after ``after``, wrapping around; None when none is left."""
        items = self.disagreements()
        if unresolved:
            decided = {}
            for d in {c.doc for c in items}:
                decided[d] = (curation_of(self.project.document(d)) or {}).get("resolved") or {}
            items = [c for c in items if c.key not in decided[c.doc]]
        if not items:
            return None
        if after is None:
            return items[0]
        order = {d: i for i, d in enumerate(self.documents())}
        here = (order.get(after.doc, -1), after.start, after.end)
        for c in items:
            if (order[c.doc], c.start, c.end) > here:
                return c
        return items[0]

    # ---------------------------------------------------------------- deciding
    def take(self, cluster: Cluster, annotators: Sequence[str]) -> None:
        """Gold = the candidates of ``annotators`` in this cluster (identical ones once)."""
        unknown = [a for a in annotators if a not in cluster.candidates]
        if unknown:
            raise AnnotationError(f"{', '.join(unknown)} has no layer in document {cluster.doc}; "
                                  f"its layers are {', '.join(cluster.candidates)}")
        spans = [(s.start, s.end, s.label, dict(s.attributes)) for a in annotators for s in cluster.candidates[a]]
        what = "take " + " + ".join(annotators) if len(annotators) < len(cluster.candidates) or \
            len(annotators) == 1 else "take all"
        self._decide(cluster, spans, what)

    def take_all(self, cluster: Cluster) -> None:
        self.take(cluster, list(cluster.candidates))

    def reject(self, cluster: Cluster) -> None:
        """No gold span here."""
        self._decide(cluster, [], "reject")

    def edit(self, cluster: Cluster, spans: Iterable[tuple[int, int, str]]) -> None:
        """Gold = ``spans`` (start, end, label), given by the curator; they must lie inside the cluster."""
        given: list[tuple[int, int, str, dict[str, Any]]] = [(s, e, label, {}) for s, e, label in spans]
        for s, e, label, _ in given:
            if not (cluster.start <= s < e <= cluster.end):
                raise AnnotationError(f"gold span [{s}, {e}) {label} is outside the disagreement "
                                      f"[{cluster.start}, {cluster.end}); edit inside it")
        self._decide(cluster, given, "edit")

    def accept_agreed(self, doc_id: str | None = None) -> int:
        """Accept, in one change per document, every agreed cluster not decided yet; returns how many."""
        n = 0
        for d in [doc_id] if doc_id is not None else self.documents():
            cur, layers, gold = self._layers(d)
            decided = dict(cur.get("resolved") or {})
            todo = [c for c in clusters(d, layers) if c.agreed and c.key not in decided]
            if not todo:
                continue
            spans = []
            remove = []
            for c in todo:
                s = next(iter(c.candidates.values()))[0]
                spans.append((s.start, s.end, s.label, dict(s.attributes)))
                remove += [g.id for g in gold if g.start < c.end and g.end > c.start]
                decided[c.key] = "agreed"
            self._write(d, cur, layers, spans, remove, decided, f"accept {len(todo)} agreed spans")
            n += len(todo)
        return n

    def _decide(self, cluster: Cluster, spans: list[tuple[int, int, str, dict[str, Any]]], what: str) -> None:
        cur, layers, gold = self._layers(cluster.doc)
        decided = dict(cur.get("resolved") or {})
        decided[cluster.key] = what
        remove = [g.id for g in gold if g.start < cluster.end and g.end > cluster.start]
        self._write(cluster.doc, cur, layers, spans, remove, decided, what)

    def _write(self, doc_id: str, cur: dict[str, Any], layers: dict[str, list[Any]],
               spans: list[tuple[int, int, str, dict[str, Any]]], remove: list[str], decided: dict[str, str],
               what: str) -> None:
        have: dict[tuple[int, int, str], list[str]] = {}
        for name, items in layers.items():
            for s in items:
                have.setdefault((s.start, s.end, s.label), []).append(name)
        gold: list[dict[str, Any]] = []
        seen = set()
        for s, e, label, attrs in spans:
            if (s, e, label) in seen:
                continue
            seen.add((s, e, label))
            sources = sorted(set(have.get((s, e, label), []))) or ["curator"]
            attrs = {k: v for k, v in attrs.items() if k != FROM_ATTR}
            gold.append({"ref": f"G{len(gold) + 1}", "start": s, "end": e, "label": label,
                         "attributes": {**attrs, FROM_ATTR: ",".join(sources)}})
        kept = gold_keys([g for g in self._layers(doc_id)[2] if g.id not in set(remove)])
        after = {**kept, **{(g["start"], g["end"], g["label"]): (g["ref"], from_names(g["attributes"][FROM_ATTR]))
                            for g in gold}}
        events, relations, old = gold_structure(self.project, doc_id, after, list(layers))
        doc = self.project.document(doc_id)
        cur["resolved"] = decided
        all_keys = {c.key for c in clusters(doc_id, layers)}
        status = "done" if all_keys <= set(decided) and doc.status != "done" else None
        meta = {**{k: v for k, v in doc.meta.items() if k != META_KEY}, META_KEY: cur}
        write(self.project, layer_change(self.project, what, [Layer(GOLD, gold, events, relations)], doc_id=doc_id,
                                         remove=[*remove, *old], meta=meta, status=status))
