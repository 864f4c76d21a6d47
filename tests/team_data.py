"""Shared by the team-work tests: the bundled sample article annotated differently by two or three
annotators, as projects and bundles."""

from __future__ import annotations

from pathlib import Path

from annotations import Project
from annotations.team import write_bundle


def sample_article() -> tuple[str, str, dict[str, str]]:
    """The app's sample article as (text, title, meta), read as the GUI seeds it."""
    from ui.window.app import read_sample_article

    return read_sample_article()


def at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


# (word, occurrence, label) per annotator: alice and bob disagree on a label (أنقرة), an extent
# (the minister's name), a span bob lacks (الأردن) and a span only bob has (المنطقة)
ALICE = [("إسطنبول", 0, "GPE"), ("تركيا", 0, "GPE"), ("مصر", 0, "GPE"), ("الأردن", 0, "GPE"),
         ("هاكان فيدان", 0, "PER"), ("أنقرة", 0, "GPE")]
BOB = [("إسطنبول", 0, "GPE"), ("تركيا", 0, "GPE"), ("مصر", 0, "GPE"),
       ("وزير الخارجية التركي هاكان فيدان", 0, "PER"), ("أنقرة", 0, "LOC"), ("المنطقة", 0, "LOC")]
CAROL = [("إسطنبول", 0, "GPE"), ("تركيا", 0, "GPE"), ("مصر", 0, "ORG"), ("الأردن", 0, "GPE"),
         ("هاكان فيدان", 0, "PER")]


def annotator_project(folder: Path, name: str, spans: list[tuple[str, int, str]], *, event: bool = True,
                      text: str | None = None, status: str = "done") -> Path:
    """A project of one annotator with the sample article annotated with ``spans`` (and a meeting)."""
    sample, title, meta = sample_article()
    text = sample if text is None else text
    with Project.open(folder, annotator=name) as p:
        doc = p.add_document(text, title=title, meta=meta)
        ids = {}
        for word, nth, label in spans:
            ids[word] = p.add_span(doc, *at(text, word, nth), label)
        if event:
            trigger = p.add_span(doc, *at(text, "اجتماعاً"), "Contact.Meet")
            p.add_event(doc, "Contact.Meet", trigger, [("Place", ids["إسطنبول"])])
        p.set_status(doc, status)
    return folder


def bundles(tmp: Path, who: dict[str, list[tuple[str, int, str]]] | None = None) -> list[Path]:
    """One bundle per annotator (default: alice and bob)."""
    who = who or {"alice": ALICE, "bob": BOB}
    out = []
    for name, spans in who.items():
        folder = annotator_project(tmp / name, name, spans)
        with Project.open(folder, readonly=True) as p:
            write_bundle(p, tmp / f"{name}.qalam")
        out.append(tmp / f"{name}.qalam")
    return out
