"""URL input within limits (mapper.download), against misbehaving servers on 127.0.0.1.

Every test is bounded in time: the fetch deadline is set to a second or two and each test
asserts how long the fetch took."""

from __future__ import annotations

import base64
import json
import threading
import time
import zlib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mapper.download import MAX_INPUT_BYTES, MAX_REDIRECTS, fetch_url, redact
from mapper.errors import InputError
from mapper.read import read_article

PAGE = ("<html><head><title>Ship reaches the port</title></head><body><article>"
        "<p>The container ship left the canal on Monday and sailed north to the port of "
        "Rotterdam, where it arrived after a voyage of nine days through the Mediterranean.</p>"
        "<p>Its owners said the cargo would be unloaded there before it returns to Asia.</p>"
        "</article></body></html>")
TEXT = ("Ship reaches the port\n\nThe container ship left the canal on Monday and sailed north "
        "to the port of Rotterdam, where it arrived after a voyage of nine days. The café "
        "owners in Zürich said the cargo would be unloaded there before it returns to Asia.\n")


class Server:
    """A local HTTP server whose paths each misbehave in one way."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.requests: list[str] = []
        self.auth: list[str | None] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                outer.requests.append(self.path)
                outer.auth.append(self.headers.get("Authorization"))
                route = ROUTES.get(self.path.split("?")[0])
                if route is None:
                    self.reply(404, "text/plain", b"not found")
                else:
                    route(self, outer)

            def reply(self, status: int, ctype: str, body: bytes, **headers: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers.items():
                    self.send_header(k.replace("_", "-"), v)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        class Quiet(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address) -> None:
                pass  # clients that give up are the point of these tests

        self.httpd = Quiet(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str, userinfo: str = "") -> str:
        return f"http://{userinfo}127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def _trickle(handler, server: Server, data: bytes, every: float) -> None:
    for i in range(len(data)):
        if server.stop.wait(every):
            return
        handler.wfile.write(data[i:i + 1])
        handler.wfile.flush()


def slow_headers(h, server: Server) -> None:
    server.stop.wait(20)  # nothing at all for 20 s


def trickled_headers(h, server: Server) -> None:
    h.wfile.write(b"HTTP/1.1 200 OK\r\n")
    _trickle(h, server, b"X-Padding: " + b"a" * 10_000, 0.05)  # a header that never ends


def trickled_body(h, server: Server) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Content-Length", "1000")
    h.end_headers()
    _trickle(h, server, b"x" * 1000, 0.05)  # 50 s for the whole body


def huge_length(h, server: Server) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Content-Length", str(2 * 10**9))
    h.end_headers()
    _trickle(h, server, b"x" * 1000, 0.05)


def endless(h, server: Server) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Connection", "close")
    h.end_headers()
    line = b"The train went on to the next station and then to the one after that.\n" * 900
    while not server.stop.is_set():
        try:
            h.wfile.write(line)
        except OSError:
            return


def _gzip(data: bytes, times: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join(packer.compress(data) for _ in range(times)) + packer.flush()


BOMBS: dict[str, bytes] = {}


def _bomb(kind: str) -> bytes:
    """One gzip member of 64 MB of zeros (65 KB), or 1,024 members of 1 MB each (1 GB)."""
    if kind not in BOMBS:
        zeros = b"\0" * (1 << 20)
        BOMBS[kind] = _gzip(zeros, 64) if kind == "one" else _gzip(zeros, 1) * 1024
    return BOMBS[kind]


def gzip_bomb(h, server: Server) -> None:
    h.reply(200, "text/plain", _bomb(h.path.partition("?")[2]), Content_Encoding="gzip")


def gzip_members(h, server: Server) -> None:
    body = _gzip(PAGE[:200].encode(), 1) + _gzip(PAGE[200:].encode(), 1)
    h.reply(200, "text/html", body, Content_Encoding="gzip")


def gzip_page(h, server: Server) -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    h.reply(200, "text/html; charset=utf-8", packer.compress(PAGE.encode()) + packer.flush(),
            Content_Encoding="gzip")


def deflate_page(h, server: Server) -> None:
    h.reply(200, "text/html; charset=utf-8", zlib.compress(PAGE.encode()),
            Content_Encoding="deflate")


def redirect_loop(h, server: Server) -> None:
    h.reply(302, "text/plain", b"", Location="/redirect-loop")


def redirect_chain(h, server: Server) -> None:
    hops = int(h.path.partition("?")[2] or 0)
    if hops:
        h.reply(301, "text/plain", b"", Location=f"/redirect-chain?{hops - 1}")
    else:
        h.reply(200, "text/html", PAGE.encode())


def to_file(h, server: Server) -> None:
    h.reply(302, "text/plain", b"", Location="file:///etc/passwd")


def to_ftp(h, server: Server) -> None:
    h.reply(307, "text/plain", b"", Location="ftp://127.0.0.1/article.txt")


def charset(declared: str, encoding: str) -> Callable:
    def route(h, server: Server) -> None:
        h.reply(200, f"text/plain; charset={declared}", TEXT.encode(encoding))
    return route


def some_bad_bytes(h, server: Server) -> None:
    body = TEXT.encode("utf-8") + b" \x81\x8d\x90 and then \x9d"
    h.reply(200, "text/plain; charset=utf-8", body)


def garbage(h, server: Server) -> None:
    h.reply(200, "text/plain; charset=utf-8", bytes(range(128, 256)) * 50)


def content_type(ctype: str) -> Callable:
    def route(h, server: Server) -> None:
        h.reply(200, ctype, b"%PDF-1.4 not a page" if "pdf" in ctype else PAGE.encode())
    return route


def with_auth(h, server: Server) -> None:
    expected = "Basic " + base64.b64encode(b"reader:s3cret-pw").decode()
    if h.headers.get("Authorization") != expected:
        h.reply(401, "text/plain", b"who are you")
    else:
        h.reply(200, "text/plain; charset=utf-8", TEXT.encode("utf-8"))


ROUTES: dict[str, Callable] = {
    "/slow-headers": slow_headers, "/trickled-headers": trickled_headers,
    "/trickled-body": trickled_body, "/huge-length": huge_length, "/endless": endless,
    "/gzip-bomb": gzip_bomb, "/gzip": gzip_page, "/gzip-members": gzip_members,
    "/deflate": deflate_page,
    "/redirect-loop": redirect_loop, "/redirect-chain": redirect_chain, "/to-file": to_file,
    "/to-ftp": to_ftp, "/latin1-said-utf8": charset("utf-8", "latin-1"),
    "/utf8-said-latin1": charset("iso-8859-1", "utf-8"),
    "/unknown-charset": charset("x-no-such-charset", "utf-8"),
    "/cp1252": charset("windows-1252", "cp1252"),
    "/cp1252-said-latin1": charset("iso-8859-1", "cp1252"), "/bad-bytes": some_bad_bytes,
    "/garbage": garbage, "/pdf": content_type("application/pdf"),
    "/png": content_type("image/png"), "/json": content_type("application/json"),
    "/xhtml": content_type("application/xhtml+xml"), "/auth": with_auth,
}


@pytest.fixture
def server():
    srv = Server()
    yield srv
    srv.close()


def error(url: str, tmp_path: Path, deadline: float = 2.0, limit: float = 6.0) -> str:
    """The one-line error of fetching ``url``; the fetch must end within ``limit`` seconds."""
    start = time.monotonic()
    with pytest.raises(InputError) as info:
        fetch_url(url, cache_dir=tmp_path, timeout=deadline)
    took = time.monotonic() - start
    assert took < limit, f"took {took:.1f} s"
    message = str(info.value)
    assert message and "\n" not in message and "Traceback" not in message
    return message


# ------------------------------------------------------------------------------- deadlines


@pytest.mark.parametrize("path", ["/slow-headers", "/trickled-headers", "/trickled-body"])
def test_slow_servers_are_given_up_on_at_the_deadline(server: Server, tmp_path: Path,
                                                      path: str) -> None:
    message = error(server.url(path), tmp_path, deadline=1.5, limit=5.0)
    assert "cannot fetch" in message
    assert not list(tmp_path.iterdir())  # nothing cached


def test_deadline_from_the_environment(server: Server, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAPPER_FETCH_TIMEOUT", "1")
    start = time.monotonic()
    with pytest.raises(InputError, match="within 1 s"):
        read_article(server.url("/trickled-headers"), cache_dir=tmp_path)
    assert time.monotonic() - start < 4
    monkeypatch.setenv("MAPPER_FETCH_TIMEOUT", "soon")
    with pytest.raises(InputError, match="MAPPER_FETCH_TIMEOUT"):
        read_article(server.url("/gzip"), cache_dir=tmp_path)


# ------------------------------------------------------------------------------------ sizes


def test_huge_content_length_is_refused_at_once(server: Server, tmp_path: Path) -> None:
    message = error(server.url("/huge-length"), tmp_path, deadline=10, limit=2.0)
    assert "too large" in message and "2000.0 MB announced" in message


def test_endless_body_stops_at_the_cap(server: Server, tmp_path: Path) -> None:
    message = error(server.url("/endless"), tmp_path, deadline=20, limit=15)
    assert "too large" in message and f"{MAX_INPUT_BYTES / 1e6:g} MB" in message


@pytest.mark.parametrize("kind", ["one", "members"])
def test_gzip_bomb_stops_at_the_cap(server: Server, tmp_path: Path, kind: str) -> None:
    assert len(_bomb(kind)) < MAX_INPUT_BYTES // 4  # small on the wire, 64 MB or 1 GB unpacked
    import tracemalloc

    tracemalloc.start()
    try:
        message = error(server.url(f"/gzip-bomb?{kind}"), tmp_path, deadline=20, limit=15)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "too large" in message
    assert peak < 6 * MAX_INPUT_BYTES  # never the whole bomb


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/gzip-members"])
def test_compressed_pages_are_read(server: Server, tmp_path: Path, path: str) -> None:
    article = read_article(server.url(path), cache_dir=tmp_path)
    assert "Rotterdam" in article.text


# -------------------------------------------------------------------------------- redirects


def test_redirect_loop(server: Server, tmp_path: Path) -> None:
    assert "redirects" in error(server.url("/redirect-loop"), tmp_path)
    assert len(server.requests) == MAX_REDIRECTS + 1


def test_five_redirects_are_followed_six_are_not(server: Server, tmp_path: Path) -> None:
    body, ctype = fetch_url(server.url(f"/redirect-chain?{MAX_REDIRECTS}"), cache_dir=tmp_path)
    assert b"Rotterdam" in body and ctype == "text/html"
    assert "redirects" in error(server.url(f"/redirect-chain?{MAX_REDIRECTS + 1}"), tmp_path)


@pytest.mark.parametrize("path,scheme", [("/to-file", "file"), ("/to-ftp", "ftp")])
def test_redirect_to_another_scheme_is_refused(server: Server, tmp_path: Path, path: str,
                                               scheme: str) -> None:
    message = error(server.url(path), tmp_path)
    assert f"redirects to a {scheme}: URL" in message
    assert "passwd" not in message


# ------------------------------------------------------------------- content types, charsets


@pytest.mark.parametrize("path,mime", [("/pdf", "application/pdf"), ("/png", "image/png"),
                                       ("/json", "application/json")])
def test_other_content_types_are_refused(server: Server, tmp_path: Path, path: str,
                                         mime: str) -> None:
    assert f"it is {mime}, not an HTML or text page" in error(server.url(path), tmp_path)


def test_xhtml_is_read(server: Server, tmp_path: Path) -> None:
    assert "Rotterdam" in read_article(server.url("/xhtml"), cache_dir=tmp_path).text


@pytest.mark.parametrize("path", ["/latin1-said-utf8", "/utf8-said-latin1", "/unknown-charset",
                                  "/cp1252"])
def test_wrong_or_unknown_charsets_are_read_right(server: Server, tmp_path: Path,
                                                  path: str) -> None:
    text = read_article(server.url(path), cache_dir=tmp_path).text
    assert "café" in text and "Zürich" in text


def test_latin1_label_is_read_as_windows_1252(server: Server, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tests.test_download.TEXT", TEXT + "He said \u201cgo\u201d.\n")
    text = read_article(server.url("/cp1252-said-latin1"), cache_dir=tmp_path).text
    assert "\u201cgo\u201d" in text  # curly quotes, not C1 control characters


def test_a_few_bad_bytes_are_replaced_with_a_warning(server: Server, tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="mapper"):
        text = read_article(server.url("/bad-bytes"), cache_dir=tmp_path).text
    assert "Rotterdam" in text and "\ufffd" in text
    assert "undecodable bytes were replaced" in caplog.text


def test_undecodable_page_is_one_line(server: Server, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not readable text|binary"):
        read_article(server.url("/garbage"), cache_dir=tmp_path)


# ------------------------------------------------------------------------------ credentials


def test_redact() -> None:
    assert redact("https://u:p@example.com:8080/a?b#c") == "https://example.com:8080/a?b#c"
    assert redact("https://example.com/a@b") == "https://example.com/a@b"
    assert redact("http://user@host/") == "http://host/"


def test_credentials_are_used_but_never_written(server: Server, tmp_path: Path) -> None:
    url = server.url("/auth", userinfo="reader:s3cret-pw@")
    article = read_article(url, cache_dir=tmp_path)
    assert server.auth[-1] is not None  # the credentials went to the server
    assert article.source == server.url("/auth") and "s3cret" not in repr(article)
    stored = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"s3cret" not in stored and b"reader" not in stored
    message = error(server.url("/missing", userinfo="reader:s3cret-pw@"), tmp_path)
    assert "s3cret" not in message and "reader" not in message


def test_cli_writes_no_credentials(server: Server, tmp_path: Path, capsys,
                                   monkeypatch: pytest.MonkeyPatch, seed) -> None:
    from mapper.cli import main

    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    code = main(["map", server.url("/auth", userinfo="reader:s3cret-pw@"), "-o",
                 str(out / "map.html"), "--geojson", str(out / "map.geojson"),
                 "--csv", str(out / "places.csv")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "s3cret" not in captured.out + captured.err
    for path in [*out.iterdir(), *(tmp_path / "cache").rglob("*")]:
        if path.is_file():
            assert b"s3cret" not in path.read_bytes(), path
    data = json.loads((out / "map.geojson").read_text("utf-8"))
    assert data["article"]["source"] == server.url("/auth")
