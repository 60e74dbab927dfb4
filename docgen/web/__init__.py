"""``docgen serve``: a local web page for clerks and writers.

Fill a template in the browser with a live preview of the printed page, download DOCX and
PDF, render a CSV of rows into a ZIP, lint a dropped DOCX, and draft from an issued document —
through the same library functions, rules and messages as the command line. Everything it
shows comes from this package (no CDN); it binds to 127.0.0.1 unless told otherwise.

    >>> from docgen.web import WebSettings, create_app
    >>> app = create_app(WebSettings())
"""
from docgen.web.app import create_app
from docgen.web.settings import WebSettings

__all__ = ["create_app", "WebSettings"]
