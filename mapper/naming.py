"""Default output names for articles read from stdin or a URL (``mapper map -``, ``mapper map
https://...`` without ``-o``).

The map goes to ``output/<slug>.html``, the slug made from the headline (else the URL's host and
path, else "stdin"). A map is never overwritten by another article's: each map page records a
digest of its article's text (``<meta name="mapper-article">``), and when ``<slug>.html`` holds
another article's map (or a file mapper did not write) the name gets a suffix, ``-2``, ``-3``,
..., the first that is free or holds this same article (mapping it again updates its map).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from mapper.model import Article

MAX_SLUG = 60  # characters of the headline kept, cut at a word
ARTICLE_META = "mapper-article"  # the map page's <meta name> holding the article's digest
_META = re.compile(rf'<meta name="{ARTICLE_META}" content="([0-9a-f]+)"')
_HEAD_BYTES = 16_384  # the meta sits in the page's head, right after its <title>


def article_digest(article: Article) -> str:
    """A short digest of the article's text: the same text, the same map name."""
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16]


def slug(text: str) -> str:
    """``text`` as a file-name slug: ASCII letters and digits, words joined by "-", at most
    ``MAX_SLUG`` characters cut at a word ("" when nothing is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        longer = f"{out}-{word}" if out else word
        if len(longer) > MAX_SLUG:
            return out or word[:MAX_SLUG]
        out = longer
    return out


def article_slug(article: Article, fallback: str) -> str:
    """The slug of the headline, else ``fallback`` (the URL's or the input's stem)."""
    return slug(article.title or "") or fallback


def recorded_digest(path: Path) -> str | None:
    """The article digest a map page records, None when it has none or cannot be read."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    found = _META.search(head)
    return found.group(1) if found else None


def free_name(folder: Path, stem: str, digest: str, suffix: str = ".html") -> Path:
    """``folder/stem.html``, or with ``-2``, ``-3``, ... when it holds another article's map:
    the first name that is free or holds the map of the article with ``digest``."""
    n = 1
    while True:
        path = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        if not path.exists() or recorded_digest(path) == digest:
            return path
        n += 1
