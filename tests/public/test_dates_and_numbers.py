"""Dates, sizes and counts as each language writes them."""

import datetime
import re

import pytest
from django.utils import formats, translation

from tests.factories import make_event, make_publication
from tests.feeds.conftest import add_pdf

pytestmark = pytest.mark.django_db

JERUSALEM = datetime.timezone(datetime.timedelta(hours=2))


def when(response):
    html = response.content.decode()
    cell = re.search(r"<dd><time datetime=[^>]+>.*?</dd>", html, re.S).group(0)
    return re.sub(r"<[^>]+>", "", cell).strip()


def test_arabic_event_dates_read_day_month_year_with_the_arabic_comma(client):
    event = make_event(
        slug="forum",
        starts_at=datetime.datetime(2027, 3, 16, 10, 0, tzinfo=JERUSALEM),
        ends_at=datetime.datetime(2027, 3, 18, 18, 0, tzinfo=JERUSALEM),
    )
    text = when(client.get(event.get_absolute_url()))
    assert text.startswith("16 آذار 2027، 10:00 – 18 آذار 2027، 18:00")
    assert "," not in text and " ص" not in text


def test_an_event_within_one_day_names_the_day_once(client):
    make_event(
        slug="webinar",
        starts_at=datetime.datetime(2027, 1, 5, 17, 0, tzinfo=JERUSALEM),
        ends_at=datetime.datetime(2027, 1, 5, 19, 0, tzinfo=JERUSALEM),
    )
    assert when(client.get("/ar/events/webinar/")).startswith("5 كانون الثاني 2027، 17:00 – 19:00")
    assert when(client.get("/he/events/webinar/")).startswith("5 בינואר 2027 17:00 – 19:00")


def test_arabic_dates_elsewhere_have_no_comma_between_month_and_year(client):
    make_publication(slug="report", published_on=datetime.date(2027, 3, 16))
    html = client.get("/ar/publications/report/").content.decode()
    assert '<time datetime="2027-03-16">16 آذار 2027</time>' in html


@pytest.mark.parametrize(("language", "size"), [("ar", "1.5 ك.ب"), ("en", "1.5 KB")])
def test_file_sizes_use_the_decimal_point_that_goes_with_latin_digits(client, language, size):
    publication = make_publication(slug="sized")
    add_pdf(publication, "ar", size_bytes=1536)
    html = client.get(f"/{language}/publications/sized/").content.decode()
    assert size in html.replace("\xa0", " ")


@pytest.mark.parametrize("language", ["ar", "en", "he"])
def test_large_numbers_are_grouped_the_same_way_in_every_language(language):
    with translation.override(language):
        assert formats.number_format(12400, force_grouping=True) == "12,400"
        assert formats.number_format(1.5, decimal_pos=1) == "1.5"
