"""Web benchmark: ``docgen serve`` form page load and live-preview latency, beside the CLI.

    .venv/bin/python benchmarks/web.py                     # 200 page loads, 40 previews, 5 CLI runs
    .venv/bin/python benchmarks/web.py --pages 100 --previews 20 --cli 3

The real server runs as ``python -m docgen serve`` on a free port of 127.0.0.1; requests go
over the loopback with the standard library's HTTP client, one at a time.
1. Form page load: the công văn form's HTML and, as a browser with an empty cache fetches them,
   its stylesheet, script and icon (four requests in a row). p50 / p95. Aim: p95 < 200 ms.
2. Preview with a warm converter: the form posted to ``/mau/cong_van/xem-truoc`` with a new
   number each time (so the PDF memory never answers): validate, render the DOCX, convert it
   in the warm LibreOffice, draw page 1 as PNG. p50 / p95. Aim: p95 < 1.5 s.
3. Anchor, in the same run: ``docgen render cong_van --example --pdf`` from the command line
   for the same document (a fresh process and a cold LibreOffice each time). p50 / p95.
How busy the machine was: the load average before and after, and the share of both cores in
use over the run (from /proc/stat; this benchmark's own work included).
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.templates import load_template  # noqa: E402
from docgen.web.forms import shown  # noqa: E402

AIM_PAGE_MS, AIM_PREVIEW_MS = 200.0, 1500.0
ASSETS = ("/static/app.css", "/static/app.js", "/static/logo.svg")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def cpu_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all cores since boot."""
    with open("/proc/stat") as handle:
        fields = [int(v) for v in handle.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.read()


def post(url: str, fields: list[tuple[str, str]]) -> dict:
    body = urllib.parse.urlencode(fields).encode("utf-8")
    request = urllib.request.Request(url, body, {"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def example_fields(number: int) -> list[tuple[str, str]]:
    fields = []
    for name, value in load_template("cong_van").example.items():
        values = value if isinstance(value, list) else [shown(value)]
        fields += [(name, str(v)) for v in values]
    return [(k, str(number) if k == "so" else v) for k, v in fields]


def start_server(port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "docgen", "serve", "--port", str(port)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            get(f"http://127.0.0.1:{port}/")
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("docgen serve did not start: " + server.stderr.read().decode(errors="replace"))


def time_pages(base: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        started = time.perf_counter()
        get(f"{base}/mau/cong_van")
        for asset in ASSETS:
            get(base + asset)
        times.append((time.perf_counter() - started) * 1000)
    return times


def time_previews(base: str, count: int) -> list[float]:
    post(f"{base}/mau/cong_van/xem-truoc", example_fields(900))  # waits for LibreOffice to be warm
    times = []
    for i in range(count):
        started = time.perf_counter()
        answer = post(f"{base}/mau/cong_van/xem-truoc", example_fields(1000 + i))
        times.append((time.perf_counter() - started) * 1000)
        if not answer["ok"]:
            raise SystemExit(f"preview failed: {answer}")
    return times


def time_cli(count: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for i in range(count):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "docgen", "render", "cong_van", "--example", "--no-input",
                            "--pdf", "-o", str(Path(folder) / f"cv{i}.docx")], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
            times.append((time.perf_counter() - started) * 1000)
    return times


def line(what: str, times: list[float], aim: float | None) -> str:
    p50, p95 = statistics.median(times), percentile(times, 0.95)
    verdict = "" if aim is None else (f"  aim p95 < {aim:g} ms: " + ("met" if p95 < aim else "NOT met"))
    return f"{what:<44} n={len(times):<4} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms{verdict}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--previews", type=int, default=40)
    parser.add_argument("--cli", type=int, default=5)
    args = parser.parse_args()
    load_before, ticks_before = os.getloadavg(), cpu_ticks()
    port = free_port()
    server = start_server(port)
    try:
        base = f"http://127.0.0.1:{port}"
        pages = time_pages(base, args.pages)
        previews = time_previews(base, args.previews)
    finally:
        server.terminate()
        server.wait(timeout=30)
    cli = time_cli(args.cli)
    ticks_after, load_after = cpu_ticks(), os.getloadavg()
    busy = (ticks_after[0] - ticks_before[0]) / max(1, ticks_after[1] - ticks_before[1])
    print(f"docgen serve benchmark on {os.cpu_count()} cores")
    print(line("form page load (HTML + css + js + icon)", pages, AIM_PAGE_MS))
    print(line("preview, warm converter (new data each)", previews, AIM_PREVIEW_MS))
    print(line("anchor: docgen render --pdf (CLI, cold)", cli, None))
    print(f"machine: load average {load_before[0]:.2f} before, {load_after[0]:.2f} after; "
          f"CPU busy {busy:.0%} of {os.cpu_count()} cores over the run (this benchmark included)")


if __name__ == "__main__":
    main()
