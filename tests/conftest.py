"""Shared fixtures: where ../shared is, and small builders of laid-out text."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"


def need_shared() -> Path:
    """The dev corpus folder, or skip the test with the reason."""
    if not DEV.is_dir():
        pytest.skip(f"needs the development corpus at {DEV} (../shared beside the project)")
    return DEV


@pytest.fixture
def dev() -> Path:
    return need_shared()
