"""OneIE JSON lines (``--format oneie``), as OneIE (Lin et al., ACL 2020) reads its ACE/ERE data.

One line per sentence::

    {"doc_id": "d1", "sent_id": "d1-0", "tokens": ["وصل", "الوزير", "إلى", "بغداد", "."],
     "sentence": "وصل الوزير إلى بغداد.",
     "entity_mentions": [{"id": "T2", "start": 1, "end": 2, "entity_type": "PER",
                          "mention_type": "UNK", "text": "الوزير"}, ...],
     "relation_mentions": [{"id": "R1", "relation_type": "PHYS.Located",
                            "arguments": [{"entity_id": "T2", "text": "الوزير", "role": "Arg-1"},
                                          {"entity_id": "T4", "text": "بغداد", "role": "Arg-2"}]}],
     "event_mentions": [{"id": "E1", "event_type": "Movement.Transport",
                         "trigger": {"start": 0, "end": 1, "text": "وصل"},
                         "arguments": [{"entity_id": "T2", "text": "الوزير", "role": "Artifact"}]}]}

``start``/``end`` are token offsets in the sentence, end exclusive; ``text`` is what the tokens
cover. Type names are the schema's (OneIE builds its label vocabularies from the data).
``mention_type`` is ``UNK``: the app does not annotate NAM/NOM/PRO. OneIE's own preprocessing adds
``pieces`` and ``token_lens`` with the encoder's tokenizer, so they are not written here. OneIE
works sentence by sentence: arguments and relations that cross a sentence are reported, not
written.
"""

from __future__ import annotations

from typing import Any

from .common import DocData
from .jsonl import local
from .mentions import DocMentions, Mention, MentionsWriter

FMT = "OneIE"


def _entity(m: Mention, a: int) -> dict[str, object]:
    return {"id": local(m.span.id), "start": m.first - a, "end": m.last - a, "entity_type": m.span.label,
            "mention_type": "UNK", "text": m.text}


def _arg(m: Mention, role: str) -> dict[str, object]:
    return {"entity_id": local(m.span.id), "text": m.text, "role": role}


class Writer(MentionsWriter):
    """One record per sentence."""

    fmt = FMT

    def records(self, data: DocData, dm: DocMentions) -> list[dict[str, Any]]:
        tok, report = dm.tok, self.report
        records: list[dict[str, Any]] = [
            {"doc_id": data.doc.id, "sent_id": f"{data.doc.id}-{n}", "tokens": dm.sentence_tokens(n),
             "sentence": data.text[tok.starts[a]:tok.ends[b - 1]], "entity_mentions": [],
             "relation_mentions": [], "event_mentions": []}
            for n, (a, b) in enumerate(tok.sentences)]
        for m in dm.entities:
            records[m.sentence]["entity_mentions"].append(_entity(m, tok.sentences[m.sentence][0]))
        for r, m1, m2 in dm.relations:
            if m1.sentence != m2.sentence:
                report.lost(f"relations across sentences ({FMT} is sentence-level)", f"{r.id} {r.type}")
                continue
            records[m1.sentence]["relation_mentions"].append({"id": local(r.id), "relation_type": r.type,
                                                              "arguments": [_arg(m1, "Arg-1"), _arg(m2, "Arg-2")]})
        for e, trig, args in dm.events:
            a = tok.sentences[trig.sentence][0]
            kept = []
            for role, m in args:
                if m.sentence != trig.sentence:
                    report.lost(f"event arguments outside the trigger's sentence ({FMT} is sentence-level)",
                                f"{e.id} {e.type} {role}")
                else:
                    kept.append(_arg(m, role))
            records[trig.sentence]["event_mentions"].append({
                "id": local(e.id), "event_type": e.type,
                "trigger": {"start": trig.first - a, "end": trig.last - a, "text": trig.text}, "arguments": kept})
        return records
