"""How an ingest reports as it goes: a bar of files, pages and failures on a terminal.

The library calls a ``Progress``; the command line passes ``TerminalProgress`` when stderr is
a terminal and a ``Progress`` that only reports failures otherwise.
"""
from __future__ import annotations

from typing import Callable


class Progress:
    """Silent progress: failures go to ``on_failure`` (if given), nothing else is shown."""

    wants_total = False

    def __init__(self, on_failure: Callable[[str, str], None] | None = None):
        self.on_failure = on_failure

    def start(self, total: int | None) -> None:
        pass

    def advance(self, files: int = 1, pages: int = 0) -> None:
        pass

    def failure(self, path: str, cause: str) -> None:
        if self.on_failure:
            self.on_failure(path, cause)

    def close(self) -> None:
        pass


class TerminalProgress(Progress):
    """A tqdm bar on stderr: files done of total, with pages and failures beside it."""

    wants_total = True

    def __init__(self, on_failure: Callable[[str, str], None] | None = None):
        super().__init__(on_failure)
        self.bar = None
        self.pages = 0
        self.failures = 0

    def start(self, total: int | None) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="file", desc="ingest", dynamic_ncols=True, leave=True)
        self._postfix()

    def advance(self, files: int = 1, pages: int = 0) -> None:
        self.pages += pages
        if self.bar is not None:
            self.bar.update(files)
            if pages:
                self._postfix()

    def failure(self, path: str, cause: str) -> None:
        self.failures += 1
        if self.bar is not None:
            self.bar.clear()
        super().failure(path, cause)
        if self.bar is not None:
            self._postfix()

    def _postfix(self) -> None:
        self.bar.set_postfix_str(f"pages={self.pages} failed={self.failures}", refresh=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
