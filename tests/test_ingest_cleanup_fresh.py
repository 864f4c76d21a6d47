"""Line classes and date forms of the fourth dev set's outlets (issue 16, round 2), each with a body line
of some other outlet that must stay: times after an ISO date ("2025-02-23 | 14:32"), "13h37" clocks,
"•آخر تحديث" tails, a relative date under the headline with an absolute one at the foot
(annotations.ingest.dates, cleanup)."""

from __future__ import annotations

import pytest

from annotations.ingest.cleanup import clean, load_rules, restore_original
from annotations.ingest.dates import parse_date_line
from tests.test_ingest_cleanup import _meta

RULES = load_rules()
HEADLINE = "الحكومة تعلن خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف"
LEAD = ("أعلنت الحكومة خطة جديدة لدعم المزارعين في المناطق المتضررة من الجفاف، تشمل قروضاً ميسرة "
        "وبذوراً مجانية للموسم المقبل.")
BODY1 = "وقال وزير الزراعة في مؤتمر صحفي إن الخطة تشمل أكثر من مئتي ألف مزارع في ثماني محافظات."
BODY2 = "وأضاف أن صرف الدفعة الأولى من القروض يبدأ مطلع الشهر المقبل عبر البنوك الزراعية."


def _clean(text):
    res = clean(text, RULES)
    assert restore_original(res.body, _meta(res)) == text
    return res


# ------------------------------------------------------------------------------------------------ dates
@pytest.mark.parametrize(("line", "iso"), [
    ("2025-02-23 | 14:32", "2025-02-23T14:32:00"),
    ("۲۰۲۵-۰۳-۲۰ | ۲۱:۱۰", "2025-03-20T21:10:00"),  # Persian digits
    ("2024-11-05 - 08:05", "2024-11-05T08:05:00"),
    ("الأربعاء 21 ماي 2025 على الساعة 13h37", "2025-05-21T13:37:00"),
    ("12 مارس 2025 - 18h30", "2025-03-12T18:30:00"),
    ("نشرت في 10/04/2024 - 19:45 GMT+2 •آخر تحديث 21:02 GMT+2", "2024-04-10T19:45:00"),
    ("التاريخ 04.03.2025", "2025-03-04"),
])
def test_date_line_forms(line, iso):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.iso == iso


@pytest.mark.parametrize("line", [
    "وانطلقت المباراة على الساعة 18h30 بحضور جماهيري كبير",  # a clock in a sentence is no date line
    "2025-02-23 | اقتصاد | أسواق | بورصة | نفط",
    "1h30 من التشويق",
])
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_a_relative_date_under_the_headline_gives_way_to_a_date_at_the_foot():
    res = _clean(f"{HEADLINE}\nقبل 3 ساعات\n{LEAD}\n{BODY1}\n{BODY2}\nالتاريخ 04.03.2025")
    assert res.published is not None and res.published.iso == "2025-03-04"
    assert res.date_problem is None and "التاريخ" not in res.body


def test_an_unread_date_under_the_headline_is_not_replaced_by_one_at_the_foot():
    # a date line that is not understood may be the article's: a date at the foot is not taken for it
    res = _clean(f"{HEADLINE}\n31 شباط 2025\n{LEAD}\n{BODY1}\n{BODY2}\n04.03.2025")
    assert res.published is None and res.date_problem is not None


def test_a_relative_date_alone_leaves_the_date_empty():
    res = _clean(f"{HEADLINE}\nقبل 5 ساعات\n{LEAD}\n{BODY1}\n{BODY2}")
    assert res.published is None and "قبل 5 ساعات" in (res.date_problem or "")
