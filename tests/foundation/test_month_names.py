"""Dates in Arabic use the month names of Palestine and the Levant; Hebrew and English keep their own."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", "5 كانون الثاني 2021"),
        ("en", "Jan. 5, 2021"),
        ("he", "5 בינואר 2021"),
    ],
)
def test_a_date_in_each_language(language, expected):
    with translation.override(language):
        assert date_format(datetime.date(2021, 1, 5), "DATE_FORMAT") == expected


def test_every_arabic_month_is_the_levantine_name():
    with translation.override("ar"):
        names = [date_format(datetime.date(2021, month, 1), "F") for month in range(1, 13)]
        alternative = [date_format(datetime.date(2021, month, 1), "E") for month in range(1, 13)]
    levantine = [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ]
    assert names == levantine
    assert alternative == levantine


DAY_TEMPLATE = Template("{% load hamleh %}{{ value|day }}|{{ value|date:'DATE_FORMAT' }}")


@pytest.mark.parametrize("language", ["ar", "en", "he"])
def test_the_remembered_day_is_what_the_date_filter_writes(language):
    values = [datetime.date(2021, month, 5 + month) for month in range(1, 13)]
    # 22:30 UTC on the last day of June is already the first of July in Jerusalem: the page's time zone decides.
    values.append(datetime.datetime(2021, 6, 30, 22, 30, tzinfo=datetime.UTC))
    with translation.override(language):
        for value in values * 2:
            remembered, written = DAY_TEMPLATE.render(Context({"value": value})).split("|")
            assert remembered == written, value
        midsummer = DAY_TEMPLATE.render(Context({"value": values[-1]})).split("|")[0]
    assert midsummer == {"ar": "1 تموز 2021", "en": "July 1, 2021", "he": "1 ביולי 2021"}[language]


def test_no_day_is_written_for_no_date():
    assert Template("{% load hamleh %}[{{ value|day }}]").render(Context({"value": None})) == "[]"
