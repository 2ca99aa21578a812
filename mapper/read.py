"""Reading an article: a text or HTML file, standard input or an http(s) URL, into an Article.

The text is decoded, checked (not empty, not binary, not too large, English), cleaned of page
boilerplate lines, and its title, publication date and dateline are detected. ``Article.text``
is the text every later character offset refers to.
"""

from __future__ import annotations

import codecs
import logging
import re
import sys
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from mapper.dates import parse_date
from mapper.download import (  # noqa: F401 - re-exported: read.fetch_url, read.default_cache_dir
    MAX_INPUT_BYTES,
    charset_of,
    default_cache_dir,
    fetch_url,
    redact,
)
from mapper.errors import InputError
from mapper.model import Article

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 1_000_000  # article text (after HTML extraction) longer than this is refused
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MAX_PATH_CHARS = 4096  # a longer "path" (or one with a line break) is an article's text
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")

# --------------------------------------------------------------------------------------------
# sources


def read_article(source: str, *, cache_dir: Path | None = None) -> Article:
    """Read ``source`` (a path, "-" for stdin, or an http(s) URL) into an Article.

    Every source is read up to ``MAX_INPUT_BYTES`` (5 MB) and refused beyond it, while reading
    (``/dev/zero`` and endless pipes included). Raises InputError with a one-line message for
    anything that is not a readable English article. Downloads are cached under ``cache_dir``
    (default: ``$MAPPER_CACHE_DIR/http`` or the user cache dir).
    """
    if not isinstance(source, str) or not source.strip():
        raise InputError("no input given: pass a file path, '-' for standard input, or a URL")
    if source == "-":
        raw = _read_stdin()
        return _build(raw, source="-", stem="stdin", html=None)
    if _URL.match(source):
        raw, content_type = fetch_url(source, cache_dir=cache_dir)
        html = _looks_like_html(raw) if content_type is None else "html" in content_type
        return _build(raw, source=redact(source), stem=url_stem(source), html=html,
                      charset=charset_of(content_type), lenient=True)
    if "\n" in source or len(source) > MAX_PATH_CHARS:
        raise InputError("the input looks like an article's text, not a file path or URL: in "
                         "Python pass it as text=..., on the command line as '-' (stdin)")
    path = Path(source).expanduser()
    raw = _read_file(path, source)
    html = True if path.suffix.lower() in HTML_SUFFIXES else None
    return _build(raw, source=source, stem=path.stem or "article", html=html)


def is_url(source: str) -> bool:
    """Whether ``source`` names a URL ("scheme://...") rather than a file."""
    return _URL.match(source) is not None


def source_stem(source: str) -> str:
    """The file-name stem of an article's outputs: the file's stem, the URL's slug, "stdin"."""
    if source == "-":
        return "stdin"
    if _URL.match(source):
        return url_stem(source)
    return Path(source).expanduser().stem or "article"


def _too_large(name: str) -> InputError:
    return InputError(f"{name} is too large (over {MAX_INPUT_BYTES / 1e6:g} MB; mapper reads "
                      f"articles up to {MAX_INPUT_BYTES / 1e6:g} MB)")


def _read_file(path: Path, source: str) -> bytes:
    """The bytes of a file, read up to the size cap (a device or FIFO is read the same way)."""
    try:
        if not path.exists():
            raise InputError(f"file not found: {source}")
        if path.is_dir():
            raise InputError(f"{source} is a directory, not an article file")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror or type(exc).__name__}") from None
    if len(raw) > MAX_INPUT_BYTES:
        raise _too_large(source)
    return raw


def _read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:
        raise InputError("no standard input to read")
    buffer = getattr(stream, "buffer", None)
    try:
        data = (buffer if buffer is not None else stream).read(MAX_INPUT_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read standard input: {exc}") from None
    if isinstance(data, str):
        data = data.encode("utf-8", errors="surrogateescape")
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large("standard input")
    return data


def url_stem(url: str) -> str:
    """A file-name slug for a URL: its host and last path parts, e.g. "example-com-news-kim"."""
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = (parts.hostname or "").removeprefix("www.")
    path = re.sub(r"\.(?:s?html?|php|aspx?)$", "", parts.path.rstrip("/"), flags=re.I)
    slug = re.sub(r"[^a-z0-9]+", "-", f"{host} {path}".lower()).strip("-")
    if len(slug) > 80:
        slug = slug[:80].rstrip("-")
    return slug or "article"


# --------------------------------------------------------------------------------------------
# decoding and checks


def decode(raw: bytes, name: str = "input", *, declared: str | None = None,
           lenient: bool = False) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, the ``declared``
    charset (a web page's header or meta tag), or clean Windows-1252. Valid UTF-8 wins over a
    declared charset (a page labelled Latin-1 but sent as UTF-8 is read right). With
    ``lenient`` (web pages), a few undecodable bytes are replaced, with a warning."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name} is not valid UTF-16 text") from None
    if b"\x00" in raw[:65536]:
        raise InputError(f"{name} looks like a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            if codecs.lookup(declared).name in ("latin-1", "iso8859-1", "ascii"):
                declared = "cp1252"  # as browsers read these labels (WHATWG Encoding)
        except LookupError:
            declared = None  # an unknown charset name: sniffed like an undeclared one
    # a declared charset is trusted; Windows-1252 guessed must look like mostly-ASCII text
    for charset, guessed in ([(declared, False)] if declared else []) + [("cp1252", True)]:
        try:
            text = raw.decode(charset)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text, legacy=guessed):
            return text
    if lenient:
        try:
            text = raw.decode(declared or "utf-8", errors="replace")
        except LookupError:
            text = raw.decode("utf-8", errors="replace")
        if text.count("\ufffd") <= max(10, len(text) // 100):
            log.warning("%s is not valid %s text; undecodable bytes were replaced", name,
                        declared or "UTF-8")
            return text
    label = f"neither {declared}, UTF-8 nor Windows-1252" if declared not in (None, "cp1252") \
        else "neither UTF-8 nor Windows-1252"
    raise InputError(f"{name} is not readable text ({label})")


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{1,40})""", re.I)


def _looks_like_text(text: str, *, legacy: bool = False) -> bool:
    """Mostly letters, digits, spaces and punctuation; in a legacy decode, mostly ASCII too."""
    sample = text[:100_000]
    if not sample:
        return True
    control = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn")
                  and ch not in "\n\r\t\f")  # fmt: skip
    if control / len(sample) > 0.01:
        return False
    if legacy:
        high = sum(1 for ch in sample if ord(ch) > 127)
        return high / len(sample) < 0.05
    return True


# A small list of frequent English function words; in English prose they make up a third or
# more of the tokens, in other languages a few percent at most.
_ENGLISH = frozenset(
    """the of and to in is was for on that with as by at from his her he she it its be are were
    has have had not but this which who will would said says an or they their there been also
    after before into than more about over could can than when where while what than these those
    him them we our you your against between during through under since until up out off""".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def english_share(text: str) -> tuple[float, float, int]:
    """(share of Latin letters among letters, share of English function words, token count)."""
    sample = text[:200_000]
    letters = [ch for ch in sample if ch.isalpha()]
    latin = sum(1 for ch in letters if ch < "\u0250") / len(letters) if letters else 1.0
    tokens = _WORD.findall(sample.lower())
    share = sum(1 for t in tokens if t in _ENGLISH) / len(tokens) if tokens else 0.0
    return latin, share, len(tokens)


def check_english(text: str, name: str = "input") -> None:
    """Raise InputError when ``text`` is clearly not English."""
    latin, share, count = english_share(text)
    letters = sum(1 for ch in text[:200_000] if ch.isalpha())
    if letters >= 20 and latin < 0.5:
        raise InputError(f"{name} does not look like English text; mapper reads English articles")
    if count >= 15 and share < 0.08:
        raise InputError(
            f"{name} does not look like English text ({share:.0%} common English words); "
            "mapper reads English articles"
        )


# --------------------------------------------------------------------------------------------
# boilerplate, title, date, dateline

# Page furniture, by shape: a line is dropped when it is short and starts like one of these
# (or, for the first pattern, mentions copyright anywhere).
_FURNITURE_ANYWHERE = re.compile(r"copyright\b|©|all rights reserved", re.I)
_FURNITURE_START = re.compile(
    r"^\W*(?:"
    r"\(c\)\s*(?:19|20)\d\d"
    r"|please (?:read|see|review|note|follow) (?:our|the) [^.]{0,40}"
    r"(?:polic(?:y|ies)|guidelines|rules|terms)"
    r"|click (?:here )?to\b|tap (?:here )?to\b"
    r"|(?:read|view|show|load|see) (?:more|all|the)?\s?(?:comments?|replies)\b"
    r"|share (?:this|on|via|article|story)\b|subscribe(?: to| now|$)|sign up (?:for|to|now)"
    r"|follow us\b|like us on\b|(?:e-?mail|print|tweet) (?:this|article|story|page)\b"
    r"|(?:advertisement|sponsored content|story continues below|skip to (?:main )?content)"
    r"|this (?:material|article|story|content) may not be (?:published|reproduced|copied)"
    r"|(?:related|recommended|more from|trending|most popular|read more)"
    r"(?: (?:stories|articles|coverage|news|now))?\s*(?::|$)"
    r"|(?:share|print|e-?mail|tweet|comments?(?: \(\d+\))?|\d+ comments?)\W*$"
    r")",
    re.I,
)


def is_boilerplate(line: str) -> bool:
    """A short line of page furniture: copyright, comment policy, share/subscribe, "click to"."""
    text = line.strip()
    if not text or len(text) > 160:
        return False
    return bool(_FURNITURE_START.match(text) or _FURNITURE_ANYWHERE.search(text))


def strip_boilerplate(text: str) -> str:
    """``text`` without boilerplate lines, with blank-line runs collapsed and ends trimmed."""
    kept = [line.rstrip() for line in text.splitlines() if not is_boilerplate(line)]
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip("\n ").rstrip() + ("\n" if out.strip() else "")


_MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_FULL_DATE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTH_NAMES}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAMES},?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-[01]\d-[0-3]\d)\b"
)
_BYLINE = re.compile(
    r"^\W*(?:by\s+[A-Z]|posted\b|published\b|updated\b|filed\b|last (?:updated|modified)\b"
    r"|(?:the )?(?:associated press|reuters|agence france-presse|afp|bloomberg|xinhua|tass"
    r"|yonhap|upi|dpa|ap)\b)",
    re.I,
)


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) for each non-empty line block of ``text``."""
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        if m.group(0).strip():
            yield m.start(), m.group(0)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for m in re.finditer(r"[^\n]+", text):
        if m.group(0).strip():
            yield m.start(), m.group(0)


def _is_date_line(line: str) -> bool:
    """A short line that carries a full date: an agency/date line, a byline with a date."""
    stripped = line.strip()
    return (
        len(stripped) <= 160
        and bool(_FULL_DATE.search(stripped))
        and not re.search(r"[a-z]\.$", stripped)
    )


def _is_head_line(line: str) -> bool:
    """A byline or date line that precedes the body of a plain-text article."""
    stripped = line.strip()
    return len(stripped) <= 160 and (bool(_BYLINE.match(stripped)) or _is_date_line(stripped))


def detect_title(text: str) -> str | None:
    """The first paragraph when it reads as a headline: one short line, no terminal period, not
    a byline or date line."""
    first = next(_paragraphs(text), None)
    if first is None or "\n" in first[1].strip():
        return None
    line = first[1].strip()
    words = line.split()
    if not 2 <= len(words) <= 25 or len(line) > 160:
        return None
    if line.endswith((".", ",", ";", ":")) or _is_head_line(line) or _DATELINE.match(line):
        return None
    if not line[0].isupper() and not line[0].isdigit() and line[0] not in "'\"‘“":
        return None
    return line


def detect_published(text: str, head_lines: int = 6) -> date | None:
    """The publication date from a date line among the first lines of ``text`` ("Published
    June 10, 2018", "Posted at 8:04 AM, Feb 21, 2023", "Updated: 21.02.2023"), else from a
    dateline that carries one ("LONDON (Reuters, March 3, 2021) -", "LONDON, March 3, 2021
    -")."""
    lines = [line for i, (_, line) in enumerate(_lines(text)) if i < head_lines]
    for line in lines:
        if _is_date_line(line) and (_is_head_line(line) or len(line.split()) <= 12):
            m = _FULL_DATE.search(line)
            if m:
                found = parse_date(m.group(0))
                if found:
                    return found
        if _BYLINE.match(line.strip()) and len(line.strip()) <= 160:
            found = _numeric_date(line)
            if found:
                return found
    for line in lines:
        m = _DATED_DATELINE.match(line)
        if m:
            found = parse_date(m.group("date"))
            if found:
                return found
    return None


# "LONDON (March 3, 2021) -", "LONDON, March 3, 2021 (Reuters) -", "OSLO, Norway (AP, March
# 3, 2021) —": a place in capitals, an agency, the date, then the dash
_DATED_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][a-z.]+)?)?"
    r"[ \t]*[(,][ \t]*(?:[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,3},[ \t]*)?"
    rf"(?P<date>{_FULL_DATE.pattern})"
    rf"[ \t]*(?:\([^()\n]{{1,40}}\))?\)?[ \t]*(?:—|–|--|-)[ \t]"
)


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})([/.])(\d{1,2})\2((?:19|20)\d\d)\b")


def _numeric_date(line: str) -> date | None:
    """A date written in figures on a "Published/Posted/Updated" line: day first after dots
    ("21.02.2023"); with slashes only when one order is possible ("02/21/2023")."""
    m = _NUMERIC_DATE.search(line)
    if m is None:
        return None
    a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if m.group(2) == ".":
        day, month = a, b
    elif a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        return None  # "03/02/2023": March 2 or 3 February
    try:
        return date(year, month, day)
    except ValueError:
        return None


# a capitalised word, or a short lower-case particle inside a name ("Rio de Janeiro")
_PLACE_WORD = r"(?:[A-Z](?:[A-Za-z'’.]|-(?=[A-Za-z]))*|[a-z]{1,3}(?=[ \t]+[A-Z]))"
_PLACE_PART = rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,4}}"
_DASH = r"(?:—|–|--|-)"
_DATELINE = re.compile(
    r"^(?:By(?:[ \t]+[A-Z][\w.'’-]*){1,4}[.,]?[ \t]+)?"  # a byline run into the dateline
    rf"(?P<place>{_PLACE_PART}(?:,[ \t]*{_PLACE_PART}){{0,2}})"
    r"(?P<extra>(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?[ \t]*(?:\([^()\n]{1,40}\))?)"
    rf"[ \t]+{_DASH}[ \t]+(?=\S)"
)
_DATE_PART = re.compile(rf"^{_MONTH_NAMES}\s+\d{{1,2}}$")


def _is_headline(para: str) -> bool:
    """A one-line paragraph without terminal punctuation: a headline or a section heading."""
    stripped = para.strip()
    return "\n" not in stripped and len(stripped) <= 160 and not stripped.endswith((".", ":"))


def detect_dateline(text: str, head_paragraphs: int = 6) -> tuple[str, tuple[int, int]] | None:
    """The dateline place ("LIMA", "OSAKA, Japan") at the start of the first body
    paragraph, with its span in ``text``."""
    for i, (offset, para) in enumerate(_paragraphs(text)):
        if i >= head_paragraphs:
            return None
        m = _DATELINE.match(para)
        if m is None:
            if _is_head_line(para.split("\n", 1)[0]) or _is_headline(para):
                continue  # byline, date line or headline: the body has not started yet
            return None
        place = m.group("place")
        # drop a trailing date ("OSAKA, Feb. 26 (Reuters) -") and keep the span exact
        cuts = [c.start() for c in re.finditer(r",\s*", place)]
        bounds = [0, *[c for c in cuts], len(place)]
        parts = [place[a:b].lstrip(", ").strip() for a, b in zip(bounds, bounds[1:])]
        while len(parts) > 1 and _DATE_PART.match(parts[-1]):
            parts.pop()
        end = bounds[len(parts)]
        place = place[:end].rstrip()
        letters = [ch for ch in parts[0] if ch.isalpha()]
        all_caps = len(letters) >= 2 and all(ch.isupper() for ch in letters)
        qualified = len(parts) > 1 or "(" in m.group("extra")
        # a mixed-case single name needs a real dash and a sentence after it ("Lima — The")
        capitalised = (
            len(parts[0].split()) <= 3
            and re.match(r"\s*[—–]\s+[A-Z\d\"“‘']", para[m.end("extra") :]) is not None
        )
        follows = para[m.end() : m.end() + 1]
        if (
            not (all_caps or qualified or capitalised)
            or not all(p[:1].isupper() for p in parts)
            or follows.islower()
        ):
            if _is_headline(para):
                continue
            return None
        start = offset + m.start("place")
        return place, (start, start + len(place))
    return None


# --------------------------------------------------------------------------------------------
# building the Article


def article_from_text(
    text: str, *, source: str = "<text>", stem: str = "text", html: bool | None = False
) -> Article:
    """An Article from text already in memory (``html=None`` sniffs for HTML markup)."""
    return _build(text.encode("utf-8"), source=source, stem=stem, html=html)


def _looks_like_html(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head[:512]


def _normalize_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _extract_html(markup: str, name: str) -> tuple[str, str | None, date | None]:
    """Main text, title and date of an HTML page (trafilatura)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        doc = None
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not body.strip():
        try:
            body = trafilatura.html2txt(markup) or ""
        except Exception:  # noqa: BLE001
            body = ""
    if not body.strip():
        raise InputError(f"{name} contains no article text")
    title = getattr(doc, "title", None) if doc is not None else None
    published = None
    raw_date = getattr(doc, "date", None) if doc is not None else None
    if raw_date:
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    # one paragraph per line in trafilatura's output: separate them by blank lines
    body = re.sub(r"\n+", "\n\n", _normalize_text(body).strip())
    return body, (title.strip() if title else None), published


def _build(raw: bytes, *, source: str, stem: str, html: bool | None,
           charset: str | None = None, lenient: bool = False) -> Article:
    name = "standard input" if source == "-" else source
    if not raw or not raw.strip():
        raise InputError(f"{name} is empty")
    if len(raw) > MAX_INPUT_BYTES:
        raise _too_large(name)
    if html is None:
        html = _looks_like_html(raw)
    if html and charset is None:
        m = _META_CHARSET.search(raw[:4096])
        charset = m.group(1).decode("ascii").lower() if m else None
    decoded = decode(raw, name, declared=charset, lenient=lenient)
    if not _looks_like_text(decoded):
        raise InputError(f"{name} looks like a binary file, not text")
    if not decoded.strip():
        raise InputError(f"{name} is empty")
    title: str | None = None
    published: date | None = None
    if html:
        body, title, published = _extract_html(decoded, name)
    else:
        body = _normalize_text(decoded)
    if len(body) > MAX_TEXT_CHARS:
        raise InputError(f"{name} is too large ({len(body):,} characters of text; mapper reads "
                         f"articles up to {MAX_TEXT_CHARS:,})")
    text = strip_boilerplate(body)
    if not text.strip():
        raise InputError(f"{name} has no article text (only page boilerplate)")
    check_english(text, name)
    title = title or detect_title(text)
    published = published or detect_published(text)
    found = detect_dateline(text)
    return Article(
        text=text,
        source=source,
        stem=stem,
        title=title,
        dateline=found[0] if found else None,
        dateline_span=found[1] if found else None,
        published=published,
    )
