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

from collections.abc import Sequence
from operator import itemgetter, sub
from typing import Any

from . import jsoncols
from .common import DocData
from .jsonl import local
from .mentions import DocMentions, Mention, MentionsWriter, sentence_heads, sentence_records
from .staging import json_text

FMT = "OneIE"
_FIRST = itemgetter(0)


def _arg(m: Mention, role: str) -> dict[str, object]:
    return {"entity_id": local(m.id), "text": m.text, "role": role}


class Writer(MentionsWriter):
    """One record per sentence."""

    fmt = FMT

    def lines(self, data: DocData, dm: DocMentions) -> bytes:
        tok, report, ents, c = dm.tok, self.report, dm.entities, data.columns()
        n = len(tok.sentences)
        firsts = list(map(_FIRST, tok.sentences))
        heads = list(map(firsts.__getitem__, ents.sentences))
        relations: list[list[dict[str, Any]]] = [[] for _ in range(n)]
        for r, m1, m2 in dm.relations:
            if m1.sentence != m2.sentence:
                report.lost(f"relations across sentences ({FMT} is sentence-level)", f"{r.id} {r.type}")
                continue
            relations[m1.sentence].append({"id": local(r.id), "relation_type": r.type,
                                           "arguments": [_arg(m1, "Arg-1"), _arg(m2, "Arg-2")]})
        events: list[list[dict[str, Any]]] = [[] for _ in range(n)]
        for e, trig, args in dm.events:
            a = firsts[trig.sentence]
            kept = []
            for role, m in args:
                if m.sentence != trig.sentence:
                    report.lost(f"event arguments outside the trigger's sentence ({FMT} is sentence-level)",
                                f"{e.id} {e.type} {role}")
                else:
                    kept.append(_arg(m, role))
            events[trig.sentence].append({
                "id": local(e.id), "event_type": e.type,
                "trigger": {"start": trig.first - a, "end": trig.last - a, "text": trig.text}, "arguments": kept})
        if dm.relations or dm.events:
            tails: Sequence[bytes] = [
                b'], "relation_mentions": ' + json_text(r).encode("utf-8") + b', "event_mentions": '
                + json_text(e).encode("utf-8") + b"}\n" for r, e in zip(relations, events, strict=True)]
        else:
            tails = [b'], "relation_mentions": [], "event_mentions": []}\n'] * n
        start, end = jsoncols.integer_columns_b(list(map(sub, ents.firsts, heads)), list(map(sub, ents.lasts, heads)))
        return sentence_records(sentence_heads(tok, data.doc.id), tails, ents, [
            b'{"id": "', jsoncols.escaped_b(ents.pick(c.local_ids)), b'", "start": ', start, b', "end": ', end,
            b', "entity_type": ', jsoncols.values_b(ents.pick(c.labels)),
            b', "mention_type": "UNK", "text": "', jsoncols.escaped_b(dm.covered(ents.firsts, ents.lasts)), b'"}'])
