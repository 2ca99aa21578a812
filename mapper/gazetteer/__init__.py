"""Gazetteers: the embedded offline index, and web geocoders placed behind it."""

from mapper.gazetteer.base import Gazetteer, normalize
from mapper.gazetteer.embedded import EmbeddedGazetteer, cache_dir, default_gazetteer

__all__ = ["Gazetteer", "EmbeddedGazetteer", "default_gazetteer", "cache_dir", "normalize"]
