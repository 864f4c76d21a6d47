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
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any

from ..model import _EMPTY

_COLUMNS = {"ids": "id", "starts": "start", "ends": "end", "labels": "label", "stored_attributes": "attributes",
            "notes": "note", "annotators": "annotator"}
_REQUIRED = ("id", "start", "end", "label")  # an older record may lack the others
_PART = itemgetter(2)


class SpanColumns:
    """Each field of a document's selected spans as one sequence (``ids[k]`` is the k-th span's id...).

    Attributes (each worked out on first use, then a plain attribute):
        ids, starts, ends, labels, texts, notes, annotators: as the ``Span`` fields.
        attributes: the spans' attributes, an empty mapping where a span has none (as ``Span``).
        local_ids: the ids without the document part (``T3``), as the file formats number them.
    """

    ids: Sequence[str]
    starts: Sequence[int]
    ends: Sequence[int]
    labels: Sequence[str]
    texts: Sequence[str]
    notes: Sequence[str | None]
    annotators: Sequence[str | None]
    stored_attributes: Sequence[Mapping[str, Any] | None]
    attributes: Sequence[Mapping[str, Any]]
    local_ids: Sequence[str]

    def __init__(self, n: int, text: str, field: Callable[[str], Sequence[Any]]) -> None:
        self.n = n
        self.text = text
        self._field = field

    @classmethod
    def of_records(cls, recs: Sequence[Mapping[str, Any]], text: str) -> SpanColumns:
        """Columns of stored span records (each validated when it was written; the optional fields
        an older record lacks read as ``Span.from_record`` reads them)."""

        def field(name: str) -> Sequence[Any]:
            try:
                return list(map(itemgetter(name), recs))
            except KeyError:
                if name in _REQUIRED:
                    raise
                return list(map(dict.get, recs, repeat(name)))  # type: ignore[arg-type]

        return cls(len(recs), text, field)

    @classmethod
    def of_spans(cls, spans: Sequence[Any], text: str) -> SpanColumns:
        """Columns of ``Span`` values."""
        return cls(len(spans), text, lambda name: list(map(attrgetter(name), spans)))

    def __getattr__(self, name: str) -> Any:
        """Work a column out on first use (later uses find it as a plain attribute)."""
        field = _COLUMNS.get(name)
        if field is not None:
            value: Any = self._field(field)
        elif name == "texts":
            value = list(map(self.text.__getitem__, map(slice, self.starts, self.ends)))
        elif name == "local_ids":
            value = list(map(_PART, map(str.rpartition, self.ids, repeat(":"))))
        elif name == "attributes":
            stored = self.stored_attributes
            # most spans have none: one shared empty mapping, checked in C
            value = [_EMPTY] * self.n if not any(stored) else [a if a else _EMPTY for a in stored]
        else:
            raise AttributeError(name)
        self.__dict__[name] = value
        return value

    def any_extras(self) -> bool:
        """Whether some span has attributes or a note (most documents: none)."""
        return any(self.stored_attributes) or any(self.notes)
