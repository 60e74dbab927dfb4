"""The main job end to end on built-in samples (``docgen demo``, run by ``make demo``).

1. render every template type's example data to DOCX, then all of them to PDF in one
   LibreOffice run;
2. read each PDF back with the extractors and check type, number, date, issuer, subject
   and signer against what was rendered;
3. index the rendered PDFs (and the development corpus, when ../shared is beside the
   project) and run a search and a citation query.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

Echo = Callable[[str], None]
SERVE_HINT = ("to fill these templates in a browser with a live preview, run: docgen serve "
              "(then open http://127.0.0.1:8000/)")


@dataclass
class Sample:
    type_name: str
    docx: Path
    pdf: Path
    record: dict
    mismatches: list[str]


def render_samples(out: Path, echo: Echo) -> list[tuple[object, Path, Path]]:
    """Every template's example → ``out/docx/TYPE.docx`` → ``out/pdf/TYPE.pdf``."""
    from docgen.pdf import convert_to_pdf
    from docgen.render import render_document
    from docgen.templates import list_templates

    templates = list_templates()
    docx = [render_document(t.name, t.example, out / "docx" / f"{t.name}.docx") for t in templates]
    echo(f"rendered {len(docx)} documents (every template's example) into {out / 'docx'}")
    pdfs = convert_to_pdf(docx, out / "pdf")
    echo(f"converted them to PDF in one LibreOffice run into {out / 'pdf'}")
    return list(zip(templates, docx, pdfs))


def read_back(rendered: list[tuple[object, Path, Path]]) -> list[Sample]:
    from docgen.roundtrip import mismatches
    from extractors import extract

    samples = []
    for template, docx, pdf in rendered:
        record = extract(pdf).to_dict()
        samples.append(Sample(template.name, docx, pdf, record, mismatches(template, record)))
    return samples


def sample_table(samples: list[Sample]) -> str:
    from extractors.output import text_table

    cols = (("type", 20), ("number", 14), ("date", 10), ("issuer", 28), ("signer", 18), ("round trip", 12))
    rows = [(s.type_name, s.record["number"]["raw"], s.record["issued_on"], s.record["issuer"]["name"],
             s.record["signer"]["name"], "ok" if not s.mismatches else "differs: " + ",".join(s.mismatches))
            for s in samples]
    return text_table(cols, rows)


def run_demo(out: Path, corpus_folders: list[Path], echo: Echo, jobs: int = 2) -> bool:
    """The whole demo; True when every sample came back as rendered."""
    from corpus.demo import index_and_query

    samples = read_back(render_samples(out, echo))
    echo("")
    echo("read back from the PDFs (docgen extract):")
    echo(sample_table(samples))
    good = sum(not s.mismatches for s in samples)
    echo(f"{good} of {len(samples)} types came back with the type, number, date, issuer, subject "
         "and signer they were rendered with")
    echo("")
    index_and_query([out / "pdf", *corpus_folders], out / "corpus.db", echo, jobs=jobs)
    echo("")
    echo(SERVE_HINT)
    return good == len(samples)
