"""A flight's "took off from X" written without its particle: "the plane took from X",
"it took from from X" (a dropped or mistyped "off"). "Take" with no object at all and a
"from" phrase naming where it left, said of an aircraft, a flight or "it", can only be the
aircraft leaving the ground there."""

from __future__ import annotations

from mapper.journeys.doubled import prep_objects
from mapper.journeys.status_mode import FLIGHT_NAME
from mapper.journeys.words import VEHICLES

# The parts of "take" that give it an object or another sense ("took it from X",
# "took off", "took a plane from X", "took him to X", "took time to ...")
OBJECT_DEPS = {"dobj", "dative", "prt", "ccomp", "xcomp", "attr", "oprd", "acomp", "nsubjpass",
               "auxpass"}


def particle_dropped(verb) -> bool:
    """Whether ``verb`` is "take" whose particle "off" the text left out: an aircraft's
    departure "from" a place."""
    if verb.lemma_.lower() != "take" or verb.pos_ != "VERB" or verb.dep_ in (
            "relcl", "acl", "amod") or any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return False  # "the money he took from the bank": the object is elsewhere
    if not any(c.dep_ == "prep" and c.lower_ == "from" and any(
            o.ent_type_ in ("GPE", "LOC", "FAC", "ORG") for o in prep_objects(c))
            for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lower_ == "it":
        return True
    words = " ".join(t.text for t in subj.subtree)
    return VEHICLES.get(subj.lemma_.lower()) == "air" or bool(FLIGHT_NAME.search(words))

