"""Reading an article from an http(s) URL, within limits.

- a total deadline for the whole fetch, redirects included (``MAPPER_FETCH_TIMEOUT`` seconds,
  default 30), on top of connect and read timeouts: a server that sends its headers slowly or
  trickles its body is given up on at the deadline;
- a size cap on the body as decoded (``MAX_INPUT_BYTES``): the body is streamed and gzip/deflate
  are decompressed here in bounded steps, so a compression bomb stops at the cap;
- at most ``MAX_REDIRECTS`` redirects, each to http or https only (never ``file:``);
- HTML and text only (``text/*``, ``application/xhtml+xml``); other content types are refused;
- credentials in the URL (``user:pass@``) are used for the request but never shown or stored:
  messages, ``Article.source`` and the cache hold :func:`redact` of the URL.

Pages read once are cached on disk (``$MAPPER_CACHE_DIR/http`` or the user cache folder).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
import zlib
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from mapper.errors import InputError

MAX_INPUT_BYTES = 5_000_000  # any input (file, stdin, URL body after decompression)
DEADLINE_S = 30.0  # the whole fetch, redirects included; MAPPER_FETCH_TIMEOUT overrides
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 15.0  # the longest wait for the next bytes
MAX_REDIRECTS = 5
USER_AGENT = "mapper/0.1 (+https://pypi.org/project/mapper; news-article reader)"
_CHUNK = 16_384
_TEXT_TYPES = ("application/xhtml+xml",)


def redact(url: str) -> str:
    """``url`` without the ``user:password@`` part, for display and storage."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def deadline_s() -> float:
    """The total time allowed for one fetch: ``MAPPER_FETCH_TIMEOUT`` seconds, default 30."""
    value = os.environ.get("MAPPER_FETCH_TIMEOUT", "").strip()
    if not value:
        return DEADLINE_S
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < 86_400:
        raise InputError(f"MAPPER_FETCH_TIMEOUT must be a number of seconds, not {value!r}")
    return seconds


def default_cache_dir() -> Path:
    """Where downloaded pages are cached: ``$MAPPER_CACHE_DIR/http``, else
    <user cache dir>/mapper/http."""
    env = os.environ.get("MAPPER_CACHE_DIR")
    if env:
        return Path(env) / "http"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mapper")) / "http"


def check_url(url: str) -> None:
    """Raise InputError unless ``url`` is an http(s) URL with a host."""
    shown = redact(url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"not a valid http(s) URL: {shown}")
    if re.search(r"\s", url):
        raise InputError(f"not a valid http(s) URL (it contains spaces): {shown}")


def is_text_type(content_type: str | None) -> bool:
    """HTML or text (or no type given, left to sniffing)."""
    if not content_type:
        return True
    mime = content_type.split(";", 1)[0].strip().lower()
    return mime.startswith("text/") or mime in _TEXT_TYPES or not mime


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if any."""
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return m.group(1).lower() if m else None


def fetch_url(
    url: str, *, cache_dir: Path | None = None, timeout: float | None = None
) -> tuple[bytes, str | None]:
    """The body and content type of ``url``, from the disk cache when it has been read before.

    ``timeout`` is the total deadline in seconds (default: :func:`deadline_s`). Raises
    InputError (one line, credentials removed) for anything that is not a readable page."""
    from mapper.atomic import write_atomic

    check_url(url)
    shown = redact(url)
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    key = hashlib.sha256(shown.encode("utf-8")).hexdigest()
    body_path, meta_path = folder / f"{key}.body", folder / f"{key}.json"
    cached = _from_cache(body_path, meta_path)
    if cached is not None:
        return cached
    body, content_type = download(url, deadline_s() if timeout is None else timeout)
    try:
        write_atomic(body_path, body)
        write_atomic(meta_path, json.dumps({"url": shown, "content_type": content_type}))
    except Exception:  # noqa: BLE001 - caching is a convenience; reading still works
        pass
    return body, content_type


def _from_cache(body_path: Path, meta_path: Path) -> tuple[bytes, str | None] | None:
    if not (body_path.is_file() and meta_path.is_file()):
        return None
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
        content_type = meta.get("content_type")
        if not isinstance(content_type, (str, type(None))) or not is_text_type(content_type):
            return None
        with open(body_path, "rb") as fh:
            body = fh.read(MAX_INPUT_BYTES + 1)
    except (OSError, ValueError, AttributeError):
        return None  # a damaged cache entry is fetched again
    return (body, content_type) if len(body) <= MAX_INPUT_BYTES else None


def download(url: str, deadline: float = DEADLINE_S) -> tuple[bytes, str | None]:
    """Fetch ``url`` within ``deadline`` seconds in all (see the module docstring).

    The request runs in a daemon thread that the caller stops waiting for at the deadline; the
    thread itself stops at its next read (within ``READ_TIMEOUT_S``)."""
    import requests  # noqa: F401 - imported before the clock starts, not in the worker

    shown = redact(url)
    result: dict[str, object] = {}
    cancel = threading.Event()
    ends = time.monotonic() + deadline

    def work() -> None:
        try:
            result["value"] = _get(url, ends, cancel)
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            result["error"] = exc

    worker = threading.Thread(target=work, name="mapper-fetch", daemon=True)
    worker.start()
    worker.join(max(0.0, ends - time.monotonic()) + 0.2)
    if worker.is_alive():
        cancel.set()
        raise InputError(f"cannot fetch {shown}: no complete answer within {deadline:g} s "
                         "(MAPPER_FETCH_TIMEOUT sets the limit)")
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result["value"]  # type: ignore[return-value]


class _Cancelled(Exception):
    pass


def _get(url: str, ends: float, cancel: threading.Event) -> tuple[bytes, str | None]:
    import requests
    import urllib3

    shown = redact(url)
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate",
               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8"}
    current = url
    timeout = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S)
    try:
        with requests.Session() as session:
            for _ in range(MAX_REDIRECTS + 1):
                left = ends - time.monotonic()
                timeout = (max(0.1, min(CONNECT_TIMEOUT_S, left)),
                           max(0.1, min(READ_TIMEOUT_S, left)))
                with session.get(current, headers=headers, timeout=timeout, stream=True,
                                 allow_redirects=False) as response:
                    if response.is_redirect:
                        current = urljoin(current, response.headers["Location"])
                        scheme = urlsplit(current).scheme.lower()
                        if scheme not in ("http", "https"):
                            raise InputError(f"cannot fetch {shown}: it redirects to a "
                                             f"{scheme or 'relative'}: URL; mapper follows "
                                             "http(s) only")
                        continue
                    return _body(response, shown, ends, cancel)
    except (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
            requests.exceptions.MissingSchema):
        raise InputError(f"not a valid http(s) URL: {redact(current)}") from None
    except (requests.exceptions.Timeout, urllib3.exceptions.TimeoutError) as exc:
        connect = isinstance(exc, requests.exceptions.ConnectTimeout)
        waited = timeout[0] if connect else timeout[1]
        what = "no connection" if connect else "the server did not answer"
        raise InputError(f"cannot fetch {shown}: {what} within {waited:.3g} s") from None
    except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError) as exc:
        kind = "cannot connect" if isinstance(exc, requests.ConnectionError) else "request failed"
        raise InputError(f"cannot fetch {shown}: {kind}") from None
    except _Cancelled:
        raise InputError(f"cannot fetch {shown}: gave up at the deadline") from None
    raise InputError(f"cannot fetch {shown}: more than {MAX_REDIRECTS} redirects")


def _body(response, shown: str, ends: float, cancel: threading.Event) -> tuple[bytes, str | None]:
    """The checked, decompressed, size-capped body of a final (non-redirect) response."""
    if response.status_code >= 400:
        reason = response.reason or "error"
        raise InputError(f"cannot fetch {shown}: HTTP {response.status_code} {reason}")
    content_type = response.headers.get("Content-Type")
    content_type = content_type.lower() if content_type else None
    if not is_text_type(content_type):
        mime = (content_type or "").split(";", 1)[0].strip()
        raise InputError(f"cannot read {shown}: it is {mime}, not an HTML or text page")
    cap = f"{MAX_INPUT_BYTES / 1e6:g} MB"
    announced = response.headers.get("Content-Length", "")
    if announced.strip().isdigit() and int(announced) > MAX_INPUT_BYTES:
        raise InputError(f"{shown} is too large ({int(announced) / 1e6:.1f} MB announced; "
                         f"mapper reads up to {cap})")
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        inflate = zlib.decompressobj(wbits=31)
    elif encoding == "deflate":
        inflate = zlib.decompressobj(wbits=15)
    elif encoding in ("identity", ""):
        inflate = None
    else:
        raise InputError(f"cannot read {shown}: unsupported Content-Encoding {encoding}")
    out = bytearray()
    first = True
    for chunk in response.raw.stream(_CHUNK, decode_content=False):
        if cancel.is_set() or time.monotonic() > ends:
            raise _Cancelled
        if inflate is None:
            out += chunk
        else:
            if first and encoding == "deflate" and chunk[:1] and (chunk[0] & 0x0F) != 8:
                inflate = zlib.decompressobj(wbits=-15)  # raw deflate without a zlib header
            inflate = _inflate(inflate, chunk, out, shown)
        first = False
        if len(out) > MAX_INPUT_BYTES:
            raise InputError(f"{shown} is too large (over {cap}; mapper reads up to {cap})")
    return bytes(out), content_type


def _inflate(inflate, chunk: bytes, out: bytearray, shown: str):
    """Decompress ``chunk`` into ``out``, never more than one byte past the cap; returns the
    decompressor for the next chunk (a new one when a gzip member ends and another begins)."""
    data = chunk
    try:
        while data:
            room = MAX_INPUT_BYTES + 1 - len(out)
            if room <= 0:
                break
            out += inflate.decompress(data, room)
            data = inflate.unconsumed_tail
            if inflate.eof:
                data = inflate.unused_data
                if data.strip(b"\0"):  # concatenated gzip members (RFC 1952, section 2.2)
                    inflate = zlib.decompressobj(wbits=31)
                else:
                    break
    except zlib.error:
        raise InputError(f"cannot read {shown}: its compressed body is damaged") from None
    return inflate
