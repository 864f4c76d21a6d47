"""The ``import`` subcommand: articles (and annotated files) into a project, with a report and Ctrl+C cancel."""

from __future__ import annotations

import argparse
import signal
import sys
from types import FrameType
from typing import Any, TextIO

from ..progress import Progress, TextProgress

# the same names as ``export --format``: ``jsonl`` is the app's own lossless format on both sides
FORMAT_CHOICES = ("auto", "txt", "html", "articles-jsonl", "csv", "zip",
                  "jsonl", "brat", "conll", "spacy", "labelstudio", "doccano")


def _print(line: str, stream: TextIO) -> None:
    """Print a report line; a console that cannot show Arabic gets escapes instead of a crash, and
    control characters (in a file name, say) are escaped so they cannot forge or hide lines."""
    from ..ingest.report import printable

    line = printable(line)
    try:
        print(line, file=stream)
    except UnicodeEncodeError:
        enc = getattr(stream, "encoding", None) or "ascii"
        print(line.encode(enc, errors="backslashreplace").decode(enc), file=stream)


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Create the ``import`` subparser on ``subparsers`` and return it."""
    p = subparsers.add_parser(
        "import",
        help="import articles (.txt .html .jsonl .csv, folders, .zip) or annotated files",
        description="Import articles into PROJECT (created if missing). Scraped-news cleanup is on by default. "
                    "Exit code 0 when everything was imported or skipped as a duplicate, 1 when anything failed "
                    "or was left out (the errors go to stderr). "
                    "See docs/ingest.md.",
    )
    p.add_argument("project", metavar="PROJECT", help="project folder")
    p.add_argument("paths", metavar="PATH", nargs="+", help="files, folders (recursive) or .zip archives")
    p.add_argument("--format", choices=FORMAT_CHOICES, default="auto",
                   help="file format (default: by extension; a .jsonl is read as articles-jsonl unless its "
                        "first record shows the app's own jsonl or doccano). jsonl is the format "
                        "'export --format jsonl' writes")
    p.add_argument("--encoding", help="force the text encoding (utf-8, cp1256, iso-8859-6, utf-16...) "
                                      "instead of detecting it")
    p.add_argument("--no-cleanup", dest="cleanup", action="store_false",
                   help="keep the text exactly as it is (no title/date/boilerplate/caption detection)")
    p.add_argument("--rules", metavar="FILE", action="append", default=[],
                   help="extra cleanup rules (JSON or YAML) that extend the built-in ones; may be repeated")
    for name, default in (("text", "text"), ("title", "title"), ("date", "date"), ("url", "url"),
                          ("source", "source"), ("id", "id")):
        p.add_argument(f"--{name}-field", default=default, metavar="NAME",
                       help=f"JSONL field / CSV column with the {name} (default: {default})")
    p.add_argument("--annotator", metavar="NAME",
                   help="the name recorded on imported annotations (default: your user name)")
    p.add_argument("--csv-delimiter", metavar="CHAR", help="CSV delimiter (default: guessed from the header)")
    p.add_argument("--max-size", default="100MB", metavar="SIZE",
                   help="refuse files larger than this, without reading them (default: 100MB)")
    p.add_argument("--zip-max-members", type=int, default=10_000, metavar="N",
                   help="refuse archives with more members (default: 10000)")
    p.add_argument("--zip-max-total", default="1GB", metavar="SIZE",
                   help="refuse archives that unpack to more than this (default: 1GB)")
    p.add_argument("--status", default="new", choices=("new", "in progress", "done", "skipped"),
                   help="status of the new documents (default: new)")
    p.add_argument("--unknown-labels", choices=("auto", "add", "refuse"), default="auto",
                   help="annotated formats: labels the schema lacks are added to it (add), or the file is "
                        "refused whole (refuse); auto (default): add while no document has annotations, "
                        "refuse after")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)
    return p


def _options(args: argparse.Namespace) -> Any:
    from ..ingest import ImportOptions
    from ..ingest.decode import parse_size
    from ..ingest.tabular import Fields

    return ImportOptions(
        encoding=args.encoding,
        cleanup=args.cleanup,
        rules_files=tuple(args.rules),
        fields=Fields(args.text_field, args.title_field, args.date_field, args.url_field,
                      args.source_field, args.id_field),
        max_size=parse_size(args.max_size),
        format=args.format,
        csv_delimiter=args.csv_delimiter.replace("\\t", "\t") if args.csv_delimiter else None,
        status=args.status,
        zip_max_members=args.zip_max_members,
        zip_max_total=parse_size(args.zip_max_total),
        annotated={"unknown_labels": args.unknown_labels},
    )


def run(args: argparse.Namespace) -> int:
    """Run the import; print the report (failures on stderr).

    Returns:
        0 when every article and annotation was imported or skipped as a duplicate; 1 when anything
        failed, was left out or refused, or the import was cancelled (Ctrl+C), in which case what was
        imported before is kept.
    """
    from ..errors import ProjectError
    from ..ingest import import_paths
    from ..project import Project

    try:
        options = _options(args)
    except ValueError as e:
        _print(f"import: {e}", sys.stderr)
        return 1
    progress: Progress = Progress() if args.quiet else TextProgress()

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        # First Ctrl+C: finish the current article and stop, keeping what was imported.
        # A second one interrupts for real.
        if progress.cancelled:
            raise KeyboardInterrupt
        progress.cancel()
        print("\ncancelling after the current article...", file=sys.stderr)

    previous = signal.getsignal(signal.SIGINT)
    try:
        signal.signal(signal.SIGINT, on_interrupt)
    except ValueError:  # not in the main thread (tests, embedding): Ctrl+C is not ours to handle
        previous = None
    try:
        try:
            project = Project.open(args.project, annotator=getattr(args, "annotator", None))
        except (ProjectError, OSError) as e:
            _print(f"import: cannot open the project: {e}", sys.stderr)
            return 1
        try:
            with project:
                report = import_paths(project, args.paths, options, progress)
        except KeyboardInterrupt:
            print("import: interrupted; the articles imported so far are kept", file=sys.stderr)
            return 1
        except Exception as e:  # noqa: BLE001 - the CLI never shows a traceback
            _print(f"import: unexpected error ({type(e).__name__}: {e}); please report this", sys.stderr)
            return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    for line, is_error in report.report_lines():
        _print(line, sys.stderr if is_error else sys.stdout)
    return 0 if report.ok and not report.cancelled else 1
