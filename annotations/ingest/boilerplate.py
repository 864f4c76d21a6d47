"""Boilerplate learned from the batch: short lines that come back in many articles of one source.

Only lines that do not read as sentences are learned: a sentence several articles share is
content, and boilerplate that ends like a sentence (copyright notices) has its own line class.

A site's menu, share bar, newsletter box and footer are the same in every article it serves,
whatever they say; an article's own lines are not. An import feeds every article to
:class:`BatchLines` under its source (the folder a text file is in, a JSONL record's source field)
before cleaning it, and the cleanup removes the lines the source has repeated often enough.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .dates import normalise
from .lineclass import ends_sentence

#: Longer lines are paragraphs: a site does not repeat those, and a reprinted paragraph is content.
#: (Characters, not words: a length test costs nothing, and every line of every article is looked at.)
MAX_CHARS = 160
#: A line is boilerplate when at least this many articles of the source have it...
MIN_ARTICLES = 3
#: ...and at least this share of them (a phrase three articles out of a thousand share is not).
MIN_SHARE = 0.1
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


class BatchLines:
    """Counts, per source, how many articles have each short line."""

    def __init__(self) -> None:
        self._counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self._articles: Counter[str] = Counter()
        self._learned: dict[str, frozenset[str]] = {}
        # per source, the keys seen in MIN_ARTICLES articles or more: learned() looks only at these,
        # not at the thousands of lines (titles, dates) each article has alone
        self._frequent: defaultdict[str, set[str]] = defaultdict(set)

    def feed(self, source: str, text: str, folded: str | None = None) -> None:
        """Count the short lines of one article of ``source`` (each line once per article);
        ``folded`` may give ``normalise(text)`` when the caller has it."""
        # a sentence is content even when articles share it ("وقال المتحدث إن ..."); boilerplate
        # that ends like one (a copyright notice, a prompt) is left to the line classes
        keys = set()
        for line in (normalise(text) if folded is None else folded).split("\n"):
            if len(line) > MAX_CHARS:
                continue
            f = line.strip()
            # ends_sentence(f), only for the lines whose last character may end one
            if not f or (f[-1] in _MAY_END and ends_sentence(f)):
                continue
            keys.add(f if "  " not in f and f.isprintable() else " ".join(f.split()))  # collapse(f)
        counts = self._counts[source]
        counts.update(keys)
        frequent = self._frequent[source]
        frequent.update(k for k in keys if counts[k] == MIN_ARTICLES)
        self._articles[source] += 1
        self._learned.pop(source, None)

    def learned(self, source: str) -> frozenset[str]:
        """The keys (``line_key``) of the lines that are boilerplate for ``source`` so far."""
        found = self._learned.get(source)
        if found is None:
            n = self._articles[source]
            need = max(MIN_ARTICLES, MIN_SHARE * n)
            counts = self._counts[source]
            found = frozenset(k for k in self._frequent[source] if counts[k] >= need)
            self._learned[source] = found
        return found
