import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from editorial.workflow import TranslationState, translated_fields, translation_state
from publications.models import Article
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db

BOARD_URL = reverse("workflow:translation_board")
START = timezone.make_aware(datetime.datetime(2021, 7, 27, 9, 0))


def state_of(item, language):
    filled = {
        f"{field}_{code}": bool(getattr(item, f"{field}_{code}"))
        for field in translated_fields(type(item))
        for code in ("ar", "en", "he")
    }
    return translation_state(type(item), filled, item.translation_edited_at, language)[0]


def test_arabic_edited_after_a_translation_makes_it_stale_until_the_translation_is_edited():
    with time_machine.travel(START, tick=False):
        article = make_article(title_ar="تقرير", title_en="Report")
    assert state_of(article, "en") == TranslationState.COMPLETE
    assert state_of(article, "he") == TranslationState.MISSING

    with time_machine.travel(START + datetime.timedelta(hours=1), tick=False):
        article = Article.objects.get(pk=article.pk)
        article.title_ar = "تقرير نصف سنوي"
        article.save()
    article = Article.objects.get(pk=article.pk)
    assert state_of(article, "en") == TranslationState.STALE
    assert state_of(article, "ar") == TranslationState.COMPLETE

    with time_machine.travel(START + datetime.timedelta(hours=2), tick=False):
        article.title_en = "Half-year report"
        article.save()
    article = Article.objects.get(pk=article.pk)
    assert state_of(article, "en") == TranslationState.COMPLETE


def test_a_save_that_touches_no_text_changes_no_stamp():
    with time_machine.travel(START, tick=False):
        article = make_article(title_ar="تقرير", title_en="Report")
    stamps = dict(article.translation_edited_at)
    with time_machine.travel(START + datetime.timedelta(days=1), tick=False):
        article = Article.objects.get(pk=article.pk)
        article.featured = True
        article.save()
    assert Article.objects.get(pk=article.pk).translation_edited_at == stamps


def test_a_field_written_in_arabic_and_empty_in_a_translation_is_missing():
    article = make_article(title_ar="تقرير", summary_ar="ملخص", title_en="Report")
    assert state_of(article, "en") == TranslationState.MISSING


def make_items(count):
    for index in range(count):
        make_article(title_ar=f"خبر {index}", title_en=f"News {index}")
        make_event(title_ar=f"فعالية {index}")


def test_the_board_lists_states_and_links_to_the_field_to_fix(staff_client):
    with time_machine.travel(START, tick=False):
        article = make_article(title_ar="تقرير", title_en="Report")
    with time_machine.travel(START + datetime.timedelta(hours=1), tick=False):
        article = Article.objects.get(pk=article.pk)
        article.title_ar = "تقرير جديد"
        article.save()
    response = staff_client.get(BOARD_URL, {"section": "news", "language": "en"})
    assert response.status_code == 200
    (row,) = response.context["rows"]
    (cell,) = row["cells"]
    assert cell["state"] == TranslationState.STALE
    change = reverse("admin:publications_article_change", args=[article.pk])
    assert cell["url"] == f"{change}#tab_id_title_en"
    assert f'href="{change}#tab_id_title_en"' in response.content.decode()


def test_the_board_filters_by_state(staff_client):
    make_article(title_ar="كامل", title_en="Complete", title_he="שלם")
    make_article(title_ar="ناقص")
    response = staff_client.get(BOARD_URL, {"state": TranslationState.MISSING})
    assert [row["item"]["title_ar"] for row in response.context["rows"]] == ["ناقص"]


def test_the_board_runs_a_fixed_number_of_queries(staff_client, django_assert_num_queries):
    make_items(1)
    staff_client.get(BOARD_URL)  # warm the session and permission caches
    with django_assert_num_queries(11) as few:  # one of them loads the verified OTP device
        staff_client.get(BOARD_URL)
    make_items(15)
    with django_assert_num_queries(len(few.captured_queries)):
        response = staff_client.get(BOARD_URL)
    assert len(response.context["rows"]) == 32


def test_bad_board_filters_give_a_message_not_an_error(staff_client):
    response = staff_client.get(BOARD_URL, {"section": "nope", "language": "xx"})
    assert response.status_code == 200
    assert "not understood" in response.content.decode()


def test_the_board_is_for_staff_only(client):
    response = client.get(BOARD_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
