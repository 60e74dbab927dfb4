"""The ``docgen`` sub-commands, one module each; ``docgen.cli`` registers them."""
