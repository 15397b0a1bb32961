import datetime

import pytest
import time_machine

from content.models import Status
from report.periods import PeriodForm, last_six_months, months_before, presets
from tests.factories import make_event, make_publication, make_training
from tests.report.helpers import aware

pytestmark = pytest.mark.django_db


def period_of(data):
    return PeriodForm(data).period(default="default")


def test_a_valid_period():
    assert period_of({"from": "2021-01-01", "to": "2021-06-30"}) == (
        datetime.date(2021, 1, 1),
        datetime.date(2021, 6, 30),
    )


def test_no_dates_give_the_default():
    assert PeriodForm(None).period(default="default") == "default"
    assert period_of({"from": "", "to": ""}) == "default"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"from": "2021-06-30", "to": "2021-01-01"}, "reversed"),
        ({"from": "2000-01-01", "to": "2049-12-31"}, "too_long"),
        ({"from": "2021-01-01", "to": "2041-01-01"}, "too_long"),
        ({"from": "2021-01-01"}, "incomplete"),
        ({"from": "1000-01-01", "to": "1000-02-01"}, "out_of_range"),
    ],
)
def test_bad_periods_are_refused_with_a_message(data, code):
    form = PeriodForm(data)
    assert form.period(default="default") is None
    assert form.has_error("__all__", code)
    assert form.non_field_errors()[0]


@pytest.mark.parametrize("value", ["2021-02-30", "30/06/2021", "yesterday", "99999-01-01", "2021-1-1x"])
def test_unreadable_dates_are_refused(value):
    form = PeriodForm({"from": value, "to": "2021-06-30"})
    assert form.period(default="default") is None
    assert "from" in form.errors


def test_a_period_just_under_the_cap_is_accepted():
    assert period_of({"from": "2001-01-01", "to": "2020-12-31"}) == (
        datetime.date(2001, 1, 1),
        datetime.date(2020, 12, 31),
    )


def test_months_before_clamps_to_the_end_of_shorter_months():
    assert months_before(datetime.date(2021, 8, 31), 6) == datetime.date(2021, 2, 28)
    assert months_before(datetime.date(2021, 3, 15), 6) == datetime.date(2020, 9, 15)
    assert last_six_months(datetime.date(2021, 12, 31)) == (datetime.date(2021, 7, 1), datetime.date(2021, 12, 31))


@time_machine.travel(datetime.datetime(2022, 3, 10, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_presets_offer_past_years_and_halves_that_have_data(django_assert_num_queries):
    make_publication(published_on=datetime.date(2021, 3, 1))
    make_training(start_date=datetime.date(2020, 9, 1))
    make_event(starts_at=aware(2022, 1, 5, 10, 0), ends_at=aware(2022, 1, 5, 12, 0))
    make_publication(published_on=datetime.date(2019, 5, 1), status=Status.DRAFT)

    with django_assert_num_queries(1):
        recent, years = presets(
            datetime.date(2022, 3, 10), current=(datetime.date(2021, 1, 1), datetime.date(2021, 6, 30))
        )

    assert [(p.start, p.end) for p in recent] == [
        (datetime.date(2021, 9, 11), datetime.date(2022, 3, 10)),
        (datetime.date(2022, 1, 1), datetime.date(2022, 3, 10)),
    ]
    # 2022's first half is not over yet; 2019 only has a draft.
    assert [year.year for year in years] == [2021, 2020]
    assert [(half.start, half.end, half.current) for half in years[0].halves] == [
        (datetime.date(2021, 1, 1), datetime.date(2021, 6, 30), True)
    ]
    assert years[0].whole.query == "from=2021-01-01&to=2021-12-31"
    assert [(half.start.month, half.end.month) for half in years[1].halves] == [(7, 12)]


@time_machine.travel(datetime.datetime(2022, 3, 10, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_presets_cost_one_query_whatever_the_data(django_assert_num_queries):
    for year in range(2000, 2021):
        make_publication(published_on=datetime.date(year, 2, 1))
        make_training(start_date=datetime.date(year, 8, 1))
    with django_assert_num_queries(1):
        _recent, years = presets(datetime.date(2022, 3, 10))
    assert len(years) == 21
    assert all(len(year.halves) == 2 for year in years)
