"""``docgen serve`` on the command line: registered, 127.0.0.1 by default, a warning otherwise;
``docgen demo`` names it without starting it."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.commands.serve import is_loopback


@pytest.fixture
def started(monkeypatch):
    """What ``uvicorn.run`` was called with (nothing is served)."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append((app, kwargs)))
    return calls


def test_binds_to_loopback_by_default(started):
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "docgen serve: http://127.0.0.1:8000/ (Ctrl+C to stop)\n"
    assert result.stderr == ""
    ((app, kwargs),) = started
    assert (kwargs["host"], kwargs["port"]) == ("127.0.0.1", 8000)


def test_other_addresses_are_warned_about(started, tmp_path):
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "8123", "--max-upload-mb", "2",
                                       "--templates", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stderr == "docgen serve: listening on 0.0.0.0: other machines can reach this page\n"
    ((app, kwargs),) = started
    assert kwargs["port"] == 8123


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                            ("example", False)])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_demo_names_serve_without_starting_it(monkeypatch, tmp_path):
    import uvicorn

    import corpus.demo
    import docgen.demo

    monkeypatch.setattr(docgen.demo, "render_samples", lambda out, echo: [])
    monkeypatch.setattr(corpus.demo, "index_and_query", lambda *args, **kwargs: None)
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("make demo must not start the server"))
    lines: list[str] = []
    docgen.demo.run_demo(tmp_path, [], lines.append)
    assert lines[-1] == ("to fill these templates in a browser with a live preview, run: docgen serve "
                         "(then open http://127.0.0.1:8000/)")
