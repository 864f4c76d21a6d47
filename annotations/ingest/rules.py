"""Cleanup rules: the built-in ``cleanup_rules.json`` and the user's own files (JSON or YAML), validated.

A rule is a regular expression tried on one line, with cheap prefilters (``contains``, ``starts``,
``max_words``) so that most lines of most articles never reach a pattern. ``cleanup.clean`` applies
them; structural line classes are in ``lineclass.py``.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import IngestError

BUILTIN_RULES = Path(__file__).with_name("cleanup_rules.json")
ACTIONS = ("remove", "caption")
WHERE = ("anywhere", "header")


class RulesError(IngestError):
    """A cleanup rules file that cannot be used; the message names the file and the rule."""


@dataclass(frozen=True)
class Rule:
    """One cleanup rule: a pattern and what to do with the lines it matches."""

    name: str
    pattern: re.Pattern[str]
    action: str = "remove"
    reason: str = ""
    where: str = "anywhere"
    max_words: int | None = None
    contains: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    tail: int | None = None
    #: ``contains`` split: the strings with a Latin letter (looked for only in a line that has one, a
    #: test made once per line) and the others.
    contains_latin: tuple[str, ...] = field(init=False, repr=False, compare=False)
    contains_other: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        latin = tuple(c for c in self.contains if _LATIN_RE.search(c))
        object.__setattr__(self, "contains_latin", latin)
        object.__setattr__(self, "contains_other", tuple(c for c in self.contains if c not in latin))

    def matches(self, line: str, folded: str, words: int) -> bool:
        if self.max_words is not None and words > self.max_words:
            return False
        if self.contains and not any(c in folded for c in self.contains):
            return False
        if self.starts and not head_of(folded).startswith(self.starts):
            return False
        if self.tail is not None:
            line, folded = line[-self.tail:], folded[-self.tail:]
        return bool(self.pattern.search(line) or (folded != line and self.pattern.search(folded)))


_LEAD_RE = re.compile(r"\W*")
_LATIN_RE = re.compile(r"[A-Za-z]")


def has_latin(folded: str) -> bool:
    """Whether a line has an ASCII letter (else no ``contains`` string with one can be in it)."""
    return _LATIN_RE.search(folded) is not None
#: How much of a line's start ``head_of`` keeps: the longest ``starts`` string any rule may have.
STARTS_MAX_CHARS = 40
#: Lines whose rule (or none) a rule set remembers (``RuleSet.rule_memo``); cleared when full.
RULE_MEMO = 8192
_NOT_MEMOISED: Any = object()


def head_of(folded: str) -> str:
    """A line's start after its leading non-word characters (``^\\W*``), lower-cased, as ``starts``
    strings are compared with it."""
    m = _LEAD_RE.match(folded)
    return folded[m.end() : m.end() + STARTS_MAX_CHARS].lower() if m else folded[:STARTS_MAX_CHARS].lower()


@dataclass(frozen=True)
class RuleSet:
    """The rules in force for one import, built-in ones first."""

    rules: tuple[Rule, ...]
    sources: tuple[str, ...] = ()

    def applicable(self, words: int, header: bool, first: str | None = None) -> tuple[Rule, ...]:
        """The rules, in order, that may apply to a line of ``words`` words (``max_words``), and
        whose head (``head_of``) starts with ``first`` (one character, "" if it has none) when
        given: a rule with ``starts`` strings is left out unless one of them starts with it."""
        key = (words, header, first)
        found = self._applicable.get(key)
        if found is None:
            if first is None:
                found = tuple(r for r in self.rules if (header or r.where == "anywhere")
                              and (r.max_words is None or words <= r.max_words))
            else:
                firsts = self._firsts
                found = tuple(r for r in self.applicable(words, header) if not r.starts or first in firsts[r.name])
            if len(self._applicable) < 8192:
                self._applicable[key] = found
        return found

    @functools.cached_property
    def _firsts(self) -> dict[str, frozenset[str]]:
        """The first characters of each rule's ``starts`` strings, by rule name."""
        out: dict[str, frozenset[str]] = {}
        for r in self.rules:
            out[r.name] = out.get(r.name, frozenset()) | {s[0] for s in r.starts}
        return out

    @functools.cached_property
    def words_needed(self) -> int:
        """How many words of a line to count: past the largest ``max_words`` the number does
        not matter (``str.split`` with this maxsplit stops there). -1 (all) if a rule has none."""
        limits = [r.max_words for r in self.rules if r.max_words is not None]
        return max(limits) + 1 if limits and len(limits) == len(self.rules) else -1

    @functools.cached_property
    def header_memo(self) -> dict[str, tuple[tuple[int, Any], str]]:
        """Header lines already classified, by their stripped text: a site's widget, page date
        and share lines top every article it serves (cleared when it grows past HEADER_MEMO)."""
        return {}  # values: ((class, payload) from _classify_header, the line's key)

    @functools.cached_property
    def rule_memo(self) -> dict[tuple[str, str, bool], Rule | None]:
        """The rule (or None) each short line matched, by (line, folded line, header zone): the
        same lines recur across a source's articles (cleared when it grows past RULE_MEMO)."""
        return {}

    def line_rule(self, stripped: str, folded: str, header: bool, words: int) -> Rule | None:
        """The first rule that matches a line (``stripped``, and ``folded`` by ``dates.normalise``) of
        ``words`` words, in the header zone or not; None if none does.

        The answer depends only on these, and a source's menus, share bars and footers recur in
        every article it serves, so each line is matched once per rule set (``rule_memo``)."""
        key = (stripped, folded, header)
        memo = self.rule_memo
        hit = memo.get(key, _NOT_MEMOISED)
        if hit is not _NOT_MEMOISED:
            return hit  # type: ignore[return-value]
        rule = self._match(stripped, folded, header, words)
        if len(memo) >= RULE_MEMO:
            memo.clear()
        memo[key] = rule
        return rule

    def _match(self, stripped: str, folded: str, header: bool, words: int) -> Rule | None:
        # Rule.matches, inlined: this runs for every short line of every article. Most body lines
        # are paragraphs longer than any rule's max_words, so no pattern is tried on them.
        # The rules that fit the line's length and its first letter: those whose ``starts`` strings
        # begin otherwise are not even looked at.
        first = folded[:1]
        # head_of(folded), without its regex for the many lines that start with a letter
        head = folded[:STARTS_MAX_CHARS].lower() if first.isalnum() else head_of(folded)
        candidates = self.applicable(words, header, head[:1])
        if not candidates:
            return None
        differs = folded != stripped
        latin = None  # whether the line has a Latin letter: asked once, for the first rule that needs it
        for rule in candidates:
            # a scan for a few plain strings (written folded) is far cheaper than an unanchored
            # pattern's search; a loop, not any(): this is the hottest spot of an import
            if rule.contains:
                for c in rule.contains_other:
                    if c in folded:
                        break
                else:
                    if not rule.contains_latin:
                        continue
                    if latin is None:
                        latin = has_latin(folded)
                    if not latin:
                        continue
                    for c in rule.contains_latin:
                        if c in folded:
                            break
                    else:
                        continue
            # and one look at the line's first word than two searches (the line and its folded form)
            if rule.starts and not head.startswith(rule.starts):
                continue
            tail = rule.tail  # a pattern anchored at the line's end is only tried on its last characters
            if tail is None:
                if rule.pattern.search(stripped) or (differs and rule.pattern.search(folded)):
                    return rule
            elif rule.pattern.search(stripped[-tail:]) or (differs and rule.pattern.search(folded[-tail:])):
                return rule
        return None

    @functools.cached_property
    def _applicable(self) -> dict[tuple[int, bool, str | None], tuple[Rule, ...]]:
        return {}


def _rule_from(data: Any, where_: str) -> Rule:
    if not isinstance(data, Mapping):
        raise RulesError(f"{where_}: a rule must be an object with at least \"name\" and \"pattern\"")
    name = data.get("name")
    pattern = data.get("pattern")
    if not isinstance(name, str) or not name:
        raise RulesError(f"{where_}: the rule has no \"name\"")
    where_ = f"{where_} ({name!r})"
    if not isinstance(pattern, str) or not pattern:
        raise RulesError(f"{where_}: the rule has no \"pattern\"")
    unknown = set(data) - {"name", "pattern", "action", "reason", "where", "max_words", "ignore_case", "contains",
                           "starts", "tail"}
    if unknown:
        raise RulesError(f"{where_}: unknown key(s) {', '.join(sorted(unknown))}")
    action = data.get("action", "remove")
    if action not in ACTIONS:
        raise RulesError(f"{where_}: action must be one of {', '.join(ACTIONS)}, not {action!r}")
    where = data.get("where", "anywhere")
    if where not in WHERE:
        raise RulesError(f"{where_}: where must be one of {', '.join(WHERE)}, not {where!r}")
    max_words = data.get("max_words")
    if max_words is not None and (not isinstance(max_words, int) or max_words < 1):
        raise RulesError(f"{where_}: max_words must be a positive whole number")
    contains = data.get("contains", [])
    if not isinstance(contains, list) or not all(isinstance(c, str) and c for c in contains):
        raise RulesError(f"{where_}: contains must be a list of non-empty strings")
    starts = data.get("starts", [])
    if not isinstance(starts, list) or not all(isinstance(c, str) and 0 < len(c) <= STARTS_MAX_CHARS
                                                for c in starts):
        raise RulesError(f"{where_}: starts must be a list of non-empty strings of at most "
                         f"{STARTS_MAX_CHARS} characters")
    tail = data.get("tail")
    if tail is not None and (not isinstance(tail, int) or isinstance(tail, bool) or tail < 1):
        raise RulesError(f"{where_}: tail must be a positive whole number (of characters)")
    flags = re.IGNORECASE if data.get("ignore_case", True) else 0
    try:
        compiled = re.compile(pattern, flags)
    except re.error as e:
        raise RulesError(f"{where_}: the pattern is not a valid regular expression ({e})") from None
    return Rule(name, compiled, action, str(data.get("reason") or name), where, max_words, tuple(contains),
                tuple(c.lower() for c in starts), tail)


def parse_rules(data: Any, source: str) -> tuple[list[Rule], bool]:
    """Validate a rules document (``{"rules": [...], "replace_builtin": false}``, from JSON or YAML).

    Returns:
        the rules and whether they replace the built-in ones.

    Raises:
        RulesError: naming ``source`` and the rule at fault.
    """
    if isinstance(data, list):
        data = {"rules": data}
    if not isinstance(data, Mapping) or not isinstance(data.get("rules"), list):
        raise RulesError(f"rules file {source}: expected an object with a \"rules\" list")
    rules = [_rule_from(r, f"rules file {source}, rule {i}") for i, r in enumerate(data["rules"], 1)]
    return rules, bool(data.get("replace_builtin", False))


def _read_rules_file(path: Path) -> Any:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise RulesError(f"rules file {path}: cannot be read ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise RulesError(f"rules file {path}: is not UTF-8 text") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        return _yaml(raw, path)
    try:
        return json.loads(raw)
    except json.JSONDecodeError as e:
        raise RulesError(f"rules file {path}: line {e.lineno}: not valid JSON ({e.msg})", e.lineno) from None


def _yaml(raw: str, path: Path) -> Any:
    try:
        import yaml  # PyYAML comes with the datasets requirement; JSON needs nothing
    except ImportError:
        raise RulesError(f"rules file {path}: YAML needs the PyYAML package; write the rules as JSON") from None
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        where = f"line {line}: " if line else ""
        raise RulesError(f"rules file {path}: {where}not valid YAML ({getattr(e, 'problem', None) or e})",
                         line) from None


def load_rules(extra: Iterable[str | os.PathLike[str]] = ()) -> RuleSet:
    """The built-in rules, extended (or replaced, if a file says ``"replace_builtin": true``) by user files."""
    builtin, _ = parse_rules(_read_rules_file(BUILTIN_RULES), str(BUILTIN_RULES.name))
    rules = list(builtin)
    sources = ["built-in"]
    for name in extra:
        path = Path(name)
        more, replace = parse_rules(_read_rules_file(path), str(path))
        if replace:
            rules, sources = [], []
        rules.extend(more)
        sources.append(str(path))
    return RuleSet(tuple(rules), tuple(sources))
