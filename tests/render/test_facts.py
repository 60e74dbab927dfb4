"""The facts table loads, is keyed by spec ids and its defaults sit inside their ranges."""
import re

import pytest

from docgen.layout.facts import FACTS, Range, load_facts, mm_to_twips

SPEC_ID = re.compile(r"[A-Z]{1,2}-\d{2}")


def test_every_key_is_a_spec_id_or_a_named_choice():
    choices = {"GRID", "LINES", "SPACING"}
    assert all(SPEC_ID.fullmatch(k) or k in choices for k in FACTS)


@pytest.mark.parametrize("fact_id", sorted(FACTS))
def test_defaults_inside_ranges(fact_id):
    fact = FACTS[fact_id]
    for key, value in fact.values.items():
        if isinstance(value, dict) and {"min", "max", "default"} <= value.keys():
            assert fact.range(key).contains(fact.range(key).default), key


@pytest.mark.parametrize(
    "fact_id, key, expected",
    [
        ("G-03", "top_mm", Range(20, 25, 20)),
        ("G-03", "left_mm", Range(30, 35, 30)),
        ("G-03", "right_mm", Range(15, 20, 15)),
        ("QH-01", "size_pt", Range(12, 13, 12)),
        ("NN-03", "size_pt", Range(12, 12, 12)),
        ("NN-04", "size_pt", Range(11, 11, 11)),
        ("CQ-04", "length_ratio", Range(0.333, 0.5, 0.4)),
    ],
)
def test_ranges(fact_id, key, expected):
    assert FACTS[fact_id].range(key) == expected


def test_styles_and_values():
    assert FACTS["G-04"]["font"] == "Times New Roman"
    assert FACTS.style("NN-03").bold is True and FACTS.style("NN-03").italic is True
    assert FACTS.style("DT-02").italic is True
    assert FACTS.size("SK-02") == 13
    assert FACTS["DT-05"].pattern.fullmatch("Hà Nội, ngày 05 tháng 3 năm 2020")
    assert not FACTS["DT-05"].pattern.fullmatch("Hà Nội, ngày 5 tháng 03 năm 2020")
    assert mm_to_twips(FACTS["G-01"]["width_mm"]) == FACTS["G-01"]["width_twips"]
    assert mm_to_twips(FACTS["G-01"]["height_mm"]) == FACTS["G-01"]["height_twips"]
    assert load_facts().keys() == FACTS.keys()
