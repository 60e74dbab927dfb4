"""The converter process behind the web page's previews: one warm LibreOffice, driven over UNO.

Run by ``docgen.web.converter`` with a Python that has LibreOffice's ``uno`` module (Debian's
``python3-uno``); it imports nothing from docgen, so any such interpreter will do. It starts
LibreOffice headless with its own profile, then reads one JSON request per line on stdin —
``{"docx": "/tmp/…/a.docx", "pdf": "/tmp/…/a.pdf"}`` — and answers one JSON line on stdout:
``{"ok": true}`` or ``{"ok": false, "error": "…"}``. Without ``uno`` (or with ``--cold``) each
request runs ``soffice --convert-to pdf`` instead: slower, same protocol.

    python3 uno_worker.py /usr/bin/soffice [--cold] /tmp/profile
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

CONNECT_SECONDS = 60
PDF_FILTER = "writer_pdf_Export"


def reply(**fields) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def office_command(soffice: str, profile: Path, extra: list[str]) -> list[str]:
    return [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
            "--norestore", "--nologo", "--nolockcheck", "--nodefault", *extra]


class WarmOffice:
    """A LibreOffice process listening on a private pipe, and its UNO desktop."""

    def __init__(self, soffice: str, profile: Path):
        import uno  # noqa: F401  (raises ImportError where python3-uno is missing)

        self.pipe = f"docgen-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        accept = f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"
        self.process = subprocess.Popen(office_command(soffice, profile, [accept]), stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.desktop = self._connect()

    def _connect(self):
        import uno
        from com.sun.star.connection import NoConnectException

        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + CONNECT_SECONDS
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            except NoConnectException:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("LibreOffice did not start") from None
                time.sleep(0.1)

    def convert(self, docx: str, pdf: str) -> None:
        import uno
        from com.sun.star.beans import PropertyValue

        def prop(name, value):
            item = PropertyValue()
            item.Name, item.Value = name, value
            return item

        document = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(docx), "_blank", 0,
                                                     (prop("Hidden", True), prop("ReadOnly", True)))
        if document is None:
            raise RuntimeError("LibreOffice could not open the DOCX")
        try:
            document.storeToURL(uno.systemPathToFileUrl(pdf), (prop("FilterName", PDF_FILTER),))
        finally:
            document.close(True)


class ColdOffice:
    """One ``soffice --convert-to pdf`` run per request (where ``uno`` is not available)."""

    def __init__(self, soffice: str, profile: Path):
        self.soffice, self.profile = soffice, profile
        self.process = None

    def convert(self, docx: str, pdf: str) -> None:
        outdir = Path(pdf).parent / f".out-{uuid.uuid4().hex[:8]}"
        command = office_command(self.soffice, self.profile, ["--convert-to", "pdf", "--outdir", str(outdir), docx])
        subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        made = outdir / (Path(docx).stem + ".pdf")
        if not made.is_file():
            raise RuntimeError("LibreOffice made no PDF")
        os.replace(made, pdf)
        shutil.rmtree(outdir, ignore_errors=True)


def open_office(soffice: str, profile: Path, cold: bool):
    if not cold:
        try:
            return WarmOffice(soffice, profile), "warm"
        except ImportError:
            pass
    return ColdOffice(soffice, profile), "cold"


def main(argv: list[str]) -> int:
    positional = [a for a in argv[1:] if not a.startswith("--")]
    soffice, profile = positional[0], Path(positional[1])
    try:
        office, mode = open_office(soffice, profile, "--cold" in argv)
    except Exception as error:  # reported to the server as one line, which ends this worker
        reply(ready=False, error=f"{type(error).__name__}: {error}")
        return 1
    reply(ready=True, mode=mode)
    for line in sys.stdin:
        try:
            request = json.loads(line)
            office.convert(request["docx"], request["pdf"])
            reply(ok=True)
        except Exception as error:
            reply(ok=False, error=f"{type(error).__name__}: {error}")
    if office.process is not None:
        office.process.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
