"""Per-document facts for the metadata: base direction, a script-based language guess, invisible characters."""

from __future__ import annotations

import re
from collections import Counter

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

_INVISIBLE_RE = re.compile("[" + "".join(BIDI_CONTROLS) + "".join(ZERO_WIDTH) + "]")
_HEBREW_RE = re.compile("[\u0590-\u05ff\ufb1d-\ufb4f]")
_ARABIC_SCRIPT_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# Letters only Urdu uses (tteh, ddal, rreh, noon ghunna, yeh barree, heh doachashmee).
_URDU_RE = re.compile("[\u0679\u0688\u0691\u06ba\u06d2\u06be]")
# Persian letters absent from Arabic (peh, tcheh, jeh, gaf, keheh, farsi yeh).
_PERSIAN_RE = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
# Arabic letters Persian spelling avoids (teh marbuta, Arabic yeh and kaf, alef maksura).
_ARABIC_ONLY_RE = re.compile("[\u0629\u064a\u0643\u0649]")
_LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f]")


def base_direction(text: str) -> str:
    """The document's base direction, ``"rtl"`` or ``"ltr"``.

    Each line gets its own base level from python-bidi ``get_base_level`` (first strong
    character), and the lines vote weighted by length. So an Arabic article whose first line is
    ``CNN -`` or a number stays right-to-left, which a single call on the whole text would flip.
    """
    rtl = ltr = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if get_base_level(stripped) == 1:
            rtl += len(stripped)
        else:
            ltr += len(stripped)
    return "rtl" if rtl > ltr else "ltr"


def guess_language(text: str) -> str:
    """A light guess from script statistics: ``ar``, ``fa``, ``ur``, ``he`` or ``other``.

    Not a language identifier: it tells the Arabic-script languages apart by letters that only
    one of them uses, which is enough to pick fonts, shaping and the right annotation schema.
    """
    arabic = len(_ARABIC_SCRIPT_RE.findall(text))
    hebrew = len(_HEBREW_RE.findall(text))
    latin = len(_LATIN_RE.findall(text))
    if hebrew > arabic and hebrew > latin:
        return "he"
    if arabic == 0 or arabic < latin:
        return "other"
    urdu = len(_URDU_RE.findall(text))
    persian = len(_PERSIAN_RE.findall(text))
    arabic_only = len(_ARABIC_ONLY_RE.findall(text))
    if urdu >= max(3, arabic // 200):
        return "ur"
    if persian > 2 * arabic_only and persian >= 3:
        return "fa"
    return "ar"


def invisible_counts(text: str) -> dict[str, int]:
    """Count bidi controls and zero-width characters by short name (``{"RLO": 3, "ZWSP": 1}``)."""
    names = {**BIDI_CONTROLS, **ZERO_WIDTH}
    return dict(sorted(Counter(names[ch] for ch in _INVISIBLE_RE.findall(text)).items()))


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
