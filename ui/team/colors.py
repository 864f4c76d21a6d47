"""Annotator colours: the same annotator has the same colour in every team view."""

from __future__ import annotations

from collections.abc import Sequence

# light backgrounds that keep dark text readable, distinct from the label colours of the reader
ANNOTATOR_COLORS = ("#cfe3ff", "#ffd9c2", "#d5f2d0", "#f0d4f5", "#fff2b3", "#d4f1f2", "#e8e0d0")


def annotator_color(name: str, names: Sequence[str]) -> str:
    """The colour of ``name`` among the sorted ``names`` of one project."""
    order = sorted(names)
    i = order.index(name) if name in order else len(order)
    return ANNOTATOR_COLORS[i % len(ANNOTATOR_COLORS)]
