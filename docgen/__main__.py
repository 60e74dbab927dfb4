"""``python -m docgen``: the same command as the ``docgen`` console script."""
from docgen.cli import main

if __name__ == "__main__":
    main()
