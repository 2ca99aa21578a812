"""Corridors: infrastructure the story names (pipelines, railways, roads, power lines).

An infrastructure noun ("pipeline", "railway", "power line") becomes a corridor with a type
(from its modifiers and clause: "oil", "natural gas"), a status ("inaugurated last year" is
existing, "would stream" or "proposed" is proposed, "under construction"), its endpoints and
via-points (from "from/to/through/linking X and Y/between X and Y", "X is the starting point
for", and the country a commodity's demonym names: "Algerian natural gas"), and the stated
length ("300-mile", "4,000 km"). Mentions of one corridor in several sentences are merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mapper.gazetteer.base import Gazetteer
from mapper.geodesy import in_box
from mapper.model import Article, Corridor, Place
from mapper.nlp import doc_sents, doc_text

KM_PER_MILE = 1.609344
INFRA_NOUNS = {
    "pipeline": "pipeline", "gasline": "gas_pipeline", "oilline": "oil_pipeline",
    "railway": "railway", "railroad": "railway", "railline": "railway", "highway": "road",
    "motorway": "road", "expressway": "road", "freeway": "road", "road": "road",
    "interconnector": "power_line", "canal": "other", "tunnel": "other", "corridor": "other",
    "line": "line", "link": "line", "bridge": "other", "cable": "power_line",
}
LINE_KINDS = {"rail": "railway", "railway": "railway", "train": "railway", "power": "power_line",
              "transmission": "power_line", "electricity": "power_line", "gas": "gas_pipeline",
              "oil": "oil_pipeline", "road": "road", "high-speed": "railway"}
OIL_WORDS = {"oil", "crude", "petroleum"}
GAS_WORDS = {"gas", "lng"}
EXISTING = {"inaugurate", "open", "complete", "operate", "existing", "launch", "commission",
            "finish", "build", "operational", "carry", "pump", "transport", "run"}
CONSTRUCTION = re.compile(r"\bunder construction\b|\bbeing (?:built|laid)\b|\bis building\b"
                          r"|\bconstruction (?:began|started|is under way|continues)\b", re.I)
PROPOSED = {"propose", "plan", "consider", "proposal", "project", "potential", "envisage",
            "would", "could", "may", "might", "planned", "proposed", "possible", "negotiate",
            "discuss", "talk", "construction", "future", "idea", "will"}
START_WORDS = {"start", "starting", "origin", "beginning", "source", "head"}
END_WORDS = {"end", "terminus", "terminal", "endpoint", "destination"}
LENGTH = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:-\s*)?(miles?|mi|kilometers?|kilometres?|km)\b",
                    re.I)


@dataclass
class Draft:
    type: str
    status: str
    origin: Place | None = None
    destination: Place | None = None
    via: list[Place] = field(default_factory=list)
    stated_km: float | None = None
    stated_text: str | None = None
    evidence: list[str] = field(default_factory=list)
    position: int = 0


class CorridorExtractor:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def extract(self, article: Article, doc, places: tuple[Place, ...]) -> tuple[Corridor, ...]:
        self.spans = sorted(((m.start, m.end, p) for p in places for m in p.mentions
                             if m.label != "DATELINE"), key=lambda x: x[0])
        drafts: list[Draft] = []
        for sent in doc_sents(doc):
            for tok in sent:
                kind = self._kind(tok)
                if kind:
                    draft = self._draft(tok, sent, kind)
                    if draft is not None:
                        drafts.append(draft)
        merged = _merge(drafts)
        out = []
        for i, d in enumerate(merged, start=1):
            if d.origin is None or d.destination is None or d.origin.id == d.destination.id:
                continue
            out.append(Corridor(
                id=f"c{i}", type=d.type, status=d.status, origin=d.origin,
                destination=d.destination, via=tuple(d.via), stated_length_km=d.stated_km,
                stated_length_text=d.stated_text, evidence=" ".join(dict.fromkeys(d.evidence)),
            ))
        return tuple(out)

    @staticmethod
    def _kind(tok) -> str | None:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        kind = INFRA_NOUNS.get(tok.lemma_.lower())
        if kind == "line":
            mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
            return next((LINE_KINDS[m] for m in mods if m in LINE_KINDS), None)
        return kind

    def _places(self, tokens) -> list[tuple[Place, int]]:
        toks = list(tokens)
        if not toks:
            return []
        s, e = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
        idx = {t.idx for t in toks}
        return [(p, ms) for ms, me, p in self.spans if s <= ms and me <= e and
                any(ms <= i < me for i in idx)]

    def _draft(self, noun, sent, kind: str) -> Draft | None:
        scope = list(noun.subtree)
        words = {t.lemma_.lower() for t in scope} | {t.lower_ for t in scope}
        sent_words = {t.lemma_.lower() for t in sent}
        if kind == "pipeline":
            kind = "oil_pipeline" if words & OIL_WORDS else "gas_pipeline" if words & GAS_WORDS \
                else "oil_pipeline" if sent_words & OIL_WORDS and not sent_words & GAS_WORDS \
                else "gas_pipeline" if sent_words & GAS_WORDS else "other"
        d = Draft(type=kind, status=self._status(noun, sent, scope), position=noun.idx)
        d.evidence.append(sent.text.strip())
        left = doc_text(sent.doc)[noun.left_edge.idx: noun.idx + len(noun)]
        m = LENGTH.search(left)
        if m:
            value = float(m.group(1).replace(",", ""))
            d.stated_km = round(value * KM_PER_MILE if m.group(2).lower().startswith("mi")
                                else value, 1)
            d.stated_text = m.group(0)
        self._roles(noun, d)
        self._copula(noun, d)
        if d.origin is None:
            commodity = [p for p, _ in self._places(t for t in scope if t.ent_type_ == "NORP"
                                                    or t.pos_ == "ADJ")
                         if p.entry.feature == "country"]
            if commodity:
                d.origin = commodity[0]
            else:
                builder = _governing_subject(noun)
                found = self._places([builder]) if builder is not None else []
                if found and found[0][0].entry.feature == "country":
                    d.origin = found[0][0]
        if d.origin is None and d.via:
            d.origin = d.via.pop(0)
        d.via = [v for v in d.via if not any(_within(e, v) for e in (d.origin, d.destination)
                                            if e is not None)]
        if d.origin is None and d.destination is None and not d.via:
            return None
        return d

    def _roles(self, noun, d: Draft) -> None:
        """from/to/through/between/linking X and Y within the corridor's phrase."""
        for tok in noun.subtree:
            lemma = tok.lemma_.lower()
            if tok.dep_ == "prep" and any(a == noun or a.head == noun for a in [tok.head]) or \
                    tok.dep_ == "prep" and noun in tok.ancestors:
                objs = [c for c in tok.children if c.dep_ == "pobj"]
                found = [p for o in objs for p, _ in self._places(_noun_phrase(o))]
                if tok.lower_ == "between" and len(found) >= 2:
                    d.origin, d.destination = d.origin or found[0], found[-1]
                elif tok.lower_ == "from" and found:
                    d.origin = d.origin or found[0]
                elif tok.lower_ in ("to", "into", "toward", "towards") and found:
                    d.destination = found[-1]
                elif tok.lower_ in ("through", "via", "across", "under", "over") and found:
                    d.via.extend(p for p in found if p not in d.via)
            if lemma in ("link", "connect", "join") and tok.pos_ == "VERB":
                objs = [c for c in tok.children if c.dep_ == "dobj"]
                found = [p for o in objs for p, _ in self._places(o.subtree)]
                extra = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in
                         ("with", "to") for o in c.children for p, _ in self._places(o.subtree)]
                found += extra
                if len(found) >= 2:
                    d.origin = d.origin or found[0]
                    d.destination = d.destination or found[-1]
                    d.via.extend(p for p in found[1:-1] if p not in d.via)
                elif found:
                    d.destination = d.destination or found[0]

    def _copula(self, noun, d: Draft) -> None:
        """'X is the starting point for a pipeline' / 'Y is the end of the railway'."""
        head = noun.head
        if head.dep_ == "prep":
            head = head.head
        if head.pos_ != "NOUN" or head.dep_ not in ("attr", "nsubj"):
            return
        role_words = {head.lemma_.lower()} | {c.lemma_.lower() for c in head.children}
        verb = head.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c != head), None)
        if subj is None:
            return
        found = self._places(subj.subtree)
        if not found:
            return
        place = found[0][0]
        if role_words & START_WORDS:
            d.origin = place
        elif role_words & END_WORDS:
            d.destination = place

    @staticmethod
    def _status(noun, sent, scope) -> str:
        text = sent.text
        if CONSTRUCTION.search(text):
            return "under_construction"
        clause = list(scope)
        lemmas = {t.lemma_.lower() for t in clause}
        verbs_past = [t for t in clause if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN")
                      and t.lemma_.lower() in EXISTING]
        modal = any(t.lower_ in ("would", "could", "may", "might", "will") for t in clause)
        if verbs_past and not modal:
            return "existing"
        if lemmas & PROPOSED or modal:
            return "proposed"
        governing = {a.lemma_.lower() for a in noun.ancestors}
        if governing & PROPOSED or {"building", "build"} & governing:
            return "proposed"
        if "existing" in lemmas:
            return "existing"
        return "unknown"


def _noun_phrase(tok):
    return [t for t in tok.subtree if not (t.dep_ == "prep" and t.head == tok and
                                           t.lower_ not in ("of",))]


def _governing_subject(noun):
    """The subject of the clause that governs the noun ("Algeria is considering building ...")."""
    for anc in noun.ancestors:
        subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and anc.pos_ in ("VERB", "AUX"):
            return subj
    return None


def _within(outer: Place, inner: Place) -> bool:
    """Whether ``inner`` is a region or country that contains ``outer`` (dropped as a via)."""
    ie = inner.entry
    if ie.feature == "country":
        return outer.entry.country_code == ie.country_code and outer.entry.feature != "country"
    if ie.bbox and ie.feature not in ("city",):
        return in_box(ie.bbox, outer.lat, outer.lon)
    return False


def _merge(drafts: list[Draft]) -> list[Draft]:
    """Mentions of the same corridor (same type, sharing a place) become one."""
    out: list[Draft] = []
    for d in drafts:
        ids = {p.id for p in (d.origin, d.destination, *d.via) if p is not None}
        twin = next((o for o in out if o.type == d.type and ids & {
            p.id for p in (o.origin, o.destination, *o.via) if p is not None}), None)
        if twin is None:
            out.append(d)
            continue
        twin.origin = twin.origin or d.origin
        if d.destination is not None and (twin.destination is None or
                                          twin.destination.id in {v.id for v in d.via}):
            twin.destination = d.destination
        for v in d.via:
            if v.id not in {p.id for p in (twin.origin, twin.destination, *twin.via) if p}:
                twin.via.append(v)
        twin.via = [v for v in twin.via if twin.destination is None or
                    v.id != twin.destination.id]
        twin.stated_km = twin.stated_km or d.stated_km
        twin.stated_text = twin.stated_text or d.stated_text
        if twin.status == "unknown":
            twin.status = d.status
        twin.evidence.extend(d.evidence)
    return out
