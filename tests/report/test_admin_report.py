import csv
import io

import pytest
from django.urls import reverse

from tests.auth import login_verified
from tests.factories import make_campaign, make_organization, make_publication
from tests.report.helpers import H1_2021, build_period

pytestmark = pytest.mark.django_db

PERIOD = {"from": H1_2021[0].isoformat(), "to": H1_2021[1].isoformat()}


def test_the_admin_index_links_to_the_report(staff_client):
    response = staff_client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert reverse("admin:activity_report") in response.content.decode()


def test_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("admin:activity_report"), PERIOD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_non_staff_users_cannot_see_it(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", "v@example.org", "a-long-test-password-1")
    login_verified(client, user)
    response = client.get(reverse("admin:activity_report"), PERIOD)
    assert response.status_code == 302


def test_staff_see_the_same_report(staff_client):
    build_period(2)
    response = staff_client.get(reverse("admin:activity_report"), PERIOD)
    assert response.status_code == 200
    report = response.context["report"]
    assert report.totals.publications == 2
    html = response.content.decode()
    assert 'role="img"' in html
    assert "export=csv" in html


def test_csv_export(staff_client):
    target = make_organization(name_ar="فيسبوك")
    campaign = make_campaign(targets=[target])
    publication = make_publication(title_ar="=HYPERLINK(1)")
    response = staff_client.get(reverse("admin:activity_report"), {**PERIOD, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="activity-report-2021-01-01-2021-06-30.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows[0]) == 6
    titles = [row[2] for row in rows[1:]]
    assert "'" + publication.title_ar in titles  # a formula is never run by a spreadsheet
    campaign_row = next(row for row in rows if row[2] == campaign.title_ar)
    assert campaign_row[5] == "فيسبوك"


def test_a_bad_period_shows_the_message_instead_of_a_file(staff_client, settings):
    settings.LANGUAGE_CODE = "en"  # the admin's language when the browser asks for none
    response = staff_client.get(
        reverse("admin:activity_report"), {"from": "2021-06-30", "to": "2021-01-01", "export": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "is before its start" in response.content.decode()
