"""Export files: staging (an export is written beside its output and moved into place only when
every document was written, so a failure or a cancel leaves nothing half-written) and the JSON and
JSON Lines the formats write and read."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..store.files import atomic_write_bytes
from .common import FormatError

# written into every folder an export makes: --force replaces a folder only if it has this (or is empty)
EXPORT_MARKER = ".qalam-export"


def check_replaceable(out: Path) -> None:
    """Refuse to replace ``out`` when it is a folder holding files that no export of this app wrote."""
    if not out.is_dir() or out.is_symlink() or (out / EXPORT_MARKER).is_file():
        return
    others = sorted(p.name for p in out.iterdir())
    if others:
        shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
        raise FormatError(f"{out} is a folder with other files in it ({shown}) and not an earlier export "
                          f"(it has no {EXPORT_MARKER} file); --force only replaces an empty folder or an "
                          "earlier export. Choose another --out, or empty or remove that folder yourself")


@contextlib.contextmanager
def staged(out: Path, overwrite: bool) -> Iterator[Path]:
    """Yield a temporary path beside ``out``; move it to ``out`` only if the block succeeds.

    A folder written this way gets an ``EXPORT_MARKER`` file, so that a later ``overwrite`` may
    replace it; an existing folder without one is replaced only when it is empty."""
    out = Path(out)
    if out.exists() and not overwrite:
        raise FormatError(f"{out} already exists; choose another --out or pass --force to replace it")
    check_replaceable(out)
    if not out.parent.exists():
        raise FormatError(f"{out.parent}: folder does not exist; create it or choose another --out")
    tmp = out.with_name(f".{out.name}.partial-{os.getpid()}")
    _remove(tmp)
    try:
        yield tmp
    except BaseException:
        _remove(tmp)
        raise
    if not tmp.exists():  # cancelled before anything was written
        return
    if tmp.is_dir():
        (tmp / EXPORT_MARKER).write_text("written by Qalam Annotator's export; export --force may replace "
                                         "this folder\n", encoding="utf-8")
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    if out.exists():
        os.replace(out, old)
    os.replace(tmp, out)
    _remove(old)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def write_json(path: Path, data: Any) -> None:
    atomic_write_bytes(Path(path), json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


#: ``json.dumps(value, ensure_ascii=False)`` with the encoder built once (json.dumps builds one per call
#: when given options: a tenth of the cost of a small record)
json_text = json.JSONEncoder(ensure_ascii=False).encode


def jsonl_bytes(records: Iterable[Any]) -> bytes:
    return "".join(json_text(r) + "\n" for r in records).encode("utf-8")


def json_lines(path: Path, options: dict[str, Any], problem: Any, note: str = "") -> Iterator[tuple[int, Any]]:
    """``(line number, parsed value)`` for each non-blank line of a JSON Lines file.

    The whole file is decoded before anything is yielded, so an encoding error cannot leave an
    import half done; a line that is not JSON is reported through ``problem(file, line, reason)``
    (with ``note`` appended) and skipped.
    """
    name = str(path)
    with open(path, encoding=options.get("encoding", "utf-8"), newline="") as fh:
        lines = fh.read().split("\n")
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield no, json.loads(line)
        except json.JSONDecodeError as exc:
            problem(name, no, f"not valid JSON ({exc.msg} at column {exc.colno}){note}")
