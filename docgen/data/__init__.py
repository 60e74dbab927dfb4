"""Data files of docgen (format facts, abbreviation tables); a package so they ship with it."""
