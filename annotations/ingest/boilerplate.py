"""Boilerplate learned from the batch: short lines that come back in many articles of one source.

Only lines that do not read as sentences are learned: a sentence several articles share is
content, and boilerplate that ends like a sentence (copyright notices) has its own line class.

A site's menu, share bar, newsletter box and footer are the same in every article it serves,
whatever they say; an article's own lines are not. An import feeds every article to
:class:`BatchLines` under its source (the folder a text file is in, a JSONL record's source field)
before cleaning it, and the cleanup removes the lines the source has repeated often enough. The
source's articles already in the project count too: their line keys are kept per source
(``source_lines.py``), so a single new article of a site loses the site's menu and footer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from .dates import normalise
from .lineclass import ends_sentence

#: Longer lines are paragraphs: a site does not repeat those, and a reprinted paragraph is content.
#: (Characters, not words: a length test costs nothing, and every line of every article is looked at.)
MAX_CHARS = 160
#: A line is boilerplate when at least this many articles of the source have it...
MIN_ARTICLES = 3
#: ...and at least this share of them (a phrase three articles out of a thousand share is not).
MIN_SHARE = 0.1
#: Why a line the source's other articles of this import repeat is removed.
REPEATED = "repeated in the source's other articles"
#: The last characters of a line that ``ends_sentence`` may take for a sentence's end.
_MAY_END = frozenset(".؟?!»\"”'")


def line_key(line: str) -> str:
    """The form lines are compared in: folded (see ``dates.normalise``), spaces collapsed."""
    return collapse(normalise(line))


def collapse(folded: str) -> str:
    """``folded`` stripped, its runs of white space made one space."""
    f = folded.strip()
    # most lines are single-spaced: then the line is its own key (isprintable() is False for tabs,
    # no-break and other spaces, and for invisible format characters)
    return f if "  " not in f and f.isprintable() else " ".join(f.split())


def line_keys(folded_lines: Iterable[str]) -> set[str]:
    """The keys of an article's lines that may be boilerplate: short, not blank, not a sentence
    (each once). ``folded_lines`` are the article's lines after ``dates.normalise``."""
    # a sentence is content even when articles share it ("وقال المتحدث إن ..."); boilerplate
    # that ends like one (a copyright notice, a prompt) is left to the line classes
    keys = set()
    for line in folded_lines:
        if len(line) > MAX_CHARS:
            continue
        f = line.strip()
        # ends_sentence(f), only for the lines whose last character may end one
        if not f or (f[-1] in _MAY_END and ends_sentence(f)):
            continue
        keys.add(f if "  " not in f and f.isprintable() else " ".join(f.split()))  # collapse(f)
    return keys


class BatchLines:
    """Counts, per source, how many articles have each short line: the articles of this import,
    and those of the source that the project already holds (``stored``)."""

    def __init__(self, stored: Callable[[str], tuple[str, Iterable[Iterable[str]]]] | None = None) -> None:
        """``stored(source)`` gives the source's name as shown and the line keys of each of its
        documents already in the project (``source_lines.SourceLines``); asked once per source."""
        self._stored_of = stored
        self._counts: dict[str, Counter[str]] = {}
        self._articles: Counter[str] = Counter()
        self._stored: dict[str, Counter[str]] = {}
        self._names: dict[str, str] = {}
        self._learned: dict[str, dict[str, str]] = {}
        # per source, the keys seen in MIN_ARTICLES articles or more: learned() looks only at these,
        # not at the thousands of lines (titles, dates) each article has alone
        self._frequent: dict[str, set[str]] = {}

    def _source(self, source: str) -> Counter[str]:
        counts = self._counts.get(source)
        if counts is None:
            counts = self._counts[source] = Counter()
            self._frequent[source] = set()
            stored: Counter[str] = Counter()
            if self._stored_of is not None:
                name, docs = self._stored_of(source)
                self._names[source] = name
                for keys in docs:
                    stored.update(keys)
                    self._articles[source] += 1
                counts.update(stored)
                self._frequent[source].update(k for k, n in stored.items() if n >= MIN_ARTICLES)
            self._stored[source] = stored
        return counts

    def feed(self, source: str, text: str, folded: str | None = None,
             folded_lines: list[str] | None = None) -> set[str]:
        """Count the short lines of one article of ``source`` (each line once per article) and
        return their keys; ``folded`` or ``folded_lines`` may give ``normalise(text)`` (split into
        lines) when the caller has it."""
        if folded_lines is None:
            folded_lines = (normalise(text) if folded is None else folded).split("\n")
        keys = line_keys(folded_lines)
        counts = self._source(source)
        counts.update(keys)
        self._frequent[source].update(k for k in keys if counts[k] == MIN_ARTICLES)
        self._articles[source] += 1
        self._learned.pop(source, None)
        return keys

    def learned(self, source: str) -> Mapping[str, str]:
        """The keys (``line_key``) of the lines that are boilerplate for ``source`` so far, each
        with the reason it is removed for."""
        found = self._learned.get(source)
        if found is None:
            counts = self._source(source)
            need = max(MIN_ARTICLES, MIN_SHARE * self._articles[source])
            stored, name = self._stored[source], self._names.get(source, source)
            found = {}
            for k in self._frequent[source]:
                if counts[k] >= need:
                    earlier = stored[k]
                    found[k] = (f"boilerplate (seen in {earlier} earlier article{'s' if earlier != 1 else ''} "
                                f"of {name})") if earlier else REPEATED
            self._learned[source] = found
        return found
