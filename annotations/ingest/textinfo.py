"""Per-document facts for the metadata: base direction, a script-based language guess, invisible characters."""

from __future__ import annotations

import re

from bidi import get_base_level

#: Explicit bidi formatting characters, by their Unicode short names.
BIDI_CONTROLS = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}

#: Invisible characters that are not bidi embeddings. ZWNJ/ZWJ are normal in Persian and Urdu
#: spelling, so they are counted but only warned about in other languages.
ZERO_WIDTH = {
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u2060": "WJ",
    "\ufeff": "ZWNBSP",
}

#: The language guess looks at this many characters from the start; more does not change it.
SAMPLE_CHARS = 5000
_INVISIBLE = {**BIDI_CONTROLS, **ZERO_WIDTH}
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
# Letters only Urdu uses (tteh, ddal, rreh, noon ghunna, yeh barree, heh doachashmee).
_URDU = "\u0679\u0688\u0691\u06ba\u06d2\u06be"
# Persian letters absent from Arabic (peh, tcheh, jeh, gaf, keheh, farsi yeh).
_PERSIAN = "\u067e\u0686\u0698\u06af\u06a9\u06cc"
# Arabic letters Persian spelling avoids (teh marbuta, Arabic yeh and kaf, alef maksura).
_ARABIC_ONLY = "\u0629\u064a\u0643\u0649"
_LETTER_RE = re.compile(r"[^\W\d_]")


def base_direction(text: str) -> str:
    """The document's base direction, ``"rtl"`` or ``"ltr"``.

    Each line gets its own base level from python-bidi ``get_base_level`` (first strong
    character), and the lines vote weighted by length. So an Arabic article whose first line is
    ``CNN -`` or a number stays right-to-left, which a single call on the whole text would flip.
    """
    lines = [stripped for line in text.split("\n") if (stripped := line.strip())]
    # Longest lines first: once one side leads by more than what is left to count, the vote is
    # decided, so most articles need only their few longest paragraphs looked at.
    lines.sort(key=len, reverse=True)
    remaining = sum(map(len, lines))
    rtl = ltr = 0
    for stripped in lines:
        if rtl - ltr > remaining or ltr - rtl >= remaining:
            break
        remaining -= len(stripped)
        # The first strong character decides, and python-bidi's cost grows with the string, so it
        # gets the few characters from the first letter on.
        m = _LETTER_RE.search(stripped)
        if m is None:
            continue  # digits and punctuation only: no direction of its own
        if get_base_level(stripped[m.start() : m.start() + 8]) == 1:
            rtl += len(stripped)
        else:
            ltr += len(stripped)
    return "rtl" if rtl > ltr else "ltr"


def guess_language(text: str) -> str:
    """A light guess from script statistics: ``ar``, ``fa``, ``ur``, ``he`` or ``other``.

    Not a language identifier: it tells the Arabic-script languages apart by letters that only
    one of them uses, which is enough to pick fonts, shaping and the right annotation schema.
    """
    text = text[:SAMPLE_CHARS]
    # Counted on UTF-8 bytes, where bytes.count/translate run in C: every character of the Arabic
    # block U+0600-U+06FF starts with one of the lead bytes D8-DB, Hebrew with D6/D7.
    data = text.encode("utf-8", "surrogatepass")
    size = len(data)
    arabic = size - len(data.translate(None, b"\xd8\xd9\xda\xdb"))  # one C pass, faster than counting
    hebrew = size - len(data.translate(None, b"\xd6\xd7"))
    # Each Arabic or Hebrew letter takes two bytes, so at most len(data) - 2 * (arabic + hebrew)
    # bytes are ASCII letters. When that is fewer than the Arabic letters, neither test below can
    # turn on the exact count (Latin cannot outnumber Arabic, nor Hebrew if Hebrew leads), so it
    # is not counted.
    latin_bound = size - 2 * (arabic + hebrew)
    latin = len(data.translate(None, _NOT_ASCII_LETTERS)) if latin_bound >= arabic else 0
    if hebrew > arabic and hebrew > latin:
        return "he"
    if arabic == 0 or arabic < latin:
        return "other"
    # Most Arabic text has none of the Urdu or Persian letters. All of them but two (U+0679 and
    # U+067E) lie in U+0680-U+06FF, whose UTF-8 lead bytes are DA and DB: four scans say so.
    if b"\xda" not in data and b"\xdb" not in data and "\u0679" not in text and "\u067e" not in text:
        return "ar"
    urdu = sum(map(text.count, _URDU))
    persian = sum(map(text.count, _PERSIAN))
    arabic_only = sum(map(text.count, _ARABIC_ONLY))
    if urdu >= max(3, arabic // 200):
        return "ur"
    if persian > 2 * arabic_only and persian >= 3:
        return "fa"
    return "ar"


def invisible_counts(text: str) -> dict[str, int]:
    """Count bidi controls and zero-width characters by short name (``{"RLO": 3, "ZWSP": 1}``)."""
    # ``in`` and str.count are C-level scans; a regex character class is several times slower.
    counts = {name: text.count(ch) for ch, name in _INVISIBLE.items() if ch in text}
    return dict(sorted(counts.items()))


def invisible_warning(counts: dict[str, int], language: str) -> str | None:
    """A report warning for invisible characters, or None when there is nothing to say."""
    shown = {
        k: v for k, v in counts.items() if not (k in ("ZWNJ", "ZWJ") and language in ("fa", "ur"))
    }
    if not shown:
        return None
    bidi = sum(v for k, v in shown.items() if k in BIDI_CONTROLS.values())
    parts = ", ".join(f"{k} ×{v}" for k, v in shown.items())
    what = "bidi control" if bidi else "invisible"
    return (
        f"contains {sum(shown.values())} {what} characters ({parts}); kept so offsets match the "
        "source, but they can reorder how the text is displayed"
    )
