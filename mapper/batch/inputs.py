"""Batch inputs: files, folders, globs, CSV/JSONL tables and corpus XML, as work items.

Every item gets a content key (a hash of what it reads, its publication date and mapper's
version): outputs are stored under that key, so a rerun finds what is already done.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mapper.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")
TEXT_COLUMNS = ("text", "body", "content")
URL_COLUMNS = ("url", "link")
HASH_LIMIT = 8_000_000  # bytes of a file hashed (a larger file is an error row anyway)


@dataclass(frozen=True)
class Item:
    """One article to map: exactly one of ``path``, ``text`` or ``url`` is set."""

    key: str  # content hash: the name of its outputs
    id: str  # the user's name for it (file path, table id, corpus/docid)
    source: str  # where it came from, for messages
    path: str | None = None
    text: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, if the input gave one


def content_key(kind: str, content: bytes, published: str | None = None) -> str:
    """The hash that names an article's outputs (changes with mapper's version)."""
    from mapper import __version__

    h = hashlib.sha256()
    for part in (__version__.encode(), kind.encode(), (published or "").encode(), content):
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()[:20]


def _file_bytes(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(HASH_LIMIT)


def _iso_date(value: object) -> str | None:
    text = str(value or "").strip()[:10]
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _row_item(row: dict, n: int, source: str) -> Item:
    """An item from one CSV/JSONL row with a text or url column."""
    low = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    published = _iso_date(low.get("published") or low.get("date"))
    ident = str(low.get("id") or "").strip() or f"{source}#{n}"
    text = next((low[c] for c in TEXT_COLUMNS if isinstance(low.get(c), str) and low[c]), None)
    if text is not None:
        return Item(content_key("text", text.encode("utf-8", "replace"), published), ident,
                    f"{source}#{n}", text=text, published=published)
    url = next((str(low[c]).strip() for c in URL_COLUMNS if low.get(c)), None)
    if url:
        return Item(content_key("url", url.encode(), published), ident, f"{source}#{n}",
                    url=url, published=published)
    # neither: an item whose text is empty, so that it becomes an error row
    return Item(content_key("text", f"{source}#{n}".encode()), ident, f"{source}#{n}", text="",
                published=published)


def _table_items(path: Path) -> Iterator[Item]:
    try:
        if path.suffix.lower() == ".csv":
            with path.open(newline="", encoding="utf-8", errors="replace") as f:
                rows = list(csv.DictReader(f))
        else:
            rows = []
            with path.open(encoding="utf-8", errors="replace") as f:
                for n, line in enumerate(f, 1):
                    if line.strip():
                        try:
                            value = json.loads(line)
                        except json.JSONDecodeError:
                            value = {"id": f"{path}:{n}", "text": ""}
                        rows.append(value if isinstance(value, dict) else {"text": ""})
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    for n, row in enumerate(rows, 1):
        yield _row_item(row, n, str(path))


def _corpus_items(path: Path, limit: int | None) -> Iterator[Item]:
    from mapper.evaluate.corpora import load_corpus

    corpus = load_corpus(path, limit)
    for doc in corpus.documents:
        ident = f"{corpus.name}/{doc.id}"
        yield Item(content_key("text", doc.text.encode("utf-8")), ident, f"{path}:{doc.id}",
                   text=doc.text)


def _file_item(path: Path) -> Item:
    try:
        content = _file_bytes(path)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    return Item(content_key("file", content + path.suffix.lower().encode()), str(path),
                str(path), path=str(path))


def _expand(arg: str) -> list[Path]:
    path = Path(arg).expanduser()
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file()
                      and p.suffix.lower() in ARTICLE_SUFFIXES + TABLE_SUFFIXES + (".xml",)
                      and not p.name.startswith("."))
    if path.exists():
        return [path]
    matches = sorted(Path(m) for m in glob.glob(arg, recursive=True) if Path(m).is_file())
    if not matches:
        raise InputError(f"no input matches {arg}")
    return matches


def collect(inputs: list[str], limit: int | None = None) -> list[Item]:
    """The work items of the command line's INPUTs, in order, at most ``limit`` per input
    file (a table or corpus counts as one input file)."""
    items: list[Item] = []
    for arg in inputs:
        if arg.startswith(("http://", "https://")):
            items.append(Item(content_key("url", arg.encode()), arg, arg, url=arg))
            continue
        for path in _expand(arg):
            suffix = path.suffix.lower()
            if suffix == ".xml":
                found = list(_corpus_items(path, limit))
            elif suffix in TABLE_SUFFIXES:
                found = list(_table_items(path))[:limit]
            else:
                found = [_file_item(path)]
            items.extend(found)
    return items
