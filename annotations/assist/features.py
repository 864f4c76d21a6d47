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
    norm = normalize(word)
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


@dataclass(frozen=True)
class _WordAttrs:
    """A word's crfsuite attribute names, ready to pass: its own, and as the neighbour at each distance."""

    own: tuple[bytes, ...]
    near: dict[int, tuple[bytes, ...]]
    stem: bytes


@lru_cache(maxsize=200_000)
def _word_attrs(word: str) -> _WordAttrs:
    own = dict(word_features(word))
    near = {}
    for d in (-2, -1, 1, 2):
        names = ("w", "stem", "shape", "pre") if abs(d) == 1 else ("w", "stem")
        near[d] = tuple(f"{d}:{name}:{own[name]}".encode() for name in names)
    return _WordAttrs((b"bias", *(f"{name}:{value}".encode() for name, value in own.items())), near,
                      own["stem"].encode())


def sentence_features(text: str, sentence: Sentence, gazetteers: Sequence[Gazetteer] = ()) -> list[list[bytes]]:
    """One item per token of ``sentence`` (``python-crfsuite``'s format: a list of attribute names).

    The names are those of the dict form ``{"w": norm, "-1:w": ...}`` that crfsuite would build
    (``name:value``, or the name alone for a 1.0 weight); they are built once per distinct word.
    """
    words = [text[s:e] for s, e in sentence.tokens]
    attrs = [_word_attrs(w) for w in words]
    n = len(words)
    gaz: list[list[str]] = [[] for _ in words]
    if gazetteers:
        forms = [word_forms(w) for w in words]
        for g in gazetteers:
            for i, j, _, label in g.match_forms(forms):
                gaz[i].append(f"{g.feature}=B-{label}")
                for k in range(i + 1, j):
                    gaz[k].append(f"{g.feature}=I-{label}")
    hits = [[h.encode() for h in dict.fromkeys(g)] for g in gaz]
    out: list[list[bytes]] = []
    for i in range(n):
        a = attrs[i]
        f = [*a.own, *hits[i]]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.extend(attrs[j].near[d])
                if abs(d) == 1:
                    f.extend(b"%d:%s" % (d, hit) for hit in hits[j])
            elif abs(d) == 1:
                f.append(b"%d:edge" % d)
        if i > 0:
            f.append(b"-1|0:stem:" + attrs[i - 1].stem + b"|" + a.stem)
        out.append(f)
    return out
