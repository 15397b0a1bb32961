import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from content.models import Status
from tests.factories import MAKERS, make_article
from tests.workflow.helpers import admin_form_data

pytestmark = pytest.mark.django_db

JERUSALEM = zoneinfo.ZoneInfo("Asia/Jerusalem")
MOMENT = datetime.datetime(2021, 7, 27, 10, 0, tzinfo=JERUSALEM)
LIST_URLS = {
    "publications": "publications:publication_list",
    "news": "publications:article_list",
    "campaigns": "campaigns:campaign_list",
    "trainings": "trainings:training_list",
    "events": "trainings:event_list",
}


@pytest.mark.parametrize("section", list(MAKERS))
def test_a_scheduled_item_goes_public_exactly_at_its_time(client, section):
    item = MAKERS[section](status=Status.PUBLISHED, publish_at=MOMENT, title_ar=f"مجدول {section}")
    list_url, detail_url = reverse(LIST_URLS[section]), item.get_absolute_url()
    with time_machine.travel(MOMENT - datetime.timedelta(seconds=1), tick=False):
        assert client.get(detail_url).status_code == 404
        assert item.title_ar not in client.get(list_url).content.decode()
    with time_machine.travel(MOMENT, tick=False):
        assert client.get(detail_url).status_code == 200
        assert item.title_ar in client.get(list_url).content.decode()


def test_the_schedule_lists_the_next_seven_days_in_jerusalem_time(staff_client, django_assert_num_queries):
    with time_machine.travel(MOMENT, tick=False):
        soon = make_article(publish_at=MOMENT + datetime.timedelta(days=2), title_ar="قريبا")
        make_article(publish_at=MOMENT + datetime.timedelta(days=9), title_ar="لاحقا")
        make_article(status=Status.DRAFT, publish_at=MOMENT + datetime.timedelta(days=1), title_ar="مسودة")
        url = reverse("workflow:schedule")
        staff_client.get(url)
        with django_assert_num_queries(11) as few:  # one of them loads the verified OTP device
            response = staff_client.get(url)
        assert [entry["item"].pk for entry in response.context["entries"]] == [soon.pk]
        page = response.content.decode()
        assert 'datetime="2021-07-29T10:00:00+03:00"' in page  # 07:00 UTC shown as Jerusalem time
        assert "July 29, 2021, 10 a.m." in page
        assert "Jerusalem time" in page
        for day in range(3):
            make_article(publish_at=MOMENT + datetime.timedelta(days=day, hours=1))
        with django_assert_num_queries(len(few.captured_queries)):
            response = staff_client.get(url)
        assert len(response.context["entries"]) == 4
        upcoming_on_home = staff_client.get(reverse("admin:index")).context["upcoming"]
        titles_on_home = [entry["item"].title_ar for entry in upcoming_on_home]
        assert "قريبا" in titles_on_home and "لاحقا" not in titles_on_home


def test_a_bad_number_of_days_gives_a_message(staff_client):
    response = staff_client.get(reverse("workflow:schedule"), {"days": "many"})
    assert response.status_code == 200
    assert response.context["days"] == 7
    assert "between 1 and 60" in response.content.decode()


def test_admin_shows_and_takes_times_in_jerusalem(editor_client):
    article = make_article(publish_at=datetime.datetime(2021, 7, 27, 7, 0, tzinfo=datetime.UTC))
    url = reverse("admin:publications_article_change", args=[article.pk])
    response = editor_client.get(url)
    page = response.content.decode()
    assert 'value="10:00:00"' in page  # 07:00 UTC is 10:00 in Jerusalem (summer time)
    assert "in Jerusalem time" in page
    data = admin_form_data(response, publish_at_0="2021-12-01", publish_at_1="09:30:00")
    assert editor_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.publish_at == datetime.datetime(2021, 12, 1, 7, 30, tzinfo=datetime.UTC)  # winter: UTC+2


def test_the_change_form_links_a_preview_in_each_language(staff_client):
    article = make_article(status=Status.DRAFT, title_ar="مسودة", slug="draft-news")
    response = staff_client.get(reverse("admin:publications_article_change", args=[article.pk]))
    page = response.content.decode()
    for code in ("ar", "en", "he"):
        with translation.override(code):
            preview = article.get_absolute_url()
        assert preview == f"/{code}/news/draft-news/"
        assert f'href="{preview}"' in page
        staff_page = staff_client.get(preview)
        assert staff_page.status_code == 200
        assert 'class="preview-banner"' in staff_page.content.decode()


def test_the_preview_stays_private(client):
    article = make_article(status=Status.DRAFT, slug="secret-draft")
    assert client.get(article.get_absolute_url()).status_code == 404
    scheduled = make_article(slug="later", publish_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(scheduled.get_absolute_url()).status_code == 404
