"""The admin's home: each block with what a person acts on, in a fixed number of queries."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from content.models import Status
from tests.auth import login_verified
from tests.factories import MAKERS, make_article, make_publication

pytestmark = pytest.mark.django_db

JERUSALEM = zoneinfo.ZoneInfo("Asia/Jerusalem")
MOMENT = datetime.datetime(2026, 3, 10, 10, 0, tzinfo=JERUSALEM)
TITLE_EN_CHANGED = '[{"changed": {"fields": ["Title [en]"]}}]'  # as Django stores it: English labels


def home(client):
    return client.get(reverse("admin:index"))


def test_each_block_lists_what_to_act_on(client, editor, author):
    with time_machine.travel(MOMENT, tick=False):
        mine = make_article(status=Status.DRAFT, title_ar="مسودتي", created_by=editor, updated_by=editor)
        proposed = make_publication(status=Status.DRAFT, title_ar="مسودة كاتب", created_by=author, updated_by=author)
        soon = make_article(publish_at=MOMENT + datetime.timedelta(days=2), title_ar="قريبا", title_en="Soon")
        untranslated = make_publication(title_ar="بلا ترجمة", summary_ar="ملخص")
        make_publication(publish_at=MOMENT - datetime.timedelta(days=400), title_ar="قديم", title_en="Old")
        LogEntry.objects.log_actions(editor.pk, [soon], CHANGE, change_message=TITLE_EN_CHANGED)
        login_verified(client, editor)
        context = home(client).context

    assert [entry["title"] for entry in context["my_drafts"]] == ["مسودتي"]
    assert [entry["title"] for entry in context["waiting_for_review"]] == ["مسودة كاتب"]
    review_url = reverse("admin:publications_publication_change", args=[proposed.pk])
    assert context["waiting_for_review"][0]["url"] == review_url
    assert [entry["item"].pk for entry in context["upcoming"]] == [soon.pk]
    assert untranslated.title_ar in [entry["title"] for entry in context["translations"]]
    assert mine.title_ar in [entry["title"] for entry in context["translations"]]
    figures = {row["section"].name: row for row in context["figures"]}
    assert figures["publications"]["published"] == 1, "published since 1 January, not the old one"
    assert figures["news"]["drafts"] == 1
    assert context["half_year"][0] == datetime.date(2026, 1, 1)
    assert [entry.object_id for entry in context["recent_changes"]] == [str(soon.pk)]


def test_the_home_page_speaks_the_staff_language(client, editor, settings):
    settings.LANGUAGE_CODE = "ar"
    with time_machine.travel(MOMENT, tick=False):
        soon = make_article(publish_at=MOMENT + datetime.timedelta(days=2), title_ar="قريبا")
        LogEntry.objects.log_actions(editor.pk, [soon], CHANGE, change_message=TITLE_EN_CHANGED)
        login_verified(client, editor)
        page = home(client).content.decode()
    assert "بتوقيت القدس" in page
    assert "12 آذار 2026، 10:00" in page
    assert "تم تغيير العنوان (الإنجليزية)." in page
    assert "Asia/Jerusalem" not in page


def test_an_author_sees_no_review_block(client, author):
    make_publication(status=Status.DRAFT, updated_by=author)
    login_verified(client, author)
    context = home(client).context
    assert not context["can_review"]
    assert context["waiting_for_review"] == []


def test_the_home_page_runs_a_fixed_number_of_queries(client, editor, author, django_assert_num_queries):
    login_verified(client, editor)
    with time_machine.travel(MOMENT, tick=False):
        home(client)
        with django_assert_num_queries(36) as few:
            home(client)
        for maker in MAKERS.values():
            for number in range(3):
                maker(status=Status.DRAFT, created_by=editor, updated_by=author)
                maker(publish_at=MOMENT + datetime.timedelta(days=number + 1))
        with django_assert_num_queries(len(few.captured_queries)):
            response = home(client)
    assert len(response.context["my_drafts"]) == 8
