"""CoNLL-U output for ``--format conll --tokens conllu``: syntactic words under multi-word tokens.

UD Arabic keeps the article on its word and writes a clitic-glued word as a multi-word token: a
``1-2`` line with the surface word, then one line per syntactic word (``ب``, ``القاهرة``). The ten
columns are ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC; only ID, FORM and MISC are filled
(``_`` elsewhere: no parser runs here). MISC holds the entity tag ``NER=B-GPE`` (``NER2=``,
``NER3=``... for deeper nesting levels with ``--nested levels``) on each syntactic word, and
``SpaceAfter=No`` on a token followed directly by the next one. Each document starts with
``# newdoc id``, each sentence has ``# sent_id`` and ``# text``; the document's title, meta and
status ride in the same ``# qalam-document = {...}`` comment as in CoNLL files.
"""

from __future__ import annotations

from ..token_schemes import SchemeDoc

_BLANKS = "\t_\t_\t_\t_\t_\t_\t_\t"  # LEMMA .. DEPS


def _misc(tags: list[str], space_after: bool) -> str:
    parts = [f"NER{'' if c == 0 else c + 1}={t}" for c, t in enumerate(tags)]
    if not space_after:
        parts.append("SpaceAfter=No")
    return "|".join(parts) or "_"


def document(tok: SchemeDoc, columns: list[list[str]], doc_id: str, info_line: str) -> str:
    """The CoNLL-U text of one document (``columns``: one tag list per nesting level)."""
    text, starts, ends = tok.text, tok.starts, tok.ends
    mwt = {a: b for a, b in tok.surface}
    out = [f"# newdoc id = {doc_id}\n", info_line]
    for n, (a, b) in enumerate(tok.sentences, 1):
        sentence = " ".join(text[starts[a]:ends[b - 1]].split())
        out.append(f"# sent_id = {doc_id}-{n}\n# text = {sentence}\n")
        i = a
        while i < b:
            j = min(mwt.get(i, i + 1), b)
            space_after = j >= b or ends[j - 1] != starts[j]
            if j - i > 1:  # the surface word, then its syntactic words (no SpaceAfter inside it)
                out.append(f"{i - a + 1}-{j - a}\t{text[starts[i]:ends[j - 1]]}{_BLANKS}"
                           f"{'_' if space_after else 'SpaceAfter=No'}\n")
                for k in range(i, j):
                    out.append(f"{k - a + 1}\t{tok.words[k]}{_BLANKS}{_misc([c[k] for c in columns], True)}\n")
            else:
                out.append(f"{i - a + 1}\t{tok.words[i]}{_BLANKS}{_misc([c[i] for c in columns], space_after)}\n")
            i = j
        out.append("\n")
    return "".join(out)
