"""What is missing or damaged in a project, in words: documents that the index or the journal
knows but no file holds, and journals kept aside because lines of them could not be read.
Used for the warnings at open and by ``Project.check``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Problem
from .files import BACKUP_SUFFIX
from .journal import DAMAGED_PREFIX, Journal

if TYPE_CHECKING:
    from .store import Store


def restore_hint(store: Store, name: str) -> str:
    """How to get ``docs/<name>`` back: the restore command when it has a backup."""
    if (store.docs_dir / (name + BACKUP_SUFFIX)).exists():
        return f"A backup exists; restore it with: python main.py restore {store.path} {name}"
    return "No backup of it exists; restore the project folder from your own backup."


def missing_notes(store: Store) -> list[str]:
    """One sentence per file that documents are missing from (for the warnings at open)."""
    by_file: dict[str, list[str]] = {}
    for doc_id, entry in store.missing.items():
        by_file.setdefault(entry["missing"], []).append(doc_id)
    notes = []
    for name, ids in sorted(by_file.items()):
        shown = ", ".join(sorted(ids)[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
        if name.endswith(".json"):
            notes.append(f"{len(ids)} document(s) that the index lists in {store.docs_dir / name} are missing: "
                         f"no file holds them ({shown}). {restore_hint(store, name)}")
        else:
            notes.append(f"{len(ids)} document(s) are missing ({shown}): {name}")
    return notes


def problems(store: Store) -> list[Problem]:
    """What ``check`` reports besides the documents' own records: documents that no file
    holds, and damaged journal lines (kept aside as ``journal.damaged-*``)."""
    out = []
    for doc_id, entry in sorted(store.missing.items()):
        name = entry["missing"]
        if name.endswith(".json"):
            message = f"missing: no file holds it ({store.docs_dir / name} does not). {restore_hint(store, name)}"
        else:
            message = f"missing: {name}"
        out.append(Problem(doc_id, "file", message))
    if store.path is not None:
        for aside in sorted(store.path.glob(DAMAGED_PREFIX + "*")):
            read = Journal.read(aside)
            out.append(Problem(aside.name, "journal", (
                f"{aside}: a journal kept aside at open; {len(read.lost)} change(s) on it could not be read "
                "(damaged) and were not applied. Check the documents you changed last; delete the file "
                "once you have.")))
    out += [Problem("journal", "journal", note) for note in store.journal_damage]
    return out
