"""Web geocoders (any geopy geocoder: Nominatim, Photon, ...) placed behind the embedded gazetteer.

Every request is rate-limited (1 s between calls by default, as Nominatim's usage policy asks)
and its answer cached on disk, so a second run of the same article makes no request. A failed
request (timeout, HTTP error, no network) is a logged warning and no candidates; it is not cached.
"""

from __future__ import annotations

import inspect
import json
import logging
import re
import sqlite3
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import get_geocoder_for_service
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from shapely.geometry.base import BaseGeometry

from mapper.errors import InputError
from mapper.gazetteer.base import Gazetteer, normalize
from mapper.gazetteer.embedded import EmbeddedGazetteer, cache_dir, default_gazetteer
from mapper.model import GazetteerEntry

log = logging.getLogger(__name__)

CACHE_VERSION = "1"

# (OSM key or class, OSM value or type) -> mapper feature; ``None`` as value matches any value.
_FEATURES: dict[tuple[str, str | None], str] = {
    ("place", "country"): "country",
    ("place", "state"): "admin1",
    ("place", "province"): "admin1",
    ("place", "region"): "admin1",
    ("place", "county"): "admin2",
    ("place", "district"): "admin2",
    ("place", "city"): "city",
    ("place", "town"): "city",
    ("place", "village"): "city",
    ("place", "hamlet"): "city",
    ("place", "municipality"): "city",
    ("place", "suburb"): "city",
    ("place", "locality"): "city",
    ("place", "island"): "island",
    ("place", "islet"): "island",
    ("place", "archipelago"): "archipelago",
    ("place", "sea"): "sea",
    ("place", "ocean"): "ocean",
    ("natural", "water"): "lake",
    ("water", "lake"): "lake",
    ("natural", "bay"): "bay",
    ("natural", "strait"): "strait",
    ("natural", "peninsula"): "peninsula",
    ("natural", "peak"): "mountain",
    ("natural", "volcano"): "mountain",
    ("natural", "mountain_range"): "range",
    ("natural", "valley"): "valley",
    ("natural", "desert"): "desert",
    ("waterway", "river"): "river",
    ("waterway", "canal"): "canal",
    ("railway", "station"): "station",
    ("railway", "halt"): "station",
    ("public_transport", "station"): "station",
    ("aeroway", "aerodrome"): "airport",
    ("landuse", "harbour"): "port",
    ("harbour", None): "port",
}
# Nominatim's ``addresstype`` (what the place is in an address) for administrative boundaries.
_ADDRESS_TYPES = {"country": "country", "state": "admin1", "province": "admin1",
                  "region": "admin1", "county": "admin2", "state_district": "admin2",
                  "city": "city", "town": "city", "village": "city", "hamlet": "city",
                  "municipality": "city"}


def _open_cache(path: Path) -> sqlite3.Connection:
    """The web answers' SQLite cache, checked (``quick_check``) and with its tables."""
    db = sqlite3.connect(path, check_same_thread=False, timeout=10)
    try:
        status = db.execute("PRAGMA quick_check").fetchone()
        if status is None or status[0] != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {status[0] if status else 'no answer'}")
        db.executescript(
            """
            CREATE TABLE IF NOT EXISTS queries (provider TEXT, norm TEXT, version TEXT,
                fetched REAL, raw TEXT, PRIMARY KEY (provider, norm));
            CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, provider TEXT,
                feature TEXT, cc TEXT, entry TEXT);
            CREATE INDEX IF NOT EXISTS entries_cc ON entries (feature, cc);
            """
        )
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


class WebGazetteer(Gazetteer):
    """A geopy geocoder behind a rate limiter and an SQLite cache, answering gazetteer entries."""

    def __init__(self, geocoder: Geocoder, *, min_delay_seconds: float = 1.0,
                 max_retries: int = 0, error_wait_seconds: float = 2.0, limit: int = 10,
                 max_failures: int = 3, cache_path: Path | None = None,
                 provider: str | None = None) -> None:
        super().__init__()
        self.geocoder = geocoder
        self.provider = (provider or type(geocoder).__name__).lower()
        self.limit = limit
        self.path = cache_path or cache_dir() / "web" / "geocode.sqlite"
        self._rate_limited = RateLimiter(
            geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=max_retries,
            error_wait_seconds=error_wait_seconds, swallow_exceptions=False,
        )
        self._kwargs = _query_kwargs(geocoder, limit)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self.requests = 0  # requests actually sent (cache misses), for callers and tests
        self.max_failures = max_failures
        self._failures = 0  # consecutive failed requests; at max_failures the web is left alone

    # -- cache --------------------------------------------------------------------------
    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._db = _open_cache(self.path)
            except sqlite3.OperationalError:
                raise  # locked or unreadable: not damage
            except sqlite3.DatabaseError as exc:  # damaged: the answers are fetched again
                log.warning("warning: web geocoder cache %s is damaged (%s); starting it afresh",
                            self.path, exc)
                for suffix in ("", "-journal", "-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                self._db = _open_cache(self.path)
        return self._db

    def _cached(self, norm: str) -> list[GazetteerEntry] | None:
        with self._lock:
            row = self.db.execute(
                "SELECT raw FROM queries WHERE provider = ? AND norm = ? AND version = ?",
                (self.provider, norm, CACHE_VERSION),
            ).fetchone()
        if row is None:
            return None
        return _entries(self.provider, self._source(), json.loads(row[0]))

    def _store(self, norm: str, raws: list[dict], entries: list[GazetteerEntry]) -> None:
        with self._lock, self.db:
            self.db.execute("INSERT OR REPLACE INTO queries VALUES (?, ?, ?, ?, ?)",
                            (self.provider, norm, CACHE_VERSION, time.time(), json.dumps(raws)))
            self.db.executemany(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)",
                [(e.key, self.provider, e.feature, e.country_code, json.dumps(_entry_dict(e)))
                 for e in entries],
            )

    # -- gazetteer ----------------------------------------------------------------------
    def candidates(self, name: str, limit: int = 50) -> list[GazetteerEntry]:
        norm = normalize(name)
        if not norm:
            return []
        found = self._cached(norm)
        if found is None:
            found = self._fetch(name, norm)
        return found[:limit]

    def _fetch(self, name: str, norm: str) -> list[GazetteerEntry]:
        if self._failures >= self.max_failures:
            return []
        self.requests += 1
        try:
            answer = self._rate_limited(name, **self._kwargs)
        except Exception as exc:  # noqa: BLE001 - a web service may fail in any way
            self._failures += 1
            detail = str(exc).splitlines()[0] if str(exc) else ""
            log.warning("%s: no answer for %r (%s: %s)", self.provider, name,
                        type(exc).__name__, detail)
            if self._failures == self.max_failures:
                log.warning("%s: %d failures in a row, no more web look-ups in this run",
                            self.provider, self._failures)
            return []
        self._failures = 0
        locations: list[Location] = [answer] if isinstance(answer, Location) else \
            list(answer or [])
        raws = [_location_raw(loc) for loc in locations]
        entries = _entries(self.provider, self._source(), raws)
        self._store(norm, raws, entries)
        return entries

    def match_kinds(self, name: str) -> dict[str, int]:
        """Entry key -> 0 when the entry's own name is the name asked, else 1."""
        norm = normalize(name)
        return {e.key: 0 if normalize(e.name) == norm else 1 for e in self.candidates(name)}

    def has_name(self, norm: str) -> bool:
        return bool(self.candidates(norm))

    def by_key(self, key: str) -> GazetteerEntry | None:
        with self._lock:
            row = self.db.execute("SELECT entry FROM entries WHERE key = ?", (key,)).fetchone()
        return _from_json(row[0]) if row else None

    def country(self, code: str) -> GazetteerEntry | None:
        with self._lock:
            row = self.db.execute(
                "SELECT entry FROM entries WHERE feature = 'country' AND cc = ? LIMIT 1",
                (code.upper(),),
            ).fetchone()
        return _from_json(row[0]) if row else None

    def _source(self) -> str:
        domain = getattr(self.geocoder, "domain", None)
        name = type(self.geocoder).__name__
        return f"{name} web geocoder ({domain})" if domain else f"{name} web geocoder"


class ChainGazetteer(Gazetteer):
    """The embedded gazetteer first; the web one only for names the embedded one does not know."""

    def __init__(self, embedded: EmbeddedGazetteer, web: WebGazetteer) -> None:
        super().__init__()
        self.embedded = embedded
        self.web = web

    def candidates(self, name: str, limit: int = 50) -> list[GazetteerEntry]:
        found = self.embedded.candidates(name, limit=limit)
        if found or not worth_asking(name):
            return found
        return self.web.candidates(name, limit=limit)

    def match_kinds(self, name: str) -> dict[str, int]:
        kinds = self.embedded.match_kinds(name)
        if kinds or not worth_asking(name):
            return kinds
        return self.web.match_kinds(name)

    def has_name(self, norm: str) -> bool:
        return self.embedded.has_name(norm) or worth_asking(norm) and self.web.has_name(norm)

    def by_key(self, key: str) -> GazetteerEntry | None:
        if key.startswith("web:"):
            return self.web.by_key(key)
        return self.embedded.by_key(key)

    def by_geonameid(self, geonameid: int) -> GazetteerEntry | None:
        return self.embedded.by_geonameid(geonameid)

    def country(self, code: str) -> GazetteerEntry | None:
        return self.embedded.country(code) or self.web.country(code)

    def countries(self) -> Iterable[GazetteerEntry]:
        return self.embedded.countries()

    def country_shape(self, code: str) -> BaseGeometry | None:
        return self.embedded.country_shape(code)

    def capital(self, code: str) -> GazetteerEntry | None:
        return self.embedded.capital(code)

    def within(self, south: float, west: float, north: float, east: float,
               feature: str = "city", min_population: int = 0) -> list[GazetteerEntry]:
        return self.embedded.within(south, west, north, east, feature, min_population)

    def __getattr__(self, name: str) -> Any:
        # Anything else the embedded gazetteer answers (its path, future methods) passes through.
        if name in ("embedded", "web") or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.embedded, name)


# A line break, or a full stop after a word (not an abbreviation such as "St.") and a space.
_SENTENCE_BREAK = re.compile(r"[\r\n]|[!?;:]\s|[a-z]{3}\.\s")
_POSSESSIVE = re.compile(r"[’']s?$")
MAX_WORDS = 6


def worth_asking(name: str) -> bool:
    """Whether a phrase could be one place name worth a web request: one line, no sentence
    break, no possessive ending, a letter in it, at most ``MAX_WORDS`` words. (Extractors probe
    the gazetteer with many spans of capitalised words; most are not names at all.)"""
    text = name.strip()
    return bool(text) and any(ch.isalpha() for ch in text) and len(text) <= 80 \
        and not _SENTENCE_BREAK.search(text) and not _POSSESSIVE.search(text) \
        and len(text.split()) <= MAX_WORDS


def make_gazetteer(web: str | None = None, *, user_agent: str, domain: str | None = None,
                   scheme: str = "https", min_delay_seconds: float = 1.0,
                   timeout: float = 10.0) -> Gazetteer:
    """The embedded gazetteer, or with ``web`` (a geopy geocoder name such as "nominatim" or
    "photon") the embedded gazetteer chained to that web geocoder."""
    embedded = default_gazetteer()
    if not web:
        return embedded
    try:
        cls = get_geocoder_for_service(web)
    except Exception as exc:  # noqa: BLE001 - geopy raises GeocoderNotFound
        raise InputError(f"unknown geocoder {web!r} (try nominatim or photon)") from exc
    accepted = inspect.signature(cls.__init__).parameters
    kwargs: dict[str, Any] = {"user_agent": user_agent, "scheme": scheme, "timeout": timeout}
    if domain:
        kwargs["domain"] = domain
    for key in list(kwargs):
        if key not in accepted:
            if key == "domain":
                raise InputError(f"geocoder {web!r} does not take a domain")
            del kwargs[key]
    try:
        geocoder = cls(**kwargs)
    except Exception as exc:  # noqa: BLE001 - e.g. a geocoder that needs an API key
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"cannot use geocoder {web!r}: {first}") from exc
    return ChainGazetteer(embedded, WebGazetteer(geocoder, min_delay_seconds=min_delay_seconds,
                                                 provider=web.lower()))


# -- converting provider answers --------------------------------------------------------------
def _query_kwargs(geocoder: Geocoder, limit: int) -> dict[str, Any]:
    """Arguments for ``geocode`` that this geocoder takes: several answers, with details."""
    params = inspect.signature(geocoder.geocode).parameters
    wanted = {"exactly_one": False, "limit": limit, "addressdetails": True, "extratags": True,
              "language": "en"}
    return {k: v for k, v in wanted.items() if k in params}


def _location_raw(loc: Location) -> dict:
    raw = dict(loc.raw) if isinstance(loc.raw, dict) else {}
    raw.setdefault("_lat", loc.latitude)
    raw.setdefault("_lon", loc.longitude)
    raw.setdefault("_address", loc.address)
    return raw


def _entries(provider: str, source: str, raws: list[dict]) -> list[GazetteerEntry]:
    out: dict[str, GazetteerEntry] = {}
    for raw in raws:
        try:
            entry = _entry(provider, source, raw)
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("%s: skipped an answer it could not read (%s)", provider, exc)
            continue
        out.setdefault(entry.key, entry)
    return list(out.values())


def _entry(provider: str, source: str, raw: dict) -> GazetteerEntry:
    props = raw.get("properties") if isinstance(raw.get("properties"), dict) else {}
    address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
    lat, lon = float(raw.get("lat", raw["_lat"])), float(raw.get("lon", raw["_lon"]))
    display = str(raw.get("display_name") or raw.get("_address") or "")
    name = raw.get("name") or props.get("name") or display.split(",")[0].strip()
    if not name:
        raise ValueError("no name")
    cc = address.get("country_code") or props.get("countrycode") or raw.get("country_code")
    return GazetteerEntry(
        key=f"web:{provider}:{_ident(raw, props, lat, lon)}",
        name=str(name),
        lat=lat,
        lon=lon,
        feature=_feature(raw, props),
        country_code=str(cc).upper() if cc else None,
        population=_population(raw),
        bbox=_bbox(raw, props),
        admin1=address.get("state") or props.get("state"),
        source=source,
    )


def _ident(raw: dict, props: dict, lat: float, lon: float) -> str:
    osm_type = raw.get("osm_type") or props.get("osm_type")
    osm_id = raw.get("osm_id") or props.get("osm_id")
    if osm_type and osm_id:
        return f"{str(osm_type)[0].upper()}{osm_id}"  # OSM's own notation: N123, W123, R123
    for key in ("place_id", "id", "placeId", "fid"):
        if raw.get(key):
            return str(raw[key])
    return f"{lat:.5f},{lon:.5f}"


def _feature(raw: dict, props: dict) -> str:
    if props:  # Photon and other GeoJSON answers: OSM key/value in the properties
        cls, typ, addresstype = props.get("osm_key"), props.get("osm_value"), props.get("type")
    else:  # Nominatim: class (jsonv2: category), type, addresstype
        cls = raw.get("class") or raw.get("category")
        typ, addresstype = raw.get("type"), raw.get("addresstype")
    if cls == "boundary" and addresstype in _ADDRESS_TYPES:
        return _ADDRESS_TYPES[addresstype]
    if cls and (cls, typ) in _FEATURES:
        return _FEATURES[(cls, typ)]
    if cls and (cls, None) in _FEATURES:
        return _FEATURES[(cls, None)]
    if addresstype in _ADDRESS_TYPES:
        return _ADDRESS_TYPES[addresstype]
    return str(typ or addresstype or "place")


def _population(raw: dict) -> int:
    extratags = raw.get("extratags") if isinstance(raw.get("extratags"), dict) else {}
    value = str(extratags.get("population") or "").replace(",", "").replace(" ", "")
    return int(value) if value.isdigit() else 0


def _bbox(raw: dict, props: dict) -> tuple[float, float, float, float] | None:
    box = raw.get("boundingbox")
    if isinstance(box, list) and len(box) == 4:  # Nominatim: south, north, west, east
        s, n, w, e = (float(v) for v in box)
        return (w, s, e, n)
    extent = props.get("extent")
    if isinstance(extent, list) and len(extent) == 4:  # Photon: west, north, east, south
        w, n, e, s = (float(v) for v in extent)
        return (w, s, e, n)
    return None


def _entry_dict(e: GazetteerEntry) -> dict:
    return {"key": e.key, "name": e.name, "lat": e.lat, "lon": e.lon, "feature": e.feature,
            "country_code": e.country_code, "population": e.population,
            "geonameid": e.geonameid, "bbox": list(e.bbox) if e.bbox else None,
            "admin1": e.admin1, "source": e.source}


def _from_json(text: str) -> GazetteerEntry:
    d = json.loads(text)
    d["bbox"] = tuple(d["bbox"]) if d.get("bbox") else None
    return GazetteerEntry(**d)
