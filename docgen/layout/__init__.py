"""The Nghị định 30 layout engine over python-docx.

``facts`` holds the one table of format facts (keyed by ND30_SPEC ids); the other modules build
the parts of a document from it.
"""
