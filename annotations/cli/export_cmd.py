"""The ``export`` subcommand: write a project's annotations as training data, print and save the report."""

from __future__ import annotations

import argparse
import signal
import sys
from types import FrameType

from ..progress import Progress, TextProgress
from ..token_schemes import SCHEMES

FORMATS = ("jsonl", "brat", "conll", "spacy", "hf", "labelstudio", "doccano", "events", "wojood", "oneie",
           "dygiepp", "shards")


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Create the ``export`` subparser on ``subparsers`` and return it."""
    p = subparsers.add_parser(
        "export",
        help="export annotations (" + ", ".join(FORMATS) + ")",
        description="Export the annotated documents of PROJECT in one format. The report (what was "
                    "exported, and everything the format could not carry) is printed and written to "
                    "OUT.report.json. Exit code 0 on success, 1 when cancelled, 2 on bad input. "
                    "See docs/formats.md.",
    )
    p.add_argument("project", metavar="PROJECT", help="project folder")
    p.add_argument("--format", required=True, choices=FORMATS, help="output format")
    p.add_argument("--out", required=True, metavar="PATH",
                   help="output file, or folder (brat, hf, and any format with --split)")
    p.add_argument("--status", default="done",
                   help="comma list of document statuses to export, or 'all' (default: done)")
    p.add_argument("--labels", metavar="L1,L2", help="only these span labels / event types / relation types")
    p.add_argument("--annotator", help="only annotations made by this annotator (default: all; in a curation "
                                       "project the gold layer); '*' for every annotator")
    p.add_argument("--tokens", choices=SCHEMES, metavar="SCHEME",
                   help="token formats: whitespace (clitics attached, spans widened: Wojood/ANERcorp), "
                        "proclitics (tokens cut at span edges; the default), atb (Arabic Treebank clitic "
                        "split with + markers) or conllu (syntactic words under multi-word tokens)")
    p.add_argument("--clitics", choices=("split", "keep", *SCHEMES),
                   help="the old name of --tokens: split = proclitics, keep = whitespace")
    p.add_argument("--scheme", choices=("iob2", "bioes"), default="iob2", help="token tag scheme")
    p.add_argument("--nested", choices=("outermost", "innermost", "levels"),
                   help="CoNLL, Wojood: keep the outermost (the CoNLL default) or the innermost of nested spans, "
                        "or write one tag column per nesting level (the Wojood default)")
    p.add_argument("--document-per-sequence", dest="sentences", action="store_false",
                   help="token formats: one sequence per document instead of one per sentence")
    p.add_argument("--split", metavar="TRAIN,DEV,TEST",
                   help="split documents by these ratios, e.g. 0.8,0.1,0.1 (OUT becomes a folder)")
    p.add_argument("--shards", type=int, metavar="N",
                   help="--format shards: write the token and span datasets as N files each (default 4; JSON "
                        "Lines, and Parquet when pyarrow is installed) for Spark, Dask, Ray or DuckDB")
    p.add_argument("--seed", type=int, default=0, help="seed of the split (default: 0)")
    p.add_argument("--offsets", choices=("codepoints", "utf16"), default="codepoints",
                   help="labelstudio/doccano: offset unit (default: code points, what current versions use)")
    p.add_argument("--labelstudio-key", choices=("annotations", "predictions"), default="annotations",
                   help="labelstudio: put results under annotations (default) or predictions")
    p.add_argument("--include-suggestions", action="store_true",
                   help="labelstudio: also write the open suggestions, as predictions")
    p.add_argument("--doccano", choices=("labels", "relations"), default="labels",
                   help="doccano: sequence-labelling lines (default) or the relation-extraction variant")
    p.add_argument("--force", action="store_true",
                   help="replace OUT if it exists (a folder only when it is empty or an earlier export)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run the export. Returns 0 on success, 1 when cancelled, 2 on bad input."""
    from ..errors import AnnotationError, ProjectError
    from ..formats import export
    from ..project import Project

    options = {
        "status": args.status, "labels": args.labels, "annotator": args.annotator, "clitics": args.clitics,
        "tokens": args.tokens,
        "scheme": args.scheme, "nested": args.nested, "sentences": args.sentences, "split": args.split,
        "seed": args.seed, "shards": args.shards, "offsets": args.offsets, "labelstudio_key": args.labelstudio_key,
        "include_suggestions": args.include_suggestions,
        "doccano": args.doccano, "overwrite": args.force,
    }
    progress: Progress = Progress() if args.quiet else TextProgress()

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        # first Ctrl+C: stop after the current document and write nothing; a second one is immediate
        if progress.cancelled:
            raise KeyboardInterrupt
        progress.cancel()

    try:
        previous = signal.signal(signal.SIGINT, on_interrupt)
    except ValueError:  # not the main thread: Ctrl+C is not ours to handle
        previous = None
    try:
        try:
            project = Project.open(args.project, create=False, readonly=True)
        except (ProjectError, OSError) as e:
            print(f"export: cannot open the project: {e}", file=sys.stderr)
            return 2
        with project:
            try:
                report = export(project, args.format, args.out, options, progress)
            except AnnotationError as e:
                print(f"export: {e}", file=sys.stderr)
                return 2
            except OSError as e:
                print(f"export: cannot write {e.filename or args.out}: {e.strerror or e}", file=sys.stderr)
                return 2
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    for line in report.lines():
        print(line)
    if report.cancelled:
        return 1
    if report.total == 0:  # an empty dataset is not what was asked for (the GUI's report says so too)
        left = report.left_out_line()
        print(f"export: nothing was exported: no document matched the selection{'; ' + left if left else ''}",
              file=sys.stderr)
        return 1
    return 0
