"""One module per field family; each reads the laid-out text and returns typed values."""
