"""Gazetteers: lists of terms with a label, whose matches become suggestions (never spans) and
recommender features.

Files (the format is told by the extension):

* ``.txt`` / ``.tsv``: one term per line, then a tab and the label (``إسطنبول<TAB>GPE``); ``#`` starts a
  comment line;
* ``.csv``: ``term,label`` rows (a first row ``term,label`` is a header);
* ``.json``: ``{"LABEL": ["term", ...]}`` or ``[{"term": ..., "label": ...}, ...]``.

A bad line (no label, an empty term) is reported with file and line and the rest is loaded.

Matching is by word tokens through the search normalisation (``annotations.search.normalize``), and a
term also matches a word with proclitics glued to its front (``بإسطنبول``): the match then starts after
them, as ``annotations.assist.matching`` does for label all. A longer term wins over a shorter one that
starts at the same token.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..assets import asset_path
from ..clitics import proclitic_boundaries
from ..errors import AnnotationError
from ..search import normalize
from ..tokenize import word_tokens

STARTER = "gazetteer/cldr_places_ar.tsv"  # the starter gazetteer in assets/ (packaging/make_gazetteer.py)
MAX_TERM_TOKENS = 8


@lru_cache(maxsize=65536)
def word_forms(word: str) -> tuple[tuple[int, str], ...]:
    """The normalised forms of one word token a term may match: ``(offset, form)`` pairs, the whole word
    first (offset 0), then the word after each chain of proclitics (offset where the stem starts)."""
    forms = [(0, normalize(word))]
    for cut in sorted(proclitic_boundaries(word)):
        forms.append((cut, normalize(word[cut:])))
    return tuple(forms)


@dataclass
class Gazetteer:
    """Terms with labels, keyed by their normalised tokens.

    Attributes:
        name: shown as the source of its suggestions, ``gazetteer:NAME``.
        terms: normalised token tuple -> label.
        problems: bad lines met while loading (``file:line: what``).
        feature: the name of its hits among the recommender's features (``gaz=B-GPE``).
    """

    name: str
    terms: dict[tuple[str, ...], str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    feature: str = "gaz"
    source: str | None = None  # the file it was loaded from

    def __len__(self) -> int:
        return len(self.terms)

    def add(self, term: str, label: str) -> bool:
        key = tuple(normalize(term[s:e]) for s, e in word_tokens(term))
        if not key or len(key) > MAX_TERM_TOKENS:
            return False
        self.terms[key] = label
        return True

    @property
    def _first(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        cached: dict[str, list[tuple[tuple[str, ...], str]]] | None = self.__dict__.get("_first_cache")
        if cached is None or self.__dict__.get("_first_size") != len(self.terms):
            cached = {}
            for key, label in self.terms.items():
                cached.setdefault(key[0], []).append((key, label))
            for entries in cached.values():
                entries.sort(key=lambda kl: -len(kl[0]))
            self.__dict__["_first_cache"], self.__dict__["_first_size"] = cached, len(self.terms)
        return cached

    def match_tokens(self, text: str, tokens: Sequence[tuple[int, int]]) -> list[tuple[int, int, int, str]]:
        """Matches over word ``tokens`` of ``text``: ``(first token, last token + 1, start offset, label)``."""
        forms = [word_forms(text[s:e]) for s, e in tokens]
        return [(i, j, tokens[i][0] + cut, label) for i, j, cut, label in self.match_forms(forms)]

    def match_forms(self, forms: Sequence[tuple[tuple[int, str], ...]]) -> list[tuple[int, int, int, str]]:
        """Matches over a run of tokens given by their ``word_forms``: ``(first token, last token + 1,
        offset of the match in the first token, label)``. Several gazetteers share the forms."""
        first = self._first
        found = []
        i, n_tokens = 0, len(forms)
        while i < n_tokens:
            best = None
            for cut, form in forms[i]:
                for key, label in first.get(form, ()):
                    n = len(key)
                    if i + n > n_tokens or (best is not None and n <= best[1] - best[0]):
                        continue
                    if all(forms[i + k][0][1] == key[k] for k in range(1, n)):
                        best = (i, i + n, cut, label)
                        break
            if best is not None:
                found.append(best)
                i = best[1]
            else:
                i += 1
        return found

    def suggestions(self, text: str) -> list[dict[str, Any]]:
        """Suggestion items (start, end, label, score 1.0) for every match in ``text``."""
        tokens = word_tokens(text)
        return [{"start": start, "end": tokens[j - 1][1], "label": label, "score": 1.0}
                for _, j, start, label in self.match_tokens(text, tokens)]


def _rows(path: Path, raw: str) -> list[tuple[int, str, str, str | None]]:
    """``(line, term, label, problem)`` of each entry of a file (see the module docstring)."""
    suffix = path.suffix.lower()
    out: list[tuple[int, str, str, str | None]] = []
    if suffix == ".json":
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise AnnotationError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}); expected "
                                  '{"LABEL": ["term", ...]} or [{"term": ..., "label": ...}]') from None
        if isinstance(data, dict):
            for label, terms in data.items():
                if not isinstance(terms, list):
                    out.append((0, "", str(label), f"the value of {label!r} is not a list of terms"))
                    continue
                out.extend((0, t if isinstance(t, str) else "", str(label), None) for t in terms)
        elif isinstance(data, list):
            for n, item in enumerate(data, 1):
                if isinstance(item, dict):
                    out.append((n, str(item.get("term") or ""), str(item.get("label") or ""), None))
                else:
                    out.append((n, "", "", f"entry {n} is not an object with term and label"))
        else:
            raise AnnotationError(f"{path}: expected a JSON object or list of terms")
        return out
    lines = raw.splitlines()
    if suffix == ".csv":
        for no, row in enumerate(csv.reader(lines), 1):
            if not row or (no == 1 and [c.strip().lower() for c in row[:2]] == ["term", "label"]):
                continue
            if len(row) < 2:
                out.append((no, row[0], "", None))
            else:
                out.append((no, row[0], row[1], None if len(row) == 2 else "more than two columns (term,label)"))
        return out
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        term, tab, label = line.rpartition("\t")
        out.append((no, term if tab else line, label if tab else "", None))
    return out


def load_gazetteer(path: str | Path, name: str | None = None, labels: Sequence[str] | None = None) -> Gazetteer:
    """Read a gazetteer file; bad lines are kept in ``problems`` (file and line) and the rest is loaded.

    Args:
        path: a ``.txt``/``.tsv``, ``.csv`` or ``.json`` file (see the module docstring).
        name: its name as a source (default: the file name without extension).
        labels: when given, entries with another label are bad lines.

    Raises:
        AnnotationError: the file cannot be read at all (missing, not UTF-8, not JSON).
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AnnotationError(f"{path}: gazetteer file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AnnotationError(f"{path}: cannot read the gazetteer ({exc}); save it as UTF-8 text") from None
    gaz = Gazetteer(name or path.stem, source=str(path))
    allowed = set(labels) if labels is not None else None
    for no, term, label, problem in _rows(path, raw):
        where = f"{path}:{no}" if no else str(path)
        term, label = term.strip(), label.strip()
        if problem is None and not term:
            problem = "empty term"
        if problem is None and not label:
            problem = "no label (write the term, a tab, then the label; CSV: term,label)"
        if problem is None and allowed is not None and label not in allowed:
            problem = f"label {label!r} is not in the schema ({', '.join(sorted(allowed))})"
        if problem is None and not gaz.add(term, label):
            problem = f"the term has no word or more than {MAX_TERM_TOKENS} words"
        if problem is not None:
            gaz.problems.append(f"{where}: {problem}; line skipped")
    return gaz


def starter_gazetteer() -> Gazetteer:
    """The gazetteer shipped in ``assets/`` (CLDR's Arabic names of places, via Babel; BSD/Unicode licence)."""
    return load_gazetteer(asset_path(STARTER), name="cldr-places")
