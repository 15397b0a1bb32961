"""The results page: what it shows, what it hides, and that no input breaks it."""

import datetime
import io
import re

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from content.models import Status
from publications.models import Article
from search.models import SearchDocument
from tests.factories import make_article, make_campaign, make_event, make_publication, make_training

pytestmark = pytest.mark.django_db


def search_url(language="ar"):
    with translation.override(language):
        return reverse("search:search")


def get(client, language="ar", **params):
    response = client.get(search_url(language), params)
    assert response.status_code == 200
    return response, response.content.decode()


def test_url_follows_the_contract():
    assert search_url("ar") == "/ar/search/"
    assert search_url("he") == "/he/search/"


def test_results_show_count_highlight_and_link(client):
    item = make_publication(title_ar="التقرير السنوي هاشتاغ فلسطين", summary_ar="يوثّق التقرير انتهاكات الحقوق الرقمية")
    make_article(title_ar="خبر عن شيء آخر")
    response, html = get(client, q="تقرير")
    assert item.get_absolute_url() in html
    assert "<mark>التقرير</mark> السنوي" in html
    assert "يوثّق <mark>التقرير</mark>" in html
    assert "خبر عن شيء آخر" not in html
    assert response.context["result_count"] == 1
    assert 'name="robots" content="noindex"' in html


def test_a_plural_finds_the_singular_and_the_singular_the_plural(client):
    reports = make_publication(title_ar="تقرير عن حجب المواقع")
    laws = make_article(title_ar="قراءة في القوانين الجديدة")
    _response, html = get(client, q="التقارير")
    assert reports.get_absolute_url() in html
    _response, html = get(client, q="قانون")
    assert laws.get_absolute_url() in html and reports.get_absolute_url() not in html
    _response, html = get(client, q="موقع")
    assert reports.get_absolute_url() in html


def test_english_page_falls_back_to_arabic_with_lang_and_dir(client):
    make_publication(title_ar="تقرير بالعربية فقط")
    _response, html = get(client, "en", q="تقرير")
    assert re.search(r'<a href="/en/publications/[^"]+/" lang="ar" dir="rtl"><mark>تقرير</mark>', html)


def test_every_section_is_searched_and_can_be_filtered(client):
    makers = [make_publication, make_article, make_campaign, make_training, make_event]
    for maker in makers:
        maker(title_ar="الأمان الرقمي", title_en="Digital security")
    response, _html = get(client, q="الامان")
    assert response.context["result_count"] == 5
    assert {result.section.name for result in response.context["results"]} == {
        "publications",
        "news",
        "campaigns",
        "trainings",
        "events",
    }
    response, _html = get(client, q="الامان", section="trainings")
    assert [result.section.name for result in response.context["results"]] == ["trainings"]


def test_an_unknown_section_is_ignored_with_a_message(client):
    make_article(title_ar="الأمان الرقمي")
    response, html = get(client, q="امان", section="nope")
    assert response.context["result_count"] == 1
    assert 'class="message' in html


def test_results_are_paginated_and_keep_the_query(client):
    for number in range(23):
        make_article(title_ar=f"تدريب رقم {number}")
    response, html = get(client, q="تدريب")
    assert response.context["result_count"] == 23
    assert len(response.context["results"]) == 10
    assert "page=2" in html and "q=%D8%AA%D8%AF%D8%B1%D9%8A%D8%A8" in html
    response, _html = get(client, q="تدريب", page="3")
    assert len(response.context["results"]) == 3
    response, _html = get(client, q="تدريب", page="999")
    assert response.context["page_obj"].number == 3
    response, _html = get(client, q="تدريب", page="abc")
    assert response.context["page_obj"].number == 1


def test_only_published_items_are_found(client):
    make_article(title_ar="تقرير منشور", slug="public-one")
    make_article(title_ar="تقرير مسودة", slug="draft-one", status=Status.DRAFT)
    make_article(title_ar="تقرير مجدول", slug="later-one", publish_at=timezone.now() + datetime.timedelta(days=2))
    _response, html = get(client, q="تقرير")
    assert "public-one" in html
    assert "draft-one" not in html and "later-one" not in html
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3)):
        _response, html = get(client, q="تقرير")
    assert "later-one" in html and "draft-one" not in html


def test_unpublishing_and_deleting_update_the_index(client):
    item = make_article(title_ar="بيان صحفي", slug="statement")
    item.status = Status.DRAFT
    item.save()
    assert "statement" not in get(client, q="بيان")[1]
    item.status = Status.PUBLISHED
    item.save()
    assert "statement" in get(client, q="بيان")[1]
    item.delete()
    assert not SearchDocument.objects.exists()


def test_titles_and_snippets_are_escaped(client):
    make_article(title_ar='<script>alert("x")</script> تقرير', summary_ar="<b>تقرير</b> & <img src=x onerror=alert(1)>")
    _response, html = get(client, q="تقرير")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>تقرير</mark>" in html
    assert "<img src=x" not in html


BAD_INPUTS = [
    "",
    "   ",
    "ت" * 1000,
    "تقرير " * 200,
    "!!!???...،؛",
    "& | ! ( ) : * ' \"",
    "تقرير & | !",
    "'; DROP TABLE search_searchdocument; --",
    "1' OR '1'='1",
    "تقرير report דוח",
    "\u0651",
    "\u064b\u064c\u064d",
    "\u200f\u200e",
    "%",
    "_",
    "\\",
    "<script>alert(1)</script>",
    "في",
    "a:* & b",
]


@pytest.mark.parametrize("language", ["ar", "en", "he"])
@pytest.mark.parametrize("query", BAD_INPUTS)
def test_bad_input_gives_a_normal_page(client, query, language):
    make_article(title_ar="تقرير عن الحقوق", title_en="A report", title_he="דוח")
    response, html = get(client, language, q=query, section="news")
    assert "<h1>" in html
    assert SearchDocument.objects.count() == 1


def test_bad_page_and_section_values(client):
    make_article(title_ar="تقرير")
    for params in ({"q": "تقرير", "page": "-1"}, {"q": "تقرير", "page": "1e9"}, {"q": "تقرير", "section": "'"}):
        get(client, **params)


def test_a_long_query_is_shortened_with_a_message(client):
    make_article(title_ar="تقرير")
    response, html = get(client, q="تقرير " + "كلمة" * 400)
    assert len(response.context["query"]) == 200
    assert 'class="message' in html


def test_empty_state_is_helpful(client):
    _response, html = get(client, q="كلمةليستهنا")
    assert "search-empty" in html
    assert "/ar/publications/" in html  # the sections to browse instead
    _response, html = get(client, q="!!!")
    assert "search-empty" in html


def test_a_misspelled_name_falls_back_to_similar_names_on_postgresql(client):
    make_campaign(title_ar="حملة", title_en="Stop silencing Palestinians on Facebook", slug="facebook-campaign")
    response, html = get(client, "en", q="Facebok")
    if connection.vendor == "postgresql":
        assert response.context["fuzzy"] is True
        assert "facebook-campaign" in html
    else:
        assert "search-empty" in html


def queries_for_results_page(client, count):
    for number in range(count):
        maker = [make_publication, make_article, make_campaign, make_training, make_event][number % 5]
        maker(title_ar=f"الحقوق الرقمية {number}", summary_ar="تقرير عن الحقوق الرقمية للفلسطينيين")
    with CaptureQueriesContext(connection) as queries:
        response, _html = get(client, q="حقوق الفلسطينيين")
    assert response.context["result_count"] == count
    return len(queries)


def test_the_results_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    few = queries_for_results_page(client, 3)
    SearchDocument.objects.all().delete()
    many = queries_for_results_page(client, 40)
    # The synonym groups, the ranking, then one page of index entries: nothing per result or per section.
    assert few == many == 3


def test_very_common_words_rank_only_the_newest_matches_and_say_so(client, monkeypatch):
    monkeypatch.setattr("search.index.MAX_CANDIDATES", 3)
    monkeypatch.setattr("search.results.MAX_CANDIDATES", 3)
    for number in range(5):
        make_article(title_ar=f"تقرير {number}", publish_at=timezone.now() - datetime.timedelta(days=number + 1))
    response, html = get(client, q="تقرير")
    assert response.context["capped"] is True
    assert [result.url.rstrip("/").rsplit("/", 1)[-1] for result in response.context["results"]] == [
        article.slug for article in Article.objects.order_by("-publish_at")[:3]
    ]
    assert 'class="result-count"' in html


def test_a_later_page_costs_the_same_three_queries(client):
    for number in range(12):
        make_article(title_ar=f"تقرير رقم {number}", publish_at=timezone.now() - datetime.timedelta(days=number + 1))
    get(client, q="تقرير")
    with CaptureQueriesContext(connection) as queries:
        response, _html = get(client, q="تقرير", page="2")
    # The synonym groups, the ranking and the second page's entries.
    assert len(queries) == 3
    assert response.context["result_count"] == 12

    make_article(title_ar="تقرير جديد")
    response, _html = get(client, q="تقرير", page="2")
    assert response.context["result_count"] == 13


def test_a_kept_ranking_takes_in_an_item_as_soon_as_it_falls_due(client):
    with time_machine.travel(datetime.datetime(2025, 5, 1, 9, 0, tzinfo=datetime.UTC), tick=False) as traveller:
        make_article(title_ar="تقرير منشور", publish_at=timezone.now() - datetime.timedelta(days=1))
        make_article(title_ar="تقرير مجدول", publish_at=timezone.now() + datetime.timedelta(minutes=30))
        response, html = get(client, q="تقرير")
        assert response.context["result_count"] == 1
        assert "مجدول" not in html
        traveller.move_to(datetime.datetime(2025, 5, 1, 9, 31, tzinfo=datetime.UTC))
        response, html = get(client, q="تقرير")
        assert response.context["result_count"] == 2
        assert "مجدول" in html


def test_results_follow_every_edit(client):
    item = make_article(title_ar="تقرير عن الرقابة")
    make_article(title_ar="تقرير ثان")
    get(client, q="تقرير")

    item.title_ar = "تقرير معدل عن الرقابة"
    item.save()
    _response, edited = get(client, q="تقرير")
    assert "<mark>تقرير</mark> معدل" in edited
    item.status = Status.DRAFT
    item.save()
    _response, withdrawn = get(client, q="تقرير")
    assert "معدل" not in withdrawn and "ثان" in withdrawn


# ---------------------------------------------------------------- did you mean


def test_did_you_mean_an_arabic_name(client):
    item = make_campaign(title_ar="أوقفوا إسكات الأصوات على فيسبوك", slug="facebook-campaign")
    response, html = get(client, "ar", q="فيسبك")
    assert response.context["suggestion"] == "فيسبوك"
    assert '<a href="?q=%D9%81%D9%8A%D8%B3%D8%A8%D9%88%D9%83" dir="auto">فيسبوك</a>' in html
    assert "هل تقصد" in html  # in the page's language
    _response, html = get(client, "ar", q=response.context["suggestion"])
    assert item.get_absolute_url() in html
    # The words kept stay as they were written (hamza and all).
    response, _html = get(client, "ar", q="أوقفوا فيسبك")
    assert response.context["suggestion"] == "أوقفوا فيسبوك"


def test_did_you_mean_an_english_word_keeps_the_section_and_the_other_words(client):
    make_training(title_en="Digital parenting e-course", title_ar="مساق الوالدية الرقمية", slug="parenting")
    response, html = get(client, "en", q="digital parentng", section="trainings")
    assert response.context["suggestion"] == "digital parenting"
    assert "Did you mean:" in html
    assert "?q=digital%20parenting&amp;section=trainings" in html


def test_no_suggestion_when_enough_items_match_or_the_words_are_known(client):
    for number in range(3):
        make_article(title_en=f"Facebook report {number}", title_ar=f"تقرير {number}")
    response, html = get(client, "en", q="facebook")
    assert response.context["suggestion"] == ""
    assert "Did you mean" not in html
    response, _html = get(client, "en", q="report facebook")  # known words: nothing to correct
    assert response.context["suggestion"] == ""
    response, _html = get(client, "en", q="zzzqqq")  # nothing close enough
    assert response.context["suggestion"] == ""


def test_drafts_and_scheduled_items_never_show_through_suggestions(client):
    make_article(title_en="Confidential whistleblower", slug="draft", status=Status.DRAFT)
    make_article(title_en="Upcoming announcement", publish_at=timezone.now() + datetime.timedelta(days=1))
    response, _html = get(client, "en", q="whistleblowr")
    assert response.context["suggestion"] == ""
    response, _html = get(client, "en", q="anouncement")
    assert response.context["suggestion"] == ""
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
        response, _html = get(client, "en", q="anouncement")
    assert response.context["suggestion"] == "announcement"


def test_a_page_with_few_results_costs_one_query_more_for_the_suggestion(client):
    make_article(title_en="Digital parenting", title_ar="الوالدية الرقمية")
    with CaptureQueriesContext(connection) as queries:
        response, _html = get(client, "en", q="parenting")
    # Synonym groups, ranking, known words close to the query's, the page's entries.
    assert response.context["result_count"] == 1
    assert len(queries) == 4
    with CaptureQueriesContext(connection) as queries:
        response, _html = get(client, "en", q="parentng")
    # Nothing matched: on PostgreSQL the misspelling fallback runs (and finds the item, then shown).
    assert len(queries) == (5 if connection.vendor == "postgresql" else 3)
    assert response.context["suggestion"] == "parenting"


def test_rebuilding_the_index_forgets_the_words_of_withdrawn_items(client):
    item = make_article(title_en="Whistleblower protection", slug="withdrawn")
    assert get(client, "en", q="whistleblowr")[0].context["suggestion"] == "Whistleblower"
    item.status = Status.DRAFT
    item.save()
    call_command("rebuild_search_index", "--clear", stdout=io.StringIO())
    assert get(client, "en", q="whistleblowr")[0].context["suggestion"] == ""
