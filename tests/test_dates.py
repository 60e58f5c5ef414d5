from datetime import date

import pytest

from conftest import load_tool

dates = load_tool("dates")

# The Vietnamese translations of the addon's two milestone sentences (i18n/vi.po).
ANNIVERSARY_VI = "kỷ niệm %(count)s năm %(name)s (%(start)s - %(end)s)"
EVENT_VI = "chào mừng %(name)s"


def label(name, kind, origin=None, celebration=None):
    return dates.milestone_label(name, kind, origin, celebration, ANNIVERSARY_VI, EVENT_VI)


# Every dated milestone of section III of the 2021 Long Biên plan.
PLAN_MILESTONES = [
    (
        "Ngày thành lập Đảng Cộng sản Việt Nam",
        date(1930, 2, 3),
        date(2021, 2, 3),
        "kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2021)",
    ),
    (
        "Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước",
        date(1975, 4, 30),
        date(2021, 4, 30),
        "kỷ niệm 46 năm Ngày giải phóng hoàn toàn miền Nam, thống nhất đất nước "
        "(30/04/1975 - 30/04/2021)",
    ),
    (
        "Ngày sinh Chủ tịch Hồ Chí Minh",
        date(1890, 5, 19),
        date(2021, 5, 19),
        "kỷ niệm 131 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/05/1890 - 19/05/2021)",
    ),
    (
        "Ngày thành lập Công đoàn Việt Nam",
        date(1929, 7, 28),
        date(2021, 7, 28),
        "kỷ niệm 92 năm Ngày thành lập Công đoàn Việt Nam (28/07/1929 - 28/07/2021)",
    ),
    (
        "ngày giải phóng Thủ đô",
        date(1954, 10, 10),
        date(2021, 10, 10),
        "kỷ niệm 67 năm ngày giải phóng Thủ đô (10/10/1954 - 10/10/2021)",
    ),
]


@pytest.mark.parametrize("name,origin,celebration,expected", PLAN_MILESTONES)
def test_anniversary_label_reads_as_in_the_plan(name, origin, celebration, expected):
    assert label(name, "anniversary", origin, celebration) == expected


def test_anniversary_counts_years_whatever_the_day():
    assert dates.anniversary_count(date(1945, 9, 2), date(2021, 1, 1)) == 76


def test_anniversary_without_origin_counts_nothing():
    assert dates.anniversary_count(None, date(2021, 1, 1)) == 0


def test_event_label_greets_the_event():
    text = label("Đại hội Đại biểu lần thứ XIII của Đảng", "event")
    assert text == "chào mừng Đại hội Đại biểu lần thứ XIII của Đảng"


def test_empty_name_gives_empty_label():
    assert label("", "event") == ""


def test_dates_are_written_day_month_year_with_zeros():
    assert dates.format_vn_date(date(2021, 9, 2)) == "02/09/2021"
    assert dates.format_vn_date(None) == ""


@pytest.mark.parametrize(
    "a,b,overlap",
    [
        ((date(2021, 1, 1), date(2021, 6, 30)), (date(2021, 7, 1), date(2021, 12, 31)), False),
        ((date(2021, 1, 1), date(2021, 7, 1)), (date(2021, 7, 1), date(2021, 12, 31)), True),
        ((date(2021, 3, 1), date(2021, 4, 1)), (date(2021, 1, 1), date(2021, 12, 31)), True),
    ],
)
def test_ranges_overlap(a, b, overlap):
    assert dates.ranges_overlap(*a, *b) is overlap


def test_amount_uses_dots_between_thousands():
    assert dates.format_vn_amount(1490000) == "1.490.000"
    assert dates.format_vn_amount(0) == "0"
