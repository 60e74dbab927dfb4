"""What ``docgen serve`` can be told: where templates are, how big an upload may be, how long
LibreOffice may take."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MB = 1 << 20


@dataclass(frozen=True)
class WebSettings:
    templates_dirs: tuple[Path, ...] = ()      # --templates DIR (before the built-in ones)
    max_upload_bytes: int = 20 * MB            # a request body past this gets 413
    convert_timeout: float = 30.0              # seconds one DOCX → PDF may take before it is ended
    queue_limit: int = 16                      # previews waiting for the converter at most
    worker_command: tuple[str, ...] | None = None  # the converter process (tests replace it)
    warm_up: bool = True                       # start LibreOffice when the server starts
