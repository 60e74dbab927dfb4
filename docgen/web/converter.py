"""One warm LibreOffice for the whole web application, with a queue and a deadline per request.

A single thread owns the converter process (``uno_worker.py``, which keeps LibreOffice loaded
and converts over UNO in about 0.1 s a page); requests wait in a bounded queue and are served
one at a time. A conversion that passes its deadline is ended: the worker and LibreOffice are
killed as one process group, the request fails with a clear message, and the next request
starts a fresh LibreOffice.

    >>> converter = WarmConverter(timeout=30)
    >>> converter.convert(Path("a.docx"), Path("a.pdf"))   # doctest: +SKIP
    PosixPath('a.pdf')
"""
from __future__ import annotations

import json
import os
import queue
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from docgen.errors import ConversionFailed
from docgen.pdf import find_soffice

WORKER = Path(__file__).with_name("uno_worker.py")
# interpreters that may have LibreOffice's uno module (Debian's python3-uno is built for /usr/bin)
UNO_PYTHONS = ("/usr/bin/python3", sys.executable)
START_SECONDS = 90


class ConverterBusy(ConversionFailed):
    """The queue of previews is full."""


@lru_cache(maxsize=1)
def uno_python() -> str | None:
    """The first interpreter that can ``import uno`` (None: the worker falls back to cold runs)."""
    for candidate in dict.fromkeys(UNO_PYTHONS):
        if not Path(candidate).is_file():
            continue
        try:
            done = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return candidate
    return None


def default_worker_command() -> list[str]:
    """``python3 uno_worker.py SOFFICE`` (the profile folder is appended at start)."""
    python = uno_python()
    command = [python or sys.executable, str(WORKER), find_soffice()]
    return command if python else [*command, "--cold"]


@dataclass
class _Job:
    docx: Path
    pdf: Path
    future: Future


class WarmConverter:
    """DOCX → PDF through one LibreOffice kept running; ``convert`` is safe from any thread."""

    def __init__(self, timeout: float = 30.0, queue_limit: int = 16,
                 worker_command: Sequence[str] | None = None):
        self.timeout = timeout
        self.mode = "not started"
        self._command = list(worker_command) if worker_command else None
        self._jobs: queue.Queue[_Job | None] = queue.Queue(maxsize=queue_limit)
        self._process: subprocess.Popen | None = None
        self._profile: str | None = None
        self._thread = threading.Thread(target=self._serve, name="docgen-converter", daemon=True)
        self._thread.start()

    # ── the caller's side ──
    def submit(self, docx: Path, pdf: Path) -> Future:
        """Queue one conversion; ConverterBusy when the queue is full."""
        job = _Job(Path(docx), Path(pdf), Future())
        try:
            self._jobs.put_nowait(job)
        except queue.Full:
            raise ConverterBusy(Path(docx).name, "the converter is busy (too many previews waiting); try again") from None
        return job.future

    def convert(self, docx: Path, pdf: Path) -> Path:
        """Convert and wait; ConversionFailed names the cause (hang, crash, bad file)."""
        return self.submit(docx, pdf).result()

    def warm_up(self) -> Future:
        """Start LibreOffice now (in the converter thread) so the first preview is fast."""
        job = _Job(Path(), Path(), Future())
        self._jobs.put(job)
        return job.future

    @property
    def pid(self) -> int | None:
        """The worker's process id (also its process group: LibreOffice runs inside it)."""
        return self._process.pid if self._process and self._process.poll() is None else None

    def close(self) -> None:
        self._jobs.put(None)
        self._thread.join(timeout=self.timeout + 10)
        self._stop()

    # ── the converter thread ──
    def _serve(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if job.future.set_running_or_notify_cancel():
                try:
                    job.future.set_result(self._run(job))
                except ConversionFailed as error:
                    job.future.set_exception(error)
                except Exception as error:  # never let the thread die: the next job restarts
                    self._stop()
                    job.future.set_exception(ConversionFailed(job.docx.name, f"converter failed: {error}"))

    def _run(self, job: _Job) -> Path | None:
        self._ensure_started()
        if job.docx == Path():
            return None
        request = json.dumps({"docx": str(job.docx.resolve()), "pdf": str(job.pdf.resolve())})
        answer = self._ask(request, self.timeout, job.docx.name)
        if not answer.get("ok") or not job.pdf.is_file():
            raise ConversionFailed(job.docx.name, f"LibreOffice made no PDF ({answer.get('error', 'no file')})")
        return job.pdf

    def _ensure_started(self) -> None:
        if self._process is not None and self._process.poll() is None:
            return
        self._stop()
        self._profile = tempfile.mkdtemp(prefix="docgen-office-")
        command = [*(self._command or default_worker_command()), self._profile]
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, text=True, start_new_session=True)
        hello = self._read(START_SECONDS, "LibreOffice")
        if not hello.get("ready"):
            self._stop()
            raise ConversionFailed("LibreOffice", f"did not start: {hello.get('error', 'no answer')}")
        self.mode = hello.get("mode", "warm")

    def _ask(self, request: str, seconds: float, name: str) -> dict:
        try:
            self._process.stdin.write(request + "\n")
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            self._stop()
            raise ConversionFailed(name, "LibreOffice stopped unexpectedly; it will start again") from None
        return self._read(seconds, name)

    def _read(self, seconds: float, name: str) -> dict:
        """One answer line, or the worker is ended and ConversionFailed says why."""
        stream = self._process.stdout
        ready, _, _ = select.select([stream], [], [], seconds)
        if not ready:
            self._stop()
            raise ConversionFailed(name, f"LibreOffice did not answer within {seconds:g} s and was stopped; "
                                         "it starts again with the next request")
        line = stream.readline()
        if not line:
            self._stop()
            raise ConversionFailed(name, "LibreOffice stopped unexpectedly; it will start again")
        try:
            return json.loads(line)
        except ValueError:
            self._stop()
            raise ConversionFailed(name, "the converter gave an unreadable answer; it will start again") from None

    def _stop(self) -> None:
        """Kill the worker and its LibreOffice (one process group) and remove the profile."""
        process, self._process = self._process, None
        if process is not None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            process.wait()
            for stream in (process.stdin, process.stdout):
                try:
                    stream.close()
                except OSError:
                    pass
        if self._profile:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None
