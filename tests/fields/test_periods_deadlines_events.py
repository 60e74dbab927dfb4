import pytest

from extractors.fields.deadlines import find_deadlines
from extractors.fields.events import find_events
from extractors.fields.flow import build_flow
from extractors.fields.periods import find_periods, find_ranges
from extractors.fields.timex import scan_times
from extractors.records import Deadline, Event, Period
from tests.fields.helpers import bare, doc


def _periods(text, issued_on=None):
    flow = build_flow(text)
    ranges = find_ranges(flow, scan_times(flow.text)[0], issued_on)
    return [bare(p) for p in find_periods(doc(text), flow, ranges=ranges)]


@pytest.mark.parametrize("text, expected", [
    ("Kế hoạch thi đua giai đoạn 2021-2030;", [Period(None, "2021", "2030", "giai đoạn 2021-2030")]),
    ("Chính phủ số giai đoạn 2021 - 2025, định hướng đến năm 2030",
     [Period(None, "2021", "2025", "giai đoạn 2021 - 2025")]),
    ("Xây dựng Kế hoạch giai đoạn 1 (từ năm 2022 đến năm 2025);",
     [Period("giai đoạn 1", "2022", "2025", "giai đoạn 1 (từ năm 2022 đến năm 2025)")]),
    ("Giai đoạn 2 (từ năm 2026-2030), đánh giá kết quả", [Period("giai đoạn 2", "2026", "2030", "Giai đoạn 2 (từ năm 2026-2030)")]),
    ("triển khai từ năm 2021 đến năm 2030 nhằm", [Period(None, "2021", "2030", "từ năm 2021 đến năm 2030")]),
    ("nhiệm kỳ 2020 - 2025", [Period(None, "2020", "2025", "nhiệm kỳ 2020 - 2025")]),
    ("Thời gian: từ ngày 01/10/2024 đến ngày 31/10/2024.",
     [Period("Thời gian", "2024-10-01", "2024-10-31", "từ ngày 01/10/2024 đến ngày 31/10/2024")]),
    # a span named by a label and colon, from the first day of a quarter to the last of another
    ("Thời gian thực hiện: quý III/2023 đến quý IV/2024.",
     [Period("Thời gian thực hiện", "2023-07-01", "2024-12-31", "quý III/2023 đến quý IV/2024")]),
    ("Đợt 1 kết thúc quý III/2023, đợt 2 đến quý IV/2024.", []),
    ("từ tháng 10/2024 đến tháng 12/2024", [Period(None, "2024-10", "2024-12", "từ tháng 10/2024 đến tháng 12/2024")]),
    # from the issuing day, labelled by its heading
    ("1. Thời gian thi đua\n- Từ ngày ban hành Kế hoạch đến ngày 31 tháng 12\nnăm 2025;",
     [Period("Thời gian thi đua", "2022-07-05", "2025-12-31",
             "Từ ngày ban hành Kế hoạch đến ngày 31 tháng 12 năm 2025")]),
    # the same span twice is one period
    ("giai đoạn 2021-2025 và lại giai đoạn 2021-2025", [Period(None, "2021", "2025", "giai đoạn 2021-2025")]),
    ("đến năm 2025, định hướng đến năm 2030", []),
])
def test_periods(text, expected):
    assert _periods(text, "2022-07-05") == expected


def _deadlines(text):
    flow = build_flow(text)
    times = scan_times(flow.text)[0]
    ranges = find_ranges(flow, times)
    return [bare(d) for d in find_deadlines(doc(text), flow, times, exclude=[(r.start, r.end) for r in ranges])]


@pytest.mark.parametrize("text, expected", [
    ("hoàn thành việc phát động chậm nhất trong quý 1-2022.",
     [Deadline("hoàn thành việc phát động", "2022-03-31", "chậm nhất trong quý 1-2022")]),
    ("- Tổ chức sơ kết trong năm 2023;", [Deadline("Tổ chức sơ kết", "2023-12-31", "trong năm 2023")]),
    ("Báo cáo kết quả về Sở trước ngày 20/01/2025.",
     [Deadline("Báo cáo kết quả về Sở", "2025-01-20", "trước ngày 20/01/2025")]),
    ("Hoàn thành trong tháng 10/2024.", [Deadline("Hoàn thành", "2024-10-31", "trong tháng 10/2024")]),
    ("8. Phấn đấu hoàn thành các mục tiêu sau:\na) Đến cuối năm 2022:\n- 85% người dân",
     [Deadline("Phấn đấu hoàn thành các mục tiêu sau", "2022-12-31", "Đến cuối năm 2022")]),
    ("tổng kết vào năm 2030.", [Deadline("tổng kết", "2030-12-31", "vào năm 2030")]),
    # not limits: a period, a horizon, an occasion, a date with no limit word
    ("Phong trào được triển khai từ năm 2021 đến năm 2030.", []),
    ("đến năm 2025, định hướng đến năm 2030", [Deadline("định hướng đến năm 2030", "2025-12-31", "đến năm 2025")]),
    ("trong dịp cuối năm 2021 hoặc đầu năm 2022", []),
    ("Đà Nẵng, ngày 05 tháng 7 năm 2022", []),
    ("chậm nhất ngày 31 tháng 02 năm 2022", []),
])
def test_deadlines(text, expected):
    assert _deadlines(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Đợt 1: từ 00h ngày 09/9/2024 (thứ Hai) đến 00h ngày 13/9/2024;",
     [Event("Đợt 1", "2024-09-09T00:00", "2024-09-13T00:00",
            "từ 00h ngày 09/9/2024 (thứ Hai) đến 00h ngày 13/9/2024")]),
    ("Đợt 2: từ ngày 16/9 đến ngày 20/9/2024.",
     [Event("Đợt 2", "2024-09-16", "2024-09-20", "từ ngày 16/9 đến ngày 20/9/2024")]),
    ("Lễ phát động được tổ chức vào lúc 8h00 ngày 15/10/2024 tại Hội trường.",
     [Event("Lễ phát động được tổ chức vào lúc", "2024-10-15T08:00", None, "8h00 ngày 15/10/2024")]),
    ("Đức Biền|23/12/2021 07:24", []),
    ("giai đoạn 2021-2025", []),
])
def test_events(text, expected):
    flow = build_flow(text)
    times = scan_times(flow.text)[0]
    assert [bare(e) for e in find_events(doc(text), flow, times)] == expected


def test_rounds_and_their_times_are_events_not_deadlines():
    from extractors.fields.deep import fill_deep
    from extractors.records import Document, Source
    text = ("- Đợt 2: từ 00h ngày 16/9/2024 đến 24h00 ngày 20/9/2024.\n"
            "- Lễ phát động được tổ chức vào lúc 14h00 ngày 10/10/2024.\n- Báo cáo trước ngày 20/01/2025.")
    record = Document(Source("t"))
    fill_deep(record, doc(text))
    assert [(e.what, e.start, e.end) for e in record.events] == [
        ("Đợt 2", "2024-09-16T00:00", "2024-09-20T24:00"),
        ("Lễ phát động được tổ chức vào lúc", "2024-10-10T14:00", None)]
    assert [d.by for d in record.deadlines] == ["2025-01-20"]
    assert record.periods == []


@pytest.mark.parametrize("text, expected", [
    # a round named at the head of its paragraph, its span ending "và kết thúc vào …"
    ("- Đợt 1: tập trung hướng dẫn cài đặt tài khoản, bắt đầu từ 00h ngày 09/9/2024 và kết thúc vào "
     "00h ngày 13/9/2024.", [("Đợt 1", "2024-09-09T00:00", "2024-09-13T00:00")]),
    ("- Đợt 3: tổng hợp, đánh giá kết quả, từ ngày 23/9/2024 đến hết ngày 27/9/2024.",
     [("Đợt 3", "2024-09-23", "2024-09-27")]),
    # a stage ("Giai đoạn N") is a period, not an event
    ("- Giai đoạn 1: từ ngày 09/9/2024 đến ngày 30/9/2024.", []),
])
def test_rounds(text, expected):
    flow = build_flow(text)
    times = scan_times(flow.text)[0]
    assert [(e.what, e.start, e.end) for e in find_events(doc(text), flow, times)] == expected


def test_a_stage_is_a_labelled_period():
    assert _periods("- Giai đoạn 1: từ ngày 09/9/2024 đến ngày 30/9/2024.") == [
        Period("giai đoạn 1", "2024-09-09", "2024-09-30", "từ ngày 09/9/2024 đến ngày 30/9/2024")]


def test_work_under_way_in_a_year_is_no_deadline():
    assert _deadlines("Trong năm 2024, Sở sẽ tiếp tục phối hợp với Viễn thông hỗ trợ kỹ thuật.") == []
    assert _deadlines("Trong năm 2024, Sở hoàn thành việc số hóa hồ sơ.") == [
        Deadline("Sở hoàn thành việc số hóa hồ sơ", "2024-12-31", "Trong năm 2024")]


def test_the_body_restating_the_title_sets_no_deadline():
    from extractors.fields.deep import fill_deep
    from extractors.records import Document, Source
    text = ("Chính phủ ban hành Nghị định quy định chính sách phát triển nhân lực số đến năm 2030.\n"
            "Điều 8. Bộ Khoa học và Công nghệ báo cáo kết quả trước ngày 31 tháng 12 năm 2028.")
    record = Document(Source("t"), subject="Quy định chính sách phát triển nhân lực số đến năm 2030")
    fill_deep(record, doc(text))
    assert [d.by for d in record.deadlines] == ["2028-12-31"]
