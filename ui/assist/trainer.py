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
from dataclasses import dataclass, replace
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
    project_path: Path | None = None  # the training process reads the documents from here (read-only)


def train_command(job_file: Path) -> list[str]:
    """The command that trains in a child process: this app's own ``train-model`` subcommand.

    crfsuite holds the interpreter lock while it optimises (measured here: pauses of 200-600 ms in
    another thread of the same process), so training in a thread would freeze the window; the
    worker thread only waits for the child, which costs it nothing.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, "train-model", str(job_file)]
    return [sys.executable, str(Path(__file__).resolve().parents[2] / "main.py"), "train-model", str(job_file)]


def _below_normal() -> dict[str, Any]:
    """Start the training child below normal priority on Windows (elsewhere it lowers its own, with
    ``os.nice``: a ``preexec_fn`` would stop Python from using vfork, and forking this whole process
    costs the window a pause)."""
    if os.name == "nt":
        return {"creationflags": getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0)}
    return {}


class _Worker(QObject):
    done = Signal(object)  # a dict: generation, model, cv, doc_id, items, gazetteers, error

    def __init__(self, gazetteers: Sequence[Gazetteer]) -> None:
        super().__init__()
        self.gazetteers = list(gazetteers)
        self.model: Recommender | None = None
        self.child: subprocess.Popen[str] | None = None  # the training process while one runs
        self.stopping = False

    def _train(self, job: Job, folder: Path) -> tuple[Recommender, Scores | None]:
        out = job.model_path or folder / "recommender"
        job_file = folder / "job.json"
        gazetteers = [(g.name, g.source) for g in self.gazetteers if g.source]
        spec: dict[str, Any] = {"gazetteers": gazetteers, "folds": job.folds, "out": str(out)}
        if job.project_path is not None:  # the child reads the documents from a read-only snapshot
            spec["project"] = str(job.project_path)
        else:
            spec["docs"] = [[d.text, [list(s) for s in d.spans]] for d in job.docs or ()]
        job_file.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        child = subprocess.Popen(train_command(job_file), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, encoding="utf-8", errors="replace", env=env, **_below_normal())
        self.child = child
        try:
            _, stderr = child.communicate()
        finally:
            self.child = None
        if self.stopping:
            raise AnnotationError("the training was stopped")
        if child.returncode != 0:
            lines = [line.removeprefix("error: ") for line in stderr.splitlines() if line.strip()]
            raise AnnotationError(lines[-1] if lines else f"the training stopped (exit code {child.returncode})")
        model = Recommender.load(out, self.gazetteers)
        counts = json.loads(Path(str(out) + ".cv.json").read_text(encoding="utf-8"))
        return model, Scores(counts) if counts is not None else None

    @Slot(object)
    def run(self, job: Job) -> None:
        out: dict[str, Any] = {"generation": job.generation, "doc_id": job.doc_id, "model": None, "cv": None,
                               "items": None, "gazetteers": {}, "error": None}
        try:
            if job.docs is not None or job.project_path is not None:
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
            waiting = self._waiting
            if waiting is not None and (waiting.docs is not None or waiting.project_path is not None) \
                    and job.docs is None and job.project_path is None:
                job = replace(waiting, generation=job.generation, doc_id=job.doc_id, text=job.text)  # keep the training
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
        """End the thread; a running training process is ended, not waited for."""
        self._waiting = None
        self.worker.stopping = True
        child = self.worker.child
        if child is not None:
            child.kill()
        self._thread.quit()
        self._thread.wait()
