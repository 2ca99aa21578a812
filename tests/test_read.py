"""Reading articles: files, HTML, stdin, URLs (served on 127.0.0.1), and every bad input."""

from __future__ import annotations

import io
import socket
import sys
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mapper.errors import InputError, MapperError
from mapper.read import (
    article_from_text,
    detect_dateline,
    is_boilerplate,
    read_article,
    url_stem,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_e4a7c6f4d49187f3.txt"
ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"

TEXT = """Ship clears canal after week-long blockage

By JANE DOE
- Test Wire - Monday, March 29, 2021

SUEZ, Egypt (Test Wire) — Salvage teams freed the container ship on Monday after it had been stuck
for almost a week, and traffic through the waterway began to move again in both directions.

The vessel was towed north to a lake in the middle of the canal, where it will be inspected.

Share this article

Copyright © 2021 Test Wire. All rights reserved.

Please read our comment policy before commenting.
"""

HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Train arrives at the border | Test Wire</title>
<meta property="og:title" content="Train arrives at the border">
<meta property="article:published_time" content="2019-02-26T08:15:00+07:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/share">Share</a></nav>
<article>
<h1>Train arrives at the border</h1>
<p>DONG DANG, Vietnam (Test Wire) — The leader's armored train pulled into the border station on
Tuesday morning after a journey of more than two days, and he left by car for the capital.</p>
<p>He is to meet the president there on Wednesday and Thursday, officials said, before an official
visit that is due to end on Saturday with his return home by the same route.</p>
</article>
<footer><p>Copyright 2019 Test Wire. All rights reserved.</p></footer>
</body></html>
"""


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a client that stops reading (a refused body) is expected here


def one_line_error(source: str, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        read_article(source, **kwargs)
    message = str(info.value)
    assert message and "\n" not in message and len(message) < 300
    assert "Traceback" not in message
    return message


# ---------------------------------------------------------------------------------- sources


def test_article_text_given_as_a_path_is_named_as_text() -> None:
    """A notebook user passing the article itself where a path goes is told to use text=,
    not shown the whole article back inside an OS error."""
    message = one_line_error(TEXT)
    assert "text=" in message and TEXT.splitlines()[0] not in message
    assert "text=" in one_line_error("x" * 5000)



def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "canal_story.txt"
    path.write_text(TEXT, "utf-8")
    art = read_article(str(path))
    assert art.source == str(path)
    assert art.stem == "canal_story"
    assert art.title == "Ship clears canal after week-long blockage"
    assert art.published == date(2021, 3, 29)
    assert art.dateline == "SUEZ, Egypt"
    start, end = art.dateline_span
    assert art.text[start:end] == "SUEZ, Egypt"
    assert "Salvage teams freed" in art.text
    for furniture in ("Share this", "Copyright", "comment policy", "All rights reserved"):
        assert furniture not in art.text
    assert "\n\n\n" not in art.text


def test_html_file(tmp_path: Path) -> None:
    path = tmp_path / "border.html"
    path.write_text(HTML, "utf-8")
    art = read_article(str(path))
    assert art.stem == "border"
    assert art.title == "Train arrives at the border"
    assert art.published == date(2019, 2, 26)
    assert "armored train pulled into the border station" in art.text
    assert "<p>" not in art.text and "Home" not in art.text and "Copyright" not in art.text
    assert art.dateline == "DONG DANG, Vietnam"
    start, end = art.dateline_span
    assert art.text[start:end] == "DONG DANG, Vietnam"


def test_stdin_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    art = read_article("-")
    assert art.source == "-" and art.stem == "stdin"
    assert art.published == date(2021, 3, 29)
    assert art.dateline == "SUEZ, Egypt"


def test_stdin_text_stream_and_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(HTML))
    art = read_article("-")
    assert art.stem == "stdin"
    assert art.title == "Train arrives at the border"
    assert "<article>" not in art.text


def test_title_needs_a_standalone_line() -> None:
    wrapped = (
        "Russian officers flew to North Korea for talks about renewing military\nties on Monday."
    )
    assert article_from_text(wrapped + "\n\nThe talks were held in the capital.").title is None
    assert article_from_text("Officers fly north for talks\n\n" + wrapped).title == (
        "Officers fly north for talks"
    )


def test_encodings(tmp_path: Path) -> None:
    body = TEXT.replace("week-long", "week-long café")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode("utf-8"))
    art = read_article(str(bom))
    assert art.title == "Ship clears canal after week-long café blockage"
    assert "\r" not in art.text and not art.text.startswith("\ufeff")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(body.replace("—", "-").replace("©", "(c)").encode("cp1252"))
    assert "café" in read_article(str(legacy)).text
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(body.encode("utf-16"))
    assert read_article(str(utf16)).published == date(2021, 3, 29)


@pytest.mark.skipif(not SEED.is_file(), reason="shared seed article absent")
def test_seed_article() -> None:
    art = read_article(str(SEED))
    assert art.published == date(2011, 8, 22)
    assert art.dateline == "MOSCOW"
    start, end = art.dateline_span
    assert art.text[start:end] == "MOSCOW"
    assert art.text[end:].startswith(" — Russian military officers")
    assert art.title is None  # the first line is the agency/date line, not a headline
    assert "Copyright" not in art.text and "Click to" not in art.text
    assert "comment policy" not in art.text
    assert art.text.rstrip().endswith("due to heavy rains.")
    assert "Skovorodino" in art.text


@pytest.mark.parametrize(
    ("name", "published", "dateline"),
    [
        ("train_state_visit.txt", date(2019, 2, 26), "DONG DANG, Vietnam"),
        ("ship_voyage.txt", date(2021, 7, 7), "ISMAILIA, Egypt"),
        ("flight_itinerary.txt", date(2021, 3, 17), "SEOUL, South Korea"),
    ],
)
def test_authored_articles(name: str, published: date, dateline: str) -> None:
    art = read_article(str(ARTICLES / name))
    assert art.published == published
    assert art.dateline == dateline
    assert art.text[slice(*art.dateline_span)] == dateline
    assert art.title and not art.title.endswith(".")
    assert 300 <= len(art.text.split()) <= 650


# ---------------------------------------------------------------------------------- URLs


class _Server:
    """A throwaway HTTP server on 127.0.0.1 that serves fixed pages and counts requests."""

    def __init__(self, pages: dict[str, tuple[int, str, bytes]]) -> None:
        self.requests: list[str] = []
        self.agents: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                outer.requests.append(self.path)
                outer.agents.append(self.headers.get("User-Agent", ""))
                status, ctype, body = pages.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


@pytest.fixture
def server():
    srv = _Server(
        {
            "/news/border-train.html": (200, "text/html; charset=utf-8", HTML.encode("utf-8")),
            "/plain": (200, "text/plain; charset=utf-8", TEXT.encode("utf-8")),
            "/broken": (500, "text/plain", b"oops"),
            "/huge": (200, "text/plain", b"The train went north again. " * 200_000),
        }
    )
    yield srv
    srv.stop()


def test_url_fetch_then_cache_hit(server: _Server, tmp_path: Path) -> None:
    url = server.url("/news/border-train.html")
    first = read_article(url, cache_dir=tmp_path)
    assert server.requests == ["/news/border-train.html"]
    assert server.agents[0].startswith("mapper/")
    assert first.source == url and first.stem == "127-0-0-1-news-border-train"
    assert first.title == "Train arrives at the border"
    assert first.published == date(2019, 2, 26)
    assert first.dateline == "DONG DANG, Vietnam"
    assert len(list(tmp_path.glob("*.body"))) == 1
    server.stop()  # the second read must not touch the network
    second = read_article(url, cache_dir=tmp_path)
    assert second == first


def test_url_default_cache_dir(
    server: _Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MAPPER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    read_article(server.url("/plain"))
    assert len(list((tmp_path / "mapper" / "http").glob("*.body"))) == 1
    # MAPPER_CACHE_DIR holds every cache, downloaded pages included.
    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path / "elsewhere"))
    read_article(server.url("/plain"))
    assert len(list((tmp_path / "elsewhere" / "http").glob("*.body"))) == 1


def test_url_too_large(server: _Server, tmp_path: Path) -> None:
    assert "too large" in one_line_error(server.url("/huge"), cache_dir=tmp_path)


def test_url_plain_text(server: _Server, tmp_path: Path) -> None:
    art = read_article(server.url("/plain"), cache_dir=tmp_path)
    assert art.dateline == "SUEZ, Egypt" and art.published == date(2021, 3, 29)


def test_url_http_errors(server: _Server, tmp_path: Path) -> None:
    assert "HTTP 404" in one_line_error(server.url("/missing"), cache_dir=tmp_path)
    assert "HTTP 500" in one_line_error(server.url("/broken"), cache_dir=tmp_path)
    assert not list(tmp_path.glob("*.body"))  # errors are not cached


def test_url_unreachable(tmp_path: Path) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    message = one_line_error(f"http://127.0.0.1:{port}/article", cache_dir=tmp_path)
    assert "cannot fetch" in message


@pytest.mark.parametrize(
    "url", ["http://", "https:///path-only", "ftp://example.org/a.txt", "http://exa mple.org/a"]
)
def test_url_malformed(url: str, tmp_path: Path) -> None:
    assert "URL" in one_line_error(url, cache_dir=tmp_path)


def test_url_stem() -> None:
    assert url_stem("https://www.example.com/world/2019/kim-train.html") == (
        "example-com-world-2019-kim-train"
    )
    assert url_stem("https://example.com/") == "example-com"


# ---------------------------------------------------------------------------------- bad input


def test_missing_file(tmp_path: Path) -> None:
    assert "not found" in one_line_error(str(tmp_path / "nope.txt"))


def test_directory(tmp_path: Path) -> None:
    assert "directory" in one_line_error(str(tmp_path))


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"])
def test_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in one_line_error(str(path))


def test_binary_with_nul(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    assert "binary" in one_line_error(str(path))


def test_binary_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(bytes(range(1, 32)) * 200 + b"some words")
    assert "binary" in one_line_error(str(path))


def test_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    # 0x81 and 0x8d are invalid in UTF-8 and undefined in Windows-1252
    path.write_bytes(TEXT.encode("utf-8") + b"\x81\x8d\x90 broken bytes \x9d")
    assert "not readable text" in one_line_error(str(path))


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    sentence = "The train passed through the city on its way to the border station. "
    path.write_text(sentence * (2_100_000 // len(sentence) + 1), "utf-8")
    assert "too large" in one_line_error(str(path))


@pytest.mark.parametrize(
    "text",
    [
        "Le dirigeant nord-coréen est arrivé lundi en Russie à bord de son train blindé pour une "
        "visite de plusieurs jours. Il doit rencontrer le président près du lac Baïkal, selon les "
        "médias russes, et la rencontre pourrait porter sur un projet de gazoduc.",
        "Северокорейский лидер прибыл в понедельник в Россию на своем бронепоезде. Он встретится "
        "с президентом у озера Байкал, сообщили российские СМИ.",
        "El líder norcoreano llegó el lunes a Rusia en su tren blindado para una visita de varios "
        "días y se reunirá con el presidente ruso cerca del lago Baikal, según los medios.",
    ],
)
def test_not_english(tmp_path: Path, text: str) -> None:
    path = tmp_path / "foreign.txt"
    path.write_text(text, "utf-8")
    assert "English" in one_line_error(str(path))


def test_errors_are_mapper_errors() -> None:
    assert issubclass(InputError, MapperError) and issubclass(MapperError, Exception)


# ---------------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("MOSCOW — Russian officers flew north.", "MOSCOW"),
        ("WASHINGTON (AP) — The president said so.", "WASHINGTON"),
        ("Paris, France — Officials said so.", "Paris, France"),
        ("SEOUL, South Korea (Reuters) - North Korea fired a missile.", "SEOUL, South Korea"),
        ("HANOI, Feb 26 (Reuters) - The leader arrived.", "HANOI"),
        ("ST. PETERSBURG, Russia — The president spoke.", "ST. PETERSBURG, Russia"),
        ("Officials — including the minister — said so.", None),
        ("The talks - which began on Monday - ended.", None),
        ("The leader arrived on Monday. MOSCOW — is far.", None),
        ("By Jane Doe. BOSTON (Reuters) - The owner was arrested.", "BOSTON"),
        ("Rio de Janeiro, Brazil — Rain fell all day.", "Rio de Janeiro, Brazil"),
        ("LOUISVILLE, Ky. — Rain fell all day.", "LOUISVILLE, Ky."),
    ],
)
def test_dateline_shapes(paragraph: str, dateline: str | None) -> None:
    found = detect_dateline("Headline of the story\n\n" + paragraph)
    assert (found[0] if found else None) == dateline
    if found:
        start, end = found[1]
        assert ("Headline of the story\n\n" + paragraph)[start:end] == dateline


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Copyright © 2023 The Washington Times, LLC.", True),
        ("© 2021 Test Wire", True),
        ("Please read our comment policy before commenting.", True),
        ("Click to Read More and View Comments", True),
        ("Click to Hide", True),
        ("Share this article", True),
        ("Subscribe to our newsletter", True),
        ("Share prices fell on Monday as the train crossed the border.", False),
        ("The train crossed into Russia on Saturday morning.", False),
        ("Printing presses in the capital worked through the night.", False),
    ],
)
def test_boilerplate_lines(line: str, furniture: bool) -> None:
    assert is_boilerplate(line) is furniture


@pytest.mark.skipif(not (SHARED / "corpora").is_dir(), reason="shared corpora absent")
def test_corpora_read_cleanly() -> None:
    """Every English corpus article reads (no false 'not English'), with exact dateline spans."""
    import xml.etree.ElementTree as ET

    read = with_dateline = 0
    for name in ("lgl", "TR-News", "GeoVirus", "GWN"):
        root = ET.parse(SHARED / "corpora" / f"{name}.xml").getroot()
        for node in root.iter("article"):
            text = node.findtext("text") or ""
            if not text.strip():
                continue
            art = article_from_text(text, source=name, stem=name)
            read += 1
            if art.dateline:
                with_dateline += 1
                assert art.text[slice(*art.dateline_span)] == art.dateline
                assert art.dateline[:1].isupper() and not art.dateline.endswith("-")
    assert read > 1000
    assert 30 <= with_dateline <= read // 10  # wire stories carry one; most local news do not
