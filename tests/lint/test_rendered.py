"""Every document ``docgen render`` makes from a template's example lints clean.

The layout engine and lint read the same table of facts (docgen/data/nd30_facts.toml); this is
the test that they agree on real rendered output, type by type.
"""
from __future__ import annotations

import docx
import pytest

from docgen.lint import lint_file
from docgen.lint.context import Context
from docgen.render import render_document
from docgen.templates import list_names, load_template, template_dirs

# layout bugs reported to the rendering owner; delete the entry when the renderer is fixed
KNOWN_LAYOUT_BUGS: dict[str, str] = {}
TYPES = [
    pytest.param(name, marks=pytest.mark.xfail(reason=KNOWN_LAYOUT_BUGS[name], strict=True))
    if name in KNOWN_LAYOUT_BUGS else name
    for name in list_names(template_dirs())
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rendered")
    names = list_names(template_dirs())
    return {name: render_document(name, load_template(name).example, folder / f"{name}.docx") for name in names}


@pytest.mark.parametrize("type_name", TYPES)
def test_rendered_example_lints_clean(rendered, type_name):
    findings = lint_file(rendered[type_name])
    assert [f.to_text() for f in findings] == []


@pytest.mark.parametrize("type_name", list_names(template_dirs()))
def test_lint_found_the_components_of_the_rendered_example(rendered, type_name):
    zones = Context.of(docx.Document(str(rendered[type_name]))).zones
    assert zones.quoc_hieu and zones.tieu_ngu and zones.agency and zones.so
    assert zones.place_date or type_name == "bien_ban"  # Mẫu 1.9 has no date line in ô 4
    assert zones.type_name is not None or zones.vv
    assert zones.signer_name is not None and zones.noi_nhan is not None
    assert zones.body
