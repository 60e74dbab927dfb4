"""Results kept in memory for a short while, fetched once by a random token.

A batch ZIP or a ``lint --fix`` copy is made inside the request's own temp folder, which is
removed when the page is sent; the bytes wait here until the clerk clicks the link (at most
``ttl`` seconds, at most ``max_bytes`` in all — the oldest go first).

    >>> store = DownloadStore()
    >>> token = store.put(b"PK…", "ket-qua.zip", "application/zip")
    >>> store.take(token).filename
    'ket-qua.zip'
"""
from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Download:
    content: bytes
    filename: str
    media_type: str
    made: float = field(default_factory=time.monotonic)


class DownloadStore:
    def __init__(self, ttl: float = 15 * 60, max_bytes: int = 256 << 20):
        self.ttl, self.max_bytes = ttl, max_bytes
        self._items: OrderedDict[str, Download] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, content: bytes, filename: str, media_type: str) -> str:
        token = secrets.token_urlsafe(18)
        with self._lock:
            self._items[token] = Download(content, filename, media_type)
            self._expire()
        return token

    def take(self, token: str) -> Download | None:
        """The download behind ``token`` (it stays until it expires: a clerk may click twice)."""
        with self._lock:
            self._expire()
            return self._items.get(token)

    def _expire(self) -> None:
        now = time.monotonic()
        for token in [t for t, d in self._items.items() if now - d.made > self.ttl]:
            del self._items[token]
        while self._items and sum(len(d.content) for d in self._items.values()) > self.max_bytes:
            self._items.popitem(last=False)
