"""Dates in Arabic use the month names of Palestine and the Levant; Hebrew and English keep their own."""

import datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", "5 كانون الثاني، 2021"),
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
