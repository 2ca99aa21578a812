"""Which tokens a token reader looks at. Each reader declares, with :func:`reads`, what a
token must have before the reader can read anything there or note anything in the context
(a part of speech, a dependency, a tag, a word or a lemma: any one of them), so the extractor
calls it at those tokens only. Most tokens of an article (determiners, punctuation,
adjectives, pronouns) start no reader, and a call that returns at once still costs a call."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

F = TypeVar("F", bound=Callable)
FIELDS = ("pos", "dep", "tag", "lower", "lemma")


@dataclass(frozen=True)
class Trigger:
    """The token attributes that start a reader: the reader runs at a token whose part of
    speech is in ``pos``, or dependency in ``dep``, or fine tag in ``tag``, or lower-cased
    text in ``lower``, or lower-cased lemma in ``lemma``."""

    pos: frozenset[str] = frozenset()
    dep: frozenset[str] = frozenset()
    tag: frozenset[str] = frozenset()
    lower: frozenset[str] = frozenset()
    lemma: frozenset[str] = frozenset()


def reads(**values: Iterable[str]) -> Callable[[F], F]:
    """Declare the :class:`Trigger` of a token reader (``@reads(pos={"VERB"})``)."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown trigger fields: {sorted(unknown)}")
    trigger = Trigger(**{k: frozenset(v) for k, v in values.items()})

    def mark(reader: F) -> F:
        reader.trigger = trigger  # type: ignore[attr-defined]
        return reader
    return mark


@dataclass
class ReaderPlan:
    """The readers to call at a token, in their given order: a bit per reader, looked up by
    each of the token's five attributes and or-ed together."""

    readers: tuple[Callable, ...]
    _bits: dict[str, dict[str, int]] = field(init=False, repr=False)
    _chosen: dict[int, tuple[Callable, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._bits = {name: {} for name in FIELDS}
        for n, reader in enumerate(self.readers):
            trigger = getattr(reader, "trigger", None)
            if trigger is None:
                raise TypeError(f"token reader {reader.__name__} declares no trigger (@reads)")
            for name in FIELDS:
                table = self._bits[name]
                for value in getattr(trigger, name):
                    table[value] = table.get(value, 0) | 1 << n
        self._chosen = {}

    def at(self, tok) -> tuple[Callable, ...]:
        """The readers that may read something at ``tok``."""
        bits = self._bits
        mask = (bits["pos"].get(tok.pos_, 0) | bits["dep"].get(tok.dep_, 0) |
                bits["tag"].get(tok.tag_, 0) | bits["lower"].get(tok.lower_, 0) |
                bits["lemma"].get(tok.lemma_.lower(), 0))
        chosen = self._chosen.get(mask)
        if chosen is None:
            chosen = self._chosen[mask] = tuple(
                r for n, r in enumerate(self.readers) if mask >> n & 1)
        return chosen
