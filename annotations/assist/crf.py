"""The recommender: a python-crfsuite (MIT) sequence tagger over word tokens, trained on the user's spans.

Spans become BIO tags over the word tokens they overlap (``features``). Predicted tags become spans
again, from the first token's start to the last token's end, with a score: the mean marginal
probability of the predicted tags. Arabic clitics: a predicted span whose first word carries
proclitics (``بإسطنبول``) starts after them when the training spans did so (the convention is
learnt from the data: AQMAR and ANERcorp keep the clitic in, this app's own snapping leaves it out).

A model is saved as two files: ``<name>.crfsuite`` (the tagger) and ``<name>.json`` (the feature
version, labels, convention and scores). A model whose ``.json`` says another feature version, or
that is damaged, is not loaded (``ModelVersionError``): the caller retrains.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..clitics import split_proclitics, word_at
from ..errors import AnnotationError
from ..search import Normalized, normalize
from ..store.files import atomic_write_bytes
from .features import FEATURES_VERSION, Sentence, sentence_features, sentences
from .gazetteer import Gazetteer
from .matching import occurrences

MIN_DOCS = 2
MIN_LABEL_SPANS = 3  # a label with fewer training spans is not learnt (each label costs training time)
SEEN_FOLDS = 5
PROPAGATE_MIN_SCORE = 0.5
# max_iterations was chosen for speed by 5-fold cross-validation on the bench's 20 training articles only
# (``python bench/suggest.py --choose-params``: micro-F1 0.579 at 40, 0.607 at 60, 0.622 at 80, 0.619 at 120)
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 80, "feature.possible_transitions": True,
          "feature.minfreq": 1}

SpanTuple = tuple[int, int, str]


class NotEnoughDataError(AnnotationError):
    """Fewer labelled documents than training needs."""


class ModelVersionError(AnnotationError):
    """A model file written by another version (or damaged): retrain instead of loading it."""


@dataclass(frozen=True)
class TrainingDoc:
    """A document to learn from: its text and its spans ``(start, end, label)``."""

    text: str
    spans: tuple[SpanTuple, ...]


def _pycrfsuite() -> Any:
    try:
        import pycrfsuite
    except ImportError:
        raise AnnotationError("the recommender needs python-crfsuite: pip install python-crfsuite") from None
    return pycrfsuite


def bio_tags(sentence: Sentence, spans: Sequence[SpanTuple]) -> list[str]:
    """BIO tags of a sentence's tokens: a token overlapping a span takes its label (first token ``B-``)."""
    tokens = sentence.tokens
    tags = ["O"] * len(tokens)
    if not tokens:
        return tags
    first, last = tokens[0][0], tokens[-1][1]
    ends = [e for _, e in tokens]
    here = sorted((s for s in spans if s[0] < last and first < s[1]), key=lambda s: (s[0], -s[1]))
    for start, end, label in here:
        i = bisect_right(ends, start)  # the first token ending after the span's start
        inside = []
        while i < len(tokens) and tokens[i][0] < end:
            inside.append(i)
            i += 1
        if not inside or any(tags[i] != "O" for i in inside):
            continue  # nested or overlapping: the outermost (first, longest) span wins
        tags[inside[0]] = "B-" + label
        for i in inside[1:]:
            tags[i] = "I-" + label
    return tags


def seen_gazetteer(docs: Sequence[TrainingDoc]) -> Gazetteer:
    """The span texts of ``docs`` with their most frequent label, as a gazetteer (feature ``seen``)."""
    votes: dict[str, dict[str, int]] = {}
    for doc in docs:
        for start, end, label in doc.spans:
            term = doc.text[start:end]
            votes.setdefault(term, {}).setdefault(label, 0)
            votes[term][label] += 1
    gaz = Gazetteer("seen", feature="seen")
    for term, counts in votes.items():
        gaz.add(term, max(counts, key=lambda label: (counts[label], label)))
    return gaz


def _strips_clitics(docs: Sequence[TrainingDoc]) -> bool:
    """Whether the training spans leave the proclitics of their first word out (majority of the cases)."""
    cut = kept = 0
    for doc in docs:
        for start, _, _ in doc.spans:
            w_start, w_end = word_at(doc.text, start)
            split = split_proclitics(doc.text[w_start:w_end], strip_article=False)
            if split.prefix_len == 0:
                continue
            if start == w_start:
                kept += 1
            elif start == w_start + split.prefix_len:
                cut += 1
    return cut > kept


@dataclass
class Recommender:
    """A trained tagger with what it needs to tag (gazetteers, clitic convention).

    Attributes:
        model: the crfsuite model file's bytes.
        labels: the span labels it was trained on.
        strip_clitics: predicted spans start after the proclitics of their first word.
        info: scores and counts of its training (``cv_f1``, ``documents``, ``tokens``, ``seconds``).
    """

    model: bytes
    labels: tuple[str, ...]
    strip_clitics: bool
    gazetteers: Sequence[Gazetteer] = ()
    info: dict[str, Any] = field(default_factory=dict)
    seen: Gazetteer | None = None
    propagate: bool = True

    def __post_init__(self) -> None:
        self._tagger = _pycrfsuite().Tagger()
        self._tagger.open_inmemory(self.model)

    @classmethod
    def train(cls, docs: Sequence[TrainingDoc], gazetteers: Sequence[Gazetteer] = (),
              params: dict[str, Any] | None = None) -> Recommender:
        """Train on ``docs`` (those without spans are left out).

        Raises:
            NotEnoughDataError: fewer than ``MIN_DOCS`` documents have spans.
        """
        labelled = [d for d in docs if d.spans]
        if len(labelled) < MIN_DOCS:
            raise NotEnoughDataError(
                f"the recommender needs at least {MIN_DOCS} documents with spans to learn from; "
                f"there {'is' if len(labelled) == 1 else 'are'} {len(labelled)}. Annotate "
                f"{MIN_DOCS - len(labelled)} more (and give them the training status, e.g. done)")
        began, cpu = time.perf_counter(), time.process_time()
        counts = Counter(label for d in labelled for _, _, label in d.spans)
        rare = {label: n for label, n in sorted(counts.items()) if n < MIN_LABEL_SPANS}
        if rare:  # too few examples to learn from; each label in the tag set slows every iteration
            labelled = [TrainingDoc(d.text, tuple(s for s in d.spans if s[2] not in rare)) for d in labelled]
        pycrfsuite = _pycrfsuite()
        trainer = pycrfsuite.Trainer(verbose=False)
        trainer.set_params({**PARAMS, **(params or {})})
        tokens = 0
        labels: set[str] = set()
        # the names seen in training are a feature; each document sees only those of the other folds,
        # as an unseen document will, so the model learns how far to trust it
        folds = min(SEEN_FOLDS, len(labelled))
        seen = [seen_gazetteer([d for i, d in enumerate(labelled) if i % folds != k]) for k in range(folds)]
        for n, doc in enumerate(labelled):
            gaz = [*gazetteers, seen[n % folds]]
            for sent in sentences(doc.text):
                tags = bio_tags(sent, doc.spans)
                trainer.append(sentence_features(doc.text, sent, gaz), tags)
                tokens += len(tags)
            labels.update(label for _, _, label in doc.spans)
        fd, name = tempfile.mkstemp(suffix=".crfsuite")
        os.close(fd)
        try:
            trainer.train(name)
            model = Path(name).read_bytes()
        finally:
            os.unlink(name)
        info = {"documents": len(labelled), "tokens": tokens, "seconds": round(time.perf_counter() - began, 3),
                "cpu_seconds": round(time.process_time() - cpu, 3), "not_learnt": rare}
        return cls(model, tuple(sorted(labels)), _strips_clitics(labelled), gazetteers, info,
                   seen=seen_gazetteer(labelled))

    # ------------------------------------------------------------------ tagging
    def predict(self, text: str) -> list[dict[str, Any]]:
        """Spans the model finds in ``text``: dicts with start, end, label and score (0..1)."""
        out: list[dict[str, Any]] = []
        gaz = [*self.gazetteers, *([self.seen] if self.seen is not None else [])]
        for sent in sentences(text):
            tags = self._tagger.tag(sentence_features(text, sent, gaz))
            i = 0
            while i < len(tags):
                if tags[i] == "O":
                    i += 1
                    continue
                label = tags[i][2:]
                j = i + 1
                while j < len(tags) and tags[j] == "I-" + label:
                    j += 1
                score = sum(self._tagger.marginal(tags[k], k) for k in range(i, j)) / (j - i)
                start, end = sent.tokens[i][0], sent.tokens[j - 1][1]
                if self.strip_clitics:
                    cut = split_proclitics(text[start:sent.tokens[i][1]], strip_article=False).prefix_len
                    start += cut if start + cut < end else 0
                out.append({"start": start, "end": end, "label": label, "score": round(score, 4)})
                i = j
        return self._propagate(text, out) if self.propagate else out

    def _propagate(self, text: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Add the other occurrences in ``text`` of what was found with confidence (one sense per
        document: a name tagged once is the same name elsewhere in the article)."""
        best: dict[str, dict[str, Any]] = {}
        for f in found:
            key = normalize(text[f["start"]:f["end"]])
            if f["score"] >= PROPAGATE_MIN_SCORE and len(key) > 2 and f["score"] > best.get(key, {}).get("score", 0):
                best[key] = f
        if not best:
            return found
        norm = Normalized.of(text)
        taken = sorted((f["start"], f["end"]) for f in found)
        added = []
        for f in best.values():
            for start, end in occurrences(norm, text[f["start"]:f["end"]]):
                if not self.strip_clitics:  # whole words, as the training spans were
                    start, end = word_at(text, start)[0], word_at(text, end - 1)[1]
                at = bisect_left(taken, (end,))  # the spans in taken never overlap: one neighbour to check
                if at and taken[at - 1][1] > start:
                    continue
                added.append({"start": start, "end": end, "label": f["label"], "score": round(f["score"] * 0.9, 4)})
                insort(taken, (start, end))
        return sorted(found + added, key=lambda x: x["start"])

    # ------------------------------------------------------------------ files
    def save(self, path: str | os.PathLike[str]) -> None:
        """Write ``<path>.crfsuite`` and ``<path>.json`` (each durably, the tagger first)."""
        base = Path(path)
        base.parent.mkdir(parents=True, exist_ok=True)
        meta = {"features_version": FEATURES_VERSION, "labels": list(self.labels),
                "strip_clitics": self.strip_clitics, "size": len(self.model), "info": self.info,
                "seen": [[list(k), v] for k, v in (self.seen.terms.items() if self.seen is not None else ())]}
        atomic_write_bytes(base.with_suffix(".crfsuite"), self.model)
        atomic_write_bytes(base.with_suffix(".json"), json.dumps(meta, ensure_ascii=False, indent=1).encode())

    @classmethod
    def load(cls, path: str | os.PathLike[str], gazetteers: Sequence[Gazetteer] = ()) -> Recommender:
        """Read a model saved by ``save``.

        Raises:
            ModelVersionError: missing, damaged, or written with another feature version (retrain).
        """
        base = Path(path)
        try:
            meta = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
            model = base.with_suffix(".crfsuite").read_bytes()
        except (OSError, ValueError) as exc:
            raise ModelVersionError(f"{base}: no usable model ({exc}); it will be retrained") from None
        if not isinstance(meta, dict) or meta.get("features_version") != FEATURES_VERSION:
            version = meta.get("features_version") if isinstance(meta, dict) else None
            raise ModelVersionError(f"{base}: model of feature version {version}, this version uses "
                                    f"{FEATURES_VERSION}; it will be retrained")
        if meta.get("size") != len(model):
            raise ModelVersionError(f"{base}: the model file is incomplete; it will be retrained")
        seen = Gazetteer("seen", feature="seen")
        try:
            seen.terms = {tuple(k): str(v) for k, v in meta.get("seen", ())}
        except (TypeError, ValueError):
            raise ModelVersionError(f"{base}: the model's list of seen names is damaged; "
                                    "it will be retrained") from None
        return cls(model, tuple(meta.get("labels", ())), bool(meta.get("strip_clitics")), gazetteers,
                   dict(meta.get("info") or {}), seen)


# ---------------------------------------------------------------------- scores
@dataclass
class Scores:
    """Exact-span precision, recall and F1 (seqeval-style), per label and micro-averaged."""

    counts: dict[str, list[int]] = field(default_factory=dict)  # label -> [true positives, predicted, gold]

    def add(self, gold: Sequence[SpanTuple], predicted: Sequence[SpanTuple],
            labels: Sequence[str] | None = None) -> None:
        keep = set(labels) if labels is not None else None
        g = {s for s in gold if keep is None or s[2] in keep}
        p = {s for s in predicted if keep is None or s[2] in keep}
        for label in {s[2] for s in g | p} | (keep or set()):
            c = self.counts.setdefault(label, [0, 0, 0])
            c[0] += sum(1 for s in p & g if s[2] == label)
            c[1] += sum(1 for s in p if s[2] == label)
            c[2] += sum(1 for s in g if s[2] == label)

    @staticmethod
    def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def label(self, label: str) -> tuple[float, float, float]:
        return self._prf(*self.counts.get(label, [0, 0, 0]))

    def micro(self) -> tuple[float, float, float]:
        tp, n_pred, n_gold = (sum(c[i] for c in self.counts.values()) for i in range(3))
        return self._prf(tp, n_pred, n_gold)


def cross_validate(docs: Sequence[TrainingDoc], gazetteers: Sequence[Gazetteer] = (), folds: int = 3,
                   params: dict[str, Any] | None = None,
                   cancelled: Callable[[], bool] = lambda: False) -> Scores | None:
    """Micro/per-label scores of ``folds``-fold cross-validation by document (``None`` if too few or cancelled)."""
    labelled = [d for d in docs if d.spans]
    folds = min(folds, len(labelled))
    if folds < 2 or len(labelled) < MIN_DOCS + 1:
        return None
    scores = Scores()
    for k in range(folds):
        train = [d for i, d in enumerate(labelled) if i % folds != k]
        test = [d for i, d in enumerate(labelled) if i % folds == k]
        if cancelled():
            return None
        model = Recommender.train(train, gazetteers, params)
        for doc in test:
            predicted = [(p["start"], p["end"], p["label"]) for p in model.predict(doc.text)]
            scores.add(doc.spans, predicted)
    return scores
