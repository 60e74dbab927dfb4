"""``docgen serve``: the local web page (forms with live preview, batch, lint, draft)."""
from __future__ import annotations

import ipaddress
import sys

import click

from docgen.commands.common import EXIT_FAILED, report
from docgen.commands.templates import TEMPLATES_OPTION


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but 127.0.0.1/localhost opens the page to the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--max-upload-mb", type=click.FloatRange(0.1, 1024), default=20, show_default=True,
              help="Largest request body (an uploaded file) accepted.")
@click.option("--timeout", "convert_timeout", type=click.FloatRange(1, 600), default=30, show_default=True,
              help="Seconds LibreOffice may take for one document before it is stopped and restarted.")
@TEMPLATES_OPTION
def serve(host, port, max_upload_mb, convert_timeout, templates_dirs) -> None:
    """Start the local web application at http://HOST:PORT/ (Ctrl+C stops it)."""
    try:
        import uvicorn

        from docgen.web import WebSettings, create_app
    except ImportError as error:
        report("serve", f"needs the web packages ({error.name} is missing): pip install 'docgen-vn[web]'")
        sys.exit(EXIT_FAILED)
    from docgen.web.settings import MB

    settings = WebSettings(templates_dirs=tuple(templates_dirs), max_upload_bytes=int(max_upload_mb * MB),
                           convert_timeout=convert_timeout)
    if not is_loopback(host):
        click.echo(f"docgen serve: listening on {host}: other machines can reach this page", err=True)
    click.echo(f"docgen serve: http://{host}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", access_log=False,
                server_header=False)
