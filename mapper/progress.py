"""A progress bar on stderr for the slow one-off steps (the first run's index build); silent
when stderr is not a terminal."""

from __future__ import annotations

import sys
from types import TracebackType


class Progress:
    """A percentage bar with a stage label: ``stage(label, percent)`` moves it forward."""

    def __init__(self, title: str, total: int = 100) -> None:
        self.title = title
        self.total = total
        self._bar = None
        self._done = 0

    def __enter__(self) -> Progress:
        stream = sys.stderr
        if stream is not None and stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=self.total, desc=f"mapper: {self.title}", file=stream,
                             bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}",
                             leave=False, dynamic_ncols=True)
        return self

    def stage(self, label: str, percent: int) -> None:
        """Show ``label`` and move the bar to ``percent`` (never backwards)."""
        if self._bar is None:
            return
        self._bar.set_description_str(f"mapper: {self.title}: {label}", refresh=False)
        if percent > self._done:
            self._bar.update(percent - self._done)
            self._done = percent
        else:
            self._bar.refresh()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            if kind is None:
                self._bar.update(self.total - self._done)
            self._bar.close()
