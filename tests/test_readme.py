"""The README shows what the commands print today."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_opens_with_the_two_setup_commands():
    lines = [ln.strip() for ln in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()]
    commands = [ln.split("#")[0].strip() for ln in lines if ln.startswith("make ")]
    assert commands[:2] == ["make demo", "make test"]


def test_readme_lint_example_is_the_committed_output():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("lint_before.txt", "lint_after_fix.txt"):
        assert (ROOT / "docs" / "examples" / name).read_text(encoding="utf-8") in readme
