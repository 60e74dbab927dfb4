"""What the pages share for the life of the server: settings, converter, memories, work folder."""
from __future__ import annotations

import asyncio
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from starlette.concurrency import run_in_threadpool

from docgen.errors import DocgenError
from docgen.templates import DocTemplate, list_templates, load_template
from docgen.web.converter import WarmConverter
from docgen.web.downloads import DownloadStore
from docgen.web.preview import PdfMemory
from docgen.web.settings import WebSettings


@dataclass
class Services:
    settings: WebSettings
    converter: WarmConverter
    work_root: Path
    pdfs: PdfMemory = field(default_factory=PdfMemory)
    downloads: DownloadStore = field(default_factory=DownloadStore)

    @classmethod
    def start(cls, settings: WebSettings) -> "Services":
        converter = WarmConverter(settings.convert_timeout, settings.queue_limit, settings.worker_command)
        if settings.warm_up:
            converter.warm_up()
        return cls(settings, converter, Path(tempfile.mkdtemp(prefix="docgen-serve-")))

    def close(self) -> None:
        self.converter.close()
        shutil.rmtree(self.work_root, ignore_errors=True)

    @property
    def dirs(self) -> list[Path] | None:
        return list(self.settings.templates_dirs) or None

    def template(self, type_name: str) -> DocTemplate:
        """TemplateProblem for an unknown or broken name (the page shows it as one line)."""
        return load_template(type_name, self.dirs)

    def templates(self) -> list[DocTemplate]:
        return list_templates(self.dirs)

    async def to_pdf(self, docx: Path, pdf: Path) -> Path:
        """Convert through the warm converter without holding a worker thread while waiting."""
        return await asyncio.wrap_future(self.converter.submit(docx, pdf))


def error_line(error: DocgenError, shown_as: str | None = None, folder: Path | None = None) -> str:
    """The command line's one-line form ``docgen: FILE: cause``; a path inside the request's
    ``folder`` is shown as the uploaded file's name (``shown_as``), keeping any ":line"."""
    subject = str(error.subject)
    if folder is not None and shown_as:
        subject = re.sub(re.escape(str(folder)) + r"[^:]*", lambda _: shown_as, subject)
    elif shown_as:
        subject = shown_as
    cause = " ".join(str(error.cause).split())
    return f"docgen: {subject}: {cause}"


async def blocking(function, *args, **kwargs):
    """Run library work (render, lint, extract) off the event loop."""
    return await run_in_threadpool(function, *args, **kwargs)
