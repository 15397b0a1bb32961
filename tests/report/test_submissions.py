"""Reports and statements submitted to international bodies, in the activity report and its formats."""

import csv
import datetime
import io
import json

import pytest
from django.utils import translation

from campaigns.models import Organization, Submission
from content.models import Status
from report.formats import as_csv, as_json, as_text, headline
from report.service import activity_report
from tests.factories import make_campaign, make_organization, make_submission
from tests.report.helpers import H1_2021

pytestmark = pytest.mark.django_db


@pytest.fixture
def submissions():
    council = make_organization(
        slug="hrc",
        name_ar="مجلس حقوق الإنسان",
        name_en="UN Human Rights Council",
        kind=Organization.Kind.INTERGOVERNMENTAL,
    )
    union = make_organization(
        slug="eu", name_ar="الاتحاد الأوروبي", name_en="", kind=Organization.Kind.INTERGOVERNMENTAL
    )
    campaign = make_campaign(slug="stop-silencing")
    return {
        "report": make_submission(
            title_ar="تقرير إلى المجلس",
            title_en="Report to the council",
            recipient=council,
            submitted_on=datetime.date(2021, 5, 27),
            campaign=campaign,
        ),
        "statement": make_submission(
            title_ar="بيان مشترك",
            title_en="Joint statement",
            kind=Submission.Kind.STATEMENT,
            recipient=union,
            joint=True,
            url="https://example.org/statement",
            submitted_on=datetime.date(2021, 1, 1),
        ),
        "draft": make_submission(recipient=council, status=Status.DRAFT, submitted_on=datetime.date(2021, 3, 1)),
        "before": make_submission(recipient=council, submitted_on=datetime.date(2020, 12, 31)),
        "after": make_submission(recipient=council, submitted_on=datetime.date(2021, 7, 1)),
    }


def test_the_report_counts_and_lists_the_published_submissions_of_the_period(submissions):
    with translation.override("en"):
        report = activity_report(*H1_2021)
    assert report.totals.submissions == 2
    assert [(group.key, group.count) for group in report.submissions] == [("report", 1), ("statement", 1)]
    report_entry, statement = (group.items[0] for group in report.submissions)
    assert report_entry.title == "Report to the council"
    assert report_entry.recipient == "UN Human Rights Council"
    assert report_entry.url == "/en/campaigns/stop-silencing/"  # no text of its own: the campaign's page
    assert (statement.recipient, statement.recipient_lang) == ("الاتحاد الأوروبي", "ar")
    assert statement.joint and statement.url == "https://example.org/statement"
    with translation.override("en"):
        figure = next(figure for figure in headline(report) if figure.key == "submissions")
        assert figure.text == "2 submissions to international bodies"
    assert not report.is_empty


def test_a_submission_alone_makes_the_report_not_empty():
    make_submission(submitted_on=datetime.date(2021, 2, 1))
    assert not activity_report(*H1_2021).is_empty


def test_the_text_csv_and_json_outputs_list_them(submissions):
    with translation.override("en"):
        report = activity_report(*H1_2021)
        text = as_text(report)
        rows = list(csv.reader(io.StringIO(as_csv(report))))
        data = json.loads(as_json(report))
    assert "Submissions to international bodies" in text
    assert "Report to the council (Report to UN Human Rights Council; May 27, 2021)" in text
    assert "Joint statement (Statement to الاتحاد الأوروبي, jointly with other organisations; Jan. 1, 2021)" in text
    listed = [row for row in rows if row[0] == "Submissions to international bodies"]
    assert [row[2] for row in listed] == ["Report to the council", "Joint statement"]
    assert (
        listed[1][5] == "Statement to الاتحاد الأوروبي, jointly with other organisations; https://example.org/statement"
    )
    assert data["totals"]["submissions"] == 2
    assert [group["key"] for group in data["submissions"]] == ["report", "statement"]
    assert data["submissions"][0]["items"][0]["recipient"] == "UN Human Rights Council"


def test_the_page_lists_them_in_arabic(client, submissions):
    response = client.get("/ar/impact/", {"from": "2021-01-01", "to": "2021-06-30"})
    html = response.content.decode()
    section = html[html.index('id="impact-submissions"') :]
    assert "تقرير إلى المجلس" in section and "بيان مشترك" in section
    assert '<a href="https://example.org/statement" rel="noopener">بيان مشترك</a>' in section
    assert f'<a href="{submissions["report"].campaign.get_absolute_url()}">تقرير إلى المجلس</a>' in section
