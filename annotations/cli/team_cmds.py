"""The team-work subcommands: bundle, merge, agree and adjudicate (see docs/team.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..progress import TextProgress


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("bundle", help="write an annotator's work as one .qalam file to send to the curator",
                       description="Write the documents of PROJECT (native JSONL, schema and a manifest with "
                                   "sha256 sums) into one zip file that can be e-mailed.")
    p.add_argument("project", help="project folder")
    p.add_argument("--out", required=True, metavar="NAME.qalam", help="bundle file to write")
    p.add_argument("--status", default="all", help="comma list of statuses to include, or 'all' (default)")
    p.add_argument("--annotator", help="whose bundle it is (default: the name on the annotations, or your user)")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.set_defaults(run=run_bundle)

    p = sub.add_parser("merge", help="merge bundles or projects into a curation project, one layer per annotator",
                       description="Create or update the curation project CURATION from annotators' bundles "
                                   "or project folders. Documents are matched by text; one whose text differs is "
                                   "kept apart and reported (exit code 1). A refused merge changes nothing.")
    p.add_argument("curation", help="curation project folder (created if missing)")
    p.add_argument("sources", nargs="+", metavar="BUNDLE_OR_PROJECT", help=".qalam bundles or project folders")
    p.add_argument("--replace", action="store_true",
                   help="an annotator merged before gets their layer replaced (default: refuse)")
    p.add_argument("--map", action="append", default=[], metavar="THEIRS=OURS",
                   help="read label THEIRS of a source as the curation's label OURS (repeatable)")
    p.add_argument("--json", action="store_true", help="print the merge report as JSON")
    p.add_argument("--annotator", help="your name, recorded on changes you make (default: your user)")
    p.set_defaults(run=run_merge)

    p = sub.add_parser("agree", help="inter-annotator agreement: span F1, Cohen/Fleiss kappa, Krippendorff alpha",
                       description="Agreement between the annotators of PROJECT (a curation project, or any "
                                   "project with several annotators), overall and per label.")
    p.add_argument("project", help="project folder")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--html", metavar="REPORT.html", help="also write an HTML report (heatmap, disagreements)")
    p.add_argument("--status", default="all", help="comma list of statuses to compare, or 'all' (default)")
    p.set_defaults(run=run_agree)

    p = sub.add_parser("adjudicate", help="resolve a curation project's disagreements into the gold layer",
                       description="List or resolve the disagreements of a curation project. The GUI's "
                                   "curation view does the same one by one.")
    p.add_argument("curation", help="curation project folder")
    p.add_argument("--accept-agreed", action="store_true", help="accept every span all annotators agree on")
    p.add_argument("--prefer", metavar="ANNOTATOR",
                   help="resolve every open disagreement by taking this annotator's candidates")
    p.add_argument("--list", action="store_true", help="list the open disagreements")
    p.add_argument("--annotator", help="your name, recorded on changes you make (default: your user)")
    p.set_defaults(run=run_adjudicate)


def _statuses(value: str) -> list[str] | None:
    return None if value == "all" else [s.strip() for s in value.split(",") if s.strip()]


def run_bundle(args: argparse.Namespace) -> int:
    from ..project import Project
    from ..team.bundle import write_bundle

    with Project.open(args.project, create=False, readonly=True) as project:
        manifest = write_bundle(project, args.out, status=args.status, annotator=args.annotator,
                                overwrite=args.force)
        total = len(project)
    print(f"wrote {args.out}: {manifest['documents']} documents (status {args.status}; the project has {total}), "
          f"annotator {manifest['annotator']}, app {manifest['app_version']}")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from ..errors import AnnotationError
    from ..project import Project
    from ..team.merge import MergeError, merge

    mapping = {}
    for item in args.map:
        theirs, sep, ours = item.partition("=")
        if not sep or not theirs or not ours:
            print(f"merge: --map {item!r}: write THEIRS=OURS, e.g. --map PERSON=PER", file=sys.stderr)
            return 2
        mapping[theirs] = ours
    new = not Path(args.curation, "project.json").exists()
    failed = False
    with Project.open(args.curation, annotator=args.annotator) as curation:
        try:
            report = merge(curation, args.sources, replace=args.replace, label_map=mapping, progress=TextProgress())
        except (MergeError, AnnotationError) as exc:
            print(f"merge: {exc}", file=sys.stderr)
            failed = True
        empty = not len(curation)
    if failed:
        if new and empty:  # the refused merge would have created it: leave no empty project behind
            import shutil

            shutil.rmtree(args.curation, ignore_errors=True)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for line in report.lines():
            print(line)
    if not report.ok:
        print(f"merge: {len(report.kept_apart)} document(s) kept apart, not merged (see above); "
              f"{report.annotations_out} of {report.annotations_in} annotations merged", file=sys.stderr)
        return 1
    return 0


def run_agree(args: argparse.Namespace) -> int:
    from ..project import Project
    from ..team.agreement import agreement, report_lines
    from ..team.report_html import report_html

    with Project.open(args.project, create=False, readonly=True) as project:
        report = agreement(project, _statuses(args.status))
    if len(report["annotators"]) < 2:
        print(f"agree: {args.project} has {len(report['annotators'])} annotator(s); agreement needs two. Merge "
              "their bundles into a curation project first (python main.py merge)", file=sys.stderr)
        return 2
    if args.html:
        from ..store.files import atomic_write_bytes

        atomic_write_bytes(Path(args.html), report_html(report, f"Agreement: {Path(args.project).name}")
                           .encode("utf-8"))
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for line in report_lines(report):
            print(line)
        if args.html:
            print(f"report: {args.html}")
    return 0


def run_adjudicate(args: argparse.Namespace) -> int:
    from ..project import Project
    from ..team.adjudication import Adjudication

    readonly = not (args.accept_agreed or args.prefer)
    with Project.open(args.curation, create=False, readonly=readonly, annotator=args.annotator) as project:
        adj = Adjudication(project)
        if not adj.documents():
            print(f"adjudicate: {args.curation} has no curation documents; merge bundles into it first "
                  "(python main.py merge)", file=sys.stderr)
            return 2
        if args.accept_agreed:
            print(f"accepted {adj.accept_agreed()} agreed spans")
        if args.prefer:
            n = 0
            for cluster in adj.disagreements():
                if adj.decision(cluster) is None:
                    if args.prefer not in cluster.candidates:
                        continue
                    adj.take(cluster, [args.prefer])
                    n += 1
            print(f"took {args.prefer}'s candidates in {n} disagreements")
        if args.list:
            for c in adj.disagreements():
                if adj.decision(c) is None:
                    title = project.document(c.doc).title or c.doc
                    cands = "; ".join(f"{a}: " + (", ".join(f"{s.text!r} {s.label}" for s in spans) or "-")
                                      for a, spans in c.candidates.items())
                    print(f"{title} [{c.start}, {c.end}) {c.kind}: {cands}")
        progress = adj.progress()
        done = sum(1 for d in adj.documents() if project.document(d).status == "done")
        print(f"{progress}; {done} of {len(adj.documents())} documents done")
    if args.prefer and progress.resolved < progress.total:
        print(f"adjudicate: {progress.total - progress.resolved} disagreement(s) where {args.prefer} has no "
              "layer are still open", file=sys.stderr)
        return 1
    return 0
