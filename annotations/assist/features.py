"""The recommender's features: word tokens cut into sentences, and one feature dict per token.

Each token has the features of its own word (the word, its normalised form, the form with the
proclitics and the article stripped, which proclitics were stripped, prefixes and suffixes of the
stem, Latin/digit/Arabic shape, length), its gazetteer hits (``B-GPE``/``I-GPE``), and the main
features of the words one and two to each side. A word's own features depend only on the word, so
they are computed once per distinct word (``word_features`` is cached): that is what makes tagging fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..clitics import split_proclitics
from ..search import normalize
from ..tokenize import SENTENCE_END, word_tokens
from .gazetteer import Gazetteer, word_forms

FEATURES_VERSION = 1  # bump when features change: older model files are then retrained, not loaded


@dataclass(frozen=True)
class Sentence:
    """Word tokens of one sentence: ``tokens[i] = (start, end)`` into the document text."""

    tokens: tuple[tuple[int, int], ...]


def sentences(text: str) -> list[Sentence]:
    """The text's word tokens, cut after ``. ! ? ؟`` and at line breaks."""
    out: list[Sentence] = []
    current: list[tuple[int, int]] = []
    last_end = 0
    for start, end in word_tokens(text):
        if current and "\n" in text[last_end:start]:
            out.append(Sentence(tuple(current)))
            current = []
        current.append((start, end))
        last_end = end
        if end - start == 1 and text[start] in SENTENCE_END:
            out.append(Sentence(tuple(current)))
            current = []
    if current:
        out.append(Sentence(tuple(current)))
    return out


def _shape(word: str) -> str:
    if word.isdigit():
        return "digit"
    if any("\u0600" <= c <= "\u06ff" for c in word):
        return "arabic"
    if word.isascii() and word.isalpha():
        return "Latin-cap" if word[:1].isupper() else "latin"
    if any(c.isdigit() for c in word):
        return "has-digit"
    return "punct" if len(word) == 1 and not word.isalnum() else "other"


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[tuple[str, str], ...]:
    """The features of a word on its own (see the module docstring), as ``(name, value)`` pairs."""
    norm = word_forms(word)[0][1]  # normalize(word), shared with the gazetteers' cache
    split = split_proclitics(word, strip_article=True)
    stem = normalize(word[split.prefix_len:]) if split.prefix_len else norm
    length = len(norm)
    feats = [("w", norm), ("stem", stem), ("shape", _shape(word)),
             ("len", str(min(length, 8))),
             ("pre", "+".join(split.prefixes) or "-"),
             ("s1", stem[-1:]), ("s2", stem[-2:]), ("s3", stem[-3:]),
             ("p2", stem[:2]), ("p3", stem[:3]),
             ("ws2", norm[-2:]), ("wp2", norm[:2])]
    if word != norm:
        feats.append(("raw", word))
    return tuple(feats)


class _WordAttrs(NamedTuple):
    """A word's crfsuite attribute names, ready to pass: its own, and as the neighbour two before, one
    before, one after and two after it."""

    own: tuple[bytes, ...]
    before2: tuple[bytes, ...]
    before1: tuple[bytes, ...]
    after1: tuple[bytes, ...]
    after2: tuple[bytes, ...]
    stem: bytes


@lru_cache(maxsize=200_000)
def _word_attrs(word: str) -> _WordAttrs:
    values = {name: value.encode() for name, value in word_features(word)}
    w, stem = values["w"], values["stem"]
    near = b":w:" + w, b":stem:" + stem, b":shape:" + values["shape"], b":pre:" + values["pre"]
    return _WordAttrs((b"bias", *(name.encode() + b":" + value for name, value in values.items())),
                      (b"-2" + near[0], b"-2" + near[1]), tuple(b"-1" + x for x in near),
                      tuple(b"1" + x for x in near), (b"2" + near[0], b"2" + near[1]), stem)


def sentence_features(text: str, sentence: Sentence, gazetteers: Sequence[Gazetteer] = ()) -> list[list[bytes]]:
    """One item per token of ``sentence`` (``python-crfsuite``'s format: a list of attribute names).

    The names are those of the dict form ``{"w": norm, "-1:w": ...}`` that crfsuite would build
    (``name:value``, or the name alone for a 1.0 weight); they are built once per distinct word.
    """
    words = [text[s:e] for s, e in sentence.tokens]
    attrs = [_word_attrs(w) for w in words]
    n = len(words)
    hits: dict[int, list[str]] = {}  # token -> its gazetteer hits (few tokens have any)
    if gazetteers:
        forms = [word_forms(w) for w in words]
        for g in gazetteers:
            for i, j, _, label in g.match_forms(forms):
                hits.setdefault(i, []).append(f"{g.feature}=B-{label}")
                for k in range(i + 1, j):
                    hits.setdefault(k, []).append(f"{g.feature}=I-{label}")
    own_hits = {i: [h.encode() for h in dict.fromkeys(found)] for i, found in hits.items()}
    out: list[list[bytes]] = []
    for i in range(n):
        a = attrs[i]
        f = list(a.own)
        if i in own_hits:
            f += own_hits[i]
        if i >= 2:
            f += attrs[i - 2].before2
        if i >= 1:
            f += attrs[i - 1].before1
            if i - 1 in own_hits:
                f += [b"-1:" + h for h in own_hits[i - 1]]
        else:
            f.append(b"-1:edge")
        if i + 1 < n:
            f += attrs[i + 1].after1
            if i + 1 in own_hits:
                f += [b"1:" + h for h in own_hits[i + 1]]
        else:
            f.append(b"1:edge")
        if i + 2 < n:
            f += attrs[i + 2].after2
        if i > 0:
            f.append(b"-1|0:stem:" + attrs[i - 1].stem + b"|" + a.stem)
        out.append(f)
    return out
