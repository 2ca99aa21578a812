"""The web gazetteer and the chain, against recorded Nominatim answers served from 127.0.0.1."""

from __future__ import annotations

import http.server
import json
import logging
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from geopy.geocoders import Nominatim

from mapper.errors import InputError
from mapper.gazetteer.web import ChainGazetteer, WebGazetteer, make_gazetteer

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "nominatim"
AGENT = "mapper-tests"


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        server: FakeNominatim = self.server.owner  # type: ignore[attr-defined]
        url = urlparse(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        server.requests.append((url.path, params))
        if server.delay:
            time.sleep(server.delay)
        if server.status != 200:
            self._send(server.status, b'{"error": "Internal Server Error"}')
            return
        if url.path != "/search" or params.get("format") != "json":
            self._send(400, b'{"error": "bad request"}')
            return
        fixture = FIXTURES / (params.get("q", "").strip().lower().replace(" ", "_") + ".json")
        self._send(200, fixture.read_bytes() if fixture.exists() else b"[]")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        pass


class FakeNominatim:
    """A throwaway Nominatim on 127.0.0.1 serving the fixture files."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict]] = []
        self.status = 200
        self.delay = 0.0
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.owner = self  # type: ignore[attr-defined]
        self.domain = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def geocoder(self, timeout: float = 5.0) -> Nominatim:
        return Nominatim(domain=self.domain, scheme="http", user_agent=AGENT, timeout=timeout)

    def queries(self) -> list[str]:
        return [p.get("q", "") for _, p in self.requests]


@pytest.fixture
def server():
    s = FakeNominatim()
    yield s
    s.stop()


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """The web cache in a temporary folder (the session's embedded index is already open)."""
    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path))
    return tmp_path


def _web(server: FakeNominatim, **kw) -> WebGazetteer:
    return WebGazetteer(server.geocoder(), min_delay_seconds=0, **kw)


def test_entries_from_nominatim_answers(server, cache):
    web = _web(server)
    found = web.candidates("Vladivostok")
    assert [e.key for e in found] == ["web:nominatim:R2611186", "web:nominatim:N3396151542"]
    city, station = found
    assert (city.name, city.feature, city.country_code) == ("Vladivostok", "city", "RU")
    assert city.lat == pytest.approx(43.1150678) and city.lon == pytest.approx(131.8855768)
    assert city.bbox == pytest.approx((131.7415, 42.8951, 132.1955, 43.3005))  # w, s, e, n
    assert city.population == 603519 and city.admin1 == "Primorsky Krai"
    assert "Nominatim" in city.source and server.domain in city.source
    assert station.feature == "station" and station.population == 0
    # geopy asked for several answers with address details, as the entries need.
    path, params = server.requests[0]
    assert path == "/search" and params["q"] == "Vladivostok"
    assert params["addressdetails"] == "1" and int(params["limit"]) > 1
    # The cache lives under MAPPER_CACHE_DIR/web.
    assert (cache / "web" / "geocode.sqlite").exists()

    gare = web.candidates("Gare de Lyon")
    assert {(e.feature, e.country_code) for e in gare} == {("station", "FR")}
    assert web.match_kinds("Gare de Lyon") == {e.key: 0 for e in gare}
    loc = web.geocode("Vladivostok")  # geopy's interface: the most populous first
    assert loc.raw["key"] == "web:nominatim:R2611186"


def test_second_run_is_answered_from_the_cache(server, cache):
    first = _web(server)
    vlad = first.candidates("Vladivostok")
    assert first.candidates("Russia")[0].feature == "country"
    assert first.candidates("Nowhere Special") == []  # an empty answer is an answer
    assert len(server.requests) == 3
    server.stop()

    again = _web(server)
    assert again.candidates("  vladivostok ") == vlad  # same normalized query
    assert again.candidates("Nowhere Special") == []
    assert again.requests == 0
    assert again.by_key("web:nominatim:N3396151542") == vlad[1]
    assert again.country("ru").name == "Russia"
    assert again.country("FR") is None


def test_chain_asks_the_web_only_for_unknown_names(gazetteer, server, cache):
    embedded = gazetteer
    chain = ChainGazetteer(embedded, _web(server))
    known = chain.candidates("Vladivostok")
    assert known and all(e.key.startswith("gn:") for e in known)
    assert chain.match_kinds("Vladivostok") == embedded.match_kinds("Vladivostok")
    assert chain.has_name("vladivostok")
    assert server.requests == []  # the embedded gazetteer knew it: no request

    gare = chain.candidates("Gare de Lyon")
    assert gare and all(e.key.startswith("web:nominatim:") for e in gare)
    assert chain.has_name("gare de lyon")
    assert set(chain.match_kinds("Gare de Lyon")) == {e.key for e in gare}
    assert server.queries() == ["Gare de Lyon"]  # one request, then the cache
    assert chain.by_key(gare[0].key) == gare[0]
    assert chain.by_key(known[0].key) == known[0]
    # Everything else mapper asks of a gazetteer is the embedded one's answer.
    assert chain.country("RU") == embedded.country("RU")
    assert chain.country_shape("RU") is embedded.country_shape("RU")
    assert chain.capital("FR") == embedded.capital("FR")
    assert chain.within(43, 131, 44, 132) == embedded.within(43, 131, 44, 132)
    assert chain.by_geonameid(known[0].geonameid) == known[0]
    assert chain.path == embedded.path
    # Spans that cannot be one place name are never sent.
    for junk in ("Gare de Lyon.\n\nThe", "Paris. The Gare", "Gare de Lyon’s", "1234", ""):
        assert chain.candidates(junk) == [] and not chain.has_name(junk)
    assert server.queries() == ["Gare de Lyon"]


def test_worth_asking():
    from mapper.gazetteer.web import worth_asking

    assert worth_asking("Gare de Lyon") and worth_asking("St. Petersburg")
    assert worth_asking("Sofitel Legend Metropole") and worth_asking("Ulan-Ude")
    assert not worth_asking("Skovorodino.\n\nSkovorodino") and not worth_asking("Russia’s")
    assert not worth_asking("North Korea. The") and not worth_asking("  ")
    assert not worth_asking("one two three four five six seven")


def test_server_error_gives_no_candidates_a_warning_and_no_cache(server, cache, caplog):
    server.status = 500
    web = _web(server)
    with caplog.at_level(logging.WARNING, logger="mapper.gazetteer.web"):
        assert web.candidates("Vladivostok") == []
    assert "no answer for 'Vladivostok'" in caplog.text
    server.status = 200
    assert len(web.candidates("Vladivostok")) == 2  # the failure was not cached
    assert len(server.requests) == 2


def test_timeout_and_no_network_are_warnings(server, cache, caplog):
    server.delay = 1.0
    slow = WebGazetteer(server.geocoder(timeout=0.2), min_delay_seconds=0)
    with caplog.at_level(logging.WARNING, logger="mapper.gazetteer.web"):
        assert slow.candidates("Vladivostok") == []
    assert "Timed" in caplog.text or "timed out" in caplog.text.lower()
    server.delay = 0
    server.stop()
    caplog.clear()
    offline = _web(server, max_failures=2)
    with caplog.at_level(logging.WARNING, logger="mapper.gazetteer.web"):
        assert offline.candidates("Vladivostok") == []
        assert offline.candidates("Gare de Lyon") == []
        assert offline.candidates("Russia") == []  # two failures in a row: web left alone
    assert offline.requests == 2
    assert "no more web look-ups" in caplog.text


def test_rate_limiter_spaces_requests(server, cache):
    web = _web(server)
    web._rate_limited.min_delay_seconds = 0.3
    start = time.monotonic()
    web.candidates("Vladivostok")
    web.candidates("Russia")
    web.candidates("Vladivostok")  # cached: no request, no wait
    assert 0.3 <= time.monotonic() - start < 2.0
    assert len(server.requests) == 2


def test_make_gazetteer(gazetteer, server, cache):
    assert make_gazetteer(None, user_agent=AGENT) is gazetteer
    chain = make_gazetteer("nominatim", user_agent=AGENT, domain=server.domain, scheme="http",
                           min_delay_seconds=0)
    assert isinstance(chain, ChainGazetteer) and chain.web.provider == "nominatim"
    assert [e.key for e in chain.candidates("Gare de Lyon")][0] == "web:nominatim:W153712876"
    assert make_gazetteer("photon", user_agent=AGENT).web.provider == "photon"
    with pytest.raises(InputError, match="unknown geocoder 'nosuch'"):
        make_gazetteer("nosuch", user_agent=AGENT)


def test_photon_answers_convert():
    """Photon's GeoJSON features (osm_key/osm_value, extent) give the same kind of entry."""
    from mapper.gazetteer.web import _entries

    raw = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.37, 48.84]},
           "properties": {"osm_type": "W", "osm_id": 153712876, "osm_key": "railway",
                          "osm_value": "station", "name": "Gare de Lyon", "countrycode": "FR",
                          "state": "Île-de-France", "extent": [2.3706, 48.8468, 2.377, 48.841]},
           "_lat": 48.84, "_lon": 2.37}
    (e,) = _entries("photon", "Photon web geocoder", [raw])
    assert e.key == "web:photon:W153712876" and e.feature == "station"
    assert e.country_code == "FR" and e.bbox == (2.3706, 48.841, 2.377, 48.8468)


def test_pipeline_with_the_chain(gazetteer, server, cache):
    """A station the embedded gazetteer lacks is placed from the web answer."""
    from mapper.pipeline import analyze
    from mapper.read import article_from_text

    text = ("Travellers crowd Paris station\n\nPARIS, March 3 (Reuters) - Thousands of travellers "
            "waited at the Gare de Lyon in Paris on Friday as trains to Marseille were cancelled "
            "for a second day.\n")
    chain = ChainGazetteer(gazetteer, _web(server))
    analysis = analyze(article_from_text(text, stem="station"), gazetteer=chain)
    by_name = {p.name: p for p in analysis.places}
    assert "Paris" in by_name and by_name["Paris"].entry.key.startswith("gn:")
    gare = by_name.get("Gare de Lyon")
    assert gare is not None, sorted(by_name)
    assert gare.entry.key.startswith("web:nominatim:") and gare.entry.country_code == "FR"
    assert "gare de lyon" in [q.lower() for q in server.queries()]
    assert "Paris" not in server.queries() and "Marseille" not in server.queries()
    json.dumps([p.entry.key for p in analysis.places])  # keys are plain strings
