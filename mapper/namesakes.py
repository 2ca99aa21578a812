"""Facts about one name's candidates (its namesakes) that the resolver's hand score and the
ranker's features ask for every candidate: worked out once per group of same-name mentions
instead of once per candidate (a scan of all the namesakes each time; issue 13)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mapper.model import GazetteerEntry


@dataclass(frozen=True)
class Namesakes:
    """The most populous city among a name's candidates, overall and per country."""

    top_city: int
    city_by_country: dict[str | None, int]

    @classmethod
    def of(cls, cs: Sequence[GazetteerEntry]) -> Namesakes:
        by_country: dict[str | None, int] = {}
        for o in cs:
            if o.feature == "city" and o.population > by_country.get(o.country_code, -1):
                by_country[o.country_code] = o.population
        return cls(max(by_country.values(), default=0), by_country)

    def city_twin(self, c: GazetteerEntry) -> bool:
        """Whether a city of ``c``'s country among the namesakes has at least a tenth of its
        people (a subdivision named after its city: "New York" state)."""
        top = self.city_by_country.get(c.country_code)
        return top is not None and top >= 0.1 * max(c.population, 1)
