"""People: the persons an article names, their genders and vehicles, and what a pronoun or
"the president" refers to."""

from __future__ import annotations

import re

from mapper.gazetteer.base import normalize
from mapper.journeys.context import Context, spans_near
from mapper.journeys.syntax import lemma_of
from mapper.journeys.words import (
    HONORIFIC_GENDER,
    HONORIFICS,
    MOTION_VERBS,
    NP_DEPS,
    PRONOUN_GENDER,
    TRANSPORT_VERBS,
    VEHICLE_OR_THING,
    VEHICLES,
)
from mapper.nlp import doc_ents, doc_sents, doc_tokens, ent_at, span_ents


def named_people(ctx: Context, doc) -> dict[str, dict]:
    """PERSON entities, one record per person: "Ms. Silva" is "Ana Silva" when a name
    word is shared; with the titles that stand before them ("Brazilian leader")."""
    people: dict[str, dict] = {}
    ctx.person_alias = {}
    # word -> (token, person key, named as a subject) of each full name, in text order
    ctx.name_keys = {}
    known = ctx.person_keys = set()  # the person keys in name_keys, kept as they are added
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON":
            continue
        name = _person_name(ent.text)
        words = _name_words(name)
        if not words:
            continue
        key = key_of(ctx, words, ent.start, known) or " ".join(words)
        rec = people.setdefault(key, {"label": name, "titles": set(), "home": None})
        if len(name) > len(rec["label"]):
            rec["label"] = name
        for w in words:
            ctx.person_alias.setdefault(w, key)
            seen = ctx.name_keys.setdefault(w, [])
            if len(words) > 1 or not seen:
                seen.append((ent.start, key, ent.root.dep_ in ("nsubj", "nsubjpass",
                                                               "ROOT")))
                known.add(key)
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
        home = demonym_country(ctx, " ".join(t.text for t in title_tokens)) or next(
            (c for t in title_tokens if (c := country_at(ctx, t))), None) or (
            owner_country(ctx, doc[left]) if left >= 0 and title_tokens else None)
        # "US President A B", "Croatia's President A B"
        if home:
            rec["home"] = home
    ctx.first_named = None  # worked out from name_keys when first needed
    _homes_from_titles(ctx, doc, people)
    return people


def country_at(ctx: Context, tok) -> str | None:
    """The code of the country a proper-noun token names in the article, or None."""
    if tok.pos_ != "PROPN":
        return None
    return next((place.entry.country_code for start, end, place, label in ctx.by_span
                 if start <= tok.idx < end and place.entry.feature == "country" and
                 label != "DEMONYM"), None)


def owner_country(ctx: Context, tok) -> str | None:
    """The country a possessive names ("Croatia" of "Croatia's president"), or None."""
    if tok.dep_ == "case" and tok.i:  # the "'s" itself
        tok = tok.doc[tok.i - 1]
    return country_at(ctx, tok) if tok.dep_ == "poss" else None


def _homes_from_titles(ctx: Context, doc, people: dict[str, dict]) -> None:
    """"Croatia's president" where one person named before it holds that title: that
    person's country, when nothing else gave one."""
    owners: dict[int, object] = {}  # token number -> its first possessive child
    for t in doc_tokens(doc):  # one pass over the dependencies, not a walk of each's children
        if t.dep_ == "poss" and t.head.i != t.i:
            owners.setdefault(t.head.i, t)
    for n in sorted(owners):
        tok, owner = doc[n], owners[n]
        home = owner_country(ctx, owner)
        if home is None:
            continue
        before = {k for seen in ctx.name_keys.values() for i, k, _ in seen if i < tok.i}
        holders = [rec for key, rec in people.items() if tok.lemma_.lower() in rec["titles"]
                   and rec["home"] in (None, home) and key in before]
        if len(holders) == 1 and holders[0]["home"] is None:
            holders[0]["home"] = home


def genders(ctx: Context, doc) -> dict[str, str]:
    """Person key -> "m" or "f" where the text shows it: an honorific before the name
    ("Mr. Silva", "Mrs. Silva"), else the pronouns of sentences that name that person alone
    ("Silva said he ..."), with the next sentence when it names nobody."""
    titled: dict[str, str] = {}
    votes: dict[str, dict[str, int]] = {}
    sents = list(doc_sents(doc))
    for i, sent in enumerate(sents):
        keys = set()
        for ent in span_ents(sent):
            if ent.label_ != "PERSON":
                continue
            key = person_key(ctx, doc[ent.start])
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
        if i + 1 < len(sents) and not any(e.label_ == "PERSON" for e in span_ents(sents[i + 1])):
            said += [t for t in sents[i + 1] if t.dep_ in ("nsubj", "nsubjpass")]
        words = [t.lower_ for t in said]
        tally = votes.setdefault(keys.pop(), {"m": 0, "f": 0})
        for w in words:
            if w in PRONOUN_GENDER:
                tally[PRONOUN_GENDER[w]] += 1
    out = {k: v for k, v in ((k, "m" if t["m"] > 2 * t["f"] else "f" if t["f"] > 2 * t["m"]
                              else None) for k, t in votes.items() if any(t.values())) if v}
    return {**out, **titled}


def agreeing_person(ctx: Context, pronoun: str):
    """The latest person named as a subject whom a pronoun can denote: "he" skips a woman
    named since ("Ana Silva has worked with Mr. Rossi ... She ... He intends")."""
    want = PRONOUN_GENDER.get(pronoun)
    for tok in reversed(ctx.person_trail[-8:]):
        key = person_key(ctx, tok) if tok.ent_type_ == "PERSON" else \
            ctx.person_alias.get(tok.lower_)
        if want is None or key is None or ctx.gender.get(key) in (None, want):
            return tok
    return ctx.last_person


def vehicle_owners(ctx: Context, doc) -> dict[str, str]:
    """Vehicle noun -> the person whose vehicle the text says it is ("his armored train",
    "Ms. Silva's train"), for later mentions of "the train"."""
    owners: dict[str, str] = {}
    last_person = None
    for tok in doc_tokens(doc):
        if tok.ent_type_ == "PERSON":
            key = person_key(ctx, tok)
            if key:
                last_person = key
        if tok.lemma_.lower() in VEHICLE_OR_THING and tok.pos_ == "NOUN":
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is None:
                continue
            if poss.pos_ == "PRON" and poss.lower_ in ("his", "her") and last_person:
                owners.setdefault(tok.lemma_.lower(), last_person)
            elif poss.ent_type_ == "PERSON" and person_key(ctx, poss):
                owners.setdefault(tok.lemma_.lower(), person_key(ctx, poss))
    return owners


def named_craft(doc) -> dict[str, str]:
    """Name -> vehicle noun for each name the text says is a vehicle ("the Sea Star is a
    Maltese-flagged vessel", "Flight 9 was an A320, a twin-engine jet")."""
    out: dict[str, str] = {}
    for tok in doc_tokens(doc):
        if tok.lemma_ != "be":
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
        for attr in (c for c in tok.children if c.dep_ == "attr"):
            # "an A320, a twin-engine jet" (or the appositive parsed as a clause's subject:
            # "an A320, a modern jet designed to ...")
            beside = [g for c in attr.children if c.dep_ in ("relcl", "acl") for g in c.children
                      if g.dep_ == "nsubj" and g.i < c.i and g.left_edge.i > 0 and
                      doc[g.left_edge.i - 1].text == ","]
            kind = next((t.lemma_.lower() for t in [attr, *attr.children, *beside]
                         if t.pos_ == "NOUN" and t.lemma_.lower() in VEHICLES and (
                             t is attr or t.dep_ == "appos" or t in beside)), None)
            if subj is not None and kind is not None:
                out.setdefault(np_text(subj).lower(), kind)
                if attr.pos_ == "PROPN":  # "was an Airbus A330, a jet": "the Airbus" too
                    out.setdefault(attr.text.lower(), kind)
    return out


def craft_kind(doc) -> str | None:
    """The commonest vehicle noun of a text whose vehicle nouns all share one mode (an
    article about flights names planes, jets and aircraft), else None."""
    counts: dict[str, int] = {}
    for tok in doc_tokens(doc):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in VEHICLES:
            counts[tok.lemma_.lower()] = counts.get(tok.lemma_.lower(), 0) + 1
    if len({VEHICLES[w] for w in counts}) != 1:
        return None
    return max(counts, key=counts.__getitem__)


def demonym_country(ctx: Context, text: str) -> str | None:
    """The country of the first demonym in a text ("Brazilian leader" -> BR), or None."""
    m = ctx.demonym_pattern.search(text) if ctx.demonym_pattern else None
    return ctx.demonyms[m.group(1)] if m else None


def titled_person(ctx: Context, noun) -> str | None:
    """The person a title noun denotes ("the crown prince" after "Crown Prince A B"): one
    with that title whose nationality does not clash with the noun's ("the Kenyan
    president" is not a president of unknown nationality named later)."""
    tl = noun.lemma_.lower()
    holders = _title_holders(ctx).get(tl)
    if not holders:
        return None
    home = demonym_country(ctx, " ".join(t.text for t in noun.lefts))
    for key, rec in holders:
        if ctx.first_named is None:
            ctx.first_named = {}
            for seen in ctx.name_keys.values():
                for i, k, _ in seen:
                    ctx.first_named[k] = min(i, ctx.first_named.get(k, i))
        first = ctx.first_named.get(key, noun.i)
        if home is None or rec["home"] == home or (
                first < noun.i and rec["home"] is None):
            return key  # one named later only if no nationality of the noun's says not
    return None


def _title_holders(ctx: Context) -> dict[str, list[tuple[str, dict]]]:
    """Title -> the people holding it, in the order of ctx.people: worked out once per
    article (the titles are all read by named_people before any title noun is looked up)."""
    cached = ctx.memo.get("title_holders")
    if cached is not None and cached[0] is ctx.people:
        return cached[1]
    index: dict[str, list[tuple[str, dict]]] = {}
    for key, rec in ctx.people.items():
        for title in rec["titles"]:
            index.setdefault(title, []).append((key, rec))
    ctx.memo["title_holders"] = (ctx.people, index)
    return index


def unknown_name(ctx: Context, tok) -> bool:
    """Whether a subject is a capitalised name that is no place, organisation or nationality
    and that no gazetteer knows: a person the tagger missed."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("", "GPE", "LOC") or \
            tok.dep_ not in ("nsubj", "nsubjpass") or not tok.text.istitle() or \
            any(c.dep_ in ("det", "poss") or c.dep_ == "compound" and not _name_word(c)
                for c in tok.children) or \
            tok.i == tok.sent.start and tok.ent_type_ == "" and \
            ctx.article.text.count(tok.text) < 2 and not _name_then_motion(tok):
        return False  # a capitalised first word is a name only if it recurs
    if any(ms <= tok.idx < me for ms, me, _, _ in spans_near(ctx, tok.idx, tok.idx)):
        return False
    name = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.pos_ == "PROPN")
    return not ctx.gazetteer.has_name(normalize(name))  # "Ellie Smith", not "Smith"


def the_name(ctx: Context, tok) -> bool:
    """Whether a subject is "the" and capitalised words the tagger left untyped and no
    place mention covers: a name of a ship or a title ("the Ever Given", "the Dalai Lama")."""
    words = [t for t in tok.subtree if t.i <= tok.i]
    return tok.tag_ == "NNP" and tok.ent_type_ == "" and tok.dep_ in ("nsubj", "nsubjpass") \
        and len(words) > 2 and words[0].lower_ == "the" and words[0].dep_ == "det" and all(
            t.text.istitle() and t.ent_type_ == "" and t.head == tok for t in words[1:-1]) \
        and not any(ms < words[-1].idx + len(words[-1]) and me > words[1].idx
                    for ms, me, _, _ in spans_near(ctx, words[1].idx,
                                                   words[-1].idx + len(words[-1])))


def object_antecedent(ctx: Context, pronoun):
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
        key = person_key(ctx, tok) if tok.ent_type_ == "PERSON" else \
            ctx.person_alias.get(tok.lower_)  # a surname the tagger read as a place
        if key and ctx.gender.get(key) in (None, want):
            return tok
    return None


def clause_antecedent(ctx: Context, pronoun):
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
            key = person_key(ctx, anc)
            if key and ctx.gender.get(key) in (None, want):
                return anc
            return None
    return None


def person_key(ctx: Context, tok) -> str | None:
    """The person a PERSON token's name denotes, or None."""
    ent = ent_at(ctx.doc, tok.i)
    if ent is None:
        return None
    return key_of(ctx, _name_words(_person_name(ent.text)), ent.start, ctx.person_keys)


def key_of(ctx: Context, words: list[str], at: int, known: set[str] | None = None) -> str | None:
    """The person a name denotes: a full name by its surname (two people who share a first
    name stay apart); a lone word by the person of that name last named as a subject
    before it ("Ana Silva, daughter of Rui Silva, ... Silva" is Ana), else first named."""
    if not words:
        return None
    if len(words) > 1:
        full = " ".join(words)
        if known is None:
            known = {k for seen in ctx.name_keys.values() for _, k, _ in seen}
        if full in known:
            return full
        for _, key, _ in ctx.name_keys.get(words[-1], []):
            other = set(key.split())
            if other <= set(words) or set(words) <= other:  # "Ana Silva", "Ana M. Silva"
                return key
        return None
    seen = ctx.name_keys.get(words[0], [])
    subjects = [k for i, k, subject in seen if i < at and subject]
    return subjects[-1] if subjects else seen[0][1] if seen else None


def np_text(noun) -> str:
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
            for t in between)) and lemma_of(verb) in MOTION_VERBS | TRANSPORT_VERBS


def _person_name(text: str) -> str:
    """A name without a possessive "'s"."""
    return re.sub(r"(’s|'s)$", "", text).strip()


def _name_words(name: str) -> list[str]:
    """A name's words, lower-cased, without titles ("Mr.", "President")."""
    titles = {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "gen", "sen"}
    words = [re.sub(r"[^\w-]", "", w).lower() for w in name.split()]
    return [w for w in words if w and w not in titles]
