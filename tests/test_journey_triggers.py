"""Token readers run only where their trigger fires (journeys/triggers.py): the events read
that way are the events every reader at every token reads, on the authored articles and on
sentences that start each reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapper.journeys import extractor as journeys_extractor
from mapper.journeys.extractor import READER_PLAN, TOKEN_READERS
from mapper.journeys.triggers import ReaderPlan, reads
from mapper.read import article_from_text

ARTICLES = sorted(Path(__file__).resolve().parents[1].glob("data/articles/*.txt"))
# one or more sentences for each reader: a verb's frame, a counted group, an origin at an
# event, a route point, a position, a grounding, a storm's move, a seizure, a goal ahead,
# an animal's departure, a stranding, a birth
SENTENCES = (
    "Hundreds of migrants left Tripoli on Monday. They reached Lampedusa on Tuesday.",
    "President Ana Silva flew in to Lisbon after talks in Madrid.",
    "Kim spoke at a rally in Wonsan, the starting point of the tour.",
    "The Airbus was about 190 miles northeast of Darwin when it vanished.",
    "The tanker ran aground after hitting a reef near Mombasa.",
    "Hurricane Lumen battered Barbados on Monday and passed Jamaica on Tuesday.",
    "Rebel fighters crossed into Ukraine from Belarus on Friday and seized the main police "
    "station in Kharkiv on Saturday.",
    "Hundreds of Syrian refugees crossed into Turkey last week in search of a better life in "
    "Germany. With a long way still ahead through Bulgaria and Serbia, they rested in Edirne.",
    "An arctic tern - a seabird that chases the summer - reached a beach this week. Researchers "
    "have been following a flock of terns since their departure from Iceland on May 2.",
    "The yacht was adrift off Tonga. Thousands were stranded in Cairns.",
    "Smith was born in Glasgow in 1925 and moved to London in 1950.",
)


def _events(gazetteer, text: str) -> list[tuple]:
    from mapper.pipeline import analyze

    article = article_from_text(text, source="test", stem="t")
    places = analyze(article, gazetteer=gazetteer).places
    from mapper.journeys import JourneyExtractor
    from mapper.nlp import body_start, parse

    doc = parse(article.text, body_start(article))
    events = JourneyExtractor(gazetteer).events(article, doc, places)
    return [(e.mover.key, e.place.id, e.role, e.status, e.date, e.mode, e.verb, e.span,
             sorted(e.extra.items(), key=str)) for e in events]


class _EveryReader:
    def at(self, tok):
        return TOKEN_READERS


@pytest.mark.parametrize("text", [p.read_text() for p in ARTICLES] + list(SENTENCES),
                         ids=[p.stem for p in ARTICLES] + [f"s{n}" for n in range(len(SENTENCES))])
def test_triggered_readers_read_what_every_reader_reads(gazetteer, monkeypatch, text):
    gated = _events(gazetteer, text)
    monkeypatch.setattr(journeys_extractor, "READER_PLAN", _EveryReader())
    assert gated == _events(gazetteer, text)


def test_every_reader_reads_events_in_the_sentences(gazetteer, monkeypatch):
    read: set[str] = set()

    def counted(reader):
        def wrapped(ctx, tok, sent):
            found = reader(ctx, tok, sent)
            if found:
                read.add(reader.__name__)
            return found
        wrapped.trigger = reader.trigger
        return wrapped

    readers = tuple(counted(r) for r in TOKEN_READERS)
    monkeypatch.setattr(journeys_extractor, "READER_PLAN", ReaderPlan(readers))
    for text in SENTENCES:
        _events(gazetteer, text)
    # the counted group is no event: it only names the "they" of a later sentence
    assert read == {r.__name__ for r in TOKEN_READERS} - {"note_counted_group"}


def test_the_plan_picks_readers_by_any_attribute_in_their_order():
    @reads(pos={"VERB"})
    def verbs(ctx, tok, sent):
        return []

    @reads(dep={"nsubj"}, lower={"ahead"})
    def subjects(ctx, tok, sent):
        return []

    class Tok:
        def __init__(self, pos, dep, lower):
            self.pos_, self.dep_, self.tag_, self.lower_, self.lemma_ = pos, dep, "", lower, lower

    plan = ReaderPlan((verbs, subjects))
    assert plan.at(Tok("VERB", "nsubj", "x")) == (verbs, subjects)
    assert plan.at(Tok("ADV", "advmod", "ahead")) == (subjects,)
    assert plan.at(Tok("DET", "det", "the")) == ()
    assert READER_PLAN.readers == TOKEN_READERS


def test_a_reader_without_a_trigger_is_refused():
    def bare(ctx, tok, sent):
        return []

    with pytest.raises(TypeError, match="bare"):
        ReaderPlan((bare,))
