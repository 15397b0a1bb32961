"""The report pages list at most REPORT_LIST_LIMIT records per list, then "and N more"; the totals,
the CSV export and the command cover every record, in the same number of queries whatever the data."""

import csv
import io
import json
import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from campaigns.models import Campaign
from publications.models import Publication
from report.service import REPORT_QUERY_COUNT, activity_report
from report.templatetags.impact import and_more
from tests.report.helpers import H1_2021, build_period

pytestmark = pytest.mark.django_db

LIMIT = 3
SIZE = 20  # of every kind of record: publications of 6 kinds (4, 4, 3, 3, 3, 3), news of 3 (7, 7, 6)
PERIOD = {"from": H1_2021[0].isoformat(), "to": H1_2021[1].isoformat()}
# What each list leaves out: two publication kinds, three news kinds, campaigns, the organisations they
# target, their partners, the submissions of two kinds, outcomes and updates (two per campaign), events
# organised, events taken part in.
LEFT_OUT = sorted(
    [1, 1, 4, 4, 3, SIZE - LIMIT, SIZE - LIMIT, SIZE - LIMIT]
    + [SIZE // 2 - LIMIT] * 2
    + [2 * SIZE - LIMIT, SIZE - LIMIT, SIZE - LIMIT]
)


@pytest.fixture
def limit(settings):
    settings.REPORT_LIST_LIMIT = LIMIT
    return LIMIT


@pytest.fixture
def period():
    build_period(SIZE)


def impact_page(client, language="en"):
    with translation.override(language):
        response = client.get(reverse("report:impact"), PERIOD)
    assert response.status_code == 200
    return response, response.content.decode()


def entries(html, list_class):
    """The number of entries of each list with this class, in page order."""
    lists = re.findall(rf'<(ul|ol) class="impact-list{list_class}">(.*?)</\1>', html, re.S)
    return [body.count("<li") for _tag, body in lists]


def test_each_list_shows_the_limit_then_how_many_more(client, limit, period):
    response, html = impact_page(client)
    report = response.context["report"]

    assert entries(html, "") == [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]  # 6 publication kinds, 3 news kinds, 2 roles
    assert entries(html, " impact-campaigns") == [LIMIT]
    assert entries(html, " impact-updates") == [LIMIT]
    assert html.count('class="impact-target"') == LIMIT
    shown_more = re.findall(r'<p class="impact-more">and ([\d,]+) more</p>', html)
    assert sorted(int(number) for number in shown_more) == LEFT_OUT
    assert [len(group.items) for group in report.publications] == [LIMIT] * len(Publication.Kind)


def test_lists_within_the_limit_have_no_more_line(client, settings):
    settings.REPORT_LIST_LIMIT = 4
    build_period(2)  # 2 of everything, 4 campaign updates
    _response, html = impact_page(client)
    assert 'class="impact-more"' not in html


def test_totals_headline_and_charts_count_every_record(client, limit, period):
    response, html = impact_page(client)
    report = response.context["report"]
    totals = report.totals

    assert (totals.publications, totals.articles, totals.campaigns) == (SIZE, SIZE, SIZE)
    assert (totals.organisations_targeted, totals.outcomes, totals.updates) == (SIZE, SIZE, 2 * SIZE)
    assert (totals.events_organised, totals.events_participated) == (SIZE, SIZE)
    assert f'<span class="impact-label">Publications</span> <strong class="impact-number">{SIZE}</strong>' in html
    assert f'Companies and organisations targeted</span> <strong class="impact-number">{SIZE}</strong>' in html
    assert f"<h3>{SIZE} events we organised</h3>" in html
    assert [group.count for group in report.publications] == [4, 4, 3, 3, 3, 3]
    assert '<span class="impact-count">(4)</span>' in html
    assert sum(bar.value for bar in response.context["charts"]["publications"].bars) == SIZE
    assert [bar.value for bar in response.context["charts"]["events"].bars] == [SIZE, SIZE]


def test_the_newest_and_the_most_relevant_come_first(limit, period):
    report = activity_report(*H1_2021, limit=LIMIT)
    newest = Campaign.objects.order_by("-pk")[:LIMIT]
    assert [campaign.url for campaign in report.campaigns] == [campaign.get_absolute_url() for campaign in newest]
    with translation.override("en"):
        report = activity_report(*H1_2021, limit=LIMIT)
    # Company 0 is targeted by every campaign, Company 1 by all but one, and so on.
    assert [org.name for org in report.organisations_targeted] == ["Company 0", "Company 1", "Company 2"]
    assert all(update.is_outcome for update in report.updates)


@pytest.mark.parametrize("size", [0, 1, 2, SIZE])
def test_a_limited_report_runs_the_same_queries_whatever_the_data(django_assert_num_queries, size):
    build_period(size)
    with django_assert_num_queries(REPORT_QUERY_COUNT) as queries:
        report = activity_report(*H1_2021, limit=LIMIT)
    assert report.totals.publications == size
    # The 9 queries that read records stop after LIMIT rows in the database; the others are aggregates.
    sqls = [query["sql"] for query in queries.captured_queries]
    limited = [sql for sql in sqls if f"LIMIT {LIMIT}" in sql]
    assert len(limited) == 9
    assert all("COUNT(" in sql for sql in sqls if sql not in limited)


def test_the_page_runs_the_same_queries_with_many_records(client, django_assert_num_queries, limit, period):
    with django_assert_num_queries(REPORT_QUERY_COUNT + 1):  # the report, the periods that have records
        impact_page(client)


def test_the_admin_page_is_limited_and_its_csv_export_is_complete(staff_client, limit, period):
    url = reverse("admin:activity_report")
    response = staff_client.get(url, PERIOD)
    assert len(response.context["report"].campaigns) == LIMIT
    assert 'class="impact-more"' in response.content.decode()

    response = staff_client.get(url, {**PERIOD, "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    sections = Counter(row[0] for row in rows[1:])
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        expected = {
            gettext("Publications"): SIZE,
            gettext("Campaigns"): SIZE,
            gettext("Campaign outcomes and updates"): 2 * SIZE,
            gettext("Events we took part in"): SIZE,
        }
    assert {section: sections[section] for section in expected} == expected


def test_the_command_lists_every_record(limit, period):
    out = io.StringIO()
    call_command("activity_report", "--from", PERIOD["from"], "--to", PERIOD["to"], "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert sum(len(group["items"]) for group in data["publications"]) == SIZE
    assert len(data["campaigns"]) == len(data["organisations_targeted"]) == SIZE
    assert len(data["updates"]) == 2 * SIZE
    assert len(data["events_organised"]) == len(data["events_participated"]) == SIZE


@pytest.mark.parametrize(
    ("language", "left", "text"),
    [
        ("en", 1, "and 1 more"),
        ("en", 8950, "and 8,950 more"),
        ("ar", 1, "وعنصر آخر"),
        ("ar", 2, "وعنصران آخران"),
        ("ar", 5, "و5 عناصر أخرى"),
        ("ar", 11, "و11 عنصرًا آخر"),
        ("ar", 100, "و100 عنصر آخر"),
        ("he", 2, "ועוד שני פריטים"),
        ("he", 7, "ועוד 7 פריטים"),
    ],
)
def test_the_more_line_agrees_with_its_number(language, left, text):
    with translation.override(language):
        assert and_more(LIMIT + left, [None] * LIMIT) == f'<p class="impact-more">{text}</p>'
        assert and_more(LIMIT, [None] * LIMIT) == ""
