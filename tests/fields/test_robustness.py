"""Random and hostile input: no field module raises, every span points inside the text."""
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.fields.contacts import find_contacts
from extractors.fields.deadlines import find_deadlines
from extractors.fields.deep import fill_deep
from extractors.fields.events import find_events
from extractors.fields.flow import build_flow
from extractors.fields.periods import find_periods
from extractors.fields.references import find_references
from extractors.fields.targets import find_targets
from extractors.fields.urls import find_urls
from extractors.legacy import convert_legacy
from extractors.records import Document, Source
from extractors.text import DocText

PIECES = ["Quyết định số ", "749/QĐ-TTg", " ngày ", "03 tháng 6 năm 2020", "31/12/2024", "quý 1-2022",
          "giai đoạn ", "2021-2025", " từ ", " đến ", "00h ", "Đợt 1: ", "85%", " tối thiểu ", "trên ",
          "a) ", "- ", "2.1. ", "Ông Nguyễn Văn An", " (0905.123.456; a@b.gov.vn)", "www.x.vn", "“", "”",
          "Luật ", "Đề án ", "ban hành kế hoạch ", "1.000.000", " tỷ đồng", "nhóm 5 tỉnh đứng đầu", "\n", "\f",
          "ngày 31 tháng 02", ";", ",", ".", ":", "(", ")", "Căn cứ ", "04-NQ/TU", "1743/QĐ- BGTVT"]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(string.printable + "ạđĐươỹ%/", max_size=8)),
                max_size=40).map("".join)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _inside(items, text):
    for it in items:
        assert 0 <= it.span.start <= it.span.end <= len(text)
        assert it.span.page == text.count("\f", 0, it.span.start) + 1


@SETTINGS
@given(TEXT)
def test_every_field_module_on_random_text(raw):
    text = DocText.plain(raw)
    flow = build_flow(raw)
    assert len(flow.text) == len(raw)
    for found in (find_references(text, flow), find_periods(text, flow), find_deadlines(text, flow),
                  find_events(text, flow), find_targets(text, flow), find_contacts(text, flow, use_ner=False)):
        _inside(found, raw)
    assert all(isinstance(u, str) and u for u in find_urls(text))


@SETTINGS
@given(TEXT)
def test_fill_deep_on_random_text(raw):
    doc = Document(Source("random"))
    fill_deep(doc, DocText.plain(raw))
    for field in ("references", "periods", "deadlines", "events", "targets", "contacts"):
        _inside(getattr(doc, field), raw)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=60))
def test_legacy_conversion_never_raises(raw):
    converted, encoding = convert_legacy(raw)
    assert encoding in (None, "tcvn3", "vni")
    assert encoding is not None or converted == raw


def test_a_2000_page_text():
    page = ("Phấn đấu đến cuối năm 2025: 85% người dân có điện thoại thông minh; thực hiện Quyết định "
            "số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ; hoàn thành trước ngày 20/01/2025.")
    raw = "\f".join([page] * 2000)
    doc = Document(Source("long"))
    fill_deep(doc, DocText.plain(raw))
    assert len(doc.references) == 1
    assert len(doc.targets) == 2000 and doc.targets[-1].span.page == 2000
    assert {d.by for d in doc.deadlines} == {"2025-12-31", "2025-01-20"}


def test_text_that_is_not_vietnamese():
    raw = ("The committee met on 12 March and agreed that 85 percent of the budget, about 2.5 million, "
           "goes to schools. Contact Mr John Smith at john@example.com or visit example.com.\n"
           "Le comité a décidé: 30% pour l'éducation.")
    doc = Document(Source("en"))
    fill_deep(doc, DocText.plain(raw))
    assert (doc.references, doc.periods, doc.deadlines, doc.events, doc.contacts) == ([], [], [], [], [])
    assert doc.urls == ["example.com"]
    assert doc.targets == []  # "30% pour l'éducation": nothing says it is an aim


def test_impossible_dates_become_warnings():
    doc = Document(Source("bad"))
    fill_deep(doc, DocText.plain("Hoàn thành chậm nhất ngày 31 tháng 02 năm 2022; báo cáo trước ngày 15/3/2022."))
    assert [d.by for d in doc.deadlines] == ["2022-03-15"]
    assert doc.warnings == ["no such date: “ngày 31 tháng 02 năm 2022”"]
