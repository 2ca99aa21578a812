"""mapper: turn a news article about a journey into an interactive map."""

__version__ = "0.1.0"
