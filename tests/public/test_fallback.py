"""A page shown in Arabic because its translation is missing: plain title, a note, the text's own direction."""

import re

import pytest

from tests.factories import MAKERS, make_topic

pytestmark = pytest.mark.django_db


def page_title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


@pytest.mark.parametrize("section", MAKERS)
@pytest.mark.parametrize("language", ["en", "he"])
def test_the_title_of_a_fallback_page_is_plain_text(client, section, language):
    item = MAKERS[section](title_ar="حرية التعبير", summary_ar="ملخص")
    response = client.get(item.get_absolute_url().replace("/ar/", f"/{language}/", 1))
    assert response.status_code == 200
    title = page_title(response)
    assert "<" not in title and "&lt;" not in title
    assert title.startswith("حرية التعبير · ")


def test_a_topic_hub_title_is_plain_text_too(client):
    make_topic(slug="privacy", name_ar="الخصوصية")
    assert page_title(client.get("/en/topics/privacy/")).startswith("الخصوصية · ")


def test_a_fallback_page_says_so_and_links_to_the_languages_it_exists_in(client):
    item = MAKERS["news"](title_ar="خبر", title_he="חדשות", summary_ar="ملخص")
    response = client.get(item.get_absolute_url().replace("/ar/", "/en/", 1))
    html = response.content.decode()
    assert 'class="fallback-note"' in html
    note = html.split('class="fallback-note"')[1].split("</aside>")[0]
    assert "not yet available in English" in note
    assert f'href="/ar/news/{item.slug}/"' in note
    assert 'hreflang="he"' in note and 'hreflang="en"' not in note
    # The heading and the lead carry the Arabic text's language and direction, so they align with it.
    assert '<h1 lang="ar" dir="rtl">خبر</h1>' in html
    assert '<p class="lead" lang="ar" dir="rtl">ملخص</p>' in html


def test_a_translated_page_has_no_note(client):
    item = MAKERS["news"](title_ar="خبر", title_en="News item")
    html = client.get(item.get_absolute_url().replace("/ar/", "/en/", 1)).content.decode()
    assert 'class="fallback-note"' not in html
    assert "<h1>News item</h1>" in html
