"""Journeys: who travels where, from the dependency parse and general rules.

A *motion event* is a verb of motion ("flew to", "crossed into", "passed through", "is to meet
... near") or a travel noun ("next stop at", "visit to") with a mover (its subject or
possessor) and the places its prepositions or objects name. Each event gives stops with a status
(confirmed, planned, reported, speculated), a date from the time expressions attached to it,
and a mode. Stops are grouped by mover, ordered in time (not in order of mention), merged where
one place contains the next, given an implied origin (the mover's home country) where the text
names none, and border crossings become points on the shared border.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from mapper import dates
from mapper.gazetteer import sources
from mapper.gazetteer.base import Gazetteer, normalize
from mapper.geodesy import in_box
from mapper.implied import crossing_entry
from mapper.model import Article, Journey, Leg, Mention, Place, Stop
from mapper.networks.mode import mode_from_text

# -- lexicon: general English, not any article's words ---------------------------------------
MOTION_VERBS = {
    "anchor", "arrive", "berth", "board", "call", "come", "continue", "cross", "cruise",
    "depart", "detour", "disembark", "divert", "dock", "drive", "embark", "enter", "fly", "get",
    "go", "head", "hop", "jet", "journey", "land", "leave", "make", "march", "meet", "moor",
    "motor", "move", "pass", "proceed", "push", "race", "reach", "relocate", "reroute",
    "return", "ride", "roll", "sail", "set", "shuttle", "speed", "stay", "steam", "stop",
    "swing", "touch", "tour", "transfer", "transit", "travel", "visit", "walk",
    "bound", "flee", "escape", "emigrate", "immigrate", "migrate", "deploy", "redeploy",
    "settle", "sink", "capsize",  # a vessel's last place ("sank off the coast of X")
}
# Verbs that move their object ("evacuated 300 residents to Lyon") or, in the passive, their
# subject ("was airlifted to Lyon"): the one carried is the mover.
TRANSPORT_VERBS = {"evacuate", "airlift", "transport", "ferry", "deport", "repatriate",
                   "extradite", "fly", "drive", "take", "bring", "carry", "send", "rush",
                   "escort", "tow", "move", "transfer", "shuttle", "relocate", "ship",
                   "resettle", "bus"}
# Verbs whose object is the one who arrived ("crowds greeted the king at the station").
GREETING_VERBS = {"greet", "welcome", "receive", "meet", "cheer", "salute"}
# Report verbs that, with a future, announce a plan ("the ministry said she would fly to X")
# rather than relay a claim; media and sources relay claims whatever the verb.
ANNOUNCE_VERBS = {"say", "announce", "confirm", "tell", "state", "add"}
SOURCE_NOUNS = {"source", "report", "media", "newspaper", "paper", "agency", "outlet",
                "witness", "resident", "analyst", "observer", "tabloid", "broadcaster"}
# People a person's possessive names ("his wife", "Ana Silva's aide"): someone else.
KIN_NOUNS = {"wife", "husband", "son", "daughter", "father", "mother", "parent", "brother",
             "sister", "child", "grandson", "granddaughter", "grandmother", "grandfather", "uncle",
             "aunt", "nephew", "niece", "cousin", "friend", "girlfriend", "boyfriend", "fiancee",
             "fiance", "partner", "spouse", "widow", "aide", "assistant", "adviser", "advisor",
             "spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "director",
             "secretary", "deputy", "colleague", "bodyguard", "driver", "chief", "manager",
             "agent", "mom", "dad", "sibling", "relative", "companion", "boss", "employee"}
# People named by what a verb did to them ("the evacuees"): the group that verb moved
ROLE_VERBS = {"evacuee": "evacuate", "deportee": "deport", "detainee": "detain"}
START_VERBS = {"begin", "start", "open", "kick"}  # "open a road trip in X", "kick off a tour"
# Things carried on a journey of their own ("the Olympic torch arrived in X", "the body of the
# former president was flown to Y")
THING_MOVERS = {"torch", "flame", "body", "remains", "coffin", "casket", "relic", "relics"}
LIFE_MOVES = {"move", "relocate", "emigrate", "immigrate", "migrate", "settle", "resettle",
              "flee"}  # a change of home a birthplace leads to
SOMEONE_NOUNS = {"man", "woman", "boy", "girl", "teenager", "teen"}  # one unnamed person
SHARE_WORDS = {"many", "most", "some", "several", "others"}  # a share of the group just named
# Participles that hold a traveller in a place ("tourists stranded in Bali flew home", "two
# Americans detained in Russia were flown home"): where the trip told beside them set out from.
STRANDING_VERBS = {"strand", "trap", "maroon", "stick"}
# ... and, only as a participle on the noun, those that detain ("was held in X" alone may
# come after the trip)
DETENTION_VERBS = {"detain", "hold", "imprison", "jail", "kidnap", "abduct", "capture",
                   "arrest"}
INSTITUTION_NOUNS = {"center", "centre", "hospital", "clinic", "university", "college", "school",
                     "office", "headquarters", "embassy", "consulate", "hotel", "prison", "jail",
                     "base", "museum", "church", "airport", "station", "stadium", "arena",
                     "camp", "resort", "home", "residence", "ranch", "villa"}
FAILING_HEADS = {"fail", "refuse", "decline", "unable", "forget", "neglect"}
OBTAIN_VERBS = {"land", "win", "secure", "earn", "lose", "sign", "offer", "sell"}
SCHOOL_NOUNS = {"school", "college", "university", "class", "course", "seminary", "academy"}
ENDING_VERBS = {"cut", "end", "interrupt", "abandon", "break", "quit"}  # "cut short his trip"
REDIRECT_VERBS = {"divert", "reroute", "redirect"}  # "the flight to X was diverted to Y"
DRIVER_VERBS = {"drive", "fly", "take", "bring", "sail"}
SETTING_OUT_VERBS = {"leave", "depart", "head", "sail", "set", "steam", "board", "embark",
                     "make", "bound", "flee", "escape"}
# Where a traveller does what they came for ("held talks in X", "will perform in X", "play in
# X"): a stop beside a trip, no journey alone
MEETING_VERBS = {"meet", "hold", "attend", "host", "perform", "play", "campaign"}
SETTING_OFF_VERBS = {"set", "leave", "depart", "embark", "head"}  # off on a trip
TRAVEL_NOUNS = {"march", "trek", "hike", "walk", "chase", "pilgrimage", "expedition", "cruise",
                "drive", "ride", "sail", "crossing", "stop", "visit", "trip", "journey", "tour",
                "voyage", "flight", "arrival", "departure", "stopover", "destination", "leg",
                "port", "call", "layover", "landing", "holiday", "vacation", "honeymoon"}
CAUSE_VERBS = {"get", "persuade", "convince", "encourage", "urge", "help", "allow"}
SEPARATE_TRIP_NOUNS = {"trip", "vacation", "holiday", "pilgrimage", "expedition"}  # plural
DEST_PREPS = {"to", "toward", "towards", "into", "for", "onto", "in", "at", "near", "on", "off"}
VIA_PREPS = {"through", "via", "across", "past", "over", "along", "around"}
ORIGIN_PREPS = {"from", "out"}
OBJECT_ORIGIN_VERBS = {"leave", "depart", "exit", "quit", "flee", "escape"}
OBJECT_DEST_VERBS = {"visit", "reach", "enter", "tour", "cross", "make", "board"}
ARRIVAL_PREPS_ONLY = {"in", "at", "on", "near", "off"}  # only after verbs of arriving or staying
ARRIVAL_VERBS = {"enter", "arrive", "land", "stop", "stay", "dock", "call", "meet", "hold",
                 "attend", "host", "perform", "play", "campaign", "berth", "anchor", "moor",
                 "touch", "be", "disembark", "set", "get", "greet", "welcome", "receive",
                 "cheer", "salute", "sink", "capsize",
                 "visit", "tour", "settle", "resettle",  # "visited the school in X"
                 "spend"}  # "spent two years in X" (with a span of time)
BELIEF_VERBS = {"believe", "think", "suspect", "hope", "fear", "assume", "suppose", "speculate",
                "guess", "dream", "imagine"}
REPORT_VERBS = BELIEF_VERBS | {
    "say", "report", "tell", "announce", "claim", "cite", "quote", "state", "add", "confirm",
    "believe", "suggest", "indicate", "write", "reveal", "show"}
HABIT_ADVERBS = {"weekly", "daily", "monthly", "yearly", "annually", "nightly", "regularly",
                 "routinely", "often", "frequently", "usually", "habitually", "sometimes",
                 "occasionally", "seldom", "rarely"}
RECENT_DAY_WORDS = {*dates.WEEKDAYS, "today", "yesterday", "tonight", "overnight", "week"}
PREVIOUS_ADVERBS = {"last", "previously", "formerly", "once"}  # "last visited X in 2013"
SPECULATION_MODALS = {"could", "might", "may"}
SPECULATION_WORDS = {"unclear", "uncertain", "possibly", "perhaps", "likely", "unconfirmed",
                     "rumored", "rumoured", "speculation", "speculated", "maybe", "probably"}
FUTURE_WORDS = {"will", "shall", "'ll", "’ll"}
PLAN_HEADS = {"plan", "expect", "schedule", "intend", "due", "set", "hope", "want", "prepare",
              "aim", "seek", "propose"}
PLAN_ADJECTIVES = {"next", "expected", "planned", "scheduled", "upcoming", "proposed",
                   "possible", "likely", "final", "future"}
GROUP_NOUNS = {
    "official": "officials", "officer": "officials", "delegation": "delegation",
    "delegate": "delegation", "diplomat": "diplomats", "envoy": "diplomats", "troop": "troops",
    "soldier": "troops", "force": "troops", "team": "team", "crew": "crew", "minister":
    "ministers", "leader": "leaders", "tourist": "tourists", "passenger": "passengers",
    "pilgrim": "pilgrims", "refugee": "refugees", "migrant": "migrants", "athlete": "team",
    "player": "team", "expert": "experts", "inspector": "inspectors", "sailor": "crew",
    "resident": "residents", "civilian": "civilians", "evacuee": "evacuees", "villager":
    "villagers", "survivor": "survivors", "asylum-seeker": "asylum seekers", "seeker":
    "asylum seekers", "immigrant": "migrants", "family": "family", "hostage": "hostages",
    "prisoner": "prisoners", "patient": "patients", "student": "students", "worker": "workers",
    "citizen": "citizens", "national": "citizens", "peacekeeper": "troops", "marine": "troops",
    "paratrooper": "troops", "fan": "fans", "supporter": "fans", "climber": "climbers",
    "explorer": "explorers", "astronaut": "crew", "cosmonaut": "crew", "suspect": "suspects",
    "detainee": "detainees", "deportee": "deportees", "couple": "couple", "pair": "couple",
    "hiker": "hikers", "walker": "walkers", "trekker": "hikers", "backpacker": "tourists",
    # people named by kind alone ("moved the women to X"); not "people", mostly generic
    "man": "men", "woman": "women", "boy": "children", "girl": "children", "child": "children",
    "squad": "team", "band": "band",
}
VEHICLES = {
    "train": "rail", "locomotive": "rail", "railcar": "rail", "plane": "air", "jet": "air",
    "aircraft": "air", "airliner": "air", "helicopter": "air", "flight": "air", "ship": "sea",
    "vessel": "sea", "boat": "sea", "ferry": "sea", "tanker": "sea", "freighter": "sea",
    "carrier": "sea", "yacht": "sea", "warship": "sea", "destroyer": "sea", "frigate": "sea",
    "submarine": "sea", "liner": "sea", "containership": "sea", "motorcade": "road",
    "convoy": "road", "car": "road", "bus": "road", "truck": "road", "limousine": "road",
    "flotilla": "sea", "dinghy": "sea", "raft": "sea", "minibus": "road",
    "fleet": "sea", "trawler": "sea", "lifeboat": "sea", "barge": "sea", "tugboat": "sea",
    "van": "road", "lorry": "road", "ambulance": "road", "taxi": "road",
}
VERB_MODES = {"fly": "air", "jet": "air", "land": "air", "sail": "sea", "steam": "sea",
              "dock": "sea", "berth": "sea", "cruise": "sea", "moor": "sea", "drive": "road",
              "motor": "road", "bus": "road", "airlift": "air"}
PEOPLE_NOUNS = {"man", "woman", "leader", "visitor", "secretary", "minister", "president",
                "official", "delegate", "diplomat", "envoy", "guest"}
# Offices whose holder a text may name by the office alone ("the Iranian president")
OFFICE_NOUNS = {"president", "premier", "chancellor", "minister", "king", "queen", "pope",
                "pontiff", "prince", "princess", "emperor", "empress", "monarch", "governor",
                "mayor", "senator", "ambassador", "secretary"}
PLACE_NOUNS = {"city", "town", "port", "capital", "hub", "village", "region", "province", "state",
               "island", "area", "republic", "country", "county", "district", "outskirts",
               "suburb", "resort", "harbor", "harbour", "enclave", "territory", "peninsula",
               "coast", "shore", "border", "frontier", "station", "airport"}
QUANTITY_NOUNS = {"hundred", "thousand", "dozen", "million", "score", "group", "number",
                  "crowd", "busload", "planeload", "boatload", "handful", "caravan"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam"}
HONORIFIC_GENDER = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f",
                    "madam": "f"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f",
                  "hers": "f", "herself": "f"}
WATER = {"ocean", "sea", "gulf", "bay", "strait", "lake", "river", "canal"}
BORDER_WORDS = re.compile(r"\b[Tt]he\s+((?:border|frontier)(?:\s+(?:crossing|post|"
                          r"station|bridge|checkpoint))?)\b(?!\s+(?:with|between|of)\b)")
# Undated events keep the text's order: a later sentence by POSITION_STEP per character, the
# next place in the same sentence by SENTENCE_STEP, far less than one character.
POSITION_STEP = 1e-7
SENTENCE_STEP = 1e-9
STATUS_RANK = {"confirmed": 3, "planned": 2, "reported": 1, "speculated": 0}


@dataclass
class Mover:
    key: str
    label: str
    vehicle: str | None = None
    home: str | None = None  # ISO country code
    first: int = 0
    vehicles: dict[str, int] = field(default_factory=dict)  # how often each vehicle moves it


@dataclass
class Event:
    mover: Mover
    place: Place
    role: str  # origin, dest, via, crossing
    status: str
    date: str | None
    mode: str
    verb: str
    evidence: str
    position: int
    span: tuple[int, int]
    order: float = 0.0
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class JourneyResult:
    journeys: tuple[Journey, ...]
    places: tuple[Place, ...]  # places the journeys imply (border crossings, origins)


class JourneyExtractor:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.demonyms = sources.demonyms()
        names = sorted(self.demonyms, key=len, reverse=True)
        # "Central American", "Latin American": a region's people, not the United States'
        self.demonym_pattern = re.compile(
            r"(?<!Central )(?<!Latin )(?<!North )(?<!South )(?<!East )(?<!West )\b(" +
            "|".join(map(re.escape, names)) + r")\b") if names else None

    def extract(self, article: Article, doc, places: tuple[Place, ...]) -> JourneyResult:
        return self._journeys(self.events(article, doc, places))

    def events(self, article: Article, doc, places: tuple[Place, ...]) -> list[Event]:
        """Every motion event of the article, in text order."""
        self.article = article
        self.doc = doc
        self.places = places
        self.by_span = sorted(
            ((m.start, m.end, p, m.label) for p in places for m in p.mentions),
            key=lambda x: x[0])
        self.people = self._people(doc)
        self.movers: dict[str, Mover] = {}
        self.last: dict[str, Mover] = {}
        self.last_person = None
        self.plural_subject = None  # the latest group named as a subject ("the couple")
        self.person_trail: list = []  # the people named as subjects, latest last
        self.gender = self._genders(doc)
        self.subject_vehicle: str | None = None
        self.taken = False  # the vehicle is one taken for this leg ("took a boat to X")
        self.last_together: list[Mover] = []
        self.last_two: Mover | None = None  # the latest group of two ("two hikers")
        self.last_named: Mover | None = None  # the latest mover the text names, and where
        self.last_named_at = 0
        self.carried_by: dict[str, Mover] = {}  # the latest mover each transport verb moved
        self.by_label: dict[str, Mover] = {}
        self.home_places: dict[str, Place] = {}
        self.owners = self._vehicle_owners(doc)
        events: list[Event] = []
        for sent in doc.sents:
            for tok in sent:
                events.extend(self._events_at(tok, sent))
        return events

    # -- movers ---------------------------------------------------------------------------
    def _people(self, doc) -> dict[str, dict]:
        """PERSON entities, one record per person: "Ms. Silva" is "Ana Silva" when a name
        word is shared; with the titles that stand before them ("Brazilian leader")."""
        people: dict[str, dict] = {}
        self.person_alias: dict[str, str] = {}
        # word -> (token, person key, named as a subject) of each full name, in text order
        self.name_keys: dict[str, list[tuple[int, str, bool]]] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = _person_name(ent.text)
            words = _name_words(name)
            if not words:
                continue
            key = self._key_of(words, ent.start) or " ".join(words)
            rec = people.setdefault(key, {"label": name, "titles": set(), "home": None})
            if len(name) > len(rec["label"]):
                rec["label"] = name
            for w in words:
                self.person_alias.setdefault(w, key)
                seen = self.name_keys.setdefault(w, [])
                if len(words) > 1 or not seen:
                    seen.append((ent.start, key, ent.root.dep_ in ("nsubj", "nsubjpass",
                                                                   "ROOT")))
            left = ent.start - 1
            title_tokens = []
            while left >= 0 and doc[left].dep_ in ("compound", "amod", "nmod") and \
                    doc[left].ent_type_ != "PERSON" and doc[left].head.i >= left:
                title_tokens.insert(0, doc[left])
                left -= 1
            nouns = [t.lemma_.lower() for t in title_tokens if t.pos_ in ("NOUN", "PROPN")
                     and t.lower_.rstrip(".") not in HONORIFICS]
            # the title is the last noun: "train conductor", "Guard spokesman" name no train
            rec["titles"].update(nouns[-1:])
            home = self._demonym_country(" ".join(t.text for t in title_tokens))
            if home:
                rec["home"] = home
        return people

    def _genders(self, doc) -> dict[str, str]:
        """Person key -> "m" or "f" where the text shows it: an honorific before the name
        ("Mr. Silva", "Mrs. Silva"), else the pronouns of sentences that name that person alone
        ("Silva said he ..."), with the next sentence when it names nobody."""
        titled: dict[str, str] = {}
        votes: dict[str, dict[str, int]] = {}
        sents = list(doc.sents)
        for i, sent in enumerate(sents):
            keys = set()
            for ent in sent.ents:
                if ent.label_ != "PERSON":
                    continue
                key = self._person_key(doc[ent.start])
                if key is None:
                    continue
                keys.add(key)
                before = doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
                sex = HONORIFIC_GENDER.get(before) or HONORIFIC_GENDER.get(
                    ent[0].lower_.rstrip("."))
                if sex:
                    titled.setdefault(key, sex)
            if len(keys) != 1:
                continue
            said = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass")]  # "he", not "him"
            if i + 1 < len(sents) and not any(e.label_ == "PERSON" for e in sents[i + 1].ents):
                said += [t for t in sents[i + 1] if t.dep_ in ("nsubj", "nsubjpass")]
            words = [t.lower_ for t in said]
            tally = votes.setdefault(keys.pop(), {"m": 0, "f": 0})
            for w in words:
                if w in PRONOUN_GENDER:
                    tally[PRONOUN_GENDER[w]] += 1
        out = {k: v for k, v in ((k, "m" if t["m"] > 2 * t["f"] else "f" if t["f"] > 2 * t["m"]
                                  else None) for k, t in votes.items() if any(t.values())) if v}
        return {**out, **titled}

    def _agreeing(self, pronoun: str):
        """The latest person named as a subject whom a pronoun can denote: "he" skips a woman
        named since ("Ana Silva has worked with Mr. Rossi ... She ... He intends")."""
        want = PRONOUN_GENDER.get(pronoun)
        for tok in reversed(self.person_trail[-8:]):
            key = self._person_key(tok) if tok.ent_type_ == "PERSON" else \
                self.person_alias.get(tok.lower_)
            if want is None or key is None or self.gender.get(key) in (None, want):
                return tok
        return self.last_person

    def _vehicle_owners(self, doc) -> dict[str, str]:
        """Vehicle noun -> the person whose vehicle the text says it is ("his armored train",
        "Ms. Silva's train"), for later mentions of "the train"."""
        owners: dict[str, str] = {}
        last_person = None
        for tok in doc:
            if tok.ent_type_ == "PERSON":
                key = self._person_key(tok)
                if key:
                    last_person = key
            if tok.lemma_.lower() in VEHICLES and tok.pos_ == "NOUN":
                poss = next((c for c in tok.children if c.dep_ == "poss"), None)
                if poss is None:
                    continue
                if poss.pos_ == "PRON" and poss.lower_ in ("his", "her") and last_person:
                    owners.setdefault(tok.lemma_.lower(), last_person)
                elif poss.ent_type_ == "PERSON" and self._person_key(poss):
                    owners.setdefault(tok.lemma_.lower(), self._person_key(poss))
        return owners

    def _demonym_country(self, text: str) -> str | None:
        m = self.demonym_pattern.search(text) if self.demonym_pattern else None
        return self.demonyms[m.group(1)] if m else None

    def _movers(self, subj) -> list[Mover]:
        """Movers of a subject: "A and B" gives both; "the two men" those who last moved
        together. A generic plural ("Airplanes are flying into ...") moves nobody."""
        if subj is None:
            return []
        if subj.lemma_.lower() in TRAVEL_NOUNS.difference(VEHICLES) and subj.pos_ == "NOUN" \
                and not any(
                c.dep_ == "poss" for c in subj.children):
            return []  # "the annual pilgrimage to X gets underway" names no traveller
        if subj.lemma_.lower() in QUANTITY_NOUNS:  # "Hundreds of pilgrims" -> the pilgrims
            obj = _of_object(subj)
            if obj is not None and obj.lemma_.lower() in GROUP_NOUNS:
                mover = self._mover(obj)
                return [mover] if mover is not None else []
        specific = ("det", "poss", "nummod") if subj.lemma_.lower() in VEHICLES.keys() | \
            TRAVEL_NOUNS else ("det", "poss", "nummod", "amod")  # "Direct flights" are a service
        if subj.tag_ == "NNS" and not any(c.dep_ in specific for c in subj.children) and \
                subj.lemma_.lower() not in GROUP_NOUNS:
            return []
        phrase = [t for t in subj.subtree if not any(
            a.dep_ in ("relcl", "acl", "appos") and a != subj and subj in a.ancestors
            for a in [t, *t.ancestors])]
        named = {}
        if any(t.dep_ == "cc" and t.lower_ == "and" for t in phrase):
            for t in phrase:
                if any(a.dep_ == "poss" for a in [t, *t.ancestors] if subj in a.ancestors):
                    continue  # "A and B's aide, C": the aide travelled, not B
                key = self._person_key(t) if t.ent_type_ == "PERSON" else None
                if key and key not in named:
                    named[key] = t
        if len(named) > 1:  # "A and B flew ...", however the parser attached them
            movers = [m for t in named.values() if (m := self._mover(t)) is not None]
            self.last_together = movers
            return movers
        if subj.conjuncts:
            movers = [m for t in (subj, *subj.conjuncts) if (m := self._mover(t)) is not None]
            people = {m.key.split(":", 1)[1] for m in movers if m.key.startswith("person:")}
            # "Ana Silva and her husband": one party, named after her
            movers = [m for m in movers if not (m.key.startswith("relative:") and
                                                m.key.split(":")[1] in people)]
            if len(movers) > 1:
                self.last_together = movers
            return movers
        if subj.tag_ == "NNS" and self.last_together and (
                subj.lemma_.lower() in PEOPLE_NOUNS or any(
                    subj.lemma_.lower() in self.people[m.key.split(":", 1)[1]]["titles"]
                    for m in self.last_together if m.key.startswith("person:"))):
            return list(self.last_together)
        if subj.lower_ in SHARE_WORDS and not list(subj.children) and self.last.get("group"):
            return [self.last["group"]]  # "Many hope to continue to X": some of the group
        if subj.lower_ in ("they", "both") and self.last_together:
            return list(self.last_together)
        mover = self._mover(subj)
        if mover is None and subj.lower_ == "they" and self.plural_subject is not None:
            return self._movers(self.plural_subject)  # "The couple married ... They moved to X"
        return [mover] if mover is not None else []

    def _mover(self, subj) -> Mover | None:
        """The mover a subject (or possessor) token denotes, or None if it is not a traveller."""
        if subj is None:
            return None
        lemma = subj.lemma_.lower()
        if lemma in QUANTITY_NOUNS:  # "a small group of supporters"
            obj = _of_object(subj)
            return self._mover(obj) if obj is not None and obj.lemma_.lower() in GROUP_NOUNS \
                else None
        if subj.pos_ == "PRON" and subj.lower_ not in ("who", "which", "that"):
            kinds = {"he": "person", "she": "person", "it": "vehicle", "they": "group",
                     "we": "group", "his": "person", "her": "person", "its": "vehicle",
                     "their": "group", "him": "person", "them": "group", "us": "group"}
            kind = kinds.get(subj.lower_, kinds.get(lemma))
            local = self._clause_antecedent(subj) if kind == "person" else None
            if local is None and subj.dep_ == "dobj" and subj.lower_ in ("him", "her"):
                local = self._object_antecedent(subj)
            if local is not None:
                return self._mover(local)
            if kind == "person" and self.last_person is not None and \
                    self.last_person.pos_ != "PRON":
                return self._mover(self._agreeing(subj.lower_))
            return self.last.get(kind) if kind else None
        if subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl":
            return self._mover(subj.head.head)
        alias = self.person_alias.get(subj.lower_)
        if alias and (subj.pos_ == "PROPN" or subj.text.istitle()) and \
                subj.ent_type_ != "PERSON":
            rec = self.people[alias]  # a person's name tagged as something else
            return self._register(f"person:{alias}", rec["label"], None, rec["home"], subj.idx,
                                  "person")
        phrase_text = _np_text(subj)
        named = self.by_label.get(phrase_text.lower())
        if named is not None:
            self.last["vehicle" if named.vehicle else "person"] = named
            return named
        vehicle = lemma if lemma in VEHICLES else None
        person = None
        # A person named in the phrase ("the author A B", "her aide, A B"), or its possessor
        # when the possessed noun is the person's vehicle or party ("Ms. Silva's train"); "his
        # wife", "Silva's aide" are someone else.
        kin = lemma in KIN_NOUNS and any(
            c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.lower_ in ("his", "her"))
            for c in subj.children)
        candidates = [*[c for c in subj.children if c.dep_ == "appos" and
                        c.ent_type_ == "PERSON" and c.pos_ == "PROPN"], subj,
                      *[c for c in subj.children if c.dep_ == "compound" or
                        c.dep_ == "poss" and not kin]]
        for tok in candidates:
            if tok.ent_type_ == "PERSON":
                key = self._person_key(tok)
                if key:
                    person = key
                    break
            if tok.dep_ == "poss" or tok == subj:
                person = self._titled(tok)
            if person:
                break
        if person is None and vehicle and vehicle in self.owners and not any(
                t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "") for t in subj.subtree):
            person = self.owners[vehicle]
        poss = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ in ("his", "her")),
                    None)
        if kin and person is None:
            return self._relative(subj)
        if person is None and poss is not None and self.last_person is not None:
            person = self._person_key(self._agreeing(poss.lower_))
        if person:
            rec = self.people[person]
            mover = self._register(f"person:{person}", rec["label"], vehicle, rec["home"],
                                   subj.idx, "person")
            if vehicle:
                self.last["vehicle"] = mover
            return mover
        phrase = _np_text(subj)
        home = self._demonym_country(phrase)
        if lemma in OFFICE_NOUNS and subj.tag_ in ("NN", "NNP") and any(
                c.dep_ == "det" and c.lower_ == "the" for c in
                [*subj.children, *(subj.head.children if subj.dep_ == "conj" else [])]):
            # "The Iranian president arrived in X": a person the text knows by the office
            # ("the Dutch king and queen": the article and nationality stand before the first)
            if subj.dep_ == "conj" and home is None:
                home = self._demonym_country(_np_text(subj.head))
            return self._register(f"office:{phrase.lower()}", phrase, None, home, subj.idx,
                                  "person")
        if lemma in SOMEONE_NOUNS and subj.tag_ == "NN" and any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in subj.children):
            # "A Pewaukee man was arrested after leading police on a chase ...; he drove"
            return self._register(f"someone:{lemma}", phrase, None, home, subj.idx, "person")
        if lemma in GROUP_NOUNS:
            pair = self._pair_named_before(subj) or self._named_team(subj) or \
                self._group_named_before(subj, home)
            if pair is not None:
                return pair
            key = f"group:{home or ''}:{GROUP_NOUNS[lemma]}"
            mover = self._register(key, phrase, None, home, subj.idx, "group")
            if any(c.dep_ == "nummod" and c.lower_ in ("two", "2") for c in subj.children):
                self.last_two = mover
            return mover
        if vehicle:
            named = [t for t in subj.subtree if t.pos_ == "PROPN" and t.ent_type_ != "NORP"]
            last = self.last.get("vehicle")
            if not named and last is not None and VEHICLES.get(last.vehicle or "") == \
                    VEHICLES[vehicle]:
                return last
            name = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"),
                        None)
            if name is not None:  # "the cruise ship Sea Star"
                phrase = " ".join(t.text for t in name.subtree if t.text[:1].isupper()
                                  and t.dep_ != "det")
            key = f"vehicle:{phrase.lower()}"
            return self._register(key, phrase, vehicle, home, subj.idx, "vehicle")
        if lemma in THING_MOVERS and any(c.dep_ in ("det", "poss") for c in subj.children):
            # "The Olympic torch arrived in X ... It will travel through Y"
            return self._register(f"thing:{phrase.lower()}", phrase, None, None, subj.idx,
                                  "vehicle")
        appos = next((c for c in subj.children if c.dep_ in ("appos", "compound")
                      and c.lemma_.lower() in VEHICLES), None)
        if appos is not None and subj.pos_ == "PROPN":
            name = " ".join(t.text for t in subj.subtree if t.i <= subj.i and
                            t.dep_ != "det" and t.text[:1].isupper())
            return self._register(f"vehicle:{name.lower()}", name, appos.lemma_.lower(), home,
                                  subj.idx, "vehicle")
        if subj.ent_type_ == "NORP" and subj.tag_ in ("NNS", "NNPS") and home and any(
                c.dep_ in ("nummod", "det") for c in subj.children):
            # "52,000 Venezuelans have arrived in X": a group from that country, not a population
            return self._register(f"group:{home}:{lemma}", subj.text, None, home, subj.idx,
                                  "group")
        if self._unknown_name(subj):  # a surname the tagger missed ("Dmitriyenko flew to X")
            name = " ".join(t.text for t in subj.subtree if t.i <= subj.i and t.pos_ == "PROPN")
            return self._register(f"name:{name.lower()}", name, None, None, subj.idx, "person")
        if self._the_name(subj):  # "The Dalai Lama returned to X", "the Ever Given sailed"
            name = " ".join(t.text for t in subj.subtree if t.i <= subj.i and t.dep_ != "det")
            return self._register(f"named:{name.lower()}", name, None, None, subj.idx,
                                  "vehicle")
        if subj.ent_type_ in ("ORG", "PRODUCT", "FAC") and subj.pos_ == "PROPN":
            # a named thing that moves (a ship's name, a team); a bare nationality ("Chileans",
            # "Peruvians") is a population, not a traveller
            name = " ".join(t.text for t in subj.subtree if t.ent_type_ == subj.ent_type_)
            return self._register(f"named:{name.lower()}", name, self._introduced_vehicle(subj),
                                  home, subj.idx, "vehicle")
        return None

    def _pair_named_before(self, noun) -> Mover | None:
        """"The pair", "the couple" after "Two hikers ...": the two named before, unless a
        couple of its own was."""
        if GROUP_NOUNS.get(noun.lemma_.lower()) != "couple" or self.last_two is None or any(
                m.key.endswith(":couple") for m in self.movers.values()) or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return None
        return self.last_two

    def _named_team(self, noun) -> Mover | None:
        """"The team" after "Manchester United flew to X": the side named in that sentence or
        the one before, unless a team of its own was named."""
        if GROUP_NOUNS.get(noun.lemma_.lower()) != "team" or noun.tag_ != "NN" or \
                self.last_named is None or [c.lower_ for c in noun.children] != ["the"] or any(
                m.key.endswith(":team") for m in self.movers.values()):
            return None
        named = self.doc.char_span(self.last_named_at, self.last_named_at + 1,
                                   alignment_mode="expand")
        if named is None or named.sent.end < noun.sent.start:
            return None
        return self.last_named

    def _group_named_before(self, noun, home: str | None) -> Mover | None:
        """"The tourists" after "Forty Chinese tourists flew to X", "the players" after
        "Argentina's squad": the group of that kind named before with its nationality; "the
        evacuees" the group evacuated before."""
        kind = GROUP_NOUNS[noun.lemma_.lower()]
        verb = ROLE_VERBS.get(noun.lemma_.lower())
        if verb in self.carried_by and not home and f"group::{kind}" not in self.movers:
            return self.carried_by[verb]  # "The evacuees" after "evacuated 250 nationals"
        if home or f"group::{kind}" in self.movers or not any(
                c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                for c in noun.children):
            return None
        known = [m for k, m in self.movers.items() if k.startswith("group:") and
                 k.endswith(f":{kind}")]
        if not known:
            return None
        return self._register(known[-1].key, known[-1].label, None, None, noun.idx, "group")

    def _introduced_vehicle(self, name) -> str | None:
        """The vehicle a name opening a sentence refers back to: the one vehicle the sentence
        before introduced with "a" ("seized a British-flagged oil tanker ... The Stena Impero
        had left X"), else None."""
        sent = name.sent
        if sent.start == 0 or name.i - sent.start > 3:
            return None
        before = self.doc[sent.start - 1].sent
        found = {t.lemma_.lower() for t in before if t.pos_ == "NOUN" and t.lemma_.lower() in
                 VEHICLES and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                  for c in t.children)}
        return found.pop() if len(found) == 1 else None

    def _titled(self, noun) -> str | None:
        """The person a title noun denotes ("the crown prince" after "Crown Prince A B"): one
        with that title whose nationality does not clash with the noun's ("the Kenyan
        president" is not a president of unknown nationality named later)."""
        tl = noun.lemma_.lower()
        home = self._demonym_country(" ".join(t.text for t in noun.lefts))
        for key, rec in self.people.items():
            if tl not in rec["titles"]:
                continue
            first = min((i for seen in self.name_keys.values() for i, k, _ in seen if k == key),
                        default=noun.i)
            if home is None or rec["home"] == home or (
                    first < noun.i and rec["home"] is None):
                return key  # one named later only if no nationality of the noun's says not
        return None

    def _unknown_name(self, tok) -> bool:
        """Whether a subject is a capitalised name that is no place, organisation or nationality
        and that no gazetteer knows: a person the tagger missed."""
        if tok.pos_ != "PROPN" or tok.ent_type_ not in ("", "GPE", "LOC") or \
                tok.dep_ not in ("nsubj", "nsubjpass") or not tok.text.istitle() or \
                any(c.dep_ in ("det", "poss") or c.dep_ == "compound" and not _name_word(c)
                    for c in tok.children) or \
                tok.i == tok.sent.start and tok.ent_type_ == "" and \
                self.article.text.count(tok.text) < 2 and not _name_then_motion(tok):
            return False  # a capitalised first word is a name only if it recurs
        if any(ms <= tok.idx < me for ms, me, _, _ in self.by_span):
            return False
        name = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.pos_ == "PROPN")
        return not self.gazetteer.has_name(normalize(name))  # "Ellie Smith", not "Smith"

    def _the_name(self, tok) -> bool:
        """Whether a subject is "the" and capitalised words the tagger left untyped and no
        place mention covers: a name of a ship or a title ("the Ever Given", "the Dalai Lama")."""
        words = [t for t in tok.subtree if t.i <= tok.i]
        return tok.tag_ == "NNP" and tok.ent_type_ == "" and tok.dep_ in ("nsubj", "nsubjpass") \
            and len(words) > 2 and words[0].lower_ == "the" and words[0].dep_ == "det" and all(
                t.text.istitle() and t.ent_type_ == "" and t.head == tok for t in words[1:-1]) \
            and not any(ms < words[-1].idx + len(words[-1]) and me > words[1].idx
                        for ms, me, _, _ in self.by_span)

    def _relative(self, noun) -> Mover | None:
        """"his wife", "Ana Silva's parents": a mover named after the person it belongs to."""
        poss = next(c for c in noun.children if c.dep_ == "poss")
        owner = self._mover(poss) if poss.pos_ == "PRON" else None
        key = self._person_key(poss) if poss.ent_type_ == "PERSON" else \
            owner.key.split(":", 1)[1] if owner and owner.key.startswith("person:") else None
        if key is None:
            return None
        words = " ".join(t.text for t in noun.subtree if t.i <= noun.i and t.dep_ not in
                         ("poss", "det", "case") and t not in poss.subtree)
        label = f"{self.people[key]['label']}'s {words}"
        return self._register(f"relative:{key}:{noun.lemma_.lower()}", label, None,
                              self.people[key]["home"], noun.idx, "relative")

    def _object_antecedent(self, pronoun):
        """The person an object pronoun denotes when its sentence named that person before it,
        not as the verb's own subject: "A abducted B from a mall and drove her to X" (B)."""
        want = PRONOUN_GENDER.get(pronoun.lower_)
        verb = pronoun.head
        subjects = {t.i for v in [verb, *verb.conjuncts, verb.head]
                    for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        for tok in reversed(pronoun.sent[:pronoun.i - pronoun.sent.start]):
            if tok.i in subjects or tok.dep_ not in ("dobj", "pobj", "appos") or \
                    tok.pos_ != "PROPN":
                continue
            key = self._person_key(tok) if tok.ent_type_ == "PERSON" else \
                self.person_alias.get(tok.lower_)  # a surname the tagger read as a place
            if key and self.gender.get(key) in (None, want):
                return tok
        return None

    def _clause_antecedent(self, pronoun):
        """The person a pronoun denotes inside a clause about that person: "A B, whose parents
        took him to X" (a relative or appositive clause with a subject of its own)."""
        want = PRONOUN_GENDER.get(pronoun.lower_)
        clause = None
        for anc in pronoun.ancestors:
            if anc.dep_ in ("relcl", "acl") and clause is None and any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("who", "that", "which")
                    and c != pronoun for c in anc.children):
                clause = anc
            if clause is not None and anc.ent_type_ == "PERSON" and anc.pos_ == "PROPN":
                key = self._person_key(anc)
                if key and self.gender.get(key) in (None, want):
                    return anc
                return None
        return None

    def _person_key(self, tok) -> str | None:
        ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
        if ent is None:
            return None
        return self._key_of(_name_words(_person_name(ent.text)), ent.start)

    def _key_of(self, words: list[str], at: int) -> str | None:
        """The person a name denotes: a full name by its surname (two people who share a first
        name stay apart); a lone word by the person of that name last named as a subject
        before it ("Ana Silva, daughter of Rui Silva, ... Silva" is Ana), else first named."""
        if not words:
            return None
        if len(words) > 1:
            full = " ".join(words)
            known = {k for seen in self.name_keys.values() for _, k, _ in seen}
            if full in known:
                return full
            for _, key, _ in self.name_keys.get(words[-1], []):
                other = set(key.split())
                if other <= set(words) or set(words) <= other:  # "Ana Silva", "Ana M. Silva"
                    return key
            return None
        seen = self.name_keys.get(words[0], [])
        subjects = [k for i, k, subject in seen if i < at and subject]
        return subjects[-1] if subjects else seen[0][1] if seen else None

    def _register(self, key: str, label: str, vehicle: str | None, home: str | None,
                  position: int, kind: str) -> Mover:
        mover = self.movers.get(key)
        if mover is None:
            mover = Mover(key, label, vehicle, home, position)
            self.movers[key] = mover
            if kind == "vehicle":
                self.by_label.setdefault(label.lower(), mover)
        else:
            mover.vehicle = mover.vehicle or vehicle
            mover.home = mover.home or home
            if vehicle and mover.vehicle == vehicle and len(label) > len(mover.label) \
                    and kind == "vehicle":
                mover.label = label
        self.last[kind] = mover
        if key.startswith(("person:", "named:", "name:")):
            self.last_named, self.last_named_at = mover, position
        return mover

    # -- events ---------------------------------------------------------------------------
    def _subject(self, verb):
        """The subject of a verb, following conjunctions, xcomp/aux chains and clauses."""
        tok = verb
        for _ in range(6):
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:  # not a footnote mark read as a second subject ("Xs [1] arrived")
                # nor a share of the first ("The migrants, most of them from X, crossed")
                subjects = [c for c in subjects if not (c is not subjects[0] and any(
                    p.dep_ == "prep" and p.lower_ == "of" and any(
                        o.pos_ == "PRON" for o in p.children) for p in c.children))]
                return ([c for c in subjects if c.pos_ != "NUM"] or subjects)[-1]
            if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
                return tok.head  # "a ship bound for Lagos", "the envoys flown to Oslo"
            if tok.dep_ in ("relcl", "advcl", "acl") and tok.head.dep_ == "ROOT" and \
                    tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
                    _headline(tok):
                return tok.head  # the headline "Merkel to visit China": Merkel will
            if (tok.dep_ in ("conj", "xcomp", "advcl", "pcomp", "ccomp", "acomp", "oprd", "attr",
                             "relcl", "pobj") or _loose_conjunct(tok) or (
                    tok.dep_ == "npadvmod" and tok.pos_ == "NOUN")) and tok.head != tok:
                # "flew to X, his first visit ..., before heading to Y": the flight's subject
                tok = tok.head
                if tok.dep_ == "prep":
                    tok = tok.head
                continue
            break
        return None

    def _events_at(self, tok, sent) -> list[Event]:
        lemma = _lemma(tok)
        self.taken = False
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and \
                lemma in GROUP_NOUNS and (tok.tag_ == "NNS" or GROUP_NOUNS[lemma] in (
                    "couple", "family", "team", "crew", "delegation")) and \
                tok.head.dep_ in ("ROOT", "conj") and not any(
                c.lower_ in SHARE_WORDS for c in tok.children):
            # a main clause's, not "where officials said"; "Most children" are no one's "they"
            self.plural_subject = tok
        if tok.lower_ in ("left", "right") and tok.i and \
                self.doc[tok.i - 1].lemma_.lower() in ("turn", "veer", "swerve"):
            return []  # "turning left onto X" is a direction, not a departure
        if (tok.ent_type_ == "PERSON" or tok.lower_ in self.person_alias) and \
                tok.pos_ == "PROPN" and (
                tok.dep_ in ("nsubj", "nsubjpass") or
                                          tok.dep_ == "poss" and tok.head.dep_ in
                                          ("nsubj", "nsubjpass")) and not (
                tok.head.lemma_.lower() in REPORT_VERBS and tok.head.i < tok.i):
            # '..., said Ana Silva' quotes a source; the next "she" is still the story's traveller
            self.last_person = tok
            self.person_trail.append(tok)
        elif tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "NOUN" and \
                self._titled(tok) is not None and \
                tok.lemma_.lower() not in PEOPLE_NOUNS - {"president", "minister"}:
            self.last_person = tok  # "the crown prince ... He plans": the titled person
            self.person_trail.append(tok)
        verbal = tok.pos_ in ("VERB", "AUX") or (
            tok.pos_ == "NOUN" and tok.head.lower_ == "to" and tok.head.dep_ in ("pcomp", "aux")
        ) or (lemma == "bound" and any(c.dep_ == "prep" and c.lower_ in ("for", "to")
                                       for c in tok.children))
        if tok.dep_ == "prep" and _route_noun(tok) is not None:
            return self._route_events(tok, sent)
        if lemma == "bear" and tok.tag_ == "VBN":  # "was born in X": where a life set out
            births = self._stranded_events(tok, sent)
            for ev in births:
                ev.extra["birth"] = True
            return births
        if tok.tag_ == "VBN" and (lemma in STRANDING_VERBS or
                                  lemma in DETENTION_VERBS and tok.dep_ == "acl"):
            return self._stranded_events(tok, sent)
        taking = next(
            (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in
             VEHICLES.keys() | TRAVEL_NOUNS), None) if lemma in ("take", "catch", "board") \
            else None
        carried = self._carried(tok, lemma) if verbal else None
        if taking is not None and carried == taking and \
                _vehicle_of(self._subject(tok)) is None:
            carried = None  # "the refugees took a boat to X": the boat is how they went
        stay = lemma == "spend" and any(c.dep_ == "dobj" and c.ent_type_ in ("DATE", "TIME")
                                        for c in tok.children) or (  # "spent two years in X"
            lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "off"  # "took off from X"
                                    for c in tok.children))
        if verbal and (lemma in MOTION_VERBS | MEETING_VERBS | START_VERBS or taking or stay
                       or _presence(tok) or _due_in(tok) is not None
                       or carried is not None
                       or (lemma in TRANSPORT_VERBS | GREETING_VERBS and _passive(tok))):
            if _habitual(tok) or _unrealised(tok):
                return []  # "has visited X weekly", "goes to X every summer": a habit, no trip
            # "a voyage that took it to Hong Kong", "crowds greeted the king at the station":
            # the object is the one who moves
            subj = carried if carried is not None else self._subject(tok)
            if _generic(tok, subj) or taking is not None and _generic(tok, taking):
                return []  # "he takes a bus to X" in the simple present: a habit
            boarded = _boarded(subj) if tok.dep_ == "acl" and subj == tok.head else None
            if boarded is not None and _vehicle_of(self._subject(boarded)) is None:
                # "they boarded a boat bound for X": the passengers are bound for X
                taking, subj = subj, self._subject(boarded)
            self.subject_vehicle = _vehicle_of(subj)
            if carried is not None:  # "the ferry carried them to Dover": the ferry's mode
                self.subject_vehicle = self.subject_vehicle or _vehicle_of(self._subject(tok))
            if taking is not None:  # "took a train ride to Lyon", "caught a ferry to Dover"
                phrase = " ".join(t.text.lower() for t in taking.subtree)
                self.subject_vehicle = next(
                    (w for w in VEHICLES if re.search(rf"\b{w}\b", phrase)), None) or \
                    _vehicle_of(taking)
                self.taken = self.subject_vehicle is not None
            movers = self._movers(subj)
            if lemma == "be":  # "The foreign minister is in Cairo": a person, not a thing
                movers = [m for m in movers if m.key.startswith(("person:", "office:", "name:"))]
            if carried is not None and lemma in DRIVER_VERBS:  # "she drove him to Lyon"
                movers += [m for m in self._movers(self._subject(tok)) if m not in movers]
            events = []
            for mover in movers:
                events.extend(self._verb_events(tok, sent, mover))
            if movers and (carried is not None or _passive(tok)):
                self.carried_by[lemma] = movers[0]  # "evacuated 250 nationals": the evacuees
            return events
        if tok.pos_ == "NOUN" and (lemma in TRAVEL_NOUNS or _stay_span(tok)):
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            named = _named_subject_of_own(tok, owner)
            if named is not None:  # "Ellie Smith finished her walk to X"
                movers = self._movers(named)
            elif owner is not None:
                movers = [m for m in [self._mover(owner)] if m is not None]
            else:  # not "following" read as a verb ("Following three days in X, ...")
                verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") and
                             a.dep_ != "prep"), None)
                subj = self._subject(verb) if verb is not None else None
                # "the annual pilgrimage to X gets underway": the trip names no traveller
                movers = self._movers(subj) if subj is not None and subj != tok and \
                    tok not in subj.subtree else []
            gov = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") and
                        a.dep_ != "prep"), None)
            obtained = gov is not None and _lemma(gov) in OBTAIN_VERBS and any(
                c.dep_ == "dobj" and tok in c.subtree for c in gov.children)
            if gov is not None and (obtained or _negated(gov) or
                                    _habitual(gov) or _unrealised(gov)):
                return []  # "landed a drive in ...", "did not make the trip to X"
            self.subject_vehicle = None
            return [ev for m in movers for ev in self._noun_events(tok, sent, m)]
        return []

    def _carried(self, verb, lemma: str):
        """The object a transport or greeting verb moves, if it names a traveller: "flew the
        envoys to Oslo", "crowds met the train at Lyon", "a voyage that took it to Hong Kong"."""
        if lemma not in TRANSPORT_VERBS | GREETING_VERBS or _passive(verb):
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        if obj.pos_ == "PRON":
            ok = obj.lower_ in ("him", "her", "them", "us") or (
                obj.lower_ == "it" and lemma in ("take", "bring", "carry", "tow", "escort"))
        else:
            head = obj
            if obj.lemma_.lower() in QUANTITY_NOUNS:  # "evacuated hundreds of residents"
                head = _of_object(obj) or obj
            ok = head.ent_type_ == "PERSON" or head.lemma_.lower() in GROUP_NOUNS.keys() | \
                THING_MOVERS or (
                head.lemma_.lower() in VEHICLES and lemma not in ("drive", "fly", "ride"))
        if not ok:
            return None
        if lemma in ("bring", "take") and _abstract(self._subject(verb)):
            return None  # "growth is expected to bring 6,500 students to X": no one drives
        if lemma == "meet":  # "Kim met Putin in Kazan": the subject travelled, unless it is
            subj = self._subject(verb)  # a crowd or a host's party meeting a vehicle or guest
            if obj.lemma_.lower() not in VEHICLES and subj is not None and (
                    subj.ent_type_ == "PERSON" or subj.pos_ == "PRON"):
                return None
        return obj

    def _route_events(self, prep, sent) -> list[Event]:
        """"en route to X", "on his way to X", "en route from X to Y": the destination is where
        the mover was going (planned, not reached in that sentence); the origin as said."""
        noun = _route_noun(prep)
        head = prep.head
        if head.pos_ in ("VERB", "AUX"):
            verb, movers = head, self._movers(self._subject(head))
        else:
            verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), head)
            movers = self._movers(head) if head.pos_ in ("NOUN", "PROPN", "PRON") else []
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        self.subject_vehicle = None
        out = []
        preps = [*noun.children, *(p for c in noun.children if c.lower_ in DIRECTION_WORDS
                                   for p in c.children)]  # "on his way back from X"
        for mover in movers:
            for child in preps:
                if child.dep_ != "prep":
                    continue
                role = "origin" if child.lower_ in ORIGIN_PREPS else "via" \
                    if child.lower_ in VIA_PREPS else "dest" \
                    if child.lower_ in ("to", "toward", "towards", "for", "into") else None
                if role is None:
                    continue
                for target in (c for c in child.children if c.dep_ == "pobj"):
                    for place, span in self._places_under(target):
                        ev = self._event(verb, sent, mover, place, role, span)
                        ev.verb = f"{prep.text} {noun.text}"
                        if role == "dest":
                            ev.date = None
                            ev.extra["future"] = True
                            if ev.status == "confirmed":
                                ev.status = "planned"
                        out.append(ev)
        return out

    def _stranded_events(self, verb, sent) -> list[Event]:
        """"tourists stranded in Bali", "were trapped in X": the place they were held is where
        a trip told beside it starts (an origin; alone it makes no journey)."""
        out = []
        for mover in self._movers(self._subject(verb)):
            for prep in (c for c in verb.children if c.dep_ == "prep" and
                         c.lower_ in ("in", "at", "on")):
                for target in (c for c in prep.children if c.dep_ == "pobj"):
                    for place, span in self._places_under(target):
                        out.append(self._event(verb, sent, mover, place, "origin", span))
        return out

    def _verb_events(self, verb, sent, mover: Mover) -> list[Event]:
        lemma = _lemma(verb)
        out: list[Event] = []
        if _negated(verb):
            return out  # "never went to", "did not want to drive to", "was unable to reach"
        if lemma == "call" and (verb.dep_ == "acl" or any(
                c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") or c.dep_ == "oprd"
                for c in verb.children)):
            return out  # "an album called 'X'", "called on X to act": no port call
        if lemma == "land" and any(c.dep_ == "dobj" and c.lemma_.lower() not in VEHICLES
                                   and not _clause_apposition(c) for c in verb.children):
            return out  # "landed a job in X" (but "landed in X, the first stop of ...")
        if lemma == "attend" and any(c.dep_ == "dobj" and c.lemma_.lower() in SCHOOL_NOUNS
                                     for c in verb.children):
            return out  # "attended law school in X": studied there
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if "would" in auxes and "have" in auxes or _conditional(verb, ("if", "unless")):
            return out  # "would have flown to Rome", "if they were sent to X": did not happen
        made_stop = any(c.dep_ == "dobj" and c.lemma_.lower() in TRAVEL_NOUNS
                        for c in verb.children)
        if lemma == "stop" and any(c.dep_ == "dobj" and (c.pos_ in ("PRON", "PROPN") or
                                                          _lemma(c) in GROUP_NOUNS)
                                   for c in verb.children):
            return out  # "officers stopped him near X": they halted him, no trip of theirs
        if lemma == "hold" and _passive(verb):
            return out  # "was held in the county jail": detained, not hosting talks
        if lemma == "call" and any(c.dep_ == "dobj" and c.lemma_.lower() not in ("port", "stop")
                                   for c in verb.children):
            return out  # "called her mother in X" is a telephone call, not a port call
        separate = any(c.dep_ == "dobj" and c.tag_ == "NNS" and _lemma(c) in
                       SEPARATE_TRIP_NOUNS for c in verb.children)  # "took trips to X and Y"
        # "Macron last visited China in 2019, when he toured X and Y": the same other time
        background = any(_earlier_occasion(v) for v in [verb, *verb.ancestors][:4]
                         if v.pos_ in ("VERB", "AUX"))
        for child in [*verb.children, *_stray_preps(verb, lemma)]:
            role = None
            # "were flown to Qatar and then to Germany": a second preposition joined to the verb
            linked = child.dep_ == "conj" and child.pos_ == "ADP" and any(
                c.dep_ == "pobj" for c in child.children)
            if child.dep_ == "prep" or linked or (child.dep_ == "advmod" and
                                                  child.lower_ in ("out",)):
                prep = child.lower_
                if prep in ORIGIN_PREPS:
                    role = "origin"
                elif prep in VIA_PREPS and lemma not in MEETING_VERBS:
                    role = "via"
                elif prep in ("in", "at") and lemma in ("board", "embark"):
                    role = "origin"  # "boarded buses in X": where they set out
                elif prep in DEST_PREPS:
                    if prep in ARRIVAL_PREPS_ONLY and lemma not in ARRIVAL_VERBS and not (
                            lemma in ("make", "pay") and made_stop):
                        continue  # "made an emergency landing in X" stops at X
                    if prep == "for" and lemma not in SETTING_OUT_VERBS:
                        continue  # "sail for Lisbon", but "flew for Britain" is service
                    if lemma in MEETING_VERBS and prep not in ARRIVAL_PREPS_ONLY:
                        continue
                    role = "crossing" if lemma == "cross" and prep == "into" else "dest"
                    if prep in ("toward", "towards"):
                        role = "heading"  # a direction: a stop only if it names a settlement
                if role is None:
                    continue
                targets = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            elif child.dep_ == "dobj" and lemma in START_VERBS and \
                    child.lemma_.lower() in TRAVEL_NOUNS:
                role = "origin"
                targets = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in
                           ("in", "at", "from") for o in c.children if o.dep_ == "pobj"]
            elif child.dep_ == "advcl" and lemma in ("leave", "depart") and child.tag_ == "VB" \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children) and \
                    _lemma(child) not in MOTION_VERBS:
                role = "dest"  # "left in May to work in X": where the departure led
                targets = [o for c in child.children if c.dep_ == "prep" and c.lower_ in
                           ("in", "at") for o in c.children if o.dep_ == "pobj"]
            elif child.dep_ in ("dobj", "attr") and lemma in OBJECT_ORIGIN_VERBS:
                role, targets = "origin", [child]
            elif child.dep_ == "dobj" and lemma == "cross" and verb.dep_ == "pcomp":
                role, targets = "via", [child]  # "after crossing Guatemala": passed through
            elif child.dep_ == "dobj" and lemma in OBJECT_DEST_VERBS and lemma not in ("cross",):
                role, targets = "dest", [child]
                if lemma in ("visit", "tour"):  # "visited the embassy in X": X, where it stands
                    targets += [o for p in child.children if p.dep_ == "prep" and p.lower_ in
                                ("in", "at") for o in p.children if o.dep_ == "pobj"]
            elif child.dep_ == "dobj" and any(c.dep_ == "prt" and c.lower_ in DEST_PREPS
                                              for c in verb.children):
                role, targets = "dest", [child]  # "stop off Port Said"
            else:
                continue
            for target in targets:
                for place, span in self._places_under(target):
                    if role == "heading":
                        if place.entry.feature not in ("city", "admin2"):
                            continue
                        out.append(self._event(verb, sent, mover, place, "dest", span))
                        continue
                    if role == "via" and child.dep_ == "dobj" and place.entry.feature in WATER:
                        continue  # "before crossing the Indian Ocean": no stop at sea
                    ev = self._event(verb, sent, mover, place, role, span)
                    if lemma == "board" and role == "dest" and ev.status == "confirmed":
                        ev.status, ev.date = "planned", None  # "boarded a ferry to X": not
                        ev.extra["future"] = True  # there yet
                    if separate and role == "dest" or background:
                        ev.extra["apart"] = True  # a trip to each; a trip of another time
                    out.append(ev)
        here = next((c for c in verb.children if c.lower_ == "here" and c.dep_ == "advmod"), None)
        dateline = next((p for p in self.places for m in p.mentions if m.label == "DATELINE"),
                        None)
        if here is not None and dateline is not None and lemma in ARRIVAL_VERBS | {
                "come", "return", "move", "relocate", "fly", "travel", "immigrate"} and \
                not any(e.role == "dest" for e in out):  # "arrived here from X": the dateline
            out.append(self._event(verb, sent, mover, dateline, "dest", (here.idx, here.idx)))
        if any(c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod", "dobj") for c in
               verb.children) and mover.home and not any(e.role == "dest" for e in out):
            home = self._home_place(mover.home)
            if home is not None:  # "returning home": the mover's country, implied
                ev = self._event(verb, sent, mover, home, "dest", (verb.idx, verb.idx))
                ev.extra["implied"] = True
                out.append(ev)
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children) and \
                lemma in ARRIVAL_VERBS:
            for place, span in self._places_under(verb.head):
                out.append(self._event(verb, sent, mover, place, "dest", span))
        if lemma in REDIRECT_VERBS:
            _intended_goal(verb, out)
        origins = [e for e in out if e.role == "origin"]
        if len({e.place.id for e in origins}) > 1:
            for e in origins:  # "had travelled from Egypt, Syria and Pakistan to Libya": each
                e.extra["apart"] = True  # came from one of them, not from all in turn
        if any(e.role == "dest" and e.place.entry.feature not in WATER for e in out):
            # "entering the bay from the Atlantic near Brest": the sea is the approach
            out = [e for e in out if not (e.role == "origin" and e.place.entry.feature in WATER)]
        return out

    def _noun_events(self, noun, sent, mover: Mover) -> list[Event]:
        out: list[Event] = []
        governing = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")
                          and a.dep_ != "prep"), noun)
        preps = [c for c in noun.children if c.dep_ == "prep"] + _chained_preps(noun)
        if noun.dep_ == "dobj" and not preps:  # "cut short his holiday in X": the parser hung
            preps = [c for c in noun.head.children if c.dep_ == "prep"  # "in X" on the verb
                     and c.i == noun.i + 1 and c.lower_ in ("in", "at")]
        for child in preps:
            if child.dep_ != "prep":
                continue
            prep = child.lower_
            role = "origin" if prep in ORIGIN_PREPS else "via" if prep in VIA_PREPS else \
                "dest" if prep in DEST_PREPS else None
            if governing.lemma_.lower() in START_VERBS and prep in ("in", "at", "from"):
                role = "origin"  # "began his trip in X"
            if role is None:
                continue
            for target in (c for c in child.children if c.dep_ == "pobj"):
                for place, span in self._places_under(target):
                    ev = self._event(governing, sent, mover, place, role, span, noun=noun)
                    if role == "dest" and ev.status == "confirmed" and \
                            (_lemma(governing) in SETTING_OFF_VERBS or _lemma(governing) ==
                             "take" and any(c.dep_ == "prt" and c.lower_ == "off" for c in
                                            governing.children)) and not ev.date and \
                            not (ev.extra.get("earlier") and not _after_clause(governing)):
                        # "took off ... on a flight to X"; but "left X and, after calls in Y,"
                        ev.status = "planned"  # "set off on a march to X": not there yet
                    if noun.tag_ == "NNS" and _lemma(noun) in SEPARATE_TRIP_NOUNS:
                        ev.extra["apart"] = True  # "vacations in X and Y": a trip to each
                    out.append(ev)
        # "the next stop will be X", "his destination is X"
        if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
            for attr in (c for c in noun.head.children if c.dep_ == "attr"):
                for place, span in self._places_under(attr):
                    out.append(self._event(noun.head, sent, mover, place, "dest", span, noun=noun))
        return out

    def _places_under(self, token) -> list[tuple[Place, tuple[int, int]]]:
        """Places named in a preposition's object: its noun phrase with "of" phrases,
        appositions and conjuncts, but not other prepositions or clauses."""
        keep = []
        stack = [token]
        while stack:
            t = stack.pop()
            keep.append(t)
            for c in t.children:
                if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp"):
                    continue
                if c.dep_ == "prep" and not (c.lower_ == "of" and t.lemma_.lower() in
                                             PLACE_NOUNS) and not (
                        c.lower_ == "near" and t.ent_type_ in ("LOC", "FAC")):
                    continue  # "from the Atlantic near the port city of Brest" keeps Brest
                if c.dep_ == "poss" and not (t.ent_type_ in PLACE_ENTS or t.lemma_.lower() in
                                             PLACE_NOUNS):
                    continue  # "on Washington's good side" is not Washington
                stack.append(c)
        where = _located_in(token)
        if where is not None:  # "to the Memorial Hospital in Anoka": where it stands
            keep.extend(where.subtree)
        idx = sorted(t.idx for t in keep)
        found = []
        for ms, me, place, label in self.by_span:
            if label != "DEMONYM" and any(ms <= i < me for i in idx) and \
                    not self._modifier_only(ms, me):
                found.append((place, (ms, me)))
        found = [(p, span) for p, span in found if not self._part_of_name(token, span)]
        if any(p.entry.feature not in WATER for p, _ in found):
            found = [(p, span) for p, span in found if p.entry.feature not in WATER]
        return [(p, span) for p, span in found
                if not any(o.id != p.id and _contains(p, o) for o, _ in found)]

    def _part_of_name(self, token, span: tuple[int, int]) -> bool:
        """Whether a place is only a word of another thing's name: "North Medical Center in
        Anoka" (the centre stands in Anoka), "a Honda Civic" (a car), "the Mexico border" (the
        border, not the country)."""
        words = [t for t in token.subtree if span[0] <= t.idx < span[1]]
        if not words:
            return False
        head = words[-1]
        while head.dep_ in ("compound", "nmod") and head.head != head:
            head = head.head  # "North" -> "Memorial" -> "Center"
        if head.idx < span[1]:
            return False  # the place is the phrase's head
        if head.lemma_.lower() in ("border", "frontier"):
            return True
        if head.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                        for c in head.children):
            return True
        return head == token and _located_in(head) is not None

    def _modifier_only(self, start: int, end: int) -> bool:
        """Whether a mention is no place to stop at: a word of a nationality ("the North Korean
        embassy") or a bare common noun read as a town ("Airport", "Station")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        if span.text.lower() in PLACE_NOUNS | INSTITUTION_NOUNS:
            return True  # "Airport", "Centre" read as towns
        demonym = self.demonym_pattern.match(self.article.text, start) \
            if self.demonym_pattern else None
        if demonym and demonym.end() > end:
            return True  # "North" of "North Korean"
        if any(t.dep_ == "pobj" and t.pos_ == "PROPN" for t in span):
            return False  # "to Mombasa" tagged as a nationality is still the place gone to
        return all(t.ent_type_ == "NORP" or t.pos_ == "ADJ" for t in span)

    def _event(self, verb, sent, mover: Mover, place: Place, role: str, span,
               noun=None) -> Event:
        status = self._status(verb, sent, noun)
        if role == "origin" and status == "planned" and verb.tag_ == "VBG" and \
                not _future_clause(verb):
            status = "confirmed"  # "was flying from X to Y": X was left
        if noun is not None:  # "a 10-hour train ride to Lyon", "his flight to Paris"
            phrase = " ".join(t.text for t in noun.lefts) + " " + noun.text
            self.subject_vehicle = self.subject_vehicle or next(
                (w for w in VEHICLES if re.search(rf"\b{w}\b", phrase.lower())), None)
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        future = status == "planned" or bool(
            auxes & (FUTURE_WORDS | SPECULATION_MODALS | {"would"})) or _future_clause(verb) or (
            "must" in auxes and verb.tag_ == "VB") or (
            status == "speculated" and (noun is not None or verb.tag_ not in ("VBD", "VBN"))
            and not _bare_past(verb))
        when = self._date(verb, sent, "future" if future else "past")
        mode = self._mode(verb, sent, mover)
        label = (noun.text if noun is not None else verb.text)
        lemma = verb.lemma_.lower()
        extra = {
            "lemma": lemma,
            "future": future,
            "pluperfect": "had" in auxes and verb.tag_ == "VBN" or _where_pluperfect(verb),
            "start": (lemma in START_VERBS or noun is not None and noun.head.lemma_.lower()
                      in START_VERBS) and role == "origin",
            "return": lemma == "return" or (noun is not None and noun.lemma_ == "return"),
            # "arrived in Lima after a stop in Arica": the stop came first
            "earlier": _after_clause(noun if noun is not None else verb),
            # "Along the way she stopped in X": before the destination told before
            "en_route": _along_the_way(verb),
            "later": _before_clause(noun if noun is not None else verb),
            # "took a boat to X": the boat makes that leg, not the ones after it
            "leg_mode": self.taken,
            # "was heading for X when ...": where the mover was going at the time
            "was_going": verb.tag_ == "VBG" and bool(auxes & {"was", "were"}) and role == "dest",
        }
        if self.subject_vehicle and not self.taken:  # not a boat taken for one leg
            mover.vehicles[self.subject_vehicle] = mover.vehicles.get(self.subject_vehicle, 0) + 1
        return Event(mover, place, role, status, when, mode, label, sent.text.strip(),
                     verb.idx, span, extra=extra)

    def _status(self, verb, sent, noun=None) -> str:
        words = {t.lower_ for t in sent}
        chain = [verb, *verb.ancestors]
        clause = [verb, *[a for a in verb.ancestors if a.dep_ in ("xcomp", "aux", "ROOT")]]
        auxes = {c.lower_ for v in clause for c in v.children if c.dep_ in ("aux", "auxpass")}
        auxes |= {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if noun is not None:
            auxes |= {c.lower_ for c in noun.head.children if c.dep_ == "aux"}
        if sent.text.rstrip(" \n\"'”’").endswith("?"):
            return "speculated"  # a question asserts no trip ("is it safe to send them to X?")
        if auxes & SPECULATION_MODALS or words & SPECULATION_WORDS or _conditional(verb) or (
                "must" in auxes and "have" in auxes and verb.tag_ == "VBN"):
            return "speculated"  # "could stop in X", "if he flies to X", "must have gone to X"
        reporters = [a for a in _clause_chain(verb)[1:] if a.pos_ in ("VERB", "AUX")
                     and a.lemma_.lower() in REPORT_VERBS]
        planned = _future_clause(verb) or (
            verb.tag_ == "VB" and "to" in auxes and not _purpose_of_departure(verb)) or (
            verb.tag_ == "VB" and "must" in auxes) or _due_in(verb) is not None or \
            _lemma(verb) == "bound" or any(
            a.lemma_.lower() in PLAN_HEADS for a in chain[1:3]) or (
            noun is not None and any(c.lower_ in PLAN_ADJECTIVES for c in noun.children))
        if reporters and reporters[0].lemma_.lower() in BELIEF_VERBS:
            return "speculated"  # "police believed he drove to X", "they hope to reach X"
        if reporters or "according" in words:
            # "her office said she would stop off in X" announces a plan; "sources said",
            # "according to", "reported" and past facts relay a claim
            if planned and reporters and "according" not in words and \
                    reporters[0].lemma_.lower() in ANNOUNCE_VERBS and \
                    not self._source_speaker(reporters[0]):
                return "planned"
            return "reported"
        if "would" in auxes and "if" in words:
            return "speculated"  # "would fly to X if ..."
        if planned:
            return "planned"
        if verb.dep_ in ("pcomp", "advcl") and noun is None:
            head = verb.head.head if verb.head.dep_ == "prep" else verb.head
            if head.pos_ in ("VERB", "AUX") and head != verb:
                governing = self._status(head, sent)
                if governing != "confirmed":
                    return governing  # "will fly on to Quito before returning home"
        present = verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VB" and not auxes and any(
            c.dep_ == "nsubj" for c in verb.children)  # "The Sox open": a present tagged VB
        if present and _lemma(verb) in MOTION_VERBS | START_VERBS and \
                not _headline(verb) and any(
                    c.ent_type_ == "DATE" or c.dep_ == "prep" and any(
                        o.ent_type_ == "DATE" for o in c.children) for c in verb.children):
            return "planned"  # "He arrives in X on Friday": a timetable, still ahead
        if verb.tag_ == "VBG" and _lemma(verb) == "head" and verb.dep_ in (
                "advcl", "acl", "xcomp", "conj") and any(
                c.dep_ == "prep" and c.lower_ in ("to", "toward", "towards", "for", "into")
                for c in verb.children):
            return "planned"  # "sailed from X on Sunday, heading for Y": Y is still ahead
        progressive = {"is", "are", "am", "'s", "’s"} | (
            {"was", "were"} if _lemma(verb) in MOTION_VERBS else set())
        if verb.tag_ == "VBG" and auxes & progressive and any(
                c.dep_ == "prep" and c.lower_ in ("to", "toward", "towards", "for", "into")
                for c in verb.children):
            return "planned"  # "is (was) heading to": the destination is not reached yet
        return "confirmed"

    @staticmethod
    def _source_speaker(report) -> bool:
        """Whether a report verb's speaker is a source relaying news ("sources said",
        "the news agency said", "local media reported")."""
        subj = next((c for c in report.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return False
        words = {t.lemma_.lower() for t in subj.subtree}
        return bool(words & SOURCE_NOUNS)

    def _date(self, verb, sent, tense: str) -> str | None:
        """The date of the time expression attached to the verb (not to another verb); for a
        subordinate clause ("shortly after entering ...") the governing clause's; after
        "then", the previous sentence's."""
        own = self._attached_date(verb, sent, tense)
        if own:
            return own
        if verb.dep_ in ("advcl", "pcomp") or verb.head.dep_ == "prep" and \
                verb.head.head.pos_ in ("VERB", "AUX"):
            head = verb.head.head if verb.head.dep_ == "prep" else verb.head
            if head.pos_ in ("VERB", "AUX"):
                found = self._attached_date(head, sent, tense)
                if found:
                    return found
        if any(c.lower_ == "then" for c in verb.children) and sent.start > 0:
            previous = self.doc[sent.start - 1].sent
            for ent in reversed(previous.ents):
                if ent.label_ == "DATE":
                    found = self._resolve(ent.text, tense)
                    if found:
                        return found
        return None

    def _resolve(self, text: str, tense: str) -> str | None:
        """A DATE entity's date; NER spans can carry extra words ("March 29 after days")."""
        found = dates.resolve_when(text, self.article.published, tense)
        if found:
            return found
        for expr, _, _ in dates.find_when(text):
            found = dates.resolve_when(expr, self.article.published, tense)
            if found:
                return found
        return None

    def _attached_date(self, verb, sent, tense: str) -> str | None:
        for ent in sent.ents:
            if ent.label_ != "DATE":
                continue
            owner = None
            for anc in [ent.root, *ent.root.ancestors]:
                if anc == verb:
                    owner = verb
                    break
                finite = any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children) or \
                    anc.dep_ in ("relcl", "acl")
                if anc.pos_ in ("VERB", "AUX") and anc != ent.root and (
                        finite or anc.lemma_.lower() in MOTION_VERBS | REPORT_VERBS):
                    break  # the date belongs to another clause
                if anc.dep_ == "prep" and anc.lower_ == "since":
                    break  # "his first visit since 2019": a time before, not the visit's
            if owner is None:
                continue
            resolved = self._resolve(ent.text, tense)
            if resolved:
                return resolved
        return None

    def _mode(self, verb, sent, mover: Mover) -> str:
        if self.subject_vehicle:
            return VEHICLES[self.subject_vehicle]
        lemma = verb.lemma_.lower()
        if lemma in VERB_MODES:
            return VERB_MODES[lemma]
        for child in verb.children:
            if child.lower_ in ("by", "aboard", "on") and child.dep_ in ("prep", "agent"):
                for obj in child.children:  # "by helicopter", "on a bus"
                    mode = VEHICLES.get(obj.lemma_.lower()) or mode_from_text(obj.text)
                    if mode:
                        return mode
        if mover.vehicle and mover.key.startswith(("vehicle:", "named:")):
            return VEHICLES.get(mover.vehicle, "unknown")
        return "unknown"

    # -- journeys ---------------------------------------------------------------------------
    def _journeys(self, events: list[Event]) -> JourneyResult:
        by_mover: dict[str, list[Event]] = {}
        for ev in events:
            by_mover.setdefault(ev.mover.key, []).append(ev)
        journeys: list[Journey] = []
        extra: dict[str, Place] = {}
        # "now" is the publication date; without one, the latest date the events give
        latest = [date.fromisoformat(e.date.partition("/")[2] or e.date) for e in events
                  if e.date and not e.extra.get("future")]
        self._base = (self.article.published or max(latest, default=date(2000, 1, 1))
                      ).toordinal()
        movers = sorted(by_mover, key=lambda k: min(e.position for e in by_mover[k]))
        for key in movers:
            evs = _merge_restated(_dedupe(_with_birthplace(by_mover[key])))
            if not evs:
                continue
            mover = evs[0].mover
            for ev in evs:
                if _diverted(ev, evs):
                    ev.extra["apart"] = True  # a stop no leg reaches
            for ev in evs:
                ev.order = self._order(ev, evs)
            for ev in evs:
                if _departure_told_later(ev, evs):  # "arrived in X in 2016. They fled Y after"
                    ev.order = min((o.order for o in evs if o is not ev and
                                    not o.extra.get("apart")), default=ev.order + 1.0) - 1.0
            evs.sort(key=lambda e: e.order)
            evs = self._merge_contained(evs)
            evs = self._inherit_modes(evs)
            stops = [self._stop(e) for e in evs]
            stops = self._resolve_crossings(stops, evs, mover, extra)
            apart = {(e.place.id, e.position) for e in evs if e.extra.get("apart")}
            origins = {(e.place.id, e.position): e.extra.get("lemma") for e in evs
                       if e.role == "origin"}
            stops = self._implied_origin(stops, mover, extra, apart, origins)
            stops = self._merge_repeats(stops, apart)
            if not stops or len(stops) == 1 and not self._lone_stop(stops[0], evs[0]):
                continue
            jid = f"j{len(journeys) + 1}"
            label = _mover_label(mover, len(evs))
            # a trip to each, or of another time, has no leg; the stops around it join up
            joined = [s for s in stops if (s.place.id, s.position) not in apart]
            pairs = list(zip(joined, joined[1:]))
            legs = tuple(Leg(jid, label, i, a, b) for i, (a, b) in enumerate(pairs, start=1))
            journeys.append(Journey(jid, label, tuple(stops), legs))
        used = {s.place.id for j in journeys for s in j.stops}
        homes = {k: p for k, p in self.home_places.items() if p.id in used and k not in extra}
        return JourneyResult(tuple(journeys), tuple({**extra, **homes}.values()))

    @staticmethod
    def _lone_stop(stop: Stop, ev: Event) -> bool:
        """Whether one stop alone is a journey: a destination the text says was or will be
        reached ("is travelling to X", "visited X", "crossed into X"), not an origin or a
        guess."""
        return ev.role in ("dest", "crossing") and not stop.implied and \
            stop.status != "speculated" and ev.extra.get("lemma") not in MEETING_VERBS and \
            stop.place.entry.feature != "continent"  # "met in X", "travels in Asia": no map

    def _merge_repeats(self, stops: list[Stop], apart: set) -> list[Stop]:
        """One stop where the same place follows itself; both sentences kept as evidence (not
        a trip of another time and one of this trip)."""
        out: list[Stop] = []
        for s in stops:
            if out and out[-1].place.id == s.place.id and \
                    ((out[-1].place.id, out[-1].position) in apart) == \
                    ((s.place.id, s.position) in apart):
                prev = out[-1]
                status = max((prev.status, s.status), key=STATUS_RANK.__getitem__)
                evidence = "\n".join(sorted(dict.fromkeys(prev.evidence.split("\n") +
                                                           s.evidence.split("\n")),
                                             key=self.article.text.find))
                out[-1] = replace(prev, status=status, date=prev.date or s.date, evidence=evidence)
                continue
            out.append(s)
        return out

    def _order(self, ev: Event, evs: list[Event], depth: int = 0) -> float:
        """A sortable time. An event's own date first; else the time of an earlier event of the
        same mover in the same sentence ("crossed ... and passed through"), else of the last
        dated event before it in the text with the same tense; else what its tense implies:
        an undated past event in the lede stands at publication, a past-perfect one well
        before, a future one after. A journey's start comes first, a return last."""
        base = self._base
        eps = ev.position * POSITION_STEP
        if ev.extra.get("start"):
            t = base - 100.0
        elif ev.date:
            start, _, end = ev.date.partition("/")
            a = date.fromisoformat(start).toordinal()
            b = date.fromisoformat(end).toordinal() if end else a
            t = (a + b) / 2
        else:
            # another occasion ("who last visited X in 2013") times nothing of this trip
            kin = [o for o in evs if o is not ev and
                   bool(o.extra.get("apart")) == bool(ev.extra.get("apart"))]
            same = sorted((o for o in kin if o.evidence == ev.evidence
                           and _told_before(o, ev)
                           and not o.extra.get("earlier")
                           and not (o.extra.get("pluperfect") and not ev.extra.get("pluperfect"))
                           and not (o.extra.get("later") and not ev.extra.get("later"))
                           and not (o.extra.get("future") and not ev.extra.get("future"))),
                          key=lambda o: (o.span[0], o.position))
            # "travelled through X before reaching Y in 2016": X just before Y's date
            following = [o for o in kin if o.evidence == ev.evidence and o.date
                         and not o.extra.get("earlier")
                         and (o.extra.get("later") or o.span[0] > ev.span[0])
                         and o.extra.get("future") == ev.extra.get("future")]
            prior = [o for o in kin if o.date and "/" not in o.date
                     and o.span[0] < ev.span[0]
                     and o.extra.get("future") == ev.extra.get("future")]
            dated_past = [o for o in kin if o.date and not o.extra.get("future")]
            if ev.extra.get("pluperfect"):
                same = [o for o in same if o.extra.get("pluperfect")]
            if same and depth < 5:  # a plan said beside a past stop comes after it
                later = ev.extra.get("future") and not same[-1].extra.get("future")
                # after the latest of them ("who had arrived in X from Y, travelled to Z")
                t = max(self._order(o, evs, depth + 1) for o in same) + (
                    0.5 if later else SENTENCE_STEP)
                eps = 0.0  # the earlier event's order holds the sentence's place already
            elif ev.extra.get("en_route") and self._goal_before(ev, kin) and depth < 5:
                t = self._order(self._goal_before(ev, kin), evs, depth + 1) - 0.05
            elif following and not ev.extra.get("later") and depth < 5:
                t = self._order(following[0], evs, depth + 1) - 0.05
            elif ev.extra.get("pluperfect"):
                earliest = min((self._order(o, evs, depth + 1) for o in dated_past),
                               default=base)
                t = min(earliest, base) - 1.0
            elif prior and depth < 5:
                t = self._order(prior[-1], evs, depth + 1) + 0.01
            elif not ev.extra.get("future"):
                t = base + 0.4
            else:  # undated plans and guesses in the order the text gives them
                t = base + 1.0
        if ev.role == "origin":
            t -= 0.1
        if ev.extra.get("return"):
            t += 0.5
        if ev.extra.get("earlier"):  # not before a departure ("left X and, after calls")
            main = [o for o in evs if o is not ev and o.evidence == ev.evidence
                    and not o.extra.get("earlier") and not o.extra.get("apart")
                    and o.role != "origin"]
            if main and depth < 5:
                t = min(t, min(self._order(o, evs, depth + 1) for o in main) - 0.05)
                # "who left X, arrived in Z after crossing Y": Y after the sentence's start
                starts = [o for o in evs if o.evidence == ev.evidence and o.role == "origin"
                          and not o.extra.get("apart") and o is not ev]
                if starts and ev.role != "origin":
                    t = max(t, max(self._order(o, evs, depth + 1) for o in starts) +
                            SENTENCE_STEP / 2)
        if ev.extra.get("later") and not ev.date:
            # "Before arriving in X, he stopped in Y": X after what the sentence tells first
            main = [o for o in evs if o is not ev and o.evidence == ev.evidence
                    and not o.extra.get("later") and not o.extra.get("earlier")
                    and not o.extra.get("apart")]
            if main and depth < 5:
                t = max(t, max(self._order(o, evs, depth + 1) for o in main) + 0.05)
        return t + eps

    @staticmethod
    def _goal_before(ev: Event, kin: list[Event]) -> Event | None:
        """The destination an earlier sentence gave the trip a stop "along the way" was on."""
        return next((o for o in reversed(kin) if o.role == "dest" and o.evidence != ev.evidence
                     and o.span[0] < ev.span[0] and not o.extra.get("en_route")), None)

    def _merge_contained(self, evs: list[Event]) -> list[Event]:
        """Drop a country or region stop next to a stop inside it; keep the stronger status."""
        out: list[Event] = []
        for ev in evs:
            if out and (_tense_apart(out[-1], ev) or
                        bool(out[-1].extra.get("apart")) != bool(ev.extra.get("apart"))):
                out.append(ev)  # "arrived in Greece"; later "hope to reach Athens": two stops
                continue
            if out and _contains(out[-1].place, ev.place) and out[-1].role != "crossing":
                prev = out.pop()
                ev = _combine(ev, prev) if prev.role == ev.role else ev
                if prev.place.id == ev.place.id and ev.mode == "unknown":
                    ev.mode = prev.mode  # "had flown in from X, where he met": by air
            elif out and _contains(ev.place, out[-1].place) and ev.role != "crossing":
                if ev.role == out[-1].role:
                    out[-1] = _combine(out[-1], ev)
                continue
            out.append(ev)
        # a region passed through that contains a later stop adds nothing either
        keep = []
        for ev in out:
            if ev.role == "via" and ev.place.entry.feature not in ("city", "crossing") and \
                    any(_contains(ev.place, o.place) for o in out if o is not ev):
                continue
            keep.append(ev)
        return keep

    @staticmethod
    def _inherit_modes(evs: list[Event]) -> list[Event]:
        """A mover keeps its mode on later legs until the text changes it (a trip of another
        time neither gives nor takes one)."""
        evs_all, evs = evs, [e for e in evs if not e.extra.get("apart")]
        mode, pending = "unknown", None
        for ev in evs:
            if ev.extra.get("leg_mode"):
                # "took a boat to X": that leg's mode, not the mover's from then on; "boarded
                # buses in X and travelled to Y": the leg that starts at X
                pending = ev.mode if ev.role == "origin" else None
                continue
            if ev.mode != "unknown":
                mode = ev.mode
            else:
                ev.mode = pending or mode
            pending = None
        # the start takes the first mode the text gives ("left X on Sunday, flew to Y"); a
        # place reached before it was reached some other way ("had arrived in X from Y,
        # travelled by bus to Z")
        first = next((e for e in evs if e.mode != "unknown" and not e.extra.get("leg_mode")),
                     None)
        for ev in evs:
            if first is not None and ev.mode == "unknown" and (
                    ev.role == "origin" or ev.position == first.position):
                ev.mode = first.mode
        return evs_all

    def _stop(self, ev: Event) -> Stop:
        sentences = dict.fromkeys([ev.evidence, *ev.extra.get("evidence", [])])
        evidence = "\n".join(sorted(sentences, key=self.article.text.find))
        return Stop(ev.place, ev.status, evidence, ev.date, ev.mode, ev.verb,
                    bool(ev.extra.get("implied")), ev.position)

    def _resolve_crossings(self, stops: list[Stop], evs: list[Event], mover: Mover,
                           extra: dict[str, Place]) -> list[Stop]:
        out: list[Stop] = []
        for i, (stop, ev) in enumerate(zip(stops, evs)):
            if ev.role != "crossing":
                out.append(stop)
                continue
            to_cc = stop.place.entry.country_code
            prev_cc = out[-1].place.entry.country_code if out else mover.home
            if not to_cc or not prev_cc or prev_cc == to_cc:
                out.append(stop)
                continue
            before = (out[-1].place.lat, out[-1].place.lon) if out else None
            after = next(((s.place.lat, s.place.lon) for s in stops[i + 1:]
                          if s.place.entry.country_code == to_cc), None)
            entry = crossing_entry(self.gazetteer, prev_cc, to_cc, before, after, stop.mode)
            if entry is None:
                out.append(stop)
                continue
            mention = Mention(self.article.text[ev.position: ev.span[1]], ev.position,
                              ev.span[1], ev.evidence, "IMPLIED", implied=True,
                              hint=(("role", "crossing"),))
            place = extra.get(entry.key) or Place(
                entry.key.replace(":", "-").lower(), entry.name, entry,
                (mention, *self._border_mentions(ev)), implied=True)
            extra[entry.key] = place
            out.append(replace(stop, place=place))
            if stop.place.entry.feature != "country":
                out.append(replace(stop, date=stop.date, verb=stop.verb))
        return out

    def _border_mentions(self, ev: Event) -> list[Mention]:
        """"the border", "the border crossing", "the frontier" in the mover's sentences: the
        crossing just computed is what they refer to."""
        text = self.article.text
        out = []
        for sent in self.doc.sents:
            if sent.start_char > ev.position + 2000 or sent.end_char < ev.position - 2000:
                continue
            for m in BORDER_WORDS.finditer(sent.text):
                start = sent.start_char + m.start(1)
                end = sent.start_char + m.end(1)
                if start != ev.position:
                    out.append(Mention(text[start:end], start, end, sent.text.strip(),
                                       "IMPLIED", implied=True, hint=(("role", "crossing"),)))
        return out

    def _home_place(self, code: str) -> Place | None:
        place = next((p for p in self.places if p.entry.feature == "country"
                      and p.entry.country_code == code), None)
        if place is None:
            entry = self.gazetteer.country(code)
            if entry is None:
                return None
            place = self.home_places.setdefault(entry.key, Place(
                entry.key.replace(":", "-"), entry.name, entry, (), implied=True))
        return place

    def _implied_origin(self, stops: list[Stop], mover: Mover, extra: dict[str, Place],
                        apart: set, origins: dict) -> list[Stop]:
        """A mover from a country the text names, travelling abroad, started at home (before
        the first stop that is not a trip of its own); not one who sets out from a place the
        text names and goes home ("tourists stranded in Bali flew home to London"), whom the
        text shows only coming from somewhere, or who is carried from where they were
        ("evacuated 250 British nationals from Khartoum"). ``origins`` maps each origin stop
        to its verb's lemma."""
        first = next((s for s in stops if (s.place.id, s.position) not in apart), None)
        if first is None or not mover.home or mover.key.startswith(("vehicle:", "named:")):
            return stops  # a ship's flag or an airline's country is no place it set out from
        if first.place.entry.feature == "crossing" or first.verb.lower() in ("from", "left"):
            return stops
        if first.place.entry.country_code == mover.home or origins.get(
                (first.place.id, first.position)) in TRANSPORT_VERBS - DRIVER_VERBS:
            return stops
        if (first.place.id, first.position) in origins and (any(
                s.place.entry.country_code == mover.home for s in stops) or all(
                (s.place.id, s.position) in origins for s in stops)):
            return stops  # "a Kenyan woman who had just arrived from India": not from Kenya
        home = next((p for p in self.places if p.entry.feature == "country"
                     and p.entry.country_code == mover.home), None)
        if home is None:
            entry = self.gazetteer.country(mover.home)
            if entry is None:
                return stops
            home = extra.setdefault(entry.key, Place(entry.key.replace(":", "-"), entry.name,
                                                     entry, (), implied=True))
        origin = Stop(home, first.status, first.evidence, None, first.mode, "(implied origin)",
                      True, first.position)
        return [origin, *stops]


def _lemma(tok) -> str:
    """The lemma, with "bound" ("bound for Lagos") kept apart from "bind"."""
    return "bound" if tok.lower_ == "bound" else tok.lemma_.lower()


def _of_object(noun):
    """The noun after a quantity's "of" ("hundreds of residents" -> residents), or None."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _future_clause(verb) -> bool:
    """Whether a verb, or the clause it depends on ("will fly to X, visiting Y"), is future."""
    tok = verb
    for _ in range(4):
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if auxes & (FUTURE_WORDS | {"would"}):
            return True
        if tok.dep_ not in ("advcl", "pcomp", "conj", "xcomp") and not _loose_conjunct(tok) \
                or tok.head == tok:
            return False
        tok = tok.head.head if tok.head.dep_ == "prep" else tok.head
    return False


def _loose_conjunct(verb) -> bool:
    """A verb the parser hung on the previous verb without a label ("will travel to X ..., then
    head to Y"): a conjunct that shares its subject and tense."""
    return verb.dep_ == "dep" and verb.pos_ == "VERB" and verb.head.pos_ in ("VERB", "AUX") and \
        verb.head.i < verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _departure_told_later(ev: Event, evs: list[Event]) -> bool:
    """Whether an undated past departure, told alone in its sentence, from a place the mover
    is not otherwise at, is where the journey began ("They arrived in Greece in 2016. ... They
    had fled Iraq after ...")."""
    return ev.role == "origin" and not ev.date and not ev.extra.get("future") and \
        not ev.extra.get("start") and len(evs) > 1 and \
        all((o.evidence != ev.evidence or o.extra.get("future")) and o.place.id != ev.place.id
            for o in evs if o is not ev)  # "Macron, who flew in from X, will travel to Y"


def _diverted(ev: Event, evs: list[Event]) -> bool:
    """Whether a destination the mover was heading for was not reached: the same sentence then
    takes it elsewhere ("was heading for X when it was escorted to Y")."""
    return bool(ev.extra.get("was_going")) and ev.status == "planned" and any(
        o.evidence == ev.evidence and o.role == "dest" and o.status == "confirmed" and
        o.position > ev.position and o.place.id != ev.place.id for o in evs)


def _with_birthplace(evs: list[Event]) -> list[Event]:
    """A mover's events with the birthplace only where it starts a life told as moves ("born
    in X, moved to Y in 1950 and later settled in Z"), not beside a visit or alone."""
    if any(e.extra.get("lemma") in LIFE_MOVES for e in evs):
        return evs
    return [e for e in evs if not e.extra.get("birth")]


def _intended_goal(verb, evs: list[Event]) -> None:
    """"The flight from D to S was diverted to A": S, named on the subject while the verb
    names its own destination, was the goal not reached (planned, no leg reaches it)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not any(e.role == "dest" and not subj.idx <= e.span[0] < _end(subj)
                               for e in evs):
        return
    for ev in evs:
        if ev.role == "dest" and subj.idx <= ev.span[0] < _end(subj):
            ev.status, ev.date = "planned", None
            ev.extra.update(apart=True, future=True)


def _end(tok) -> int:
    """The character offset just after a token's subtree."""
    return tok.right_edge.idx + len(tok.right_edge.text)


def _headline(tok) -> bool:
    """Whether a token stands in the article's first line, when more lines follow."""
    text = tok.doc.text
    end = text.find("\n", len(text) - len(text.lstrip()))
    return end > 0 and tok.idx < end and bool(text[end:].strip())


def _located_in(tok):
    """The "in X" that places an organisation or building ("Memorial Medical Center in Anoka"),
    on the noun or, as the parser may hang it, on the verb right after the noun."""
    if tok.ent_type_ != "ORG" and tok.lemma_.lower() not in INSTITUTION_NOUNS:
        return None
    after = tok.doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 < len(tok.doc) else None
    preps = [c for c in tok.children if c.dep_ == "prep"]
    for of in [p for p in preps if p.lower_ == "of"]:  # "the office of the Court in X"
        preps += [c for o in of.children if o.dep_ == "pobj" for c in o.children
                  if c.dep_ == "prep" and c.lower_ in ("in", "at")]
    for prep in [*preps, after]:
        if prep is not None and prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near") and any(
                o.ent_type_ in ("GPE", "LOC") for o in prep.subtree):
            return prep
    return None


def _negated(verb) -> bool:
    """Whether a motion is denied: "did not go", "did not want to go", "was not able to go",
    "failed to reach", "was unable to reach"."""
    tok = verb
    for _ in range(4):
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if tok != verb and _lemma(tok) in FAILING_HEADS:
            return True
        if tok.dep_ not in ("xcomp", "acomp") or tok.head == tok:
            return False
        tok = tok.head
    return False


def _bare_past(verb) -> bool:
    """A bare infinitive under a past verb ("made her drive him to X", "let them go to X"):
    the past, not a plan."""
    return verb.tag_ == "VB" and verb.head.tag_ in ("VBD", "VBN") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def _purpose_of_departure(verb) -> bool:
    """Whether an infinitive is what a past departure was for ("left Oslo to fly to Rome",
    "cut short her holiday to return to Rome"): the news tells it as done."""
    head = verb.head
    return verb.dep_ == "advcl" and head.tag_ == "VBD" and \
        head.lemma_.lower() in SETTING_OUT_VERBS | ENDING_VERBS


NP_DEPS = {"det", "amod", "compound", "nummod", "poss", "case", "quantmod", "nmod", "punct",
           "advmod"}


def _np_text(noun) -> str:
    """A noun's own phrase up to the noun, without its article: "four U.S. Chinook helicopters",
    "the country's residents" (not the words of its prepositions or clauses)."""
    words = []
    for t in noun.subtree:
        if t.i > noun.i:
            break
        path, ok = t, True
        while path != noun:
            if path.dep_ not in NP_DEPS:
                ok = False
                break
            path = path.head
        doc = t.doc
        hyphened = (t.i and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_) or (
            t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_) or (
            t.text == "-" and not t.whitespace_)  # "out-of-state residents"
        if (ok or hyphened) and not (t.dep_ == "det" and t.head == noun):
            words.append(t)
    text = "".join(t.text_with_ws for t in words).strip()
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)


def _chained_preps(head) -> list:
    """"to Y" hung on "from X" (or on X) instead of on the verb or noun ("a march from X to
    Y", "her walk from Land's End to London")."""
    froms = [p for p in head.children if p.dep_ == "prep" and p.lower_ == "from"]
    hosts = [*froms, *(o for p in froms for o in p.children if o.dep_ == "pobj")]
    return [c for p in hosts for c in p.children if c.dep_ == "prep" and
            c.lower_ in ("to", "into", "via", "through", "toward")]


def _stray_preps(verb, lemma: str) -> list:
    """Prepositions the parser hung on a neighbour instead of the verb: "escorted the
    suspects from X to Y" (on the object), "was greeted by crowds at X" (on the agent)."""
    out = _chained_preps(verb)
    due = _due_in(verb)
    if due is not None:  # "is due in Kyiv on Saturday"
        out += [c for c in due.children if c.dep_ == "prep"]
    holder = verb.head if verb.dep_ == "conj" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else verb  # "... and escorted"
    for subj in (c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.lemma_.lower() in VEHICLES or subj.lemma_.lower() in TRAVEL_NOUNS:
            # "the first train to X arrived on Monday", "the maiden trip from X arrived at Y"
            out += [c for c in subj.children if c.dep_ == "prep" and c.lower_ in
                    ORIGIN_PREPS | {"to", "into"}]
            # "A boat carrying 120 migrants from Libya capsized": where the boat came from
            out += [p for acl in subj.children if acl.dep_ == "acl" and _lemma(acl) in (
                "carry", "transport") for o in [acl, *acl.children] if o.dep_ in ("acl", "dobj")
                for p in o.children if p.dep_ == "prep" and p.lower_ in ORIGIN_PREPS]
    if lemma in TRANSPORT_VERBS | {"board", "catch"}:  # also "boarded a ferry to X"
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            out += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in
                    ORIGIN_PREPS | {"to", "into"} | ({"in", "at"} if lemma == "board" and
                                                     obj.lemma_.lower() in VEHICLES else set())]
    if lemma in GREETING_VERBS:
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for obj in (c for c in agent.children if c.dep_ == "pobj"):
                out += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in
                        ("at", "in", "on")]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        # "fly to Doha on Sunday and then to Abu Dhabi": the second "to" hung on the date
        for c in (c for o in [prep, *(o for o in prep.children if o.dep_ == "pobj")]
                  for c in o.children if c.dep_ == "conj" and c.pos_ == "ADP"):
            if c.lower_ in DIRECTION_WORDS:  # "to Madeira and on to the Canary Islands"
                out += [p for p in c.children if p.dep_ == "prep" and p.lower_ in
                        DEST_PREPS | VIA_PREPS]
            elif c.lower_ in DEST_PREPS | VIA_PREPS:
                out.append(c)
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if lemma in MEETING_VERBS and obj.ent_type_ == "PERSON":
            # "after meeting Pope Francis in Rome": where they met, not where he lives
            out += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
        if lemma in OBJECT_ORIGIN_VERBS and obj.ent_type_ in PLACE_ENTS:
            out += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("for", "to")]
        if lemma == "cross":  # "crossed the Darien Gap from Colombia", "the border into X"
            out += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in
                    ORIGIN_PREPS | {"into", "to"}]
    for way in (c for c in verb.children if c.lower_ in ("by", "aboard") or c.lower_ in
                DIRECTION_WORDS and c.dep_ in ("advmod", "advcl", "prt", "npadvmod", "dobj")):
        # "travelling by train from Poland", "then by train to X", "then on to Sydney", "flew
        # back to Israel", "were flown home to India", "travelled north to X"
        heads = [o for o in way.children if o.dep_ == "pobj"] if way.lower_ in (
            "by", "aboard") else [way] if way.dep_ != "prep" else []
        out += [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in
                ORIGIN_PREPS | {"to", "into", "via", "through"}]
    return out


def _generic(verb, subj) -> bool:
    """Whether a motion is a general statement, not a trip: "a plane flying from X to Y burns
    ...", "a bus takes you from X to Y" (an indefinite mover in the simple present), "citizens
    stay in X up to 30 days" (a bare plural in the simple present, outside the headline, whose
    present tells news: "Troops arrive in X")."""
    if subj is None:
        return False
    clause = subj.head if verb.dep_ == "acl" and subj == verb.head else verb
    if subj.tag_ == "NNS" and clause.tag_ == "VBP" and subj.lemma_.lower() not in \
            QUANTITY_NOUNS and not any(
            c.dep_ in ("det", "poss", "nummod", "aux", "conj") for c in
            [*subj.children, *clause.children]) and not _headline(subj):
        return True
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every")
               for c in subj.children):
        return False
    if clause == subj or clause.lemma_.lower() in REPORT_VERBS:
        # the parser found no finite verb of its own ("An aircraft flying ... burns" read as a
        # noun phrase, or as the subject of "..., an expert told"): it names no single trip
        return verb.tag_ == "VBG"
    return clause.tag_ in ("VBZ", "VBP")


def _clause_chain(verb) -> list:
    """The verb and its ancestors up to a relative clause's noun: in "believes the cat found on
    a train that travelled to X is theirs", the belief is not about the train's trip."""
    out = [verb]
    tok = verb
    while tok.head != tok and tok.dep_ not in ("relcl", "acl"):
        tok = tok.head
        out.append(tok)
    return out


def _abstract(noun) -> bool:
    """Whether a subject noun names a process or quality, not a traveller, a vehicle or a trip:
    "growth", "development", "expansion", "popularity" (by the suffix of its lemma)."""
    if noun is None or noun.pos_ != "NOUN" or noun.ent_type_ in ("PERSON", "ORG", "NORP"):
        return False
    lemma = noun.lemma_.lower()
    if lemma in GROUP_NOUNS or lemma in VEHICLES or lemma in TRAVEL_NOUNS or \
            lemma in PEOPLE_NOUNS or lemma in KIN_NOUNS:
        return False
    return re.search(r"(?:[^o]th|ment|tion|sion|ity|ance|ence|ness)$", lemma) is not None


def _unrealised(verb) -> bool:
    """Whether a motion is only a rule or an aim: an obligation under a condition ("they have
    to travel to X if they want to ..."), what someone means to get others to do ("saved
    money to get her parents to take a trip to X"), or an offer."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in ("offer", "threaten"):
        return True  # "offering to transport the casket to X": an offer, not a trip
    if verb.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in CAUSE_VERBS and \
            head.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                      for c in head.children):
        return True
    if verb.dep_ == "xcomp" and head.lemma_.lower() in ("have", "need") and \
            head.tag_ in ("VBP", "VBZ"):
        clause = head
    elif any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children):
        clause = verb
    else:
        return False
    # the condition hangs on the obligation, or after it on the clause that holds it
    conditions = [*clause.children, *(c for c in clause.head.children if c.i > verb.i and
                                      clause.dep_ in ("advcl", "ccomp", "conj"))]
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in c.children) for c in conditions)


def _habitual(verb) -> bool:
    """Whether a verb tells a habit, not a trip: "visits X weekly", "goes to X every summer"."""
    for c in verb.children:
        if c.dep_ in ("advmod", "npadvmod", "dobj") and c.lower_ in HABIT_ADVERBS:
            return True
        if c.dep_ in ("npadvmod", "advmod", "dobj") and c.pos_ == "NOUN" and any(
                d.dep_ == "det" and d.lower_ in ("every", "each") for d in c.children):
            return True
    return False


def _conditional(verb, marks: tuple[str, ...] = ("if", "unless", "once")) -> bool:
    """Whether a verb sits in a condition ("if they fly to X", "once they reach X")."""
    for tok in [verb, *verb.ancestors][:4]:
        if any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children):
            return True
        if tok.dep_ not in ("advcl", "conj", "xcomp", "pcomp", "prep"):
            return False
    return False


def _passive(verb) -> bool:
    """Whether a verb is passive ("was flown to Oslo", "refugees airlifted to Oslo")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl") or (
        verb.tag_ in ("VBN", "VBD") and verb.dep_ == "conj" and verb.head != verb and
        _passive(verb.head) and (verb.tag_ == "VBN" or _bare_participle(verb)))
    # "were bused to X and later taken to Y", "were found alive and airlifted to X"


def _bare_participle(verb) -> bool:
    """A regular past form with no subject or object of its own, which the parser may tag as a
    simple past after a passive ("were found and airlifted to X")."""
    return verb.lower_.endswith("ed") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)


def _route_noun(prep):
    """The "route" of "en route" or the "way" of "on his way", under a preposition."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    if prep.lower_ == "en" and obj.lower_ == "route":
        return obj
    if prep.lower_ == "on" and obj.lower_ == "way" and any(
            c.dep_ in ("poss", "det") for c in obj.children):
        return obj
    return None


def _after_clause(tok) -> bool:
    """Whether a word sits in an "after ..." phrase ("after a stop in X", "after visiting X")."""
    for anc in tok.ancestors:
        if anc.dep_ == "prep" and anc.lower_ in ("after", "following"):
            return True
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("pcomp", "pobj"):
            return False
    return False


def _name_word(tok) -> bool:
    """A capitalised word of a person's name the tagger left untyped ("Ellie" of "Ellie
    Smith")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ == "" and tok.text.istitle()


def _name_then_motion(tok) -> bool:
    """A lone capitalised word followed at once by a past motion verb it is the subject of
    ("Modi arrived in Dhaka", "Navalny was flown to Berlin", "Modi had flown"): a name even
    when said once at a sentence's start."""
    verb = tok.head
    between = tok.doc[tok.i + 1:verb.i]
    return tok.tag_ == "NNP" and not list(tok.children) and verb.i > tok.i and (
        verb.tag_ == "VBD" and not between or verb.tag_ == "VBN" and 0 < len(between) < 3 and
        all(t.dep_ in ("aux", "auxpass") and t.lower_ in ("was", "were", "had", "has", "been")
            for t in between)) and _lemma(verb) in MOTION_VERBS | TRANSPORT_VERBS


def _presence(verb) -> bool:
    """Whether "be" says where someone is now or will be ("The minister is in Cairo for
    talks", "will be in Oslo on Monday"): a main verb with "in"/"at" a named place and no
    other complement; not a past presence ("was in X four years ago", "was formerly of X"),
    nor a historical present ("in June 1998, J is back before a jury in X")."""
    now = verb.tag_ in ("VBZ", "VBP") and not any(
        t.ent_type_ == "DATE" and re.fullmatch(r"\d{4}", t.text) for t in verb.subtree)
    later = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in FUTURE_WORDS
                                      for c in verb.children)
    return verb.lemma_ == "be" and (now or later) and verb.dep_ in ("ROOT", "conj") and any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
            o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC") for o in c.children)
        for c in verb.children) and not any(
        c.dep_ in ("attr", "acomp", "oprd", "neg", "expl") for c in verb.children)


def _due_in(verb):
    """The "due" of "is due in X", "was due at X on Monday" (a visit expected there), or None;
    not "due in ... Court" (an appearance before a judge)."""
    due = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "due"), None)
    if verb.lemma_ != "be" or due is None or not any(
            c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
                o.dep_ == "pobj" and o.pos_ == "PROPN" and o.lower_ != "court"
                for o in c.children)
            for c in due.children):
        return None
    return due


def _named_subject_of_own(noun, owner):
    """The name a trip noun's "his"/"her" refers to when it is the object of that name's verb
    ("Ellie Smith finished her walk"), or None."""
    if owner is None or owner.lower_ not in ("his", "her") or noun.dep_ != "dobj":
        return None
    subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ == "PROPN" else None


def _along_the_way(verb) -> bool:
    """Whether a clause hangs on a bare "along the way" or "on the way" (not "on his way to X",
    a route of its own, nor "on the way home"): a stop on a trip the text told before."""
    ways = [o for p in verb.children if p.dep_ == "prep" for o in p.children]
    for anc in [*verb.ancestors, *ways]:
        if anc.lower_ in ("way", "route") and anc.dep_ == "pobj" and \
                anc.head.lower_ in ("along", "on") and \
                all(c.dep_ in ("det", "relcl", "punct") for c in anc.children):
            return True
    return False


def _earlier_occasion(verb) -> bool:
    """Whether a past motion is another, earlier trip told as background: "Xi, who last visited
    Russia in 2013", "Merkel, who visited Washington in February" (a visit in a relative clause
    on the traveller), "she had previously toured Asia". An arrival in such a clause ("Xi, who
    arrived in Moscow on Monday, will go on to ...") is a step of the trip in the news."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in PREVIOUS_ADVERBS for c in verb.children):
        return True
    if verb.dep_ != "relcl" or _lemma(verb) not in ("visit", "tour"):
        return False
    days = [t for t in verb.subtree if t.ent_type_ == "DATE" and t.lower_ in RECENT_DAY_WORDS]
    if days:
        return False  # "Obama, who visited Kenya on Sunday, flew on to ...": this trip
    return any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children) or \
        verb.head.ent_type_ == "DATE"  # "his first visit since 2019, when he toured X"


def _clause_apposition(noun) -> bool:
    """Whether an object is a noun phrase set off by a comma that names what the clause was
    ("landed in X on Monday, the first stop of a tour"), not what the verb acted on."""
    left = noun.left_edge
    return left.i > noun.head.i + 1 and left.i > 0 and noun.doc[left.i - 1].text == "," and \
        noun.lemma_.lower() in TRAVEL_NOUNS


def _boarded(noun):
    """The verb that boards or takes a vehicle noun ("boarded a boat bound for X", "took a
    ferry to X"), or None."""
    if noun.dep_ == "dobj" and noun.lemma_.lower() in VEHICLES and \
            _lemma(noun.head) in ("board", "take", "catch"):
        return noun.head
    return None


DIRECTION_WORDS = {"on", "onward", "onwards", "back", "home", "away", "north", "south", "east",
                   "west", "northward", "southward", "eastward", "westward", "inland", "abroad"}
ROLE_RANK = {"origin": 0, "via": 1, "crossing": 1, "dest": 2}


def _told_before(a: Event, b: Event) -> bool:
    """Whether event ``a`` comes before ``b`` of the same sentence: in the text's order, but
    for one verb the start, then the places passed, then the end ("heading for X via Y")."""
    if a.position == b.position and ROLE_RANK.get(a.role) != ROLE_RANK.get(b.role):
        return ROLE_RANK.get(a.role, 2) < ROLE_RANK.get(b.role, 2)
    return (a.span[0], a.position) < (b.span[0], b.position)


def _stay_span(noun) -> bool:
    """Whether a span of time in a place is a stay before the clause it hangs on: "after a week
    in Rome", "following three days in Oslo"."""
    return noun.ent_type_ in ("DATE", "TIME") and noun.dep_ == "pobj" and \
        noun.head.lower_ in ("after", "following") and \
        any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in noun.children)


def _where_pluperfect(verb) -> bool:
    """Whether a "where" clause hangs on a place a pluperfect verb named ("had flown in from
    Berlin, where he met ..."): it tells the same earlier time."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return False
    gov = next((a for a in verb.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return gov is not None and gov.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in gov.children)


def _before_clause(tok) -> bool:
    """Whether a word sits in a "before ..." phrase ("before reaching X", "before he flew to
    X"): what it tells came after the clause it hangs on."""
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "prep" and anc.lower_ == "before":
            return True
        if anc.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "before"
                                               for c in anc.children):
            return True
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("pcomp", "pobj"):
            return False
    return False


def _vehicle_of(subj) -> str | None:
    """The vehicle a subject phrase names ("Ms. Silva's train", "the ship"), if any."""
    if subj is None:
        return None
    if subj.lemma_.lower() in VEHICLES:
        return subj.lemma_.lower()
    appos = next((c for c in subj.children if c.dep_ in ("appos", "compound")
                  and c.lemma_.lower() in VEHICLES), None)
    return appos.lemma_.lower() if appos is not None else None


def _person_name(text: str) -> str:
    return re.sub(r"(’s|'s)$", "", text).strip()


def _name_words(name: str) -> list[str]:
    titles = {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "gen", "sen"}
    words = [re.sub(r"[^\w-]", "", w).lower() for w in name.split()]
    return [w for w in words if w and w not in titles]


def _dedupe(evs: list[Event]) -> list[Event]:
    """One event per (place, sentence, role): the same stop said twice in one clause."""
    seen: dict[tuple, Event] = {}
    for ev in evs:
        key = (ev.place.id, ev.evidence, ev.role)
        if key not in seen:
            seen[key] = ev
    return list(seen.values())


def _merge_restated(evs: list[Event]) -> list[Event]:
    """A sentence that retells a trip told before, from the same place to the same place ("led
    police on a chase from X through Y to Z ... He drove from X to Z"), adds its evidence, mode
    and status to that trip's stops instead of a second trip."""
    by_sentence: dict[str, list[Event]] = {}
    for ev in evs:
        by_sentence.setdefault(ev.evidence, []).append(ev)
    told: list[list[Event]] = []
    drop: set[int] = set()
    for group in by_sentence.values():
        ends = {(e.place.id, e.role) for e in group}
        earlier = next((g for g in told if ends <= {(e.place.id, e.role) for e in g}), None)
        if earlier is not None and {r for _, r in ends} == {"origin", "dest"} and \
                all(bool(e.extra.get("future")) == bool(group[0].extra.get("future"))
                    for e in earlier + group):
            for ev in group:
                keep = next(e for e in earlier if (e.place.id, e.role) == (ev.place.id, ev.role))
                _combine(keep, ev)
                drop.add(id(ev))
            for ev in earlier:  # the places passed between them are as sure as its ends
                if ev.role == "via":
                    ev.status = max((ev.status, group[0].status), key=STATUS_RANK.__getitem__)
            continue
        told.append(group)
    return [e for e in evs if id(e) not in drop]


def _mover_label(mover: Mover, n_events: int) -> str:
    """The mover's name, with its vehicle when it is one or travels in it for most of the
    trip ("Kim Jong-il (train)"), not for a vehicle used on one leg ("refugees")."""
    vehicle = mover.vehicle
    if mover.vehicles:
        most = max(mover.vehicles, key=mover.vehicles.get)
        if 2 * mover.vehicles[most] >= n_events or vehicle is None and \
                mover.key.startswith(("vehicle:", "named:")):
            vehicle = most
    if not vehicle or vehicle in mover.label.lower() or mover.key.startswith("vehicle:") and \
            any(w in VEHICLES for w in mover.label.lower().split()):
        return mover.label  # "fishing trawler", not "fishing trawler (vessel)"
    return f"{mover.label} ({vehicle})"


def _tense_apart(a: Event, b: Event) -> bool:
    """Whether two events, said in different sentences, are one done and one still to come."""
    return a.evidence != b.evidence and bool(a.extra.get("future")) != bool(b.extra.get("future"))


def _contains(outer: Place, inner: Place) -> bool:
    """Whether ``outer`` (a country or region) contains ``inner``."""
    if outer.id == inner.id:
        return True
    oe, ie = outer.entry, inner.entry
    if oe.feature == "country":
        return ie.feature != "country" and ie.country_code == oe.country_code and \
            ie.feature != "crossing"
    if oe.feature == "continent":  # "a tour of Africa, visiting Kenya and Ghana"
        return ie.feature != "continent" and bool(oe.bbox) and in_box(oe.bbox, ie.lat, ie.lon)
    if oe.feature in ("city", "crossing") or ie.feature == "country":
        return False
    if oe.feature in WATER:
        return False  # a port is on a sea's shore, not a stop inside it
    if oe.bbox and ie.feature not in ("ocean", "sea"):
        return in_box(oe.bbox, ie.lat, ie.lon) and oe.feature not in ("lake", "river")
    return False


def _combine(keep: Event, other: Event) -> Event:
    """Merge a containing stop into a contained one: the stronger status; a date only when the
    same sentence gave it (a region's date says little about a city passed later)."""
    keep.status = max((keep.status, other.status), key=STATUS_RANK.__getitem__)
    if other.evidence == keep.evidence:
        keep.date = keep.date or other.date
    keep.extra.setdefault("evidence", []).extend(
        [other.evidence, *other.extra.get("evidence", [])])
    if keep.mode == "unknown":
        keep.mode = other.mode
    return keep


