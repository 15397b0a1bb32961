import datetime

import pytest
from django.utils import timezone, translation

from content.models import Status
from tests.factories import MAKERS, make_publication

pytestmark = pytest.mark.django_db

HIDDEN = {
    "draft": {"status": Status.DRAFT},
    "scheduled": {"publish_at": timezone.now() + datetime.timedelta(days=2)},
}


@pytest.mark.parametrize("state", list(HIDDEN))
@pytest.mark.parametrize("section", list(MAKERS))
def test_hidden_items_are_404_for_visitors_and_previews_for_staff(client, staff_client, section, state):
    fields = dict(HIDDEN[state])
    if state == "scheduled":
        fields["publish_at"] = timezone.now() + datetime.timedelta(days=2)
    item = MAKERS[section](**fields)
    url = item.get_absolute_url()

    from django.test import Client

    visitor = Client()
    assert visitor.get(url).status_code == 404

    response = staff_client.get(url)
    assert response.status_code == 200
    assert 'class="preview-banner"' in response.content.decode()


@pytest.mark.parametrize("section", list(MAKERS))
def test_hidden_items_stay_out_of_lists(client, section):
    visible = MAKERS[section](title_ar="ظاهر")
    MAKERS[section](title_ar="مسودة", status=Status.DRAFT)
    MAKERS[section](title_ar="مجدول", publish_at=timezone.now() + datetime.timedelta(minutes=1))
    with translation.override("ar"):
        list_url = visible.get_absolute_url().rsplit("/", 2)[0] + "/"
    titles = {item.title_ar for item in client.get(list_url).context["object_list"]}
    assert titles == {"ظاهر"}


def test_published_page_has_no_preview_banner(staff_client):
    item = make_publication()
    assert 'class="preview-banner"' not in staff_client.get(item.get_absolute_url()).content.decode()


def test_missing_translation_falls_back_to_arabic_with_its_own_language_and_direction(client):
    item = make_publication(title_ar="تقرير هاشتاغ فلسطين", summary_ar="ملخص عربي", title_en="")
    with translation.override("en"):
        url = item.get_absolute_url()
    body = client.get(url).content.decode()
    assert '<html lang="en" dir="ltr">' in body
    # The heading and the lead carry the language themselves, so they also align with it.
    assert '<h1 lang="ar" dir="rtl">تقرير هاشتاغ فلسطين</h1>' in body
    assert '<p class="lead" lang="ar" dir="rtl">ملخص عربي</p>' in body


def test_translation_is_used_when_present(client):
    item = make_publication(title_ar="تقرير", title_en="Hashtag Palestine")
    with translation.override("en"):
        body = client.get(item.get_absolute_url()).content.decode()
    assert "<h1>Hashtag Palestine</h1>" in body


def test_root_redirects_to_the_visitors_language(client):
    assert client.get("/").headers["Location"] == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="he").headers["Location"] == "/he/"


def test_language_switcher_keeps_the_item_and_the_filters(client):
    item = make_publication()
    body = client.get(item.get_absolute_url()).content.decode()
    assert f'href="/en/publications/{item.slug}/"' in body
    body = client.get("/ar/news/?kind=news&page=1").content.decode()
    assert 'href="/he/news/?kind=news&amp;page=1"' in body


def test_unknown_page_is_a_translated_404_in_the_layout(client):
    response = client.get("/en/publications/no-such-thing/")
    assert response.status_code == 404
    assert '<html lang="en" dir="ltr">' in response.content.decode()
