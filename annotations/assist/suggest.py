"""Training the recommender on a project's annotated documents and writing suggestions for the others.

``suggest`` is what ``main.py suggest``, the GUI's background trainer and ``bench/suggest.py`` run:
learn from the documents with the training status, then write the model's and the gazetteers'
suggestions for the documents with the other status, and report counts and the cross-validated F1.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .crf import MIN_LABEL_SPANS, ModelVersionError, Recommender, Scores, TrainingDoc, cross_validate
from .gazetteer import Gazetteer, starter_gazetteer

MODEL_NAME = "models/recommender"  # inside the project folder: .crfsuite and .json


@dataclass
class SuggestReport:
    """What one ``suggest`` run did.

    Attributes:
        trained_on: documents with spans the model learnt from; tokens: their word tokens.
        seconds: training time; cv: cross-validation scores (``None`` when there were too few documents).
        tag_seconds, tag_cpu_seconds: the time the model and the gazetteers took on the documents
            (reading them from the project not included).
        documents: documents that suggestions were written for; written: suggestions per source.
        skipped: documents asked for whose suggestions could not be made (id: why).
        notes: other things to tell (a model retrained because its file was from another version).
    """

    trained_on: int = 0
    tokens: int = 0
    seconds: float = 0.0
    cv: Scores | None = None
    documents: int = 0
    written: dict[str, int] = field(default_factory=dict)
    tag_seconds: float = 0.0
    tag_cpu_seconds: float = 0.0
    cpu_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"trained on {self.trained_on} document(s), {self.tokens} tokens, in {self.seconds:.1f} s"]
        if self.cv is not None:
            p, r, f = self.cv.micro()
            out.append(f"cross-validated on the training documents: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        else:
            out.append("cross-validated F1: not measured (needs at least 3 documents with spans)")
        total = sum(self.written.values())
        by_source = ", ".join(f"{n} from {s}" for s, n in sorted(self.written.items())) or "none"
        out.append(f"wrote {total} suggestion(s) for {self.documents} document(s): {by_source}")
        out.extend(f"note: {n}" for n in self.notes)
        return out


def training_docs(project: Any, status: str | Iterable[str] | None) -> list[TrainingDoc]:
    """The project's documents with ``status`` (``None``: all) that have spans, as training documents."""
    docs = []
    for info in project.documents(status=status):
        if not info.n_spans:
            continue
        doc = project.document(info.id)
        spans = tuple((s.start, s.end, s.label) for s in project.spans(info.id))
        docs.append(TrainingDoc(doc.text, spans))
    return docs


def load_or_train(project: Any, docs: Sequence[TrainingDoc], gazetteers: Sequence[Gazetteer],
                  retrain: bool = True, notes: list[str] | None = None) -> Recommender:
    """Train (``retrain``) or load the project's saved model; a model file from another version is retrained."""
    path = project.path / MODEL_NAME if project.path is not None else None
    if not retrain and path is not None:
        try:
            return Recommender.load(path, gazetteers)
        except ModelVersionError as exc:
            if notes is not None:
                notes.append(str(exc))
    model = Recommender.train(docs, gazetteers)
    if path is not None and not project.readonly:
        model.save(path)
    return model


def suggest(
    project: Any,
    train_status: str | Iterable[str] | None = "done",
    docs_status: str | Iterable[str] | None = "new",
    gazetteers: Sequence[Gazetteer] = (),
    *,
    starter: bool = True,
    folds: int = 3,
    retrain: bool = True,
    progress: Callable[[str], None] = lambda _: None,
) -> SuggestReport:
    """Train on the documents with ``train_status``, then suggest for those with ``docs_status``.

    Raises:
        NotEnoughDataError: fewer than 2 training documents with spans (nothing is written).
    """
    gaz = ([starter_gazetteer()] if starter else []) + list(gazetteers)
    report = SuggestReport()
    docs = training_docs(project, train_status)
    progress(f"training on {len(docs)} document(s)")
    model = load_or_train(project, docs, gaz, retrain, report.notes)
    report.trained_on, report.tokens = model.info.get("documents", 0), model.info.get("tokens", 0)
    report.seconds = model.info.get("seconds", 0.0)
    report.cpu_seconds = model.info.get("cpu_seconds", 0.0)
    rare = model.info.get("not_learnt") or {}
    if rare:
        report.notes.append(f"not learnt, fewer than {MIN_LABEL_SPANS} spans to learn from: "
                            + ", ".join(f"{label} ({n})" for label, n in sorted(rare.items())))
    if folds > 1:
        progress(f"cross-validating ({folds} folds)")
        report.cv = cross_validate(docs, gaz, folds)
    targets = [info.id for info in project.documents(status=docs_status)]
    model_batches: dict[str, list[dict[str, Any]]] = {}
    gaz_batches: dict[str, dict[str, list[dict[str, Any]]]] = {g.name: {} for g in gaz}
    for doc_id in targets:
        text = project.document(doc_id).text
        began, cpu = time.perf_counter(), time.process_time()  # the tagging, not the reading
        model_batches[doc_id] = model.predict(text)
        for g in gaz:
            gaz_batches[g.name][doc_id] = g.suggestions(text)
        report.tag_seconds += time.perf_counter() - began
        report.tag_cpu_seconds += time.process_time() - cpu
    progress(f"writing suggestions for {len(targets)} document(s)")
    report.documents = len(targets)
    report.written["model"] = project.replace_suggestions(model_batches, "model") if targets else 0
    for name, batches in gaz_batches.items():
        if targets:
            report.written[f"gazetteer:{name}"] = project.replace_suggestions(batches, f"gazetteer:{name}")
    if project.path is not None:
        model.info["cv_f1"] = round(report.cv.micro()[2], 4) if report.cv is not None else None
        if not project.readonly:
            model.save(Path(project.path) / MODEL_NAME)
    return report
