import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from report.service import REPORT_QUERY_COUNT
from tests.factories import make_article, make_publication, make_training
from tests.report.helpers import H1_2021, build_period

pytestmark = pytest.mark.django_db

PERIOD = {"from": H1_2021[0].isoformat(), "to": H1_2021[1].isoformat()}
# The report, the half-years that have records (1; then remembered in the shared cache until the next
# change) and nothing per item.
PAGE_QUERY_COUNT = REPORT_QUERY_COUNT + 1


def figure(label, number):
    """A key figure as the page shows it: its label, then the numeral."""
    return f'<span class="impact-label">{label}</span> <strong class="impact-number">{number}</strong></li>'


def impact_url(language="ar"):
    with translation.override(language):
        return reverse("report:impact")


def get(client, data=None, language="ar"):
    response = client.get(impact_url(language), data if data is not None else PERIOD)
    assert response.status_code == 200
    return response, response.content.decode()


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr"), ("he", "rtl")])
def test_the_page_answers_in_each_language(client, language, direction):
    build_period(2)
    response, html = get(client, language=language)
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert response.context["report"].totals.publications == 2
    assert f'direction="{direction}"' in html


@pytest.mark.parametrize("size", [1, 10])
def test_the_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    build_period(size)
    with django_assert_num_queries(PAGE_QUERY_COUNT):
        response, _html = get(client)
    assert response.context["report"].totals.trainings == size


def test_the_report_follows_every_change(client, django_assert_num_queries):
    build_period(2)
    _response, first = get(client, language="en")
    assert figure("Publications", 2) in first

    make_publication(published_on=H1_2021[0])
    with django_assert_num_queries(PAGE_QUERY_COUNT):
        _response, changed = get(client, language="en")
    assert figure("Publications", 3) in changed


def test_each_period_and_language_has_its_own_report(client):
    make_publication(published_on=H1_2021[0])
    _response, english = get(client, language="en")
    _response, arabic = get(client, language="ar")
    _response, other_period = get(client, {"from": "2022-01-01", "to": "2022-06-30"}, language="en")
    assert figure("Publications", 1) in english
    assert 'lang="ar" dir="rtl"' in arabic
    assert "Publications</span>" not in arabic
    assert figure("Publications", 0) in other_period


def test_the_report_counts_an_item_as_soon_as_it_falls_due(client, time_machine):
    time_machine.move_to(datetime.datetime(2021, 6, 1, 9, 0, tzinfo=datetime.UTC), tick=False)
    make_article(publish_at=timezone.now() - datetime.timedelta(days=2))
    make_article(publish_at=timezone.now() + datetime.timedelta(hours=1))
    _response, before = get(client, language="en")
    _response, still = get(client, language="en")
    assert figure("News and press releases", 1) in before
    assert still == before

    time_machine.move_to(datetime.datetime(2021, 6, 1, 10, 1, tzinfo=datetime.UTC), tick=False)
    _response, after = get(client, language="en")
    assert figure("News and press releases", 2) in after


def test_headline_counts_use_singular_and_plural(client):
    make_publication()
    make_training(participants_count=2)
    response, _html = get(client, language="en")
    sentences = [figure.text for figure in response.context["figures"]]
    assert {"1 publication", "2 people trained", "0 campaigns"} <= set(sentences)


def test_key_figures_are_numerals_even_where_arabic_writes_the_count_in_words(client):
    make_publication()
    make_training(participants_count=2)
    response, html = get(client, language="ar")
    # Arabic says "لا حملات" (no campaigns) and "منشور واحد" (one publication) in a sentence; the page
    # shows every figure as a large numeral under its label, as the home page does.
    assert {"لا حملات", "منشور واحد"} <= {figure.text for figure in response.context["figures"]}
    assert figure("الحملات", 0) in html
    assert figure("المنشورات", 1) in html


def test_charts_are_accessible_images_with_a_text_equivalent(client):
    build_period(3)
    _response, html = get(client, language="en")
    charts = re.findall(r'<svg class="bar-chart"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"', html)
    assert len(charts) == 4
    for title_id in charts:
        assert re.search(rf'<title id="{title_id}">[^<]+\d', html), title_id
    assert html.count('<table class="impact-table">') == 2
    assert '<th scope="row">E-course</th>' in html


def bars(html):
    return [
        (float(x), float(width))
        for x, width in re.findall(r'<rect class="bar-chart-bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', html)
    ]


def test_bars_grow_from_the_inline_start_and_mirror_in_right_to_left(client):
    make_training(format="e_course", participants_count=100)
    make_training(format="workshop", participants_count=50)
    _response, english = get(client, language="en")
    _response, arabic = get(client, language="ar")
    ltr, rtl = bars(english), bars(arabic)
    assert len(ltr) == len(rtl) > 0
    assert len({x for x, _width in ltr}) == 1  # every bar starts at the same left edge
    assert len({round(x + width, 2) for x, width in rtl}) == 1  # every bar starts at the same right edge
    for (left, width), (right_x, right_width) in zip(ltr, rtl, strict=True):
        assert width == right_width
        assert right_x == pytest.approx(420 - left - width)
    assert "٫" not in "".join(re.findall(r"<svg.*?</svg>", arabic, re.S))  # numbers in SVG are never localised


def test_no_inline_style_or_script_on_the_page(client):
    build_period(2)
    response, html = get(client)
    assert "style=" not in html
    assert "<script" not in html
    assert "style-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"from": "2021-06-30", "to": "2021-01-01"}, "is before its start"),
        ({"from": "2000-01-01", "to": "2050-01-01"}, "at most 20 years"),
        ({"from": "2021-02-30", "to": "2021-06-30"}, "Enter a date as year-month-day"),
        ({"from": "2021-01-01"}, "Give both dates"),
        ({"from": "<script>", "to": "0"}, "Enter a date as year-month-day"),
    ],
)
def test_bad_periods_give_a_clear_message_and_no_report(client, data, message):
    response, html = get(client, data, language="en")
    assert message in html
    assert not response.context["report"]
    assert 'class="impact-section impact-headline"' not in html
    assert "<script>" not in html


def test_an_empty_period_gives_an_empty_report(client):
    build_period(1)
    response, html = get(client, {"from": "2010-01-01", "to": "2010-12-31"}, language="en")
    assert response.context["report"].is_empty
    assert "No published activity was recorded in this period" in html


def test_presets_link_to_periods_with_data_and_mark_the_current_one(client):
    make_publication()
    _response, html = get(client, language="en")
    assert 'href="?from=2021-01-01&amp;to=2021-06-30" aria-current="true"' in html
    assert 'href="?from=2021-01-01&amp;to=2021-12-31"' in html


def test_without_a_period_the_page_opens_on_the_latest_complete_half_year_with_records(client, time_machine):
    time_machine.move_to(datetime.datetime(2023, 2, 10, 9, 0, tzinfo=datetime.UTC), tick=False)
    make_publication(published_on=datetime.date(2021, 3, 1))
    make_publication(published_on=datetime.date(2022, 8, 1))
    make_publication(published_on=datetime.date(2023, 1, 20))  # this half-year is not over yet
    response, html = get(client, {}, language="en")
    report = response.context["report"]
    assert (report.start, report.end) == (datetime.date(2022, 7, 1), datetime.date(2022, 12, 31))
    assert figure("Publications", 1) in html
    assert 'href="?from=2022-07-01&amp;to=2022-12-31" aria-current="true"' in html


def test_without_records_the_page_shows_the_last_six_months(client):
    response, _html = get(client, {})
    report = response.context["report"]
    assert (report.end - report.start).days in range(180, 185)


def test_the_print_stylesheet_and_the_report_styles_use_logical_properties_only():
    css = (settings.BASE_DIR / "website/static/hamleh/site.css").read_text()
    section = css[css.index("/* Activity report (impact page) */") :]
    assert "@media print" in section
    assert "size: A4" in section
    assert re.search(r"\.impact-presets, \.impact-form[^{]*\{ display: none", section)
    assert not re.search(r"(?<![-\w])(left|right)\b", section)
