"""The stats, check and restore subcommands."""

from __future__ import annotations

import argparse
import json
import sys

from ..progress import TextProgress
from ..project import Project, restore_file


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("stats", help="counts per label and per status")
    p.add_argument("project", help="project folder")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(run=run_stats)

    p = sub.add_parser("check", help="verify integrity; exit code 0 means healthy")
    p.add_argument("project", help="project folder")
    p.set_defaults(run=run_check)

    p = sub.add_parser("restore", help="replace a damaged project file with its backup")
    p.add_argument("project", help="project folder")
    p.add_argument("file", help="project.json, or a document or pack file name such as 3f2a9c1b0d.json "
                                "or 3f2a9c1b0d-200.pack.json")
    p.set_defaults(run=run_restore)


def run_stats(args: argparse.Namespace) -> int:
    with Project.open(args.project, create=False, readonly=True) as project:
        stats = project.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return 0
    print(f"documents: {stats['documents']}")
    for title, key in (("status", "status"), ("span labels", "labels"), ("event types", "events"),
                       ("relation types", "relations")):
        counts = stats[key]
        if not counts:
            continue
        print(f"{title}:")
        width = max(len(k) for k in counts)
        for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {name:<{width}}  {n}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    with Project.open(args.project, create=False, readonly=True) as project:
        for warning in project.warnings:
            print(f"note: {warning}", file=sys.stderr)
        problems = project.check(progress=TextProgress())
        n_docs = len(project)
    if problems:
        for problem in problems:
            print(f"problem: {problem}", file=sys.stderr)
        print(f"{len(problems)} problem(s) in {n_docs} documents", file=sys.stderr)
        return 1
    print(f"ok: {n_docs} documents, no problems")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    print(restore_file(args.project, args.file))
    return 0
