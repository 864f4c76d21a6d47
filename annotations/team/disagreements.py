"""Where annotators of one document disagree: their spans grouped into clusters of overlapping spans.

A cluster is the spans of all layers that overlap one another (transitively). It is *agreed* when
every layer covering the document has exactly one span in it and all are the same extent and label;
otherwise it is a disagreement of one kind:

* ``missing``: a layer has no span there (one annotator has it, another lacks it);
* ``label``: the same extent(s), different labels;
* ``extent``: overlapping extents that differ (the labels may differ too).

A cluster's ``key`` (``"<start>-<end>"`` of its extent) depends only on the layers, so decisions
recorded under it stay valid while the gold layer changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Span


@dataclass
class Cluster:
    """Overlapping spans of several layers. ``candidates``: each layer's spans (possibly none)."""

    doc: str
    start: int
    end: int
    candidates: dict[str, list[Span]] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.start}-{self.end}"

    @cached_property
    def kind(self) -> str:
        """``agreed``, ``missing``, ``label`` or ``extent`` (see the module docstring); read once the
        cluster is complete."""
        groups = list(self.candidates.values())
        if any(not spans for spans in groups):
            return "missing"
        if all(len(spans) == 1 for spans in groups):  # the usual case, without building sets
            first = groups[0][0]
            if all(g[0].start == first.start and g[0].end == first.end for g in groups):
                return "agreed" if all(g[0].label == first.label for g in groups) else "label"
            return "extent"
        shapes = {tuple(sorted((s.start, s.end, s.label) for s in spans)) for spans in self.candidates.values()}
        if len(shapes) == 1 and all(len(spans) == 1 for spans in self.candidates.values()):
            return "agreed"
        extents = {tuple(sorted((s.start, s.end) for s in spans)) for spans in self.candidates.values()}
        return "label" if len(extents) == 1 else "extent"

    @property
    def agreed(self) -> bool:
        return self.kind == "agreed"

    def describe(self) -> dict[str, object]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "kind": self.kind,
                "candidates": {a: [[s.start, s.end, s.label, s.text] for s in spans]
                               for a, spans in self.candidates.items()}}


def clusters(doc_id: str, layers: Mapping[str, Sequence[Span]]) -> list[Cluster]:
    """The clusters of one document, in text order; ``layers``: annotator -> spans (every layer that
    covers the document, also those with no span)."""
    tagged = sorted(((s.start, -s.end, name, s) for name, spans in layers.items() for s in spans),
                    key=lambda t: (t[0], t[1], t[2]))
    out: list[Cluster] = []
    current: Cluster | None = None
    for start, neg_end, name, span in tagged:
        end = -neg_end
        if current is None or start >= current.end:
            current = Cluster(doc_id, start, end, {n: [] for n in layers})
            out.append(current)
        current.end = max(current.end, end)
        current.candidates[name].append(span)
    return out
