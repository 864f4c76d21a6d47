"""Span.from_record fills a frozen Span directly (the export hot path): it must be the very object the
constructor builds, as immutable, and independent of the record it came from."""

from __future__ import annotations

import dataclasses

import pytest

from annotations.model import Span

TEXT = "زار الوفد بغداد أمس"


@pytest.mark.parametrize("rec", [
    {"id": "d:T1", "doc": "d", "start": 10, "end": 15, "label": "GPE"},
    {"id": "d:T2", "doc": "d", "start": 4, "end": 9, "label": "ORG", "attributes": {"Polarity": "Negative"},
     "note": "ملاحظة", "annotator": "amal", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-02T00:00:00Z"},
])
def test_from_record_is_the_constructors_span(rec):
    span = Span.from_record(rec, TEXT)
    built = Span(rec["id"], rec["doc"], rec["start"], rec["end"], rec["label"], TEXT[rec["start"]:rec["end"]],
                 dict(rec.get("attributes", {})), rec.get("note"), rec.get("annotator"), rec.get("created", ""),
                 rec.get("modified", ""))
    for f in dataclasses.fields(Span):
        assert getattr(span, f.name) == getattr(built, f.name), f.name
    assert span == built and type(span.attributes) is type(Span.from_record({**rec, "attributes": {"x": 1}},
                                                                          TEXT).attributes)
    assert span.text == TEXT[rec["start"]:rec["end"]]
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.label = "PER"  # type: ignore[misc]
    with pytest.raises(TypeError):
        span.attributes["Polarity"] = "Positive"  # type: ignore[index]
    if "attributes" in rec:
        rec["attributes"]["Polarity"] = "Positive"  # the record changing later does not reach the span
        assert span.attributes["Polarity"] == "Negative"
    assert dataclasses.replace(span, label="PER").label == "PER"
