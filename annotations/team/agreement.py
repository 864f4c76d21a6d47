"""Inter-annotator agreement of a project (``python main.py agree``): span F1, token kappas, alpha,
and agreement on event triggers, arguments and relations.

Tokens are the CoNLL export's tokens with its default options (``annotations.tokenize``, clitics
split at span boundaries, here the boundaries of every layer's spans, so that all layers share one
token list). A token's category is the label of the outermost span of that layer covering it, or
``O``. Per label, the coefficients are computed on "this label / anything else" per token.

Every coefficient is computed from counts (confusion tables, and each distinct pattern of categories
a token received with how many tokens had it), so the cost grows with the number of tokens only
through C-level counting.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import combinations
from typing import Any

from ..formats.tagging import outermost
from ..model import Event, Relation, Span
from ..tokenize import tokenize_document
from .coefficients import cohen_kappa_table, fleiss_kappa, krippendorff_alpha_counts, matches_per_label
from .disagreements import clusters
from .layers import LayeredDoc, layered

OUTSIDE = "O"
OTHER = "(other)"
KEYS = ("f1_exact", "f1_overlap", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha")
MAX_LISTED = 2000  # disagreements listed in the report (all are counted)


def token_categories(ld: LayeredDoc) -> dict[str, list[str]]:
    """Per layer, the category of every token of the document (see the module docstring)."""
    bounds = [(s.start, s.end) for spans in ld.spans.values() for s in spans]
    whitespace = ld.doc.meta.get("tokenization") == "whitespace"
    tok = tokenize_document(ld.doc.text, bounds, "split", True, whitespace)
    starts, ends, n = tok.starts, tok.ends, len(tok.starts)
    out = {}
    for name, spans in ld.spans.items():
        cats = [OUTSIDE] * n
        kept, _ = outermost(spans)
        for s in kept:
            i, j = bisect.bisect_right(ends, s.start), bisect.bisect_left(starts, s.end)
            if i < j:
                cats[i:j] = [s.label] * (j - i)
        out[name] = cats
    return out


def _mean(values: Iterable[float | None]) -> float | None:
    vs = [v for v in values if v is not None]
    return sum(vs) / len(vs) if vs else None


def _f1(matches: int, na: int, nb: int) -> float | None:
    return 2.0 * matches / (na + nb) if na + nb else None


class _Pair:
    """Counts for one pair of annotators over the documents both cover."""

    def __init__(self) -> None:
        self.documents = 0
        self.table: Counter[tuple[str, str]] = Counter()
        self.exact: Counter[str] = Counter()  # matches per label
        self.overlap: Counter[str] = Counter()
        self.na: Counter[str] = Counter()  # spans per label
        self.nb: Counter[str] = Counter()
        self.structure = {k: [0, 0, 0] for k in ("triggers", "arguments", "relations")}  # matches, na, nb

    def add_spans(self, a: Sequence[Span], b: Sequence[Span]) -> None:
        ta = [(s.start, s.end, s.label) for s in a]
        tb = [(s.start, s.end, s.label) for s in b]
        self.na.update(t[2] for t in ta)
        self.nb.update(t[2] for t in tb)
        self.exact.update(matches_per_label(ta, tb))
        self.overlap.update(matches_per_label(ta, tb, overlap=True))

    def f1(self, counter: Counter[str], label: str | None = None) -> float | None:
        if label is None:
            return _f1(sum(counter.values()), sum(self.na.values()), sum(self.nb.values()))
        return _f1(counter[label], self.na[label], self.nb[label])

    def kappa(self, label: str | None = None) -> float | None:
        if label is None:
            return cohen_kappa_table(self.table)
        binary: Counter[tuple[bool, bool]] = Counter()
        for (x, y), k in self.table.items():
            binary[(x == label, y == label)] += k
        return cohen_kappa_table(binary)


def _structure(spans: Sequence[Span], events: Sequence[Event],
               relations: Sequence[Relation]) -> dict[str, Counter[Any]]:
    """Events and relations as comparable tuples (by extents and labels, not ids)."""
    where: dict[str, tuple[Any, ...]] = {s.id: (s.start, s.end, s.label) for s in spans}
    for e in events:
        if e.trigger in where:
            where[e.id] = (*where[e.trigger], e.type)
    triggers: Counter[Any] = Counter()
    arguments: Counter[Any] = Counter()
    for e in events:
        t = where.get(e.trigger)
        if t is None:
            continue
        triggers[(t[0], t[1], e.type)] += 1
        for role, target in e.arguments:
            arguments[(t[0], t[1], e.type, role, where.get(target))] += 1
    rels: Counter[Any] = Counter((r.type, where.get(r.arg1), where.get(r.arg2)) for r in relations)
    return {"triggers": triggers, "arguments": arguments, "relations": rels}


def agreement(project: Any, status: Any = None) -> dict[str, Any]:
    """The agreement report of ``project`` (see the module docstring and ``docs/team.md``).

    Keys: ``annotators``, ``documents``, ``skipped``, ``tokens``, ``pairs`` (``a, b, documents,
    f1_exact, f1_overlap, cohen_kappa`` and the events/relations F1s), ``overall`` and ``labels``
    (each with ``f1_exact, f1_overlap, cohen_kappa, fleiss_kappa, krippendorff_alpha``), ``events``,
    ``confusion`` (``categories``, ``matrix``: rows the first annotator of each pair) and
    ``disagreements`` (``count``, ``by_kind``, ``items``).
    """
    docs, skipped = layered(project, status)
    names: set[str] = set()
    pairs: dict[tuple[str, str], _Pair] = {}
    patterns: Counter[tuple[tuple[str, int], ...]] = Counter()  # each distinct ((category, raters), ...)
    labels: set[str] = set()
    n_tokens = 0
    listed: list[dict[str, Any]] = []
    by_kind: Counter[str] = Counter()
    for ld in docs:
        layer_names = ld.names
        names.update(layer_names)
        for spans in ld.spans.values():
            labels.update(s.label for s in spans)
        if len(layer_names) < 2:
            continue
        cats = token_categories(ld)
        n_tokens += len(next(iter(cats.values()), []))
        columns = [cats[n] for n in layer_names]
        for cats_of_token, k in Counter(zip(*columns, strict=True)).items():
            patterns[tuple(Counter(cats_of_token).items())] += k
        structure = {n: _structure(ld.spans[n], ld.events[n], ld.relations[n]) for n in layer_names}
        for a, b in combinations(layer_names, 2):
            p = pairs.setdefault((a, b), _Pair())
            p.documents += 1
            p.table.update(zip(cats[a], cats[b], strict=True))
            p.add_spans(ld.spans[a], ld.spans[b])
            for key, counts in p.structure.items():
                ca, cb = structure[a][key], structure[b][key]
                counts[0] += sum((ca & cb).values())
                counts[1] += sum(ca.values())
                counts[2] += sum(cb.values())
        for c in clusters(ld.doc.id, ld.spans):
            kind = c.kind
            if kind == "agreed":
                continue
            by_kind[kind] += 1
            if len(listed) < MAX_LISTED:
                listed.append({**c.describe(), "title": ld.doc.title})
    counts_list: list[dict[Hashable, int]] = [dict(p) for p in patterns]  # type: ignore[arg-type]
    weights = list(patterns.values())
    many = len(names) >= 3

    def coefficients(label: str | None) -> dict[str, float | None]:
        if label is None:
            items = counts_list
        else:
            items = [{label: c.get(label, 0), OTHER: sum(c.values()) - c.get(label, 0)} for c in counts_list]
        return {
            "f1_exact": _mean(p.f1(p.exact, label) for p in pairs.values()),
            "f1_overlap": _mean(p.f1(p.overlap, label) for p in pairs.values()),
            "cohen_kappa": _mean(p.kappa(label) for p in pairs.values()),
            "fleiss_kappa": fleiss_kappa(items, weights) if many else None,
            "krippendorff_alpha": krippendorff_alpha_counts(items, weights),
        }

    pair_rows = []
    for (a, b), p in sorted(pairs.items()):
        row: dict[str, Any] = {"a": a, "b": b, "documents": p.documents, "f1_exact": p.f1(p.exact),
                               "f1_overlap": p.f1(p.overlap), "cohen_kappa": p.kappa()}
        for key, (m, na, nb) in p.structure.items():
            row[f"{key}_f1"] = _f1(m, na, nb)
        pair_rows.append(row)
    events = {key: _mean(r[f"{key}_f1"] for r in pair_rows) for key in ("triggers", "arguments", "relations")}
    categories = sorted({c for p in pairs.values() for xy in p.table for c in xy} - {OUTSIDE}) + [OUTSIDE]
    confusion: Counter[tuple[str, str]] = Counter()
    for p in pairs.values():
        confusion.update(p.table)
    return {
        "annotators": sorted(names),
        "documents": len(docs),
        "skipped": skipped,
        "tokens": n_tokens,
        "pairs": pair_rows,
        "overall": coefficients(None),
        "labels": {label: coefficients(label) for label in sorted(labels)},
        "events": events,
        "confusion": {"categories": categories,
                      "matrix": [[confusion[(x, y)] for y in categories] for x in categories]},
        "disagreements": {"count": sum(by_kind.values()), "by_kind": dict(by_kind), "items": listed},
    }


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def report_lines(report: Mapping[str, Any]) -> list[str]:
    """The report as a plain-text table (what ``agree`` prints without ``--json``)."""
    out = [f"{len(report['annotators'])} annotators ({', '.join(report['annotators'])}), "
           f"{report['documents']} documents, {report['tokens']} tokens compared"]
    if report["skipped"]:
        out.append(f"left out: {len(report['skipped'])} document(s) kept apart at merge (their text differed)")
    out.append("pairs:            F1 exact  F1 overlap  Cohen κ   triggers  arguments  relations")
    for r in report["pairs"]:
        out.append(f"  {r['a'] + ' / ' + r['b']:<16}{_fmt(r['f1_exact']):>8}  {_fmt(r['f1_overlap']):>10}"
                   f"  {_fmt(r['cohen_kappa']):>7}  {_fmt(r['triggers_f1']):>8}  {_fmt(r['arguments_f1']):>9}"
                   f"  {_fmt(r['relations_f1']):>9}")
    out.append("                  F1 exact  F1 overlap  Cohen κ   Fleiss κ  Krippendorff α")
    rows = [("overall", report["overall"]), *report["labels"].items()]
    for name, v in rows:
        out.append(f"  {name:<16}{_fmt(v['f1_exact']):>8}  {_fmt(v['f1_overlap']):>10}  {_fmt(v['cohen_kappa']):>7}"
                   f"  {_fmt(v['fleiss_kappa']):>8}  {_fmt(v['krippendorff_alpha']):>14}")
    d = report["disagreements"]
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(d["by_kind"].items()))
    out.append(f"disagreements: {d['count']}" + (f" ({kinds})" if kinds else ""))
    return out
