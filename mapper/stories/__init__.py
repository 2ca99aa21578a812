"""Stories: one journey per mover followed across several articles.

``mapper.story(["mon.txt", "tue.txt", "wed.txt"])`` analyses each article (each with its own
publication date, which its weekdays count from) and joins the journeys of the same mover:
the same stop told in several articles is one stop citing each, its status the latest
information's, and two articles that put the mover in different places on the same day are
flagged, both cited. ``mapper.analyze_many`` returns the analyses themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from mapper.model import Analysis, Article
from mapper.stories.build import build_story, story_of
from mapper.stories.draw import story_map
from mapper.stories.model import (
    Citation,
    Contradiction,
    Sighting,
    Story,
    StoryArticle,
    StoryJourney,
    StoryStop,
)

__all__ = ["Citation", "Contradiction", "Sighting", "Story", "StoryArticle", "StoryJourney",
           "StoryStop", "analyze_many", "build_story", "story", "story_map", "story_of"]


def analyze_many(articles: Sequence[Article | str], *,
                 published: Sequence[date | str | None] | None = None,
                 **options) -> list[Analysis]:
    """Analyse each article (an ``Article``, path, URL or "-"); ``published`` gives each its
    publication date where the text has none; ``options`` go to :func:`mapper.analyze`."""
    from mapper.gazetteer.embedded import default_gazetteer
    from mapper.pipeline import analyze

    if published is not None and len(published) != len(articles):
        raise ValueError("published needs one date (or None) per article")
    options.setdefault("gazetteer", default_gazetteer())
    dates = list(published) if published is not None else [None] * len(articles)
    return [analyze(a, published=d, **options) for a, d in zip(articles, dates)]


def story(articles: Sequence[Article | str | Analysis], **options) -> Story:
    """The story of several articles (paths, URLs, ``Article`` or ``Analysis`` values);
    ``options`` go to :func:`analyze_many`. The analyses stay on ``Story.analyses``."""
    published = options.pop("published", None)
    if published is not None and len(published) != len(articles):
        raise ValueError("published needs one date (or None) per article")
    todo = [i for i, a in enumerate(articles) if not isinstance(a, Analysis)]
    dates = [published[i] for i in todo] if published is not None else None
    done = iter(analyze_many([articles[i] for i in todo], published=dates, **options)) \
        if todo else iter(())
    analyses = [a if isinstance(a, Analysis) else next(done) for a in articles]
    return story_of(analyses)

