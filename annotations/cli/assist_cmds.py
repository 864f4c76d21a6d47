"""The ``suggest`` and ``label-all`` subcommands (``annotations.assist``)."""

from __future__ import annotations

import argparse
import sys

from ..model import STATUSES
from .import_cmd import _print

STATUS_HELP = f"one of {', '.join(STATUSES)}, a comma-separated list, or all"


def _status(value: str) -> tuple[str, ...] | None:
    if value == "all":
        return None
    wanted = tuple(s.strip() for s in value.split(",") if s.strip())
    bad = [s for s in wanted if s not in STATUSES]
    if bad or not wanted:
        raise argparse.ArgumentTypeError(f"{value!r}: give {STATUS_HELP}")
    return wanted


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("suggest", help="train the recommender on annotated documents and suggest for the others")
    p.add_argument("project", metavar="PROJECT", help="project folder")
    p.add_argument("--train-status", type=_status, default=("done",),
                   help=f"learn from the documents with this status (default: done; {STATUS_HELP})")
    p.add_argument("--docs-status", type=_status, default=("new",),
                   help=f"write suggestions for the documents with this status (default: new; {STATUS_HELP})")
    p.add_argument("--gazetteer", action="append", default=[], metavar="FILE",
                   help="a term list (.txt/.tsv term<TAB>label, .csv term,label, or .json) whose matches "
                        "become suggestions; may be repeated")
    p.add_argument("--no-starter", dest="starter", action="store_false",
                   help="do not use the bundled gazetteer of CLDR place names")
    p.add_argument("--folds", type=int, default=3, help="folds of the cross-validation (0: skip it; default 3)")
    p.set_defaults(run=run_suggest)

    p = sub.add_parser("label-all", help="label every occurrence of a term (clitic- and diacritic-aware)")
    p.add_argument("project", metavar="PROJECT", help="project folder")
    p.add_argument("term", help="the text to look for")
    p.add_argument("label", help="the span label to give")
    p.add_argument("--doc", action="append", metavar="DOC_ID", help="only in this document (may be repeated)")
    p.add_argument("--as-suggestions", action="store_true",
                   help="write suggestions (source label-all) instead of spans")
    p.add_argument("--dry-run", action="store_true", help="list what would be labelled; change nothing")
    p.set_defaults(run=run_label_all)

    # internal: the GUI trains in this subprocess, so the training never holds the window's interpreter
    p = sub.add_parser("train-model")
    p.add_argument("job", help="a JSON job file written by ui.assist.trainer")
    p.set_defaults(run=run_train_model)


def run_suggest(args: argparse.Namespace) -> int:
    """Exit 0 when everything was done; 1 when some gazetteer lines were skipped or training was
    impossible (the message says why, on stderr)."""
    from ..assist.crf import NotEnoughDataError
    from ..assist.gazetteer import load_gazetteer
    from ..assist.suggest import suggest
    from ..project import Project

    with Project.open(args.project, create=False) as project:
        labels = [t.name for _, t in project.schema.all_types() if project.schema.is_span_label(t.name)]
        gazetteers = [load_gazetteer(path, labels=labels) for path in args.gazetteer]
        skipped = [problem for g in gazetteers for problem in g.problems]
        for g in gazetteers:
            _print(f"gazetteer {g.name}: {len(g)} term(s) loaded, {len(g.problems)} line(s) skipped", sys.stdout)
        for problem in skipped:
            _print(f"problem: {problem}", sys.stderr)
        try:
            report = suggest(project, args.train_status, args.docs_status, gazetteers, starter=args.starter,
                             folds=args.folds, progress=lambda msg: _print(f"{msg}...", sys.stderr))
        except NotEnoughDataError as exc:
            _print(f"error: {exc}", sys.stderr)
            return 1
    for line in report.lines():
        _print(line, sys.stdout)
    if skipped:
        _print(f"{len(skipped)} gazetteer line(s) were skipped (listed above); the rest was used", sys.stderr)
        return 1
    return 0


def run_label_all(args: argparse.Namespace) -> int:
    from ..project import Project

    with Project.open(args.project, create=False, readonly=args.dry_run) as project:
        plan = project.plan_label_all(args.term, args.label, args.doc)
        for m in plan.matches:
            _print(f"  {m.doc} [{m.start}, {m.end}) …{m.before}[{m.text}]{m.after}…", sys.stdout)
        _print(plan.summary(), sys.stdout)
        if args.dry_run or not plan.matches:
            return 0
        ids = project.label_all(plan.matches, args.label, as_suggestions=args.as_suggestions)
    what = "suggestion(s) written" if args.as_suggestions else "span(s) added"
    _print(f"{len(ids)} {what} (of {len(plan.matches)} occurrence(s))", sys.stdout)
    if len(ids) != len(plan.matches):
        _print(f"{len(plan.matches) - len(ids)} occurrence(s) not written (already suggested or rejected)",
               sys.stderr)
        return 1
    return 0


def run_train_model(args: argparse.Namespace) -> int:
    """Train on the job's documents; write the model (``Recommender.save``) and ``<out>.cv.json``."""
    import json
    import os
    from pathlib import Path

    from ..assist.crf import NotEnoughDataError, Recommender, TrainingDoc, cross_validate
    from ..assist.gazetteer import load_gazetteer

    if hasattr(os, "nice"):
        os.nice(10)  # a background job: the window that started it comes first
    job = json.loads(Path(args.job).read_text(encoding="utf-8"))
    if "project" in job:  # every document with spans, from a read-only snapshot (the GUI has it open)
        from ..assist.suggest import training_docs
        from ..project import Project

        with Project.open(job["project"], create=False, readonly=True) as snapshot:
            docs = training_docs(snapshot, None)
    else:
        docs = [TrainingDoc(text, tuple((s, e, lab) for s, e, lab in spans)) for text, spans in job["docs"]]
    gazetteers = [load_gazetteer(path, name=name) for name, path in job["gazetteers"]]
    try:
        model = Recommender.train(docs, gazetteers)
    except NotEnoughDataError as exc:
        _print(f"error: {exc}", sys.stderr)
        return 1
    folds = int(job.get("folds", 3))
    cv = cross_validate(docs, gazetteers, folds) if folds > 1 else None
    model.info["cv_f1"] = round(cv.micro()[2], 4) if cv is not None else None
    model.save(job["out"])
    Path(job["out"] + ".cv.json").write_text(json.dumps(cv.counts if cv is not None else None), encoding="utf-8")
    return 0
