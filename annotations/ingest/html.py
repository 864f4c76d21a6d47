"""Main-text and metadata extraction from saved HTML pages with trafilatura; nothing is fetched or run."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

from .dates import find_date
from .errors import IngestError

# A <meta charset> or http-equiv declaration in the first bytes of the page.
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlArticle:
    """What trafilatura found in a page.

    Attributes:
        text: the main article text, paragraphs separated by ``\\n``.
        title, published, url, source, author: page metadata, or None.
    """

    text: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None
    author: str | None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, or None."""
    m = _CHARSET_RE.search(data[:4096])
    return m.group(1).decode("ascii", errors="ignore") if m else None


def extract(html: str) -> HtmlArticle:
    """Extract the article from an HTML string.

    trafilatura parses the string with lxml and never loads URLs, so scripts, styles, navigation,
    remote images and ``file:`` links in untrusted pages are dropped without being fetched or run.

    Raises:
        IngestError: no article text was found, or trafilatura is not installed.
    """
    try:
        import trafilatura
    except ImportError as e:  # e.g. lxml without its html-clean part
        raise IngestError(
            f"HTML import is not available: the trafilatura library cannot be loaded ({e}); "
            "reinstall the requirements"
        ) from None
    with warnings.catch_warnings():
        # trafilatura/lxml/htmldate deprecation chatter is theirs to fix; our tests turn warnings into errors.
        warnings.simplefilter("ignore")
        doc = _bare_extraction(trafilatura, html)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise IngestError("no article text found in this HTML page")
    published = None
    if doc.date:
        parsed = find_date(doc.date.removesuffix("T00:00:00"))
        published = parsed.iso if parsed else None
    return HtmlArticle(
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        title=(doc.title or "").strip() or None,
        published=published,
        url=doc.url or None,
        source=doc.sitename or None,
        author=doc.author or None,
    )


def _bare_extraction(trafilatura: Any, html: str) -> Any:
    return trafilatura.bare_extraction(
        html,
        include_images=False,
        include_links=False,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "outputformat": "%Y-%m-%dT%H:%M:%S",
        },
    )
