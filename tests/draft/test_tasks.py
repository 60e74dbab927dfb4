"""The bodies an issued document gives tasks to (the recipients of a dispatch drafted from it)."""
from __future__ import annotations

import pytest

from docgen.draft_tasks import assignees

PLAN = """KẾ HOẠCH
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao chất lượng phục vụ người dân.
II. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ là cơ quan thường trực, có trách nhiệm
theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Sở Tài chính (Phòng Ngân sách):
- Bố trí kinh phí thực hiện.
3. Các sở, ban, ngành thuộc tỉnh:
- Xây dựng kế hoạch của đơn vị.
4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền.
Nơi nhận:
- Sở Xây dựng;
- Lưu: VT, VP.
"""


@pytest.mark.parametrize("text, expected", [
    (PLAN, ["Sở Nội vụ", "Sở Tài chính (Phòng Ngân sách)", "Các sở, ban, ngành thuộc tỉnh",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
    ("2. Trên cơ sở báo cáo của Công ty, giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát.",
     ["Sở Tài chính"]),
    ("3. Giao Sở Nội vụ tiếp thu các ý kiến tại cuộc họp.\n4. Giao Sở Nội vụ báo cáo kết quả.", ["Sở Nội vụ"]),
    ("5. Các doanh nghiệp viễn thông, các doanh nghiệp công nghệ số, các doanh nghiệp thực hiện "
     "chuyển đổi số xây dựng kế hoạch.", ["Các doanh nghiệp viễn thông, các doanh nghiệp công nghệ số"]),
    ("1. Mục đích\n- Nâng cao nhận thức của cán bộ.\nc) Giao thông vận tải: phát triển hệ thống.", []),
    ("Các tầng lớp Nhân dân hưởng ứng và đề nghị Ủy ban nhân dân tỉnh khen thưởng.", []),
])
def test_assignees(text, expected):
    assert assignees(text) == expected
