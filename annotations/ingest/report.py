"""The import report: counts of imported, skipped and failed articles, and one line per problem."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..plural import count


@dataclass(frozen=True)
class ReportLine:
    """One thing to tell the user about one file (and line).

    Attributes:
        source: the file as the user named it (``folder/a.txt``, ``news.zip!2023/b.txt``).
        line: 1-based line for JSONL/CSV records and byte errors, else None.
        message: plain words: what is wrong and what to do.
    """

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


# Characters that would let a file name (or any text in a message) forge or hide report lines on a
# terminal: C0/C1 controls (newline, carriage return, ANSI escape ESC...), DEL, the Unicode line and
# paragraph separators, and the bidi embeddings, overrides and isolates (Trojan Source).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every character that could forge or hide a report line written as an escape
    (``\\x1b``, ``\\n``, ``\\u202e``); Arabic and other text is left as it is."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass
class ImportReport:
    """What one import did.

    Attributes:
        imported: ``(source, doc_id)`` of each article stored.
        skipped: articles not stored because the project already has the same text.
        failed: files or records not imported, with the reason; nothing of them was stored.
        warnings: articles imported, but with something to know (bidi controls...).
        ignored: in folders, files of types that are not imported, counted by extension.
        cancelled: the user stopped the import; what is listed as imported was kept.
        not_reached: files that were not attempted because of the cancel.
        external: reports of annotated-format imports (``annotations.formats.ImportReport``).
        outside: symbolic links in folders that were not followed because they point outside the
            folder being imported.
        undated: articles stored without a publication date, with the cleanup on (none was found,
            or the one found was not understood: ``dates_unread`` of them, each also a warning).
            The date is left empty, never taken from the time of the import.
    """

    imported: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[ReportLine] = field(default_factory=list)
    failed: list[ReportLine] = field(default_factory=list)
    warnings: list[ReportLine] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)
    cancelled: bool = False
    not_reached: int = 0
    external: list[Any] = field(default_factory=list)
    outside: list[ReportLine] = field(default_factory=list)
    undated: int = 0
    dates_unread: int = 0

    def fail(self, source: str, line: int | None, message: str) -> None:
        self.failed.append(ReportLine(source, line, message))

    def skip(self, source: str, line: int | None, message: str) -> None:
        self.skipped.append(ReportLine(source, line, message))

    def warn(self, source: str, line: int | None, message: str) -> None:
        self.warnings.append(ReportLine(source, line, message))

    def leave_out(self, source: str, message: str) -> None:
        """A symbolic link in a folder that is not followed (see ``outside``)."""
        self.outside.append(ReportLine(source, None, message))

    @property
    def n_failed(self) -> int:
        """Files or records not imported: here plus those of annotated-format imports."""
        return len(self.failed) + sum(len(r.failed) for r in self.external)

    @property
    def n_left_out(self) -> int:
        """Annotations (or other items) of annotated files that were left out, each reported as an error."""
        return sum(len(r.errors) for r in self.external)

    @property
    def ok(self) -> bool:
        """True when everything asked for was done: nothing failed and nothing was left out
        (duplicates and warnings are fine)."""
        return self.n_failed == 0 and self.n_left_out == 0

    @property
    def added_labels(self) -> list[str]:
        """Labels (types, roles, attributes) added to the schema by annotated imports, each once."""
        return list(dict.fromkeys(name for r in self.external for name in r.added_labels))

    def summary(self) -> str:
        """One sentence with the counts of what was imported, skipped, failed and left out."""
        ext = self.external
        what = []
        if self.imported or self.skipped or not ext:
            what.append(count(len(self.imported), "article"))
        if ext:
            docs = sum(len(r.documents) for r in ext)
            spans, events, rels = (sum(getattr(r, k) for r in ext) for k in ("spans", "events", "relations"))
            what.append(f"{count(docs, 'annotated document')} ({count(spans, 'span')}, "
                        f"{count(events, 'event')}, {count(rels, 'relation')})")
        parts = ["imported " + " and ".join(what)]
        if self.imported or self.skipped or not ext:
            parts.append(f"skipped {count(len(self.skipped), 'duplicate')}")
        parts.append(f"{self.n_failed} failed")
        if self.n_left_out:
            parts.append(f"{self.n_left_out} left out (errors below)")
        if self.warnings:
            parts.append(f"{len(self.warnings)} with warnings")
        text = ", ".join(parts)
        if self.undated:
            unread = f", {self.dates_unread} not understood" if self.dates_unread else ""
            text += f"; no date found for {count(self.undated, 'article')}{unread} (published left empty)"
        if self.outside:
            text += f"; not followed {count(len(self.outside), 'symbolic link')} out of the folder"
        if self.ignored:
            kinds = ", ".join(f"{ext or '(no extension)'} ×{n}" for ext, n in sorted(self.ignored.items()))
            text += f"; ignored {count(sum(self.ignored.values()), 'file')} of other types ({kinds})"
        if self.cancelled:
            text += f"; cancelled, {count(self.not_reached, 'file')} not attempted (what was imported is kept)"
        elif self.not_reached:
            text += f"; stopped early, {count(self.not_reached, 'file')} not attempted (what was imported is kept)"
        return text[0].upper() + text[1:] + "."

    def report_lines(self) -> list[tuple[str, bool]]:
        """The whole report for people, one ``(line, is_error)`` per line: the summary, the labels
        added, then skipped, warnings and failures. Errors (what was not done) are flagged so the
        CLI can send them to stderr. Names are escaped (``printable``) so none can forge a line."""
        out = [(self.summary(), False)]
        if self.added_labels:
            out.append(("added labels: " + ", ".join(self.added_labels), False))
        out += [(f"skipped {s}", False) for s in (*self.skipped, *self.outside)]
        out += [(f"warning {w}", False) for w in self.warnings]
        out += [(f"failed {f}", True) for f in self.failed]
        for r in self.external:
            out += [(f"failed {ReportLine(p.file, p.line, p.reason)}", True) for p in r.failed]
            out += [(str(p), p.severity == "error") for p in sorted(r.problems, key=lambda p: (p.file, p.line or 0))]
        return [(printable(line), is_error) for line, is_error in out]

    def lines(self) -> list[str]:
        """``report_lines`` without the error flags (the GUI's report dialog)."""
        return [line for line, _ in self.report_lines()]
