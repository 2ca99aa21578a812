"""Journeys: who travels where, from the dependency parse and general rules.

A *motion event* is a verb of motion ("flew to", "crossed into", "passed through", "is to meet
... near") or a travel noun ("next stop at", "visit to") with a mover (its subject or
possessor) and the places its prepositions or objects name. Each event gives stops with a status
(confirmed, planned, reported, speculated), a date from the time expressions attached to it,
and a mode. Stops are grouped by mover, ordered in time (not in order of mention), merged where
one place contains the next, given an implied origin (the mover's home country) where the text
names none, and border crossings become points on the shared border.

The steps, one module each, are functions over a ``Context`` (``context``: the article, its
parse and places, and the people and movers read so far): ``words`` (the lexicon), ``values``
(Mover, Event, JourneyResult), ``syntax`` (clause tests on the parse), ``people`` and ``movers``
(who moves), ``events`` (motion frames), ``frames`` (the places of a frame, one event),
``status_mode``, ``timing`` (dates and order in time) and ``assembly`` (stops, legs,
journeys); ``extractor`` runs them over one article.
"""

from mapper.journeys.extractor import JourneyExtractor
from mapper.journeys.values import Event, JourneyResult, Mover

__all__ = ["Event", "JourneyExtractor", "JourneyResult", "Mover"]
