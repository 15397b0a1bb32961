"""Rendered pieces of pages kept in memory (`{% cache %}`, the `template_fragments` cache): the header, the
footer, one card per version of an item. With the page cache off (as in every test here), each request
still runs its view and queries; these pieces must never show anything out of date or out of place."""

import os
import subprocess
import sys

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from content.filters import PublicFilterSet
from content.models import Status
from publications.models import ArticleTopic
from tests.factories import make_article, make_publication, make_topic

pytestmark = pytest.mark.django_db


def page(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_the_settings_keep_fragments_in_each_process_without_expiry(settings):
    fragments = settings.CACHES["template_fragments"]
    assert fragments["BACKEND"] == "hamleh.cache_backends.FragmentCache"
    assert fragments["TIMEOUT"] is None


def fragments_backend(**environ):
    """The fragments cache the settings choose with these environment variables (a fresh process)."""
    code = "from django.conf import settings; print(settings.CACHES['template_fragments']['BACKEND'])"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hamleh.settings", "DJANGO_DEBUG": "1", **environ}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip().rsplit(".", 1)[-1]


def test_signed_media_addresses_turn_the_fragments_off_unless_asked():
    assert fragments_backend() == "FragmentCache"
    assert fragments_backend(DJANGO_FRAGMENT_CACHE="0") == "DummyCache"
    # A kept card would outlive its cover image's signature.
    assert fragments_backend(DJANGO_MEDIA_STORAGE="s3") == "DummyCache"
    assert fragments_backend(DJANGO_MEDIA_STORAGE="s3", AWS_QUERYSTRING_AUTH="0") == "FragmentCache"


def test_a_card_is_rendered_once_and_again_after_the_item_is_edited(client):
    item = make_article(title_ar="العنوان الأول", summary_ar="ملخص أول")
    url = reverse("publications:article_list")
    assert "العنوان الأول" in page(client, url)
    first_token = item.version_token

    item.title_ar = "العنوان المعدل"
    item.save()
    assert item.version_token != first_token
    body = page(client, url)
    assert "العنوان المعدل" in body
    assert "العنوان الأول" not in body


def test_a_kept_card_is_served_without_rendering_it_again(client):
    make_article(title_ar="خبر محفوظ")
    url = reverse("publications:article_list")
    first = client.get(url)
    second = client.get(url)
    rendered = [[template.name for template in response.templates] for response in (first, second)]
    assert "includes/item_meta.html" in rendered[0]
    assert "includes/item_meta.html" not in rendered[1]
    assert "includes/header.html" in rendered[0] and "includes/header.html" not in rendered[1]
    assert "includes/footer.html" in rendered[0] and "includes/footer.html" not in rendered[1]
    assert second.content == first.content


def test_an_unpublished_item_leaves_the_list_even_though_its_card_is_kept(client):
    item = make_article(title_ar="خبر سيسحب")
    url = reverse("publications:article_list")
    assert "خبر سيسحب" in page(client, url)
    item.status = Status.DRAFT
    item.save()
    assert "خبر سيسحب" not in page(client, url)


def test_cards_and_frame_follow_the_language(client):
    make_article(title_ar="خبر بالعربية", title_en="News in English")
    arabic = page(client, "/ar/news/")
    english = page(client, "/en/news/")
    assert "خبر بالعربية" in arabic and "News in English" not in arabic
    assert "News in English" in english
    assert 'href="/en/news/"' in english and 'href="/ar/news/"' in arabic
    with translation.override("en"):
        assert "Stay informed" in english
    assert "Stay informed" not in arabic


def test_the_header_marks_the_current_section_and_links_to_this_page_in_each_language(client):
    news = page(client, "/ar/news/?year=2024")
    campaigns = page(client, "/ar/campaigns/")
    assert '<a href="/ar/news/" aria-current="page">' in news
    assert '<a href="/ar/campaigns/" aria-current="page">' in campaigns
    assert 'href="/en/news/?year=2024"' in news
    assert 'href="/en/campaigns/"' in campaigns


def test_the_search_box_keeps_each_visitors_own_words(client):
    first = page(client, "/ar/search/?q=" + "خصوصية")
    second = page(client, "/ar/search/?q=" + "رقابة")
    assert 'value="خصوصية"' in first
    assert 'value="رقابة"' in second and 'value="خصوصية"' not in second


def test_with_its_cards_kept_a_list_reads_their_keys_and_no_rows(client):
    make_article(topics=[make_topic(slug="privacy")])
    url = reverse("publications:article_list")
    with CaptureQueriesContext(connection) as first:
        page(client, url)
    with CaptureQueriesContext(connection) as second:
        page(client, url)
    # The same queries, but those that read the rows of the cards and the topics of the form to render.
    assert len(first) == len(second) + 2
    row_columns = '"publications_article"."title_ar"'
    assert any(row_columns in query["sql"] for query in first.captured_queries)
    assert not any(row_columns in query["sql"] for query in second.captured_queries)


def test_the_topic_choices_are_read_without_a_server_side_cursor(client):
    make_topic(slug="privacy")
    with CaptureQueriesContext(connection) as queries:
        page(client, reverse("publications:article_list"))
    statements = [query["sql"] for query in queries]
    assert not [sql for sql in statements if sql.lstrip().upper().startswith("DECLARE")]
    # The rows the kept form is named by, then the topics the form is rendered with.
    assert len([sql for sql in statements if '"hamleh_topic"' in sql]) == 2
    with CaptureQueriesContext(connection) as kept:
        page(client, reverse("publications:article_list"))
    assert len([query for query in kept.captured_queries if '"hamleh_topic"' in query["sql"]]) == 1


def test_the_filter_selects_keep_what_was_chosen(client):
    make_topic(slug="privacy", name_ar="الخصوصية")
    body = page(client, "/ar/news/?topic=privacy&kind=")
    assert '<select name="topic" id="id_topic">' in body
    assert '<option value="privacy" selected>الخصوصية</option>' in body
    assert '<option value="" selected>' in body  # the kind select, nothing chosen


def test_a_kept_filter_form_is_served_without_rendering_its_fields_again(client):
    make_topic(slug="privacy", name_ar="الخصوصية")
    url = "/ar/news/?topic=privacy"
    first = client.get(url)
    second = client.get(url)
    rendered = [[template.name for template in response.templates] for response in (first, second)]
    assert "hamleh/widgets/select.html" in rendered[0]
    assert "hamleh/widgets/select.html" not in rendered[1]
    assert second.content == first.content


def test_pages_that_name_no_filter_share_one_kept_form_and_never_build_it(client):
    make_topic(slug="privacy", name_ar="الخصوصية")
    for number in range(14):
        make_article(title_ar=f"خبر {number}")
    first = client.get("/ar/news/")
    assert "_form" in first.context["filter"].__dict__  # built once, to render the kept form
    for url in ("/ar/news/", "/ar/news/?page=2", "/ar/news/?utm_source=partner"):
        response = client.get(url)
        assert "_form" not in response.context["filter"].__dict__, url
        assert "hamleh/widgets/select.html" not in [template.name for template in response.templates]
    assert 'value="privacy"' in response.content.decode()
    named = client.get("/ar/news/?topic=")  # an empty value is still the form's to show
    assert "_form" in named.context["filter"].__dict__
    assert '<option value="privacy" selected>' not in named.content.decode()


def test_the_filter_form_shows_each_request_its_own_values_and_errors(client):
    make_topic(slug="privacy", name_ar="الخصوصية")
    wrong = page(client, "/ar/news/?year=abc")
    right = page(client, "/ar/news/?year=2024")
    again = page(client, "/ar/news/?year=abc")
    assert 'class="field has-error"' in wrong
    assert 'class="field has-error"' not in right and 'value="2024"' in right
    assert again.count("has-error") == wrong.count("has-error")
    assert '<option value="privacy" selected>' in page(client, "/ar/news/?topic=privacy")
    assert '<option value="privacy" selected>' not in page(client, "/ar/news/")


def test_a_renamed_added_or_deleted_topic_changes_the_kept_filter_form(client):
    topic = make_topic(slug="privacy", name_ar="الخصوصية")
    assert ">الخصوصية</option>" in page(client, "/ar/news/")

    topic.name_ar = "حماية الخصوصية"
    topic.save()
    assert ">حماية الخصوصية</option>" in page(client, "/ar/news/")

    make_topic(slug="surveillance", name_ar="الرقابة")
    assert '<option value="surveillance">الرقابة</option>' in page(client, "/ar/news/")

    topic.delete()
    body = page(client, "/ar/news/")
    assert 'value="privacy"' not in body and 'value="surveillance"' in body


def test_the_filter_form_follows_the_language(client):
    make_topic(slug="privacy", name_ar="الخصوصية", name_en="Privacy")
    arabic = page(client, "/ar/news/")
    english = page(client, "/en/news/")
    assert ">الخصوصية</option>" in arabic and ">Privacy</option>" not in arabic
    assert ">Privacy</option>" in english


def test_filtered_list_pages_run_the_same_queries_with_the_filter_form_kept(client):
    make_article(topics=[make_topic(slug="privacy")])
    page(client, "/ar/news/")  # the card, kept: only the filter form is rendered once below
    # The first time, the form's choices are read to render it, and a filtered list's count is read on its
    # own (then kept by the content state); after that, one statement.
    for url, first_time in (("/ar/news/?topic=privacy&year=2024", 3), ("/ar/news/?year=abc", 2)):
        with CaptureQueriesContext(connection) as first:
            page(client, url)
        with CaptureQueriesContext(connection) as second:
            page(client, url)
        assert (len(first), len(second)) == (first_time, 1), url


def test_a_filtered_list_is_read_in_one_statement_once_the_choices_are_known(client):
    make_article(topics=[make_topic(slug="privacy")], publish_at=timezone.now() - timezone.timedelta(days=1))
    page(client, "/ar/news/")  # reads the topics with the list, and this process remembers them
    url = f"/ar/news/?topic=privacy&year={timezone.localdate().year}"
    page(client, url)  # the filter form and the results, kept
    with CaptureQueriesContext(connection) as queries:
        body = page(client, url)
    # The topics (to be sure they are still the ones the choice was checked against), the count and the keys.
    assert len(queries) == 1
    assert 'class="card' in body


def test_submitted_filters_are_checked_once_per_values_and_choices(client, monkeypatch):
    make_article(topics=[make_topic(slug="privacy")], title_ar="خبر عن الخصوصية")
    make_article(title_ar="خبر آخر")
    first = page(client, "/en/news/?topic=privacy&year=abc")
    assert "خبر عن الخصوصية" in first and "خبر آخر" not in first
    assert "were not understood" in first  # the year

    def no_form(self):
        raise AssertionError("the filter form was built again")

    monkeypatch.setattr(PublicFilterSet, "get_form_class", no_form)
    again = page(client, "/en/news/?topic=privacy&year=abc")
    assert again == first  # the same list, the same message, the kept form
    monkeypatch.undo()

    other = page(client, "/en/news/?topic=privacy")
    assert "خبر عن الخصوصية" in other and "were not understood" not in other


def test_a_topic_added_or_deleted_since_the_choices_were_last_read_is_seen_at_once(client):
    old = make_topic(slug="privacy")
    make_article(topics=[old], title_ar="خبر عن الخصوصية")
    page(client, "/en/news/")  # the choices remembered: privacy only
    make_article(topics=[make_topic(slug="surveillance")], title_ar="خبر عن الرقابة")
    body = page(client, "/en/news/?topic=surveillance")
    assert "خبر عن الرقابة" in body and "خبر عن الخصوصية" not in body
    assert "were not understood" not in body

    ArticleTopic.objects.filter(topic=old).delete()
    old.delete()
    body = page(client, "/en/news/?topic=privacy")
    assert "were not understood" in body
    assert "خبر عن الرقابة" in body  # the unknown choice is left out: the whole list


def test_kept_head_links_follow_the_host_the_address_and_the_language(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "example.org"]
    first = page(client, "/ar/news/")
    assert '<link rel="canonical" href="http://testserver/ar/news/">' in first
    other_host = page(client, "/ar/news/", HTTP_HOST="example.org")
    assert '<link rel="canonical" href="http://example.org/ar/news/">' in other_host
    assert "testserver" not in other_host
    english = page(client, "/en/news/")
    assert '<link rel="canonical" href="http://testserver/en/news/">' in english
    assert '<meta property="og:locale" content="en_GB">' in english
    calendar = '<link rel="alternate" type="text/calendar"'
    assert calendar in page(client, "/ar/events/") and calendar not in page(client, "/ar/news/")


def test_an_items_head_links_are_its_own(client):
    first, second = make_article(title_ar="الخبر الأول"), make_article(title_ar="الخبر الثاني")
    assert '<meta property="og:title" content="الخبر الأول">' in page(client, first.get_absolute_url())
    assert '<meta property="og:title" content="الخبر الثاني">' in page(client, second.get_absolute_url())


def test_kept_list_results_follow_the_page_the_items_and_their_count(client):
    items = [make_article(title_ar=f"خبر رقم {number}") for number in range(14)]
    first = page(client, "/ar/news/")
    response = client.get("/ar/news/")
    assert "includes/card.html" not in [template.name for template in response.templates]
    assert response.content.decode() == first
    second_page = page(client, "/ar/news/?page=2")
    assert second_page != first and "خبر رقم 0" in second_page and "خبر رقم 13" not in second_page

    items[13].title_ar = "خبر معدل"
    items[13].save()
    assert "خبر معدل" in page(client, "/ar/news/")
    count_line = client.get("/ar/news/").content.decode().split('class="result-count"')[1].split("</p>")[0]
    make_article(title_ar="خبر جديد")
    body = page(client, "/ar/news/")
    assert "خبر جديد" in body
    assert body.split('class="result-count"')[1].split("</p>")[0] != count_line
    items[12].delete()
    assert "خبر رقم 12" not in page(client, "/ar/news/")


def test_the_kept_home_content_follows_the_items_and_the_figures(client):
    item = make_article(title_ar="آخر الأخبار")
    first = page(client, "/ar/")
    response = client.get("/ar/")
    assert "includes/card.html" not in [template.name for template in response.templates]
    assert response.content.decode() == first and "آخر الأخبار" in first
    item.title_ar = "خبر بعنوان جديد"
    item.save()
    assert "خبر بعنوان جديد" in page(client, "/ar/")
    before = client.get("/ar/").context["figures"]["publications_this_year"]
    make_publication(published_on=timezone.localdate())
    response = client.get("/ar/")
    assert response.context["figures"]["publications_this_year"] == before + 1
    assert f"<dd>{before + 1}</dd>" in response.content.decode()
