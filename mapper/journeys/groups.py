"""Groups told by number: "Hundreds of Syrian refugees waited at the border. They walked to
X": the "they" of the next clauses is the group the counted subject names (its "of" phrase),
even where the parser hangs that noun off another word ("hundreds of migrants battle ...")."""

from __future__ import annotations

from mapper.journeys.context import Context
from mapper.journeys.syntax import lemma_of
from mapper.journeys.triggers import reads
from mapper.journeys.values import Event
from mapper.journeys.words import GROUP_NOUNS, QUANTITY_NOUNS, SHARE_WORDS


@reads(dep={"nsubj", "nsubjpass"})
def note_counted_group(ctx: Context, tok, sent=None) -> list[Event]:
    """Keep a main clause's counted subject's group ("hundreds of migrants") as the latest
    group named as a subject, the antecedent of a later "they" (a token reader that reads no
    event itself)."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or lemma_of(tok) not in QUANTITY_NOUNS or \
            tok.head.dep_ not in ("ROOT", "conj") or \
            any(c.lower_ in SHARE_WORDS for c in tok.children):
        return []
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return []
    group = next((t for t in of.subtree if t.pos_ == "NOUN" and t.tag_ == "NNS" and
                  lemma_of(t) in GROUP_NOUNS), None)
    if group is not None:
        ctx.plural_subject = group
    return []
