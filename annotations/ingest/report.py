"""The import report: counts of imported, skipped and failed articles, and one line per problem."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


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


def _count(value: Any) -> int:
    if isinstance(value, int):
        return value
    try:
        return len(value)
    except TypeError:
        return int(bool(value))


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
        external: reports of annotated-format imports (``annotations.formats``).
    """

    imported: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[ReportLine] = field(default_factory=list)
    failed: list[ReportLine] = field(default_factory=list)
    warnings: list[ReportLine] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)
    cancelled: bool = False
    not_reached: int = 0
    external: list[Any] = field(default_factory=list)

    def fail(self, source: str, line: int | None, message: str) -> None:
        self.failed.append(ReportLine(source, line, message))

    def skip(self, source: str, line: int | None, message: str) -> None:
        self.skipped.append(ReportLine(source, line, message))

    def warn(self, source: str, line: int | None, message: str) -> None:
        self.warnings.append(ReportLine(source, line, message))

    @property
    def n_failed(self) -> int:
        """Failures here plus those of annotated-format imports."""
        return len(self.failed) + sum(_count(getattr(r, "failed", 0)) for r in self.external)

    @property
    def ok(self) -> bool:
        """True when nothing failed (duplicates and warnings are fine)."""
        return self.n_failed == 0

    def summary(self) -> str:
        """One sentence with the counts."""
        n_imp = len(self.imported)
        parts = [f"imported {n_imp} article{'s' if n_imp != 1 else ''}"]
        parts.append(f"skipped {len(self.skipped)} duplicate{'s' if len(self.skipped) != 1 else ''}")
        parts.append(f"{len(self.failed)} failed")
        if self.warnings:
            parts.append(f"{len(self.warnings)} with warnings")
        text = ", ".join(parts)
        if self.ignored:
            kinds = ", ".join(f"{ext or '(no extension)'} ×{n}" for ext, n in sorted(self.ignored.items()))
            text += f"; ignored {sum(self.ignored.values())} files of other types ({kinds})"
        if self.cancelled:
            text += f"; cancelled, {self.not_reached} file(s) not attempted (what was imported is kept)"
        elif self.not_reached:
            text += f"; stopped early, {self.not_reached} file(s) not attempted (what was imported is kept)"
        return text[0].upper() + text[1:] + "."

    def lines(self) -> list[str]:
        """The whole report for people: summary, then skipped, warnings and failures, one per line."""
        out = [self.summary()]
        out += [f"skipped {s}" for s in self.skipped]
        out += [f"warning {w}" for w in self.warnings]
        out += [f"failed {f}" for f in self.failed]
        for ext in self.external:
            out += list(ext.lines())
        return out
