"""Movers: who moves in a clause (people, groups, vehicles, things carried), one identity
per mover across the article."""

from __future__ import annotations

from mapper.journeys.people import _np_text
from mapper.journeys.syntax import _headline, _loose_conjunct, _of_object
from mapper.journeys.values import Mover
from mapper.journeys.words import (
    GROUP_NOUNS,
    KIN_NOUNS,
    OFFICE_NOUNS,
    PEOPLE_NOUNS,
    QUANTITY_NOUNS,
    ROLE_VERBS,
    SHARE_WORDS,
    SOMEONE_NOUNS,
    THING_MOVERS,
    TRAVEL_NOUNS,
    VEHICLES,
)


class MoverSteps:
    """Movers steps of ``JourneyExtractor``."""

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
