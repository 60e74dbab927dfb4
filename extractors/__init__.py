"""Reading Vietnamese administrative documents into ``docgen.document/1`` records."""
from extractors.records import Document, Span

__all__ = ["Document", "Span", "extract", "ExtractOptions"]


def __getattr__(name):
    # The pipeline pulls in PDF and NLP libraries: load it only when asked for.
    if name in ("extract", "ExtractOptions"):
        from extractors import pipeline
        return getattr(pipeline, name)
    raise AttributeError(name)
