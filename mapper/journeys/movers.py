"""Movers: who moves in a clause (people, groups, vehicles, things carried), one identity
per mover across the article."""

from __future__ import annotations

from mapper.journeys.animals import animal_kind, broken_subject, determined
from mapper.journeys.context import Context
from mapper.journeys.participles import aboard_group, paired_participle
from mapper.journeys.people import (
    agreeing_person,
    clause_antecedent,
    demonym_country,
    np_text,
    object_antecedent,
    person_key,
    the_name,
    titled_person,
    unknown_name,
)
from mapper.journeys.syntax import (
    in_headline,
    lemma_of,
    loose_conjunct,
    of_object,
    told_clause,
)
from mapper.journeys.values import Mover
from mapper.journeys.words import (
    GROUP_NOUNS,
    KIN_NOUNS,
    OFFICE_NOUNS,
    PASSENGER_VERBS,
    PEOPLE_NOUNS,
    PRONOUN_GENDER,
    QUANTITY_NOUNS,
    ROLE_VERBS,
    SHARE_WORDS,
    SOMEONE_NOUNS,
    STORM_NOUNS,
    STORM_PARTS,
    THING_MOVERS,
    TRAVEL_NOUNS,
    VEHICLES,
)


def movers_of(ctx: Context, subj) -> list[Mover]:
    """Movers of a subject: "A and B" gives both; "the two men" those who last moved
    together. A generic plural ("Airplanes are flying into ...") moves nobody."""
    if subj is None:
        return []
    if subj.lemma_.lower() in TRAVEL_NOUNS.difference(VEHICLES) and subj.pos_ == "NOUN" \
            and not any(
            c.dep_ == "poss" for c in subj.children):
        return []  # "the annual pilgrimage to X gets underway" names no traveller
    if subj.lemma_.lower() in QUANTITY_NOUNS:  # "Hundreds of pilgrims" -> the pilgrims
        obj = of_object(subj)
        if obj is not None and obj.lemma_.lower() in GROUP_NOUNS:
            mover = mover_of(ctx, obj)
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
            key = person_key(ctx, t) if t.ent_type_ == "PERSON" else None
            if key and key not in named:
                named[key] = t
    if len(named) > 1:  # "A and B flew ...", however the parser attached them
        movers = [m for t in named.values() if (m := mover_of(ctx, t)) is not None]
        ctx.last_together = movers
        return movers
    if subj.conjuncts:
        movers = [m for t in (subj, *subj.conjuncts) if (m := mover_of(ctx, t)) is not None]
        people = {m.key.split(":", 1)[1] for m in movers if m.key.startswith("person:")}
        # "Ana Silva and her husband": one party, named after her
        movers = [m for m in movers if not (m.key.startswith("relative:") and
                                            m.key.split(":")[1] in people)]
        if len(movers) > 1:
            ctx.last_together = movers
        return movers
    if subj.tag_ == "NNS" and ctx.last_together and (
            subj.lemma_.lower() in PEOPLE_NOUNS or any(
                subj.lemma_.lower() in ctx.people[m.key.split(":", 1)[1]]["titles"]
                for m in ctx.last_together if m.key.startswith("person:"))):
        return list(ctx.last_together)
    if subj.lower_ in SHARE_WORDS and not list(subj.children) and ctx.last.get("group"):
        return [ctx.last["group"]]  # "Many hope to continue to X": some of the group
    if subj.lower_ in ("they", "both") and ctx.last_together:
        return list(ctx.last_together)
    mover = mover_of(ctx, subj)
    if mover is None and subj.lower_ == "they" and ctx.plural_subject is not None:
        return movers_of(ctx, ctx.plural_subject)  # "The couple married ... They moved to X"
    return [mover] if mover is not None else []


def mover_of(ctx: Context, subj) -> Mover | None:
    """The mover a subject (or possessor) token denotes, or None if it is not a traveller."""
    if subj is None:
        return None
    lemma = lemma_of(subj) if subj.pos_ == "NOUN" else subj.lemma_.lower()
    if lemma in QUANTITY_NOUNS:  # "a small group of supporters"
        obj = of_object(subj)
        if obj is not None and obj.lower_ == "people" or obj is None and lemma in (
                "group", "caravan") and any(c.dep_ == "det" for c in subj.children):
            # "thousands of people fled X", "the group left X": these people, this group
            return register_mover(ctx, f"group::{lemma}", np_text(subj), None, None, subj.idx,
                                  "group")
        return mover_of(ctx, obj) if obj is not None and obj.lemma_.lower() in GROUP_NOUNS \
            else None
    if subj.pos_ == "ADJ" and subj.ent_type_ == "ORDINAL" and of_object(subj) is not None:
        return mover_of(ctx, of_object(subj))  # "the first of two planes carrying A": theirs
    if subj.pos_ == "PRON" and subj.lower_ not in ("who", "which", "that"):
        kinds = {"he": "person", "she": "person", "it": "vehicle", "they": "group",
                 "we": "group", "his": "person", "her": "person", "its": "vehicle",
                 "their": "group", "him": "person", "them": "group", "us": "group"}
        kind = kinds.get(subj.lower_, kinds.get(lemma))
        local = clause_antecedent(ctx, subj) if kind == "person" else carried_object(subj)
        if local is None and subj.dep_ == "dobj" and subj.lower_ in ("him", "her"):
            local = object_antecedent(ctx, subj)
        if local is not None:
            return mover_of(ctx, local)
        if kind == "person" and ctx.last_person is not None and \
                ctx.last_person.pos_ != "PRON":
            return mover_of(ctx, agreeing_person(ctx, subj.lower_))
        if kind == "person" and ctx.last.get("person") is None:
            named = named_before(ctx, subj)  # "the escape of A B ... he fled": A B
            return mover_of(ctx, named) if named is not None else None
        if kind == "vehicle":
            thing = thing_antecedent(ctx, subj)
            last = ctx.last.get("vehicle")
            if thing is not None and last is not None and thing.lemma_.lower() in VEHICLES \
                    and VEHICLES.get(
                    last.vehicle or "") == VEHICLES[thing.lemma_.lower()] and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in thing.children):
                return last  # "the Liberian-registered tanker ... when it": the one told
            if thing is not None:
                return mover_of(ctx, thing)
        return ctx.last.get(kind) if kind else None
    if subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl":
        return mover_of(ctx, subj.head.head)
    storm = storm_of(ctx, subj)
    if storm is not None:
        return storm
    alias = ctx.person_alias.get(subj.lower_)
    if alias and (subj.pos_ == "PROPN" or subj.text.istitle()) and \
            subj.ent_type_ != "PERSON":
        rec = ctx.people[alias]  # a person's name tagged as something else
        return register_mover(ctx, f"person:{alias}", rec["label"], None, rec["home"], subj.idx,
                              "person")
    phrase_text = np_text(subj)
    craft = ctx.craft.get(phrase_text.lower()) if subj.pos_ == "PROPN" else None
    last = ctx.last.get("vehicle")
    if craft is not None and last is not None and last.key.startswith("vehicle:") and \
            last.label.islower() and \
            VEHICLES.get(last.vehicle or "") == VEHICLES[craft] and \
            subj.left_edge.lower_ == "the":
        return last  # "The plane took off ... the Airbus was": the one told, by its name
    if craft is not None:  # "the Sea Star ... is a vessel": that vessel, by its name
        return register_mover(ctx, f"vehicle:{phrase_text.lower()}", phrase_text, craft, None,
                              subj.idx, "vehicle")
    named = ctx.by_label.get(phrase_text.lower())
    if named is not None:
        ctx.last["vehicle" if named.vehicle else "person"] = named
        return named
    vehicle = lemma if lemma in VEHICLES and subj.pos_ in ("NOUN", "PROPN") else None
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
    owner = of_object(subj) if lemma in THING_MOVERS else None
    if owner is not None and owner.pos_ in ("NOUN", "PROPN"):
        candidates.append(owner)  # "the body of the president": the president's journey
    for tok in candidates:
        if tok.ent_type_ == "PERSON":
            key = person_key(ctx, tok)
            if key:
                person = key
                break
        if tok.dep_ == "poss" or tok == subj or tok == owner:
            person = titled_person(ctx, tok)
        if person:
            break
    carried = vehicle or (lemma if lemma in THING_MOVERS and not any(  # "the coffin": hers
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children) else None)
    if person is None and carried and carried in ctx.owners and not any(
            t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "") for t in subj.subtree
            if t.i <= subj.i):  # "the Delta flight", not "the flight from Oslo"
        person = ctx.owners[carried]
    poss = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ in ("his", "her")),
                None)
    if kin and person is None:
        return relative_of(ctx, subj)
    if person is None and poss is not None and ctx.last_person is not None:
        person = person_key(ctx, agreeing_person(ctx, poss.lower_))
    if person:
        rec = ctx.people[person]
        mover = register_mover(ctx, f"person:{person}", rec["label"], vehicle, rec["home"],
                               subj.idx, "person")
        if carried:
            ctx.last["vehicle"] = mover
        return mover
    phrase = np_text(subj)
    home = demonym_country(ctx, phrase)
    if lemma in OFFICE_NOUNS and subj.tag_ in ("NN", "NNP") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in
            [*subj.children, *(subj.head.children if subj.dep_ == "conj" else [])]):
        # "The Iranian president arrived in X": a person the text knows by the office
        # ("the Dutch king and queen": the article and nationality stand before the first)
        if subj.dep_ == "conj" and home is None:
            home = demonym_country(ctx, np_text(subj.head))
        return register_mover(ctx, f"office:{phrase.lower()}", phrase, None, home, subj.idx,
                              "person")
    if lemma in SOMEONE_NOUNS and subj.tag_ == "NN" and definite(ctx, subj) and \
            ctx.last_person is not None and ctx.last_person.ent_type_ == "PERSON" and \
            ctx.last_person.i < subj.i and not any(
            c.dep_ == "relcl" or c.lower_ in ("other", "second") for c in subj.children) and \
            not any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NN" and lemma_of(t) in
                    SOMEONE_NOUNS | PEOPLE_NOUNS | OFFICE_NOUNS | KIN_NOUNS
                    for t in ctx.doc[ctx.last_person.i + 1:subj.i]):
        # "A B was being moved ... The Lyon man eventually was caught in X": the person
        # last named, told again by what they are (not "the man who helped him", nor after
        # another one: "The car's driver was hurt ... The injured teen drove to X")
        named_mover = mover_of(ctx, ctx.last_person)
        if named_mover is not None:
            return named_mover
    if lemma in SOMEONE_NOUNS and subj.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in subj.children):
        # "A Pewaukee man was arrested after leading police on a chase ...; he drove"
        named = named_next(ctx, subj)
        if named is not None:  # "A man fled ... Police say A B, 36, was ...": A B
            return mover_of(ctx, named)
        return register_mover(ctx, f"someone:{lemma}", phrase, None, home, subj.idx, "person")
    if lemma in GROUP_NOUNS:
        pair = pair_named_before(ctx, subj) or named_team(ctx, subj) or \
            group_named_before(ctx, subj, home)
        if pair is not None:
            return pair
        key = f"group:{home or ''}:{GROUP_NOUNS[lemma]}"
        mover = register_mover(ctx, key, phrase, None, home, subj.idx, "group")
        if any(c.dep_ == "nummod" and c.lower_ in ("two", "2") for c in subj.children):
            ctx.last_two = mover
        return mover
    aboard = passengers(ctx, subj) if vehicle else None
    if aboard is not None:  # "the plane carrying A B landed in X": A B's journey
        aboard.vehicle = aboard.vehicle or vehicle
        ctx.last["vehicle"] = aboard
        return aboard
    if vehicle:
        named = [t for t in subj.subtree if t.pos_ == "PROPN" and t.ent_type_ != "NORP"]
        last = ctx.last.get("vehicle")
        if not named and last is not None and VEHICLES.get(last.vehicle or "") == \
                VEHICLES[vehicle]:
            return last
        name = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"),
                    None)
        if name is not None:  # "the cruise ship Sea Star"
            phrase = " ".join(t.text for t in name.subtree if t.text[:1].isupper()
                              and t.dep_ != "det")
        key = f"vehicle:{phrase.lower()}"
        return register_mover(ctx, key, phrase, vehicle, home, subj.idx, "vehicle")
    kind = animal_kind(subj)
    if kind is not None and determined(subj):
        # "A tagged whale left X ... The whale ... it": one animal, by its kind
        animals = {m.key: m for k, m in ctx.movers.items() if k.startswith("animal:")}
        known = list(animals.values())[0] if len(animals) == 1 and kind in (
            "animal", "bird") else None  # "the bird": the one animal told before
        mover = known or ctx.movers.get(f"animal:{kind}") or register_mover(
            ctx, f"animal:{lemma}", phrase, None, None, subj.idx, "vehicle")
        ctx.movers.setdefault(f"animal:{kind}", mover)  # "the petrel, a seabird": "the seabird"
        ctx.last["vehicle"] = mover
        return mover
    if lemma in THING_MOVERS and any(c.dep_ in ("det", "poss") for c in subj.children):
        # "The Olympic torch arrived in X ... It will travel through Y"
        # "the late president's coffin ... the coffin": one thing, whatever the words before
        return register_mover(ctx, f"thing:{lemma}", phrase, None, None, subj.idx,
                              "vehicle")
    appos = next((c for c in subj.children if c.dep_ in ("appos", "compound")
                  and c.lemma_.lower() in VEHICLES), None)
    if appos is not None and subj.pos_ == "PROPN":
        name = " ".join(t.text for t in subj.subtree if t.i <= subj.i and
                        t.dep_ != "det" and t.text[:1].isupper())
        return register_mover(ctx, f"vehicle:{name.lower()}", name, appos.lemma_.lower(), home,
                              subj.idx, "vehicle")
    if subj.ent_type_ == "NORP" and subj.tag_ in ("NNS", "NNPS") and home and any(
            c.dep_ in ("nummod", "det") for c in subj.children):
        # "52,000 Venezuelans have arrived in X": a group from that country, not a population
        return register_mover(ctx, f"group:{home}:{lemma}", subj.text, None, home, subj.idx,
                              "group")
    if unknown_name(ctx, subj):  # a surname the tagger missed ("Dmitriyenko flew to X")
        name = " ".join(t.text for t in subj.subtree if t.i <= subj.i and t.pos_ == "PROPN")
        return register_mover(ctx, f"name:{name.lower()}", name, None, None, subj.idx, "person")
    if the_name(ctx, subj):  # "The Dalai Lama returned to X", "the Ever Given sailed"
        name = " ".join(t.text for t in subj.subtree if t.i <= subj.i and t.dep_ != "det")
        return register_mover(ctx, f"named:{name.lower()}", name, None, None, subj.idx,
                              "vehicle")
    if subj.pos_ == "PROPN" and subj.dep_ in ("nsubj", "nsubjpass") and \
            subj.ent_type_ not in ("PERSON", "NORP", "GPE", "LOC") and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children):
        # "a Boeing 737 landed in X": a maker's model with "a" is one craft, not a person,
        # of the kind the article's vehicles are
        return register_mover(ctx, f"named:{phrase.lower()}", phrase, ctx.craft_kind, home,
                              subj.idx, "vehicle")
    if subj.ent_type_ in ("ORG", "PRODUCT", "FAC") and subj.pos_ == "PROPN":
        # a named thing that moves (a ship's name, a team); a bare nationality ("Chileans",
        # "Peruvians") is a population, not a traveller
        name = " ".join(t.text for t in subj.subtree if t.ent_type_ == subj.ent_type_)
        return register_mover(ctx, f"named:{name.lower()}", name, introduced_vehicle(ctx, subj),
                              home, subj.idx, "vehicle")
    return None


def passengers(ctx: Context, vehicle) -> Mover | None:
    """The person or group a vehicle is said to carry ("the plane carrying A B", "a boat
    carrying 180 refugees"): the one whose journey the vehicle makes."""
    for acl in (c for c in vehicle.children if c.dep_ == "acl" and
                lemma_of(c) in PASSENGER_VERBS):
        obj = next((c for c in acl.children if c.dep_ == "dobj"), None)
        if obj is None or obj.pos_ == "PRON":
            continue
        head = of_object(obj) if obj.lemma_.lower() in QUANTITY_NOUNS else obj
        if head is not None and (head.ent_type_ in ("PERSON", "NORP") or
                                 head.lemma_.lower() in GROUP_NOUNS or any(
                    c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children)):
            return mover_of(ctx, obj)
    obj = aboard_group(vehicle)  # "a ship with 40 migrants on board docked in X"
    return mover_of(ctx, obj) if obj is not None else None


def named_before(ctx: Context, pronoun):
    """The one person the text named before a pronoun, in any role, when no person has been
    its subject yet ("police arrested pilots over the escape of A B ... he fled")."""
    want = PRONOUN_GENDER.get(pronoun.lower_)
    keys = {person_key(ctx, t): t for t in ctx.doc[:pronoun.i] if t.ent_type_ == "PERSON"}
    keys = {k: t for k, t in keys.items() if k and ctx.gender.get(k) in (None, want)}
    if len(keys) != 1:
        return None
    named = next(iter(keys.values()))
    others = SOMEONE_NOUNS | PEOPLE_NOUNS | OFFICE_NOUNS | KIN_NOUNS
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in others
           for t in ctx.doc[named.i:pronoun.i]):
        return None  # "(Photo: A B) ... The man ... He was taken to": the man
    return named


def named_next(ctx: Context, noun):
    """The person an unnamed one of a story's first sentence turns out to be ("a man who
    fled ..."): the one person the next sentence names for the first time, as a subject."""
    sent = noun.sent
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children) or \
            any(t.ent_type_ == "PERSON" for t in sent) or sent.end >= len(ctx.doc):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[:sent.start] if not in_headline(t)) \
            and ctx.article.dateline_span is None:
        return None  # not the story's first sentence
    following = ctx.doc[sent.end].sent
    while not following.text.strip() and following.end < len(ctx.doc):
        following = ctx.doc[following.end].sent
    first = {}
    for seen in ctx.name_keys.values():
        for i, key, _ in seen:
            first[key] = min(first.get(key, i), i)
    new = [t for t in following if t.ent_type_ == "PERSON" and t.dep_ in ("nsubj", "nsubjpass")
           and first.get(person_key(ctx, t) or "", -1) >= following.start]
    keys = {person_key(ctx, t) for t in new}
    return new[0] if len(keys) == 1 else None


def carried_object(pronoun):
    """The vehicle or thing the main clause acts on, which "it" of a clause hung on it denotes:
    "she will escort the coffin as it travels to X" (the coffin)."""
    if pronoun.lower_ != "it" or pronoun.head.dep_ != "advcl":
        return None
    return next((c for c in pronoun.head.head.children if c.dep_ == "dobj" and
                 c.lemma_.lower() in VEHICLES.keys() | THING_MOVERS), None)


def storm_of(ctx: Context, noun) -> Mover | None:
    """The storm a noun denotes: a storm's name ("Ana" after "Hurricane Ana"), "the storm"
    (the one storm named), or its eye or centre ("Ana's eye"); else None."""
    if noun.lemma_.lower() in STORM_PARTS:
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        return storm_of(ctx, owner) if owner is not None else None
    name = noun.lower_ if noun.lower_ in ctx.storms else None
    if name is None and noun.lemma_.lower() in STORM_NOUNS and noun.tag_ == "NN" and any(
            c.dep_ in ("det", "poss") for c in noun.children):
        if len(ctx.storms) > 1:
            return None
        name = next(iter(ctx.storms), noun.lemma_.lower())  # "the storm": the one named
    if name is None:
        return None
    return register_mover(ctx, f"storm:{name}", ctx.storms.get(name, noun.text), None, None,
                          noun.idx, "vehicle")


def is_storm(ctx: Context, noun) -> bool:
    """Whether a noun (or pronoun) denotes a storm."""
    if noun is not None and noun.lower_ in ("which", "that") and noun.head.dep_ == "relcl":
        noun = noun.head.head  # "Ana, which battered X"
    if noun is not None and noun.pos_ == "PRON":  # "it", without moving anyone else
        if noun.lower_ != "it":
            return False
        last = ctx.last.get("vehicle")
        noun = thing_antecedent(ctx, noun)
        if noun is None:
            return last is not None and last.key.startswith("storm:")
    return noun is not None and storm_of(ctx, noun) is not None


def thing_antecedent(ctx: Context, pronoun):
    """The vehicle noun an "it"/"its" refers back to: the nearest one named before it in
    its sentence or the one before ("watched the ferry as it left X"), or None."""
    sent = pronoun.sent
    start = ctx.doc[sent.start - 1].sent.start if sent.start else sent.start
    for tok in reversed(ctx.doc[start:pronoun.i]):
        if tok.lemma_.lower() in VEHICLES and (tok.pos_ == "NOUN" and tok.tag_ == "NN" or (
                tok.pos_ == "PROPN" and any(c.dep_ == "nummod" for c in tok.children))) and \
                tok.dep_ not in ("compound", "poss") and tok.head.lower_ not in ("by", "aboard"):
            return tok  # "the ferry", "Flight 455": "it"
        if animal_kind(tok) is not None and tok.dep_ not in ("compound", "poss"):
            return tok  # "the whale ... it"
        if tok.lower_ in ctx.storms and tok.dep_ != "compound":
            return tok  # "Hurricane Ana ... it"
    return None


def pair_named_before(ctx: Context, noun) -> Mover | None:
    """"The pair", "the couple" after "Two hikers ...": the two named before, unless a
    couple of its own was."""
    if GROUP_NOUNS.get(noun.lemma_.lower()) != "couple" or ctx.last_two is None or any(
            m.key.endswith(":couple") for m in ctx.movers.values()) or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    return ctx.last_two


def named_team(ctx: Context, noun) -> Mover | None:
    """"The team" after "Manchester United flew to X": the side named in that sentence or
    the one before, unless a team of its own was named."""
    if GROUP_NOUNS.get(noun.lemma_.lower()) != "team" or noun.tag_ != "NN" or \
            ctx.last_named is None or [c.lower_ for c in noun.children] != ["the"] or any(
            m.key.endswith(":team") for m in ctx.movers.values()):
        return None
    named = ctx.doc.char_span(ctx.last_named_at, ctx.last_named_at + 1,
                              alignment_mode="expand")
    if named is None or named.sent.end < noun.sent.start:
        return None
    return ctx.last_named


def group_named_before(ctx: Context, noun, home: str | None) -> Mover | None:
    """"The tourists" after "Forty Chinese tourists flew to X", "the players" after
    "Argentina's squad": the group of that kind named before with its nationality; "the
    evacuees" the group evacuated before."""
    kind = GROUP_NOUNS[noun.lemma_.lower()]
    verb = ROLE_VERBS.get(noun.lemma_.lower())
    if verb in ctx.carried_by and not home and f"group::{kind}" not in ctx.movers:
        return ctx.carried_by[verb]  # "The evacuees" after "evacuated 250 nationals"
    if home or f"group::{kind}" in ctx.movers or not any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "those")
            for c in noun.children):
        return None
    known = [m for k, m in ctx.movers.items() if k.startswith("group:") and
             k.endswith(f":{kind}")]
    if not known:
        return None
    return register_mover(ctx, known[-1].key, known[-1].label, None, None, noun.idx, "group")


def introduced_vehicle(ctx: Context, name) -> str | None:
    """The vehicle a name opening a sentence refers back to: the one vehicle the sentence
    before introduced with "a" ("seized a British-flagged oil tanker ... The Stena Impero
    had left X"), else None."""
    sent = name.sent
    if sent.start == 0 or name.i - sent.start > 3 or any(
            c.dep_ == "compound" and c.pos_ == "NOUN" for c in name.children):
        return None  # "the wire service Nova": a name of another kind
    before = ctx.doc[sent.start - 1].sent
    found = {t.lemma_.lower() for t in before if t.pos_ == "NOUN" and t.lemma_.lower() in
             VEHICLES and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                              for c in t.children)}
    return found.pop() if len(found) == 1 else None


def relative_of(ctx: Context, noun) -> Mover | None:
    """"his wife", "Ana Silva's parents": a mover named after the person it belongs to."""
    poss = next(c for c in noun.children if c.dep_ == "poss")
    owner = mover_of(ctx, poss) if poss.pos_ == "PRON" else None
    key = person_key(ctx, poss) if poss.ent_type_ == "PERSON" else \
        owner.key.split(":", 1)[1] if owner and owner.key.startswith("person:") else None
    if key is None:
        return None
    words = " ".join(t.text for t in noun.subtree if t.i <= noun.i and t.dep_ not in
                     ("poss", "det", "case") and t not in poss.subtree)
    label = f"{ctx.people[key]['label']}'s {words}"
    return register_mover(ctx, f"relative:{key}:{noun.lemma_.lower()}", label, None,
                          ctx.people[key]["home"], noun.idx, "relative")


def register_mover(ctx: Context, key: str, label: str, vehicle: str | None, home: str | None,
                   position: int, kind: str) -> Mover:
    """The mover with this key, made on first sight, remembered as the latest of its kind."""
    mover = ctx.movers.get(key)
    if mover is None:
        mover = Mover(key, label, vehicle, home, position)
        ctx.movers[key] = mover
        if kind == "vehicle":
            ctx.by_label.setdefault(label.lower(), mover)
    else:
        mover.vehicle = mover.vehicle or vehicle
        mover.home = mover.home or home
        if vehicle and mover.vehicle == vehicle and len(label) > len(mover.label) \
                and kind == "vehicle":
            mover.label = label
    ctx.last[kind] = mover
    if key.startswith(("person:", "named:", "name:")):
        ctx.last_named, ctx.last_named_at = mover, position
    return mover


def subject_of(ctx: Context, verb):
    """The subject of a verb, following conjunctions, xcomp/aux chains and clauses."""
    tok = verb
    for _ in range(6):
        broken = broken_subject(tok)  # "the tern - known as X - had landed in Y"
        if broken is not None:
            return broken
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")] or [
            c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN" and
            tok.pos_ == "VERB" and tok.tag_ == "VBZ" and c.i < tok.i]  # "X's coffin travels"
        if subjects:  # not a footnote mark read as a second subject ("Xs [1] arrived")
            # nor a share of the first ("The migrants, most of them from X, crossed")
            subjects = [c for c in subjects if not (c is not subjects[0] and any(
                p.dep_ == "prep" and p.lower_ == "of" and any(
                    o.pos_ == "PRON" for o in p.children) for p in c.children))]
            return ([c for c in subjects if c.pos_ != "NUM"] or subjects)[-1]
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and not (
                tok.head.ent_type_ in ("GPE", "LOC", "FAC") and tok.head.dep_ == "pobj"):
            return tok.head  # "a ship bound for Lagos", "the envoys flown to Oslo"
        if tok.dep_ == "acl" and tok.head.dep_ == "pobj" and tok.head.head.dep_ == "prep":
            tok = tok.head.head.head  # "took off from Lima, bound for Quito": the flight's
            continue
        if tok.dep_ in ("relcl", "advcl", "acl") and tok.head.dep_ == "ROOT" and \
                tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
                in_headline(tok):
            return tok.head  # the headline "Merkel to visit China": Merkel will
        if tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.head.dep_ == "ROOT" and \
                tok.head.pos_ == "NOUN" and tok.head.i < tok.i:
            return tok.head  # "A relief ship with its passengers ... and moored at X":
            # the parser made the subject the root
        paired = paired_participle(tok)  # "a jet departing X and arriving at Y"
        if paired is not None:
            return paired.head
        told = told_clause(tok)
        if told is not None:
            tok = told
            continue
        if (tok.dep_ in ("conj", "xcomp", "advcl", "pcomp", "ccomp", "acomp", "oprd", "attr",
                         "relcl", "pobj") or loose_conjunct(tok) or (
                tok.dep_ == "npadvmod" and tok.pos_ == "NOUN")) and tok.head != tok:
            # "flew to X, his first visit ..., before heading to Y": the flight's subject
            tok = tok.head
            if tok.dep_ == "prep":
                tok = tok.head
            continue
        break
    return None


def definite(ctx: Context, noun) -> bool:
    """Whether a noun phrase opens with "the", a place name before the noun read as its own
    subject ("the Lyon, France man" parsed as two subjects) counted in the phrase."""
    i = noun.left_edge.i
    if ctx.doc[i].pos_ == "PROPN":
        while i > 0 and noun.i - i < 6 and (ctx.doc[i].pos_ == "PROPN" or
                                            ctx.doc[i].text == ","):
            i -= 1
    return ctx.doc[i].lower_ == "the"
