"""Merging annotators' bundles (or project folders) into a curation project, one layer per annotator.

Documents are matched by text hash (``annotations.texthash``) and then by exact text: a document whose
text differs, even by one character (or only in whitespace, which the hash ignores), is never merged
into another: it is reported and kept apart, as a document of its own marked ``kept_apart``. Two
documents are taken for the same article with another text when they share their source id (copies
of one project) or their title.

Everything is read, checked against the curation's schema and built as one change per document
before the first write, so a refused merge changes nothing: an annotator merged before (unless
``replace``), the same annotator twice, labels the curation lacks (unless mapped), a damaged bundle.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AnnotationError
from ..model import Change
from ..progress import Progress
from ..schema import Schema
from ..store.store import now as _now
from ..texthash import text_hash
from .bundle import Bundle, BundleDoc, read_bundle
from .layers import GOLD, META_KEY, Layer, by_annotator, curation_of, layer_change, layer_from, write


class MergeError(AnnotationError):
    """A merge was refused; nothing was changed. The message says why and what to do."""


@dataclass
class Source:
    """One bundle or project folder given to ``merge``."""

    path: Path
    schema: Schema
    documents: list[BundleDoc]

    @property
    def annotators(self) -> list[str]:
        return sorted({d.layer.annotator for d in self.documents})


@dataclass
class MergeReport:
    """What a merge read and wrote. ``kept_apart``: documents not merged (their text differed)."""

    curation: str
    sources: list[dict[str, Any]] = field(default_factory=list)
    documents_in: int = 0
    created: int = 0
    updated: int = 0
    replaced_layers: int = 0
    annotations_in: int = 0
    annotations_out: int = 0
    kept_apart: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.kept_apart and self.annotations_in == self.annotations_out

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("curation", "sources", "documents_in", "created", "updated",
                                              "replaced_layers", "annotations_in", "annotations_out",
                                              "kept_apart")}

    def lines(self) -> list[str]:
        out = [f"merged {len(self.sources)} source(s) into {self.curation}: {self.documents_in} documents read, "
               f"{self.created} curation documents created, {self.updated} updated; "
               f"{self.annotations_out} of {self.annotations_in} annotations merged"]
        for s in self.sources:
            out.append(f"  {s['annotator']}: {s['documents']} documents, {s['annotations']} annotations "
                       f"from {s['file']}")
        if self.replaced_layers:
            out.append(f"  {self.replaced_layers} earlier layer(s) replaced")
        for k in self.kept_apart:
            out.append(f"  kept apart: {k['annotator']}'s {k['title'] or k['source_doc']!r} from {k['file']}: "
                       f"{k['reason']}; it is document {k['doc']}, not merged into {k.get('differs_from')}")
        return out


def load_source(path: str | os.PathLike[str]) -> Source:
    """A bundle file, or a project folder (its annotations grouped by their annotator)."""
    p = Path(path)
    if p.is_dir():
        return _project_source(p)
    if not p.exists():
        raise MergeError(f"{p}: no such bundle or project folder")
    bundle: Bundle = read_bundle(p)
    return Source(p, bundle.schema, bundle.documents)


def _project_source(folder: Path) -> Source:
    from ..project import Project

    docs: list[BundleDoc] = []
    with Project.open(folder, create=False, readonly=True) as project:
        schema = project.schema
        named: set[str] = set()
        for _doc, spans, events, relations in project.iter_annotated():
            for items in (spans, events, relations):
                named.update(a.annotator for a in items if a.annotator is not None)
        # annotations without a name, and documents without annotations, belong to the project's one
        # annotator, or (several, or none) to an annotator named after the folder
        fallback = str(next(iter(named))) if len(named) == 1 else folder.name
        for doc, spans, events, relations in project.iter_annotated():
            if curation_of(doc) is not None:
                raise MergeError(f"{folder} is a curation project; merge the annotators' bundles or "
                                 "projects, not a curation")
            groups: dict[str, tuple[list[Any], list[Any], list[Any]]] = {}
            kinds: tuple[list[Any], ...] = (spans, events, relations)
            for i, items in enumerate(kinds):
                for name, group in by_annotator(items).items():
                    groups.setdefault(name or fallback, ([], [], []))[i].extend(group)
            if not groups:
                groups[fallback] = ([], [], [])
            for name, (s, e, r) in sorted(groups.items()):
                docs.append(BundleDoc(doc.text, doc.title, dict(doc.meta), doc.status, doc.id,
                                      layer_from(name, s, e, r)))
    return Source(folder, schema, docs)


def _labels_used(layer: Layer) -> dict[tuple[str, str], int]:
    used: dict[tuple[str, str], int] = {}
    for kind, items, key in (("label", layer.spans, "label"), ("event type", layer.events, "type"),
                             ("relation type", layer.relations, "type")):
        for item in items:
            k = (kind, str(item.get(key)))
            used[k] = used.get(k, 0) + 1
    return used


def _known(schema: Schema, kind: str, name: str) -> bool:
    if kind == "label":
        return schema.is_span_label(name)
    if kind == "event type":
        return schema.event(name) is not None
    return schema.relation(name) is not None


def _map_labels(layer: Layer, mapping: Mapping[str, str]) -> None:
    if not mapping:
        return
    for s in layer.spans:
        s["label"] = mapping.get(s.get("label"), s.get("label"))  # type: ignore[arg-type]
    for item in (*layer.events, *layer.relations):
        item["type"] = mapping.get(item.get("type"), item.get("type"))  # type: ignore[arg-type]


def existing_layers(curation: Any) -> dict[str, dict[str, Any]]:
    """Annotators already merged into ``curation``: name -> the source entry of one document.

    Raises ``MergeError`` when the project holds documents that no merge made (an annotator's own
    project): their annotations belong to no layer, and merging beside them would mix the two."""
    found: dict[str, dict[str, Any]] = {}
    plain = 0
    for info in curation.documents():
        cur = curation_of(curation.document(info.id))
        plain += cur is None
        for name, entry in ((cur or {}).get("sources") or {}).items():
            found.setdefault(name, dict(entry))
    if plain:
        raise MergeError(f"{curation.path or 'this project'} is not a curation project: {plain} of its "
                         f"{len(curation)} documents were not merged from bundles. Merge into a new folder "
                         "(or an earlier curation project); nothing was merged")
    return found


def _first_difference(a: str, b: str) -> int:
    n = min(len(a), len(b))
    return next((i for i in range(n) if a[i] != b[i]), n)


@dataclass
class _Group:
    text: str
    title: str | None
    meta: dict[str, Any]
    status: str
    doc_id: str | None  # an existing curation document
    cur: dict[str, Any]
    layers: list[Layer] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    apart_from: _Group | None = None  # a document kept apart: the one whose text it differs from
    written_id: str | None = None

    def __post_init__(self) -> None:
        self.written_id = self.doc_id


def merge(
    curation: Any,
    sources: Sequence[str | os.PathLike[str]],
    *,
    replace: bool = False,
    label_map: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> MergeReport:
    """Merge bundles or project folders into the open project ``curation``; see the module docstring.

    Args:
        curation: the curation ``Project`` (created empty, or from earlier merges).
        sources: bundle files (``.qalam``) or project folders.
        replace: an annotator merged before has their layer replaced (else the merge is refused).
        label_map: ``{their label: curation label}`` for sources whose schema differs.
        progress: one step per curation document written.

    Raises:
        MergeError, BundleError: refused; nothing was changed.
    """
    progress = progress or Progress()
    mapping = dict(label_map or {})
    loaded = [load_source(s) for s in sources]
    report = MergeReport(str(curation.path or "memory"))
    _check_annotators(curation, loaded, replace)
    # a new curation takes the first source's schema
    target = loaded[0].schema if loaded and not len(curation) else curation.schema
    _check_labels(target, loaded, mapping)
    schema_change = None
    if target != curation.schema:
        curation.set_schema(target)
        schema_change = curation.last_change

    groups, kept = _group(curation, loaded, report)
    replaced = {a for s in loaded for a in s.annotators} if replace else set()
    changes: list[Change] = []
    if replaced:
        _drop_replaced_layers(curation, replaced, groups, report)
    n_groups = len(groups)
    try:
        for g in groups + kept:
            if g.apart_from is not None:
                g.cur["kept_apart"]["differs_from"] = g.apart_from.written_id
            if g.doc_id is None:
                meta = {**g.meta, META_KEY: g.cur}
                changes.append(layer_change(curation, "merge document", g.layers,
                                            new_doc={"text": g.text, "title": g.title, "meta": meta,
                                                     "status": "new"}))
            else:
                changes.append(layer_change(curation, "merge layers", g.layers, doc_id=g.doc_id,
                                            remove=g.remove, meta={**g.meta, META_KEY: g.cur}))
            g.written_id = next(iter(changes[-1].after))
    except AnnotationError as exc:
        if schema_change is not None:
            curation.revert(schema_change)
        raise MergeError(f"nothing was merged: {exc}") from None
    for i, change in enumerate(changes):
        doc_id = next(iter(change.after))
        if i >= n_groups:
            report.kept_apart[i - n_groups]["doc"] = doc_id
            report.kept_apart[i - n_groups]["differs_from"] = kept[i - n_groups].apart_from.written_id  # type: ignore[union-attr]
        elif groups[i].doc_id is None:
            report.created += 1
        else:
            report.updated += 1
        report.annotations_out += sum(1 for rid, rec in change.after[doc_id].items()
                                      if rid != "doc" and rec is not None and change.before[doc_id].get(rid) is None)
    progress.start(len(changes), "merge")
    for chunk in _chunks(changes):
        # several documents per write: one journal sync for each chunk instead of each document
        write(curation, chunk)
        progress.advance(len(chunk.after))
    progress.finish()
    return report


CHUNK_RECORDS = 5000  # records per write (a journal line of a few MB)


def _chunks(changes: list[Change]) -> Iterator[Change]:
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    size = 0
    for change in changes:
        for doc_id, recs in change.after.items():
            if doc_id in after:  # never two changes of one document in one write
                yield Change(f"merge {len(after)} documents", before, after)
                before, after, size = {}, {}, 0
            before[doc_id] = change.before[doc_id]
            after[doc_id] = recs
            size += len(recs)
        if size >= CHUNK_RECORDS:
            yield Change(f"merge {len(after)} documents", before, after)
            before, after, size = {}, {}, 0
    if after:
        yield Change(f"merge {len(after)} documents", before, after)


def _check_annotators(curation: Any, loaded: list[Source], replace: bool) -> None:
    seen: dict[str, Path] = {}
    for s in loaded:
        for a in s.annotators:
            if a == GOLD:
                raise MergeError(f"{s.path}: {GOLD!r} is the adjudicated layer's name and cannot be an annotator's; "
                                 "rename that annotator")
            if a in seen:
                raise MergeError(f"{a} appears in both {seen[a]} and {s.path}; give each annotator's work once")
            seen[a] = s.path
    before = existing_layers(curation)
    again = sorted(set(seen) & set(before))
    if again and not replace:
        detail = "; ".join(f"{a} (from {before[a].get('file')}, merged {before[a].get('merged')})" for a in again)
        raise MergeError(f"already merged: {detail}. Nothing was merged. Pass --replace (replace=True) to "
                         "replace their layer with this bundle, or leave it out")


def _check_labels(schema: Schema, loaded: list[Source], mapping: dict[str, str]) -> None:
    bad_targets = sorted(t for t in set(mapping.values()) if not schema.entity(t) and not schema.event(t)
                         and not schema.relation(t))
    if bad_targets:
        raise MergeError(f"--map targets not in the curation's schema: {', '.join(bad_targets)}")
    problems = []
    for s in loaded:
        missing: dict[tuple[str, str], int] = {}
        for d in s.documents:
            _map_labels(d.layer, mapping)
            for key, n in _labels_used(d.layer).items():
                if not _known(schema, *key):
                    missing[key] = missing.get(key, 0) + n
        if missing:
            listed = ", ".join(f"{name} ({kind}, used {n} times)" for (kind, name), n in sorted(missing.items()))
            problems.append(f"{s.path} uses what the curation's schema lacks: {listed}")
    if problems:
        raise MergeError("; ".join(problems) + ". Nothing was merged. Map each to a label of the curation "
                         "with --map THEIRS=OURS (label_map={...}), or add them to the curation's schema first")


def _group(curation: Any, loaded: list[Source], report: MergeReport) -> tuple[list[_Group], list[_Group]]:
    """Curation documents to write (existing or new) and the documents kept apart."""
    groups: list[_Group] = []
    by_hash: dict[str, _Group] = {}
    by_identity: dict[str, _Group] = {}  # "id:<source doc id>" / "title:<title>"
    for info in curation.documents():
        doc = curation.document(info.id)
        cur = curation_of(doc)
        if cur is None or cur.get("kept_apart"):
            continue
        meta = {k: v for k, v in doc.meta.items() if k != META_KEY}
        known = _Group(doc.text, doc.title, meta, doc.status, doc.id, cur)
        by_hash[info.hash or text_hash(doc.text)] = known
        for entry in (cur.get("sources") or {}).values():
            if entry.get("doc"):
                by_identity.setdefault(f"id:{entry['doc']}", known)
        if doc.title:
            by_identity.setdefault(f"title:{doc.title}", known)
    touched: list[_Group] = []
    kept: list[_Group] = []
    now = _now()
    for s in loaded:
        counts = {a: [0, 0] for a in s.annotators}
        for d in s.documents:
            report.documents_in += 1
            report.annotations_in += d.layer.size
            counts[d.layer.annotator][0] += 1
            counts[d.layer.annotator][1] += d.layer.size
            entry = {"file": s.path.name, "doc": d.source_id, "status": d.status, "merged": now}
            h = text_hash(d.text)
            g: _Group | None = by_hash.get(h)
            other = g or by_identity.get(f"id:{d.source_id}") or (by_identity.get(f"title:{d.title}")
                                                                   if d.title else None)
            if g is None and other is not None and d.layer.annotator in other.cur["layers"]:
                other = None  # that annotator's own other document, not a copy of this one
            if other is not None and other.text != d.text:
                at = _first_difference(other.text, d.text)
                reason = (f"its text differs from that of {other.title or other.text[:30]!r} "
                          f"at character {at} "
                          f"({other.text[at:at + 12]!r} / {d.text[at:at + 12]!r})")
                report.kept_apart.append({"file": s.path.name, "annotator": d.layer.annotator, "title": d.title,
                                          "source_doc": d.source_id, "reason": reason, "doc": None})
                cur = {"layers": [d.layer.annotator], "sources": {d.layer.annotator: entry},
                       "resolved": {}, "kept_apart": {"differs_from": other.doc_id, "at": at}}
                kept.append(_Group(d.text, d.title, dict(d.meta), "new", None, cur, [d.layer], apart_from=other))
                continue
            if g is None:
                g = _Group(d.text, d.title, dict(d.meta), "new", None, {"layers": [], "sources": {}, "resolved": {}})
                by_hash[h] = g
                groups.append(g)
            if d.source_id:
                by_identity.setdefault(f"id:{d.source_id}", g)
            if d.title:
                by_identity.setdefault(f"title:{d.title}", g)
            name = d.layer.annotator
            if name in g.cur["layers"]:
                g.remove.extend(_layer_ids(curation, g.doc_id, name))
                report.replaced_layers += 1
            else:
                g.cur["layers"] = sorted([*g.cur["layers"], name])
            g.cur.setdefault("sources", {})[name] = entry
            g.layers.append(d.layer)
            if g.doc_id is not None and g not in touched:
                touched.append(g)
        for a, (n_docs, n_ann) in counts.items():
            report.sources.append({"file": str(s.path), "annotator": a, "documents": n_docs, "annotations": n_ann})
    new = [g for g in groups if g.doc_id is None]
    return touched + new, kept


def _layer_ids(curation: Any, doc_id: str | None, name: str) -> list[str]:
    if doc_id is None:
        return []
    ids = [s.id for s in curation.spans(doc_id) if s.annotator == name]
    ids += [e.id for e in curation.events(doc_id) if e.annotator == name]
    ids += [r.id for r in curation.relations(doc_id) if r.annotator == name]
    return ids


def _drop_replaced_layers(curation: Any, replaced: set[str], groups: list[_Group], report: MergeReport) -> None:
    """A replaced annotator's layer also leaves the curation documents their new bundle lacks."""
    written = {g.doc_id for g in groups if g.doc_id is not None}
    for info in curation.documents():
        if info.id in written:
            continue
        doc = curation.document(info.id)
        cur = curation_of(doc)
        if cur is None:
            continue
        gone = replaced & set(cur.get("layers") or [])
        if not gone:
            continue
        meta = {k: v for k, v in doc.meta.items() if k != META_KEY}
        g = _Group(doc.text, doc.title, meta, doc.status, doc.id, cur)
        for name in sorted(gone):
            g.remove.extend(_layer_ids(curation, doc.id, name))
            cur["layers"] = [n for n in cur["layers"] if n != name]
            cur.get("sources", {}).pop(name, None)
            report.replaced_layers += 1
        groups.insert(0, g)
