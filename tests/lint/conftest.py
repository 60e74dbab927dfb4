import sys
from pathlib import Path

# the document builders are a helper module of these tests
sys.path.insert(0, str(Path(__file__).resolve().parent))
