"""The list subcommand: one line per document (id, status, date, annotations, title), read-only."""

from __future__ import annotations

import argparse
import json
import sys

from ..model import STATUSES
from ..project import Project


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("list", help="list the documents with their ids (what render needs)")
    p.add_argument("project", help="project folder")
    p.add_argument("--status", choices=STATUSES, metavar="STATUS",
                   help=f"only documents with this status ({', '.join(STATUSES)})")
    p.add_argument("--json", action="store_true", help="print a JSON array instead of a table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with Project.open(args.project, create=False, readonly=True) as project:
        docs = project.documents()
    shown = [d for d in docs if args.status is None or d.status == args.status]
    if args.json:
        rows = [{"id": d.id, "title": d.title, "status": d.status, "published": d.meta.get("published"),
                 "spans": d.n_spans, "events": d.n_events, "relations": d.n_relations, "length": d.length}
                for d in shown]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for d in shown:
            date = str(d.meta.get("published") or "")[:10]
            print(f"{d.id}\t{d.status}\t{date}\t{d.n_annotations}\t{d.title or ''}")
    where = f" with status {args.status}" if args.status else ""
    print(f"{len(shown)} of {len(docs)} documents{where}", file=sys.stderr)
    return 0
