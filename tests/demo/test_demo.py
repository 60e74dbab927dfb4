"""``docgen demo`` end to end, without the dev corpus (LibreOffice: seconds)."""
import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.templates import list_templates


@pytest.mark.slow
def test_demo_renders_reads_back_and_indexes(tmp_path):
    out = tmp_path / "demo-out"
    result = CliRunner().invoke(main, ["demo", "--out", str(out), "--dev-corpus", str(tmp_path / "none")])
    assert result.exit_code == 0, result.output
    count = len(list_templates())
    assert f"{count} of {count} types came back with the type, number, date, issuer, subject" in result.output
    assert len(list((out / "pdf").glob("*.pdf"))) == count
    assert (out / "corpus.db").is_file()
    assert "$ docgen corpus graph 12/KH-SNV" in result.output


@pytest.mark.slow
def test_pdf_conversion_into_a_relative_folder(tmp_path, monkeypatch):
    from docgen.pdf import convert_to_pdf
    from docgen.render import render_document

    monkeypatch.chdir(tmp_path)
    docx = render_document("cong_van", next(t for t in list_templates() if t.name == "cong_van").example,
                           "cv.docx")
    (pdf,) = convert_to_pdf([docx], "out")
    assert pdf == tmp_path / "out" / "cv.pdf" and pdf.stat().st_size > 1000
