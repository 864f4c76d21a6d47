"""DyGIE++ documents (``--format dygiepp``), in the layout of DyGIE++'s ``doc/data.md``.

One line per document::

    {"doc_key": "d1", "dataset": "ace2005", "sentences": [["وصل", "الوزير", "إلى", "بغداد", "."]],
     "ner": [[[1, 1, "PER"], [3, 3, "GPE"]]],
     "relations": [[[1, 1, 3, 3, "PHYS.Located"]]],
     "events": [[[[0, "Movement.Transport"], [1, 1, "Artifact"], [3, 3, "Destination"]]]],
     "clusters": []}

Token indices count from the start of the **document** and ends are **inclusive**; ``ner``,
``relations`` and ``events`` have one list per sentence (a relation goes with its first argument's
sentence, an event with its trigger's). A DyGIE++ trigger is one token: a longer trigger is written
as its first token (reported). ``dataset`` (the schema's name, lower case, letters and digits) is the
field DyGIE++ uses to keep label sets apart in multi-dataset training. No coreference: ``clusters``
is empty.
"""

from __future__ import annotations

import re
from itertools import repeat
from operator import sub
from pathlib import Path
from typing import Any

from ..schema import Schema
from . import jsoncols
from .common import DocData, ExportOptions
from .mentions import DocMentions, MentionsWriter
from .reports import ExportReport
from .staging import json_text

FMT = "DyGIE++"


class Writer(MentionsWriter):
    """One record per document."""

    fmt = FMT

    def __init__(self, path: Path, opts: ExportOptions, report: ExportReport, schema: Schema) -> None:
        super().__init__(path, opts, report, schema)
        self.dataset = re.sub(r"[^0-9a-z]+", "", schema.name.lower()) or "qalam"

    def lines(self, data: DocData, dm: DocMentions) -> bytes:
        n = len(dm.tok.sentences)
        ents, c = dm.entities, data.columns()
        relations: list[list[list[object]]] = [[] for _ in range(n)]
        events: list[list[list[list[object]]]] = [[] for _ in range(n)]
        for r, m1, m2 in dm.relations:
            relations[m1.sentence].append([m1.first, m1.last - 1, m2.first, m2.last - 1, r.type])
        for e, trig, args in dm.events:
            if trig.last - trig.first > 1:
                self.report.lost(f"trigger tokens after the first ({FMT} triggers are one token)",
                                 f"{e.id} {e.type} {trig.text!r}")
            events[trig.sentence].append([[trig.first, e.type], *([m.first, m.last - 1, role] for role, m in args)])
        head = json_text({"doc_key": data.doc.id, "dataset": self.dataset}).encode("utf-8")[:-1]
        sentences = b", ".join(jsoncols.string_lists_b(dm.tok.words, dm.tok.sentences))
        # the "ner" lists, one per sentence, with the sentences' mentions nested in them
        firsts, lasts = jsoncols.integer_columns_b(ents.firsts, list(map(sub, ents.lasts, repeat(1))))  # inclusive
        ner = jsoncols.grouped_b([b"[[", *[b"], ["] * (n - 1), b"]]"] if n else [b"[]"], ents.sentences, [
            b"[", firsts, b", ", lasts, b", ", jsoncols.values_b(ents.pick(c.labels)), b"]"], len(ents.spans))
        return (head + b', "sentences": [' + sentences + b'], "ner": ' + ner + b', "relations": '
                + _lists(relations) + b', "events": ' + _lists(events) + b', "clusters": []}\n')


def _lists(per_sentence: list[list[Any]]) -> bytes:
    """``json_text(per_sentence)`` in UTF-8 (most documents: an empty list per sentence)."""
    if not any(per_sentence):
        return b"[" + b", ".join([b"[]"] * len(per_sentence)) + b"]"
    return json_text(per_sentence).encode("utf-8")
