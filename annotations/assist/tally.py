"""The acceptance rate of suggestions: the project's running figure, counted from the stored records
(so it survives restarts), and this session's, both kept up to date from the project's changes.

Counting a large project means reading every document's file, so it is done a slice at a time
(``count_some``, driven by the GUI's idle timer); a change to a document not yet counted is left to
the count, which will read the document as it is then. Undo is a change like any other: undoing an
acceptance takes it off both figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import NotFoundError
from ..model import Change, kind_of

DECIDED = ("accepted", "rejected")


def _state(rec: Mapping[str, Any] | None) -> str | None:
    return None if rec is None else str(rec.get("state", "open"))


def rate(accepted: int, rejected: int) -> float | None:
    """``accepted / (accepted + rejected)``, or ``None`` before any decision."""
    decided = accepted + rejected
    return accepted / decided if decided else None


class AcceptanceTally:
    """Accepted and rejected suggestions in the whole project and in this session.

    Attributes:
        project: ``{"accepted": n, "rejected": n}`` over the documents counted so far (all, once ``done``).
    """

    def __init__(self, project: Any) -> None:
        self._project = project
        self._pending: list[str] | None = None  # the documents still to count, listed by the first count_some
        self._waiting: set[str] = set()
        self.project = dict.fromkeys(DECIDED, 0)
        self._session: dict[str, str] = {}  # suggestion id -> its decision in this session

    @property
    def done(self) -> bool:
        """Every document has been counted."""
        return self._pending is not None and not self._pending

    @property
    def session(self) -> dict[str, int]:
        """``{"accepted": n, "rejected": n}`` decided in this session (net of undo)."""
        states = list(self._session.values())
        return {state: states.count(state) for state in DECIDED}

    def count_some(self, n: int = 200) -> bool:
        """Count the next ``n`` documents; returns ``done``."""
        if self._pending is None:
            self._pending = [d.id for d in self._project.documents()]
            self._waiting = set(self._pending)
        batch, self._pending = self._pending[:n], self._pending[n:]
        for doc_id in batch:
            self._waiting.discard(doc_id)
            try:
                stats = self._project.suggestion_stats([doc_id])
            except NotFoundError:  # deleted meanwhile
                continue
            for state in DECIDED:
                self.project[state] += stats.get(state, 0)
        return self.done

    def apply(self, change: Change) -> bool:
        """Follow a change (an accept, a reject, an undo of one...); returns whether a figure moved."""
        moved = False
        for doc_id in set(change.before) | set(change.after):
            before, after = change.before.get(doc_id) or {}, change.after.get(doc_id) or {}
            for rid in set(before) | set(after):
                if kind_of(rid) != "suggestion":
                    continue
                old, new = _state(before.get(rid)), _state(after.get(rid))
                if old == new or (old not in DECIDED and new not in DECIDED):
                    continue
                moved = True
                if self._pending is not None and doc_id not in self._waiting:  # else the count will see it
                    if old in DECIDED:
                        self.project[old] -= 1
                    if new in DECIDED:
                        self.project[new] += 1
                if new in DECIDED:
                    self._session[rid] = new
                else:
                    self._session.pop(rid, None)
        return moved
