"""Photo captions in the story that no line rule can see alone: the line above a credit line, and a
caption printed between two paragraphs without any credit (``cleanup.clean`` runs these passes after
its line rules, over the lines they left).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from . import lineclass

#: Rules whose lines are a photo's credit alone ("Credit: …", "Getty Images", "REUTERS/Name").
CREDIT_RULES = frozenset(("credit-line", "credit-agency"))
#: A line right above a photo credit line is its caption up to this many words.
CREDITED_CAPTION_MAX_WORDS = 25
#: Between two paragraphs, an unpunctuated line of this many words is a caption; a subheading is shorter.
LOOSE_CAPTION_MIN_WORDS, LOOSE_CAPTION_MAX_WORDS = 6, 20
_LOOSE_CAPTION_MAX_CHARS = 16 * LOOSE_CAPTION_MAX_WORDS  # longer lines have more words than a caption
#: A paragraph next to a loose caption has more words than this.
PARAGRAPH_MIN_WORDS = 15
# Words of running text or of a heading, never of a photo's caption (written folded): reported speech
# ("إن", "أن"), a question, a conjunction opening a sentence.
_NOT_CAPTION_WORDS = frozenset(("ان", "انه", "انها", "انهم", "قال", "قالت", "يقول", "تقول", "اكد", "اكدت",
                                "اضاف", "اضافت", "ما", "ماذا", "كيف", "لماذا", "هل", "متى", "اين", "لكن",
                                "لكن", "حيث", "لان", "كما", "ثم", "اذا", "لو"))
_NARRATIVE_OPENERS = ("وقال", "وقالت", "واضاف", "واضافت", "واكد", "واكدت", "واوضح", "واوضحت", "وتابع", "وتابعت",
                      "وكان", "وكانت", "وفي", "واشار", "واشارت", "ويقول", "وتقول", "ولفت", "ولفتت", "وبين", "وذكر",
                      "وذكرت", "وشدد", "وشددت", "واعتبر", "ويرى", "وترى", "ومن", "وعلى", "ومع", "وبحسب", "ووفق",
                      "ويعد", "وتعد", "ويبلغ", "وبلغ", "وبلغت", "ويأتي", "وياتي", "وتاتي", "ولم", "ولا", "وقد")

# A photo's scene (written folded): "X خلال Y", "X أمام Y", "أثناء", "جانب من …", "مقر …", "لقطة من …".
_SCENE_WORDS = frozenset(("خلال", "امام", "اثناء"))
_SCENE_OPENERS = ("جانب من", "مقر ", "لقطة ", "مشهد من", "مشهد عام", "منظر عام", "منظر من", "صورة من", "صورة تظهر",
                  "صورة توضح", "خريطة توضح", "خريطة تظهر", "خريطة تبين", "رسم بياني", "انفوغراف", "انفوجراف")
# (not "صورة قاتمة…" nor "خريطة طريق…": a figure of speech in a subheading)
# who is doing what in the picture: a plural subject, then its verb in the present ("مزارعون يقطفون
# الزيتون", "أعوان الحماية المدنية يكافحون النيران"), within the line's first words
# ("تلفزيون" is no verb, hence ي only); a line this long: a subheading of the kind is shorter
_PLURAL_PRESENT = re.compile(r"^ي[^\W\d_]{2,}ون$")
_PLURAL_PRESENT_AT, _PLURAL_PRESENT_MIN_WORDS = slice(1, 4), 7
_DIGIT_OR_MARK = re.compile(r"[\d:()\[\]]")

Taken = Mapping[int, tuple[str, dict[str, Any]]]
Take = Callable[[int, str, str, str], None]


def take_credited_captions(lines: list[str], taken: Taken, start: int, take: Take) -> None:
    """The line right above a photo credit ("Credit: Getty Images", "صورة من: …/dpa") is the photo's
    caption, a sentence or not, when it is caption-short and no other rule took it."""
    for j in [j for j, (_, entry) in taken.items() if entry["rule"] in CREDIT_RULES and j >= start]:
        p = next((p for p in range(j - 1, start - 1, -1) if lines[p].strip()), None)
        if p is None or p in taken:
            continue
        t = lines[p].strip()
        if not lineclass.more_words_than(t, CREDITED_CAPTION_MAX_WORDS) and not lineclass.is_question(t):
            take(p, "captions", "", "caption-credit")


def is_loose_caption(line: str, folded: str) -> bool:
    """A line that reads as a photo's caption: a description of some words, no sentence mark, no
    figure, colon or brackets, no reported speech, question or sentence-opening conjunction, and a
    scene's words (خلال، أمام، "جانب من", "مقر").
    Unpunctuated running text between paragraphs ("انضم اللاعب إلى قائمة المنتخب الوطني") stays."""
    n = len(line.split())
    if not LOOSE_CAPTION_MIN_WORDS <= n <= LOOSE_CAPTION_MAX_WORDS or line[-1] in ".؟?!:؛،,":
        return False
    if _DIGIT_OR_MARK.search(folded):
        return False  # "المرحلة الثانية (2025-2030)", "5 نصائح…", "الخطوة الأولى: …": a heading
    tokens = folded.split()
    if tokens[0].startswith(_NARRATIVE_OPENERS) or not _NOT_CAPTION_WORDS.isdisjoint(tokens):
        return False
    # what a caption says and running text hardly does unpunctuated: who is where, during what
    return (not _SCENE_WORDS.isdisjoint(tokens) or folded.startswith(_SCENE_OPENERS)
            or (n >= _PLURAL_PRESENT_MIN_WORDS and any(_PLURAL_PRESENT.match(t) for t in tokens[_PLURAL_PRESENT_AT])))


def take_loose_captions(lines: list[str], folded_lines: list[str], taken: Taken, start: int, take: Take) -> None:
    """A caption-like line (``is_loose_caption``) with a paragraph right above and right below it:
    a photo's caption the page printed in the story without a credit."""
    n = len(lines)

    def paragraph(j: int | None) -> bool:
        if j is None or j in taken:
            return False
        t = lines[j].strip()
        # (a paragraph that ends with a colon introduces a quotation: "…، قائلا:")
        return ((lineclass.is_sentence(t) or t.endswith(":"))
                and lineclass.more_words_than(t, PARAGRAPH_MIN_WORDS))

    for j in range(start + 1, n - 1):
        line = lines[j]
        # most lines: a paragraph longer than any caption, or a sentence, or blank
        if len(line) > _LOOSE_CAPTION_MAX_CHARS or j in taken:
            continue
        t = line.strip()
        if not t or t[-1] in ".؟?!" or not is_loose_caption(t, folded_lines[j].strip()):
            continue
        # the neighbours: the lines right next to it, blank lines aside
        above = next((k for k in range(j - 1, start - 1, -1) if lines[k].strip()), None)
        below = next((k for k in range(j + 1, n) if lines[k].strip()), None)
        if paragraph(above) and paragraph(below):
            take(j, "captions", "", "caption-loose")
