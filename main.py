#!/usr/bin/env python3
"""Entry point: the reader/annotator GUI by default, CLI subcommands for scripted work.

    python main.py [PROJECT]                      open the GUI (default project if none)
    python main.py import PROJECT PATH...         import articles
    python main.py export PROJECT --format F --out PATH
    python main.py render PROJECT DOC_ID --out FILE
    python main.py list PROJECT [--status S] [--json]
    python main.py stats PROJECT | check PROJECT | restore PROJECT FILE
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from annotations import APP_NAME, AnnotationError, ProjectError, __version__

if TYPE_CHECKING:
    import argparse

# (module, function) pairs that add subparsers; a module that is not part of this build is skipped.
_COMMAND_MODULES = (
    ("annotations.cli.core_cmds", "add_parsers"),
    ("annotations.cli.import_cmd", "add_parser"),
    ("annotations.cli.list_cmd", "add_parser"),
    ("annotations.cli.export_cmd", "add_parser"),
    ("annotations.cli.team_cmds", "add_parsers"),
    ("annotations.cli.assist_cmds", "add_parsers"),
    ("ui.reader.render", "add_parser"),
)
SUBCOMMANDS = ("import", "export", "render", "list", "stats", "check", "restore", "bundle", "merge", "agree",
               "adjudicate", "suggest", "label-all", "train-model")


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="main.py",
        description=f"{APP_NAME}: read, annotate and export right-to-left news. "
        "With no command (or just a PROJECT folder) it opens the GUI.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name, func in _COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # that feature is not in this build
            raise
        wrapped = getattr(module, func)
        before = set(sub.choices)
        wrapped(sub)
        for name in set(sub.choices) - before:
            parser_ = sub.choices[name]
            if parser_.get_default("run") is None:
                parser_.set_defaults(run=module.run)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="main.py", description=f"Open the {APP_NAME} window.")
    parser.add_argument("project", nargs="?", help="project folder (default: your default project)")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS",
                        help="quit the GUI after SECONDS (for smoke tests)")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


def quick_gui_args(argv: list[str]) -> SimpleNamespace | None:
    """The usual GUI command lines (``[PROJECT] [--quit-after SECONDS]``) read without argparse, else None.

    Importing and building argparse (with its gettext look-ups) costs ~3 ms of every GUI start; any other
    form (help, version, ``--opt=value``, abbreviations, bad values, errors) is left to ``build_gui_parser``.
    """
    project: str | None = None
    quit_after: float | None = None
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--quit-after" and quit_after is None and rest and not rest[0].startswith("-"):
            try:
                quit_after = float(rest.pop(0))
            except ValueError:
                return None
        elif token and not token.startswith("-") and project is None:
            project = token
        else:
            return None
    return SimpleNamespace(project=project, quit_after=quit_after)


def _log_crash(exc: BaseException) -> Path | None:
    try:
        from platformdirs import user_log_dir

        folder = Path(user_log_dir("qalam-annotator", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "crash.log"
        with log.open("a", encoding="utf-8") as fh:
            import traceback

            fh.write("".join(traceback.format_exception(exc)))
        return log
    except OSError:
        return None


def run_command(args: argparse.Namespace | SimpleNamespace) -> int:
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("cancelled", file=sys.stderr)
        return 130
    except (ProjectError, AnnotationError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of our output stopped early (`| head`): not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that flushing at exit raises nothing more
        return 141  # 128 + SIGPIPE, as the shell reports a command that a closed pipe stopped
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - last line of defence: never show a traceback
        log = _log_crash(exc)
        print(f"internal error: {exc!r}. Details were written to {log}. Please report it.", file=sys.stderr)
        return 3


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not (argv and argv[0] in ("-h", "--help", "--version")):
        from annotations.assets import missing_assets_message

        problem = missing_assets_message()  # a damaged install says what is missing, up front
        if problem:
            print(problem, file=sys.stderr)
            return 2
    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version")):
        parser = build_parser()
        args = parser.parse_args(argv)
        return run_command(args)
    gui_args = quick_gui_args(argv) or build_gui_parser().parse_args(argv)
    try:
        from ui.window.app import run_gui
    except ModuleNotFoundError as exc:
        print(f"error: the GUI is not available ({exc}). Install the requirements: "
              "pip install -r requirements.txt", file=sys.stderr)
        return 2
    from annotations.qtlibs import startup_problem

    problem = startup_problem()  # Qt aborts (core dump) without its system libraries or a display
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from ui.window.crash import install_crash_handler

    install_crash_handler()  # unhandled GUI/thread exceptions: crash.log in the user log folder + a dialog
    gui_args.run = lambda a: run_gui(a.project, quit_after=a.quit_after)
    return run_command(gui_args)


if __name__ == "__main__":
    sys.exit(main())
