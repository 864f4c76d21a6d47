"""The exported spans of one document a field at a time: one list per field, in the spans' order.

A writer that turns 80 spans an article into text works fastest on whole columns (``map`` of a C
function over a list, one ``str.join``), not on one ``Span`` object at a time. ``SpanColumns`` gives
those lists from either source the exporters have: the stored span records of the lean read path
(``rawdoc.load_raw``: no ``Span`` is ever built) or a list of ``Span`` values (``DocData`` from
``load_doc`` or from the project's API). Both give equal values, so a writer written on columns
writes the same bytes from either; each column is worked out once, on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any

from ..model import _EMPTY

_ID, _START, _END, _LABEL = itemgetter("id"), itemgetter("start"), itemgetter("end"), itemgetter("label")
_PART = itemgetter(2)


class SpanColumns:
    """Each field of a document's selected spans as one list (``ids[k]`` is the k-th span's id...).

    Attributes (each computed on first use):
        ids, starts, ends, labels, texts, notes, annotators: as the ``Span`` fields.
        attributes: the spans' attributes, an empty mapping where a span has none (as ``Span``).
        local_ids: the ids without the document part (``T3``), as the file formats number them.
    """

    def __init__(self, n: int, text: str, field: Callable[[str], list[Any]]) -> None:
        self.n = n
        self.text = text
        self._field = field

    @classmethod
    def of_records(cls, recs: Sequence[Mapping[str, Any]], text: str) -> SpanColumns:
        """Columns of stored span records (each validated when it was written; optional fields of an
        older record read as ``Span.from_record`` reads them)."""

        def field(name: str) -> list[Any]:
            if name in ("id", "start", "end", "label"):
                return list(map(itemgetter(name), recs))
            return list(map(dict.get, recs, repeat(name)))  # type: ignore[arg-type]

        return cls(len(recs), text, field)

    @classmethod
    def of_spans(cls, spans: Sequence[Any], text: str) -> SpanColumns:
        """Columns of ``Span`` values."""
        return cls(len(spans), text, lambda name: list(map(attrgetter(name), spans)))

    @cached_property
    def ids(self) -> list[str]:
        return self._field("id")

    @cached_property
    def local_ids(self) -> list[str]:
        return list(map(_PART, map(str.rpartition, self.ids, repeat(":"))))

    @cached_property
    def starts(self) -> list[int]:
        return self._field("start")

    @cached_property
    def ends(self) -> list[int]:
        return self._field("end")

    @cached_property
    def labels(self) -> list[str]:
        return self._field("label")

    @cached_property
    def texts(self) -> list[str]:
        return list(map(self.text.__getitem__, map(slice, self.starts, self.ends)))

    @cached_property
    def notes(self) -> list[str | None]:
        return self._field("note")

    @cached_property
    def annotators(self) -> list[str | None]:
        return self._field("annotator")

    @cached_property
    def attributes(self) -> list[Mapping[str, Any]]:
        values = self._field("attributes")
        if not any(values):  # most spans have none: one shared empty mapping, checked in C
            return [_EMPTY] * self.n
        return [a if a else _EMPTY for a in values]

    def any_extras(self) -> bool:
        """Whether some span has attributes or a note (most documents: none)."""
        return any(self.attributes) or any(self.notes)
