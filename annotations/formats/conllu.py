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

from itertools import repeat
from operator import add, eq

from ..token_schemes import SchemeDoc

_BLANKS = "\t_\t_\t_\t_\t_\t_\t_\t"  # LEMMA .. DEPS
# a row's last cell, by whether the next token follows without a space (False/True); a sentence's
# last row also ends it with a blank line
_ENDS = ("\n", "|SpaceAfter=No\n")
_ENDS_NO_TAGS = (_BLANKS + "_\n", _BLANKS + "SpaceAfter=No\n")  # no tag column: MISC is _ or SpaceAfter


def document(tok: SchemeDoc, columns: list[list[str]], doc_id: str, info_line: str) -> str:
    """The CoNLL-U text of one document (``columns``: one tag list per nesting level).

    A row is its cells concatenated: what comes before it (a sentence's comments, a multi-word
    token's line), ID, FORM, the blank columns with the first tag, the other tags, and its end.
    The cells are laid out a column at a time (C loops over lists) and joined once; only the few
    sentences and multi-word tokens are visited one by one."""
    text, starts, ends, words = tok.text, tok.starts, tok.ends, tok.words
    n = len(words)
    head = f"# newdoc id = {doc_id}\n{info_line}"
    if not n:
        return head
    table = _ENDS if columns else _ENDS_NO_TAGS
    glued = list(map(eq, ends[:-1], starts[1:]))  # no space before the next token
    row_end = list(map(table.__getitem__, glued))
    row_end.append(table[False])
    before = [""] * n
    ids = [""] * n
    longest = max(b - a for a, b in tok.sentences)
    numbers = list(map(add, map(str, range(1, longest + 1)), repeat("\t")))
    first_of, last_of = [0] * n, [0] * n  # each token's sentence, for the multi-word tokens below
    for k, (a, b) in enumerate(tok.sentences, 1):
        sentence = " ".join(text[starts[a]:ends[b - 1]].split())
        before[a] = f"# sent_id = {doc_id}-{k}\n# text = {sentence}\n"
        ids[a:b] = numbers[: b - a]
        first_of[a:b] = repeat(a, b - a)
        last_of[a:b] = repeat(b, b - a)
        row_end[b - 1] = table[False] + "\n"
    for i, j in tok.surface:  # the surface word's line, then its syntactic words (no SpaceAfter inside)
        a, b = first_of[i], last_of[i]
        j = min(j, b)
        if j - i < 2:
            continue
        space_after = j >= b or not glued[j - 1]
        before[i] += (f"{i - a + 1}-{j - a}\t{text[starts[i]:ends[j - 1]]}{_BLANKS}"
                      f"{'_' if space_after else 'SpaceAfter=No'}\n")
        row_end[i : j if j < b else j - 1] = repeat(table[False], (j if j < b else j - 1) - i)
    width = len(columns) + 4
    cells = [""] * (width * n)
    cells[0::width] = before
    cells[1::width] = ids
    cells[2::width] = words
    for c, col in enumerate(columns):
        cells[3 + c::width] = map(add, repeat(_BLANKS + "NER=" if c == 0 else f"|NER{c + 1}="), col)
    cells[width - 1::width] = row_end
    return head + "".join(cells)
