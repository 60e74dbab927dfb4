"""The README's before/after of ``docgen lint`` is real output: docs/examples/*.txt must match."""
from __future__ import annotations

import runpy
from pathlib import Path

from click.testing import CliRunner

from docgen.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def test_lint_before_and_after_fix_match_the_readme(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runpy.run_path(str(EXAMPLES / "make_wrong_cong_van.py"), run_name="make")["main"]("wrong_cong_van.docx")
    before = CliRunner().invoke(main, ["lint", "wrong_cong_van.docx"])
    after = CliRunner().invoke(main, ["lint", "wrong_cong_van.docx", "--fix", "-o", "fixed.docx"])
    assert (before.exit_code, before.stdout) == (1, (EXAMPLES / "lint_before.txt").read_text(encoding="utf-8"))
    assert (after.exit_code, after.stdout) == (1, (EXAMPLES / "lint_after_fix.txt").read_text(encoding="utf-8"))
