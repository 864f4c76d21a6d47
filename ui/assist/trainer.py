"""The recommender trained in a child process and run on a worker thread, never on the GUI thread.

The GUI thread hands the worker plain data (the training documents' texts and spans, the open
document's text) and gets plain data back (the trained ``Recommender``, cross-validation scores, the
suggestions for that document); only the GUI thread touches the ``Project``. A request made while the
worker is busy replaces the waiting one, so the worker never falls behind.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from annotations.assist.crf import Recommender, Scores, TrainingDoc
from annotations.assist.gazetteer import Gazetteer
from annotations.errors import AnnotationError


@dataclass(frozen=True)
class Job:
    """One request: train (when ``docs`` is given) and/or suggest for ``doc_id``'s ``text``."""

    generation: int
    docs: tuple[TrainingDoc, ...] | None
    doc_id: str | None
    text: str | None
    model_path: Path | None = None
    folds: int = 3


def train_command(job_file: Path) -> list[str]:
    """The command that trains in a child process: this app's own ``train-model`` subcommand.

    crfsuite holds the interpreter lock while it optimises (measured here: pauses of 200-600 ms in
    another thread of the same process), so training in a thread would freeze the window; the
    worker thread only waits for the child, which costs it nothing.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, "train-model", str(job_file)]
    return [sys.executable, str(Path(__file__).resolve().parents[2] / "main.py"), "train-model", str(job_file)]


class _Worker(QObject):
    done = Signal(object)  # a dict: generation, model, cv, doc_id, items, gazetteers, error

    def __init__(self, gazetteers: Sequence[Gazetteer]) -> None:
        super().__init__()
        self.gazetteers = list(gazetteers)
        self.model: Recommender | None = None

    def _train(self, job: Job, folder: Path) -> tuple[Recommender, Scores | None]:
        out = job.model_path or folder / "recommender"
        job_file = folder / "job.json"
        gazetteers = [(g.name, g.source) for g in self.gazetteers if g.source]
        job_file.write_text(json.dumps({"docs": [[d.text, [list(s) for s in d.spans]] for d in job.docs or ()],
                                        "gazetteers": gazetteers, "folds": job.folds, "out": str(out)},
                                       ensure_ascii=False), encoding="utf-8")
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run(train_command(job_file), capture_output=True, text=True, encoding="utf-8",
                              errors="replace", env=env, check=False)
        if done.returncode != 0:
            lines = [line.removeprefix("error: ") for line in done.stderr.splitlines() if line.strip()]
            raise AnnotationError(lines[-1] if lines else f"the training stopped (exit code {done.returncode})")
        model = Recommender.load(out, self.gazetteers)
        counts = json.loads(Path(str(out) + ".cv.json").read_text(encoding="utf-8"))
        return model, Scores(counts) if counts is not None else None

    @Slot(object)
    def run(self, job: Job) -> None:
        out: dict[str, Any] = {"generation": job.generation, "doc_id": job.doc_id, "model": None, "cv": None,
                               "items": None, "gazetteers": {}, "error": None}
        try:
            if job.docs is not None:
                with tempfile.TemporaryDirectory(prefix="qalam-train-") as tmp:
                    model, out["cv"] = self._train(job, Path(tmp))
                self.model = out["model"] = model
            if job.text is not None:
                out["gazetteers"] = {g.name: g.suggestions(job.text) for g in self.gazetteers}
                if self.model is not None:
                    out["items"] = self.model.predict(job.text)
        except AnnotationError as exc:
            out["error"] = str(exc)
        except Exception as exc:  # noqa: BLE001 - a failed training must not take the window down
            out["error"] = f"the recommender failed: {exc!r}"
        self.done.emit(out)


class BackgroundTrainer(QObject):
    """Owns the worker thread (started for a request, ended when no work is left). ``request(job)`` queues
    work; ``finished(dict)`` reports on the GUI thread.

    Signals:
        finished(object): the worker's result dict (``model``, ``cv``, ``doc_id``, ``items``, ``error``).
        busy_changed(bool): the worker started or stopped.
    """

    finished = Signal(object)
    busy_changed = Signal(bool)
    _submit = Signal(object)

    def __init__(self, gazetteers: Sequence[Gazetteer], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("recommender")
        self.worker = _Worker(gazetteers)
        self.worker.moveToThread(self._thread)
        self._submit.connect(self.worker.run)
        self.worker.done.connect(self._on_done)
        self.busy = False
        self._waiting: Job | None = None

    @property
    def model(self) -> Recommender | None:
        return self.worker.model

    def set_model(self, model: Recommender | None) -> None:
        """Use an already trained model (loaded from the project) until the next training."""
        self.worker.model = model

    def request(self, job: Job) -> None:
        if self.busy:
            if self._waiting is not None and self._waiting.docs is not None and job.docs is None:
                job = Job(job.generation, self._waiting.docs, job.doc_id, job.text, job.model_path, job.folds)
            self._waiting = job
            return
        self.busy = True
        self.busy_changed.emit(True)
        if not self._thread.isRunning():  # the thread runs only while there is work
            self._thread.start(QThread.Priority.LowPriority)
        self._submit.emit(job)

    def _on_done(self, result: dict[str, Any]) -> None:
        self.busy = False
        self.finished.emit(result)
        if self._waiting is not None:
            job, self._waiting = self._waiting, None
            self.request(job)
        else:
            self._thread.quit()
            self._thread.wait()
            self.busy_changed.emit(False)

    def stop(self) -> None:
        """End the thread (waits for a running training to finish)."""
        self._waiting = None
        self._thread.quit()
        self._thread.wait()
