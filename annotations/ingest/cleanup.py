"""Scraped-news cleanup: title, publication date, boilerplate and captions out of the body, reversibly.

Rules are data (``cleanup_rules.json`` plus the user's own files); the moved lines are kept with their
line number and offset in ``meta["removed"]`` / ``meta["captions"]`` so ``restore_original`` can
rebuild the decoded source exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from . import captions, lineclass
from .boilerplate import MAX_CHARS as BATCH_MAX_CHARS
from .boilerplate import REPEATED, collapse
from .dates import ParsedDate, is_relative_date, normalise, parse_date_line, with_hijri_of
from .errors import IngestError
from .headerclass import (
    _BAD_DATE,
    _BYLINE,
    _BYLINE_DATE,
    _CLASS_REASON,
    _COUNT,
    _CRUMB,
    _CURRENCY,
    _DATE,
    _DATED,
    _HAS_DIGIT,
    _OTHER,
    _PARAGRAPH,
    _RULE,
    _classify_header,
    _HeaderClass,
    _is_crumb,
    _words,
)
from .headline import choose as choose_headline
from .headline import similarity
from .restore import restore_original
from .rules import (
    BUILTIN_RULES,
    Rule,
    RulesError,
    RuleSet,
    head_of,
    load_rules,
    parse_rules,
)

__all__ = ["BUILTIN_RULES", "CleanResult", "Rule", "RuleSet", "RulesError", "clean", "head_of", "load_rules",
           "parse_rules", "restore_original"]

#: The title and date lines are searched among the first non-blank lines up to the first paragraph:
#: at most this many that no rule, line class or the batch took (a site's menu may be twenty lines
#: long, each its own), and this many in all.
HEADER_MAX_LINES, HEADER_MAX_ALL = 14, 48
HEADER_MEMO = 4096


@dataclass
class CleanResult:
    """The outcome of cleaning one article.

    Attributes:
        body: the article text to store (exact source lines joined by ``\\n``).
        title: the detected (or given) title, or None.
        published: the publication date found in the header, or None.
        removed: moved-out lines, each ``{"line", "offset", "text", "reason", "rule"}``.
        captions: photo captions, same shape.
        total_lines: line count of the source, for ``restore_original``.
        body_line: 1-based source line where the body starts.
        author, source: from a byline or source line (كتب، بقلم، المصدر، إسطنبول/ الأناضول), or None.
        date_problem: why no publication date was taken from a line that looks like one, or None.
    """

    body: str
    title: str | None
    published: ParsedDate | None
    removed: list[dict[str, Any]] = field(default_factory=list)
    captions: list[dict[str, Any]] = field(default_factory=list)
    total_lines: int = 0
    body_line: int = 1
    author: str | None = None
    source: str | None = None
    date_problem: str | None = None


LEARNED_RULE = "batch"
#: A body of this many lines or more, none of them a sentence nor longer than this many words, is a menu.
MENU_MIN_LINES, MENU_MAX_WORDS = 3, 4
RELATED_MAX_WORDS = 20
#: A short line right under the title, followed by the date within this many lines, is its byline.
BYLINE_MAX_WORDS, BYLINE_DATE_GAP = 6, 2
DATELINE_MAX_CHARS = 80
#: Under the first paragraph, this many lines are searched for the byline and date some sites print
#: there (the first paragraph is a summary above them), up to the next paragraph.
LEAD_MAX_LINES = 8
TAG_MAX_WORDS = 3
#: A line under the date, before the first paragraph, is a photo's caption up to this many words.
CAPTION_MAX_WORDS = 10
_SHARE_BAR_RULES = frozenset(("social-buttons", "share-follow", "copied-to-clipboard"))
#: Under a comments heading, a line this short that is no sentence is a commenter's name (the comment under it).
COMMENTER_MAX_WORDS = 5
#: A sentence right under a related link, this short and with this share of the link's words, is its summary.
TEASER_MAX_WORDS, TEASER_MIN_SHARED = 20, 0.3
DATE_LINE_MAX_WORDS = 16
RELATIVE_MAX_WORDS = 6
#: Lines of at most this many words under the article's last sentence are its foot (tags, links).
FOOT_MAX_WORDS = 3
#: ...and two or more lines up to this long that are no sentence: links to other articles.
FOOT_LINK_MAX_WORDS = 16


def _norm_title(line: str) -> str:
    # clean() uses the same form from its folded lines: normalise() works character by character
    return " ".join(normalise(line).split())


def _unread_date(i: int, line: str) -> str:
    return f"line {i + 1}: the date {line!r} was not understood; the publication date is left empty"


def _ends_list(folded: str) -> bool:
    return "نهاية القائمة" in folded or "end of list" in folded.lower()


def clean(text: str, rules: RuleSet, title: str | None = None,
          learned: Mapping[str, str] | AbstractSet[str] = frozenset(), folded: str | None = None,
          folded_lines: list[str] | None = None) -> CleanResult:
    """Split scraped text into title, date, bylines, boilerplate, captions and body.

    Args:
        text: decoded text with ``\\n`` line endings.
        rules: the cleanup rules in force.
        title: a title already known (HTML metadata, a JSONL field); then no line is taken as the
            title, but copies of it at the top are removed as duplicates.
        learned: keys (``boilerplate.line_key``) of lines the article's source repeats in its other
            articles (``boilerplate.BatchLines``); they are removed as boilerplate, with the reason
            a mapping gives for each (else "repeated in the source's other articles").
        folded: ``dates.normalise(text)``, when the caller has it already; or ``folded_lines``, the
            same split into lines.

    Raises:
        IngestError: no article body found (every line is title, date or boilerplate, or what is
            left is a menu).
    """
    lines = text.split("\n")
    # offset of line i = characters before it + one newline per line before it
    ends = [0, *accumulate(map(len, lines))]
    result = CleanResult(body="", title=title, published=None, total_lines=len(lines))
    taken: dict[int, tuple[str, dict[str, Any]]] = {}  # line index -> ("removed"|"captions", entry)

    def take(i: int, where: str, reason: str, rule: str) -> None:
        entry = {"line": i + 1, "offset": ends[i] + i, "text": lines[i], "rule": rule}
        if where == "removed":
            entry["reason"] = reason
        taken[i] = (where, entry)

    def take_rule(i: int, rule: Rule) -> None:
        take(i, "removed" if rule.action == "remove" else "captions", rule.reason, rule.name)

    def take_byline(i: int, by: lineclass.Byline) -> None:
        if by.kind == "author":
            result.author = result.author or by.value
            take(i, "removed", "byline", "byline")
        else:
            result.source = result.source or by.value
            take(i, "removed", "source line", "source")

    # Folding never adds or removes a newline, so the folded text splits into the same lines; one
    # call for the whole text is much cheaper than one per line.
    if folded_lines is None:
        folded_lines = (normalise(text) if folded is None else folded).split("\n")
    reasons = learned if isinstance(learned, Mapping) else {}
    words_needed, line_rule = rules.words_needed, rules.line_rule

    def rule_for(i: int, stripped: str, header: bool, words: int | None = None) -> Rule | None:
        return line_rule(stripped, folded_lines[i].strip(), header,
                         _words(stripped, words_needed) if words is None else words)

    # 1. The header: the first non-blank lines, each classified once per rule set (memo), with
    # its key (the form lines are compared in, to the title and to the source's learned lines).
    header_memo = rules.header_memo
    n = len(lines)
    zone: list[int] = []
    classes: dict[int, _HeaderClass] = {}
    keys: dict[int, str] = {}
    i = plain_seen = 0
    while i < n and plain_seen < HEADER_MAX_LINES and len(zone) < HEADER_MAX_ALL:
        stripped = lines[i].strip()
        if stripped:
            memo = header_memo.get(stripped)
            if memo is None:
                f = folded_lines[i].strip()
                memo = _classify_header(stripped, f, rule_for(i, stripped, header=True)), collapse(f)
                if len(header_memo) >= HEADER_MEMO:
                    header_memo.clear()
                header_memo[stripped] = memo
            zone.append(i)
            classes[i], keys[i] = memo
            if memo[0] == _PARAGRAPH:
                # the first paragraph: the header is above it (kept here to score the headline),
                # unless the next line repeats it: a headline that ends with a full stop, printed twice
                nxt = next((j for j in range(i + 1, min(n, i + 3)) if lines[j].strip()), None)
                if nxt is None or lines[nxt].strip() != stripped or lineclass.more_words_than(stripped, 24):
                    break
                classes[i] = (_OTHER, False)
            plain_seen += memo[0][0] == _OTHER and memo[1] not in learned
        i += 1

    def key(i: int) -> str:
        k = keys.get(i)
        return collapse(folded_lines[i]) if k is None else k

    is_learned = {i: keys[i] in learned for i in zone} if learned else dict.fromkeys(zone, False)

    def plain(i: int) -> bool:  # a line no rule, class or batch took: headline, byline or body
        return classes[i][0] == _OTHER and not is_learned[i]

    def _writer_bio(i: int) -> int | None:
        """The next non-blank line, when line ``i`` is a name and that line describes a writer."""
        if not lineclass.is_name(lines[i].strip()):
            return None
        j = next((j for j in range(i + 1, n) if lines[j].strip()), None)
        return j if j is not None and lineclass.is_writer_bio(lines[j].strip(), folded_lines[j].strip()) else None

    # 2. The headline.
    title_norm = _norm_title(title) if title else None
    headline: int | None = None
    if title is None:
        headline = choose_headline(
            zone, plain, key, paragraph=lambda i: bool(classes[i][1]),
            is_date=lambda i: classes[i][0] in (*_DATED, _BAD_DATE), is_crumb=lambda i: _is_crumb(classes[i]),
            named=lambda i: _writer_bio(i) is not None, learned=lambda i: classes[i][0] == _OTHER and is_learned[i])
        if headline is not None:
            result.title, title_norm = lines[headline].strip(), key(headline)

    def _take_lead(start: int) -> None:
        """Bylines and dates under the body's first line, before its next paragraph (France 24 prints
        the summary first, then who wrote it and when)."""
        found: list[tuple[int, _HeaderClass]] = []
        j = start + 1
        while j < n and len(found) < LEAD_MAX_LINES:
            stripped = lines[j].strip()
            if stripped:
                if lineclass.is_paragraph(stripped):
                    break
                f = folded_lines[j].strip()
                found.append((j, _classify_header(stripped, f, rule_for(j, stripped, header=False))))
            j += 1
        for k, (j, (kind, payload)) in enumerate(found):
            if kind == _DATE:
                dates.append((j, payload))
            elif kind == _BYLINE_DATE:
                dates.append((j, payload[1]))
                result.author = result.author or payload[0].value
            elif kind == _BAD_DATE:
                bad_dates.append(j)
                take(j, "removed", "date line not understood", "date")
            elif kind == _BYLINE:
                take_byline(j, payload)
            elif kind == _OTHER and not payload and k > 0 and found[k - 1][1][0] in (*_DATED, _BAD_DATE) and (
                    (by := lineclass.name_line(lines[j].strip(), folded_lines[j].strip())) is not None
                    or lineclass.is_office_or_place(lines[j].strip(), folded_lines[j].strip())):
                if by is not None:
                    take_byline(j, by)  # "قبل 3 ساعات" then "هشام الدريوش": the writer under the date
                else:  # "الرئيس التونسي قيس سعيد": the photo's caption
                    take(j, "captions", "", "caption-under-date")
            elif (kind == _OTHER and not payload and len(lines[j].split(None, BYLINE_MAX_WORDS)) <= BYLINE_MAX_WORDS
                  and any(c[0] in _DATED for _, c in found[k + 1 : k + 1 + BYLINE_DATE_GAP])):
                take_byline(j, lineclass.dateline(lines[j].strip(), folded_lines[j].strip())
                            or lineclass.Byline("author", lines[j].strip()))

    # 3. Take the header lines: everything above the headline, then what follows it up to the body.
    dates: list[tuple[int, ParsedDate]] = []
    updated: list[tuple[int, ParsedDate]] = []  # last-updated stamps under the headline
    bad_dates: list[int] = []
    body_start = zone[-1] + 1 if zone else n
    top = headline if headline is not None else -1 if title is not None else None
    dated = False  # a date line was seen under the headline
    for k, i in enumerate(zone):
        kind, payload = classes[i]
        by = None
        if top is not None and i > top and len(lines[i]) <= DATELINE_MAX_CHARS and (
                kind == _OTHER or (kind == _RULE and payload.action == "caption")):
            # "إسطنبول/ الأناضول" under the headline is who filed it, not a photo credit
            by = (lineclass.dateline(lines[i].strip(), folded_lines[i].strip())
                  or lineclass.agency_line(lines[i].strip(), folded_lines[i].strip()))
        if by is not None and not is_learned[i]:
            take_byline(i, by)
        elif kind == _RULE:
            take_rule(i, payload)
            # the share bar under the headline: the article's photo, and its caption, come next
            dated = dated or (top is not None and i > top and payload.name in _SHARE_BAR_RULES)
            if payload.name == "last-updated" and top is not None and i > top:
                stamp = parse_date_line(lines[i].strip(), folded_lines[i].strip())
                if stamp is not None:
                    updated.append((i, stamp))
            if payload.name == "summary-label":  # "ملخص": the summary under it opens the body
                body_start = next((z for z in zone[k + 1:]), n)
                break
        elif kind in _DATED:
            if kind == _BYLINE_DATE:
                result.author = result.author or payload[0].value
            dates.append((i, payload if kind == _DATE else payload[1]))
            dated = dated or (top is not None and i > top)
        elif kind == _BAD_DATE:
            bad_dates.append(i)
            take(i, "removed", "date line not understood", "date")
            dated = dated or (top is not None and i > top)  # "منذ ساعتين": what follows is as under a date
        elif i == headline:
            take(i, "removed", "title", "title")
        elif kind == _BYLINE:  # (a byline the source's other articles repeat still names the author)
            take_byline(i, payload)
        elif is_learned[i]:
            take(i, "removed", reasons.get(keys[i], REPEATED), LEARNED_RULE)
        elif kind in _CLASS_REASON:
            take(i, "removed", *_CLASS_REASON[kind])
        elif headline is not None and i < headline:
            take(i, "removed", "page header above the headline", "above-headline")
        elif title_norm is not None and key(i) == title_norm:
            take(i, "removed", "duplicate title", "duplicate-title")
        elif (top is not None and not payload and len(lines[i].split(None, BYLINE_MAX_WORDS)) <= BYLINE_MAX_WORDS
              and any(classes[j][0] in _DATED for j in zone[k + 1 : k + 1 + BYLINE_DATE_GAP])):
            take_byline(i, lineclass.Byline("author", lines[i].strip()))
        elif top is not None and i > top and not payload and (bio := _writer_bio(i)) is not None:
            # an opinion page: the writer's name under the headline, what they do under it
            take_byline(i, lineclass.Byline("author", lines[i].strip()))
            take(bio, "removed", "writer's description", "writer")
        elif i in taken:
            continue  # the writer's description, taken with the name above it
        elif (top is not None and i > top and not payload and k > 0 and zone[k - 1] in taken
              and taken[zone[k - 1]][1]["rule"] == "byline"
              and lineclass.is_writer_bio(lines[i].strip(), folded_lines[i].strip())):
            take(i, "removed", "writer's description", "writer")
        elif (dated and not payload and not lineclass.is_question(lines[i])
              and (not lineclass.more_words_than(lines[i], CAPTION_MAX_WORDS)
                   or captions.is_loose_caption(lines[i].strip(), folded_lines[i].strip()))):
            # a short line between the article's date and its first paragraph: the photo's caption
            # (a longer one is the article's summary, its first line, unless it reads as a caption)
            take(i, "captions", "", "caption-under-date")
        else:
            body_start = i
            break
    if top is not None:
        _take_lead(body_start)
    # The article's date wins over the page's: a date the source repeats in every article, above the
    # headline, is the page's "today" and never the publication date; then the one under the headline,
    # then one with a time.
    # An article date under the headline that cannot be read is not replaced by a date above it.
    unread = headline is not None and any(b > headline for b in bad_dates)
    page = {d[0] for d in dates if (unread or is_learned.get(d[0], False)) and headline is not None and d[0] < headline}
    usable = [d for d in dates if d[0] not in page]
    if updated and headline is not None and not any(d[0] > headline for d in usable):
        # "آخر تحديث: ..." under the headline dates the article when no other date under it does and
        # the others top the page, above its section's breadcrumb
        first_crumb = min((i for i in zone if i < headline and _is_crumb(classes[i])), default=None)
        if first_crumb is not None and all(d[0] < first_crumb for d in usable):
            usable = updated[:1]
    chosen_at = None
    if usable:
        crumb = max((i for i in zone if _is_crumb(classes[i])), default=-1)

        def score(d: tuple[int, ParsedDate]) -> tuple[bool, bool, bool, bool]:
            # under the headline; else under the section's breadcrumb (above it: the page's "today")
            return (not is_learned.get(d[0], False), headline is not None and d[0] > headline, d[0] > crumb,
                    d[1].has_time)

        chosen = max(usable, key=score)  # max keeps the first of equal scores
        result.published, chosen_at = with_hijri_of(chosen[1], [d[1] for d in usable]), chosen[0]
    for idx, _ in dates:
        take(idx, "removed", "publication date" if idx == chosen_at else "page date", "date")
    if chosen_at is not None and taken[chosen_at][1]["rule"] == "last-updated":
        take(chosen_at, "removed", "publication date (last updated)", "date")
    # "قبل 3 ساعات" under the headline and the absolute date at the foot ("التاريخ 04.03.2025"): the
    # relative date only says the page was seen soon after; a date line in the body may still date it
    relative_only = False
    if chosen_at is None and bad_dates:
        b = min(bad_dates, key=lambda i: (is_learned.get(i, False), i))
        result.date_problem = _unread_date(b, lines[b].strip())
        relative_only = all(is_relative_date(folded_lines[i].strip()) for i in bad_dates)
    elif chosen_at is None and page:
        b = min(page)
        result.date_problem = (f"line {b + 1}: {lines[b].strip()!r} is the page's date (the source's other "
                               "articles have it too), and no date of the article was found; the publication "
                               "date is left empty")

    def _take_foot(start: int) -> None:
        """Lines after the article's last sentence: tags without a heading ("المغرب", "الصحة"), a
        site's sign-off, and two or more headline-like links without their heading. An article
        ends with a sentence, not with a line of a word or two."""
        short: list[int] = []  # lines of at most FOOT_MAX_WORDS words, bottom up
        links: list[int] = []  # headline-like lines (no sentence, up to FOOT_LINK_MAX_WORDS words)
        below = 0  # how many of the short lines are under every link
        for j in range(n - 1, start - 1, -1):
            t = lines[j].strip()
            if not t or j in taken:
                continue
            if lineclass.ends_sentence(t) or lineclass.more_words_than(t, FOOT_LINK_MAX_WORDS):
                if lineclass.is_sentence(t) and not t.endswith((":", "：")):  # a list under "…:" stays
                    # one headline-like line alone may be the article's (a closing quote, a note)
                    for k in (short + links if len(links) != 1 else short[:below]):
                        take(k, "removed", "short line at the foot (tags or links)", "foot")
                return
            if t.endswith((":", "：")):
                return  # "…أسماؤهم:": what follows is the article's list
            if lineclass.more_words_than(t, FOOT_MAX_WORDS):
                if not links:
                    below = len(short)
                links.append(j)
            elif _HAS_DIGIT.search(t):
                return  # "الأهلي 3": results or figures the article lists, not tags
            else:
                short.append(j)

    # 4. The body: rules that apply anywhere, the batch's lines, bylines, menus and related-link blocks.
    related = tags = comments = commented = False
    link: str | None = None  # the related link just taken, whose summary may follow it
    split_at = max(words_needed, RELATED_MAX_WORDS) if words_needed > 0 else -1
    for j in range(body_start, n):
        stripped = lines[j].strip()
        if not stripped or j in taken:
            continue
        words = _words(stripped, split_at)
        if words > split_at >= 0:
            # most lines of most articles: paragraphs longer than any rule's max_words and than a
            # related link; only a reader's comment under a comments heading is taken
            if comments and (commented or lineclass.is_reader_comment(stripped)):
                take(j, "removed", "reader comment", "comments")
                commented = False
                continue
            related = tags = comments = commented = False
            link = None
            continue
        rule = rule_for(j, stripped, header=False, words=words if words_needed > 0 else None)
        if rule is not None:
            take_rule(j, rule)
            # a heading over a list of links, or the list's "1 of 2" markers until "end of list"
            related = (rule.name == "read-also" and words <= 4) or (rule.name == "list-marker" and not _ends_list(
                folded_lines[j]))
            tags = rule.name == "tags" and words <= TAG_MAX_WORDS  # a heading alone
            comments = j > body_start and (rule.name == "comments-heading" or (
                rule.name == "counts" and lineclass.is_comments_heading(folded_lines[j])))
            commented, link = False, None
            continue
        if comments:  # under "التعليقات (3)": "نادية: المشكلة في المناهج", or the name over the comment
            if commented or lineclass.is_reader_comment(stripped):
                take(j, "removed", "reader comment", "comments")
                commented = False
                continue
            if words <= COMMENTER_MAX_WORDS and not lineclass.ends_sentence(stripped):
                take(j, "removed", "reader comment", "comments")
                commented = True
                continue
            comments = False
        if tags:  # "كلمات مفتاحية" over one tag per line
            if words <= TAG_MAX_WORDS and not lineclass.ends_sentence(stripped):
                take(j, "removed", "tags line", "tags")
                continue
            tags = False
        if related:
            if words <= RELATED_MAX_WORDS and not lineclass.is_paragraph(stripped):  # a question is a link too
                take(j, "removed", "related link", "related")
                related, link = True, folded_lines[j]
                continue
            if (link is not None and words <= TEASER_MAX_WORDS
                    and similarity(link, folded_lines[j]) >= TEASER_MIN_SHARED):
                # the link's summary, a sentence that repeats the linked headline's words
                take(j, "removed", "related link summary", "related")
                link = None
                continue
            related = False
        link = None
        if words > RELATED_MAX_WORDS:
            continue
        sentence = stripped[-1] in ".؟?!"
        if not sentence:
            fj = folded_lines[j].strip()
            if (by := lineclass.byline(stripped, fj) or lineclass.agency_line(stripped, fj)) is not None:
                take_byline(j, by)  # before the batch's lines: a byline they repeat still names the author
                continue
        if learned and len(folded_lines[j]) <= BATCH_MAX_CHARS and (line_key := collapse(folded_lines[j])) in learned:
            take(j, "removed", reasons.get(line_key, REPEATED), LEARNED_RULE)
            continue
        if sentence:
            continue  # a sentence: no byline, widget, caption or menu ends like one
        if lineclass.is_currency_widget(stripped, fj, header=False):
            take(j, "removed", *_CLASS_REASON[_CURRENCY])
        elif words <= DATE_LINE_MAX_WORDS and (parsed := parse_date_line(stripped, fj)) is not None:
            # a line that is only a date, in the body (a stamp at the foot): the publication date if
            # the header had none
            if result.published is None and (result.date_problem is None or relative_only):
                result.published, result.date_problem = parsed, None
                take(j, "removed", "publication date", "date")
            else:
                take(j, "removed", "date line", "date")
        elif words <= RELATIVE_MAX_WORDS and is_relative_date(fj):  # "منذ ساعتين" at the foot
            take(j, "removed", "date line not understood", "date")
            if result.published is None and result.date_problem is None:
                result.date_problem, relative_only = _unread_date(j, stripped), True
        elif lineclass.is_breadcrumb(stripped, dashes=False):
            take(j, "removed", *_CLASS_REASON[_CRUMB])
        elif lineclass.is_credit_caption(stripped) or lineclass.is_pipe_credit_caption(stripped):
            take(j, "captions", "", "caption-credit")
        elif lineclass.is_number_widget(stripped):
            take(j, "removed", *_CLASS_REASON[_COUNT])
    captions.take_credited_captions(lines, taken, body_start, take)
    captions.take_loose_captions(lines, folded_lines, taken, body_start, take)
    _take_foot(body_start)
    kept = [j for j in range(body_start, n) if j not in taken]
    # Blank lines at either end of the body are dropped; exactly empty ones are implied by
    # restore_original, anything else (spaces) is recorded so the source stays recoverable.
    while kept and not lines[kept[0]].strip():
        j = kept.pop(0)
        if lines[j]:
            take(j, "removed", "blank line", "blank")
    while kept and not lines[kept[-1]].strip():
        j = kept.pop()
        if lines[j]:
            take(j, "removed", "blank line", "blank")
    for j in range(body_start):
        if j not in taken and lines[j]:
            take(j, "removed", "blank line", "blank")
    if not kept:
        raise IngestError(
            "no article body found: every line was taken as title, date or boilerplate; if this is an "
            "article, import it with --no-cleanup to keep the text as it is"
        )
    short = 0
    for j in kept:  # stops at the first sentence: the first body line, in an article
        t = lines[j].strip()
        if t and (len(t.split(None, MENU_MAX_WORDS)) > MENU_MAX_WORDS or lineclass.is_sentence(t)):
            break
        short += bool(t)
    else:
        if short >= MENU_MIN_LINES:
            raise IngestError(
                f"no article body found: what is left is {short} short lines and no sentence (a menu "
                "or list page, not an article); import it with --no-cleanup to keep it anyway"
            )
    result.body = "\n".join([lines[j] for j in kept])
    result.body_line = kept[0] + 1
    for idx in sorted(taken):
        where, entry = taken[idx]
        getattr(result, where).append(entry)
    return result
