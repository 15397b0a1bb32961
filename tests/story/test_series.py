"""A series' archive page, its address beside the publications', and "other editions" on each edition."""

import datetime

import pytest
from django.urls import resolve, reverse
from django.utils import translation

from content.models import Status
from publications.models import Series
from tests.factories import make_publication

pytestmark = pytest.mark.django_db


def make_series(slug="hashtag-palestine", **fields):
    fields.setdefault("name_ar", "هاشتاغ فلسطين")
    fields.setdefault("name_en", "Hashtag Palestine")
    return Series.objects.create(slug=slug, **fields)


def editions(series, years):
    return [
        make_publication(
            slug=f"{series.slug}-{year}", series=series, published_on=datetime.date(year, 3, 8), edition_ar=str(year)
        )
        for year in years
    ]


def test_the_series_address_cannot_clash_with_a_publication():
    series_url = reverse("publications:series_detail", kwargs={"slug": "hashtag-palestine"})
    assert series_url == "/ar/publications/series/hashtag-palestine/"
    assert resolve(series_url).view_name == "publications:series_detail"
    # A publication may be called "series": its page and its downloads keep their own addresses.
    match = resolve("/ar/publications/series/")
    assert (match.view_name, match.kwargs) == ("publications:publication_detail", {"slug": "series"})
    match = resolve("/ar/publications/series/download/ar/")
    assert match.view_name == "publications:publication_download"
    # A series and a publication may share a slug.
    assert resolve("/ar/publications/hashtag-palestine/").view_name == "publications:publication_detail"


def test_a_publication_called_series_and_a_series_both_answer(client):
    series = make_series()
    editions(series, [2020])
    make_publication(slug="series", title_ar="منشور اسمه series")
    assert client.get("/ar/publications/series/").context["object"].slug == "series"
    assert client.get("/ar/publications/series/hashtag-palestine/").context["object"] == series


def test_the_series_page_lists_every_published_edition_newest_first(client):
    series = make_series(description_ar="تقريرنا السنوي.")
    old, newest, middle = editions(series, [2019, 2021, 2020])
    make_publication(series=series, status=Status.DRAFT, published_on=datetime.date(2022, 3, 1))
    make_publication(
        series=series,
        published_on=datetime.date(2023, 3, 1),
        publish_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=3),
    )
    make_publication(slug="not-in-the-series")

    response = client.get(series.get_absolute_url())
    assert response.status_code == 200
    assert response.context["editions"] == [newest, middle, old]
    html = response.content.decode()
    positions = [html.index(edition.get_absolute_url()) for edition in (newest, middle, old)]
    assert positions == sorted(positions)
    assert "not-in-the-series" not in html
    assert "تقريرنا السنوي." in html


@pytest.mark.parametrize(
    ("language", "name"), [("ar", "هاشتاغ فلسطين"), ("en", "Hashtag Palestine"), ("he", "האשטאג פלסטין")]
)
def test_the_series_name_is_translated(client, language, name):
    series = make_series(name_he="האשטאג פלסטין")
    editions(series, [2020])
    with translation.override(language):
        url = series.get_absolute_url()
    html = client.get(url).content.decode()
    assert f"<h1>{name}</h1>" in html


def test_an_english_page_shows_a_missing_name_in_arabic_with_its_direction(client):
    series = make_series(name_en="")
    editions(series, [2020])
    with translation.override("en"):
        html = client.get(series.get_absolute_url()).content.decode()
    assert '<h1 lang="ar" dir="rtl">هاشتاغ فلسطين</h1>' in html


def test_a_series_without_a_published_edition_has_no_page(client):
    series = make_series()
    make_publication(series=series, status=Status.DRAFT)
    assert client.get(series.get_absolute_url()).status_code == 404
    assert client.get(reverse("publications:series_detail", kwargs={"slug": "nothing"})).status_code == 404


def page_queries(client, url, django_assert_max_num_queries):
    client.get(url)  # what the layout remembers in the shared cache
    with django_assert_max_num_queries(12) as queries:
        response = client.get(url)
    return response, [query["sql"] for query in queries.captured_queries]


def test_the_series_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    counts = []
    for slug, count in (("small", 1), ("large", 8)):
        series = make_series(slug=slug)
        editions(series, range(2000, 2000 + count))
        response, sqls = page_queries(client, series.get_absolute_url(), django_assert_max_num_queries)
        assert len(response.context["editions"]) == count
        # The series, then its editions: the page's own queries, whatever the number of editions.
        assert len([sql for sql in sqls if "publications_" in sql]) == 2
        counts.append(len(sqls))
    assert counts[0] == counts[1]


def test_each_edition_shows_the_other_editions_and_links_to_the_series(client):
    series = make_series()
    old, newest, middle = editions(series, [2019, 2021, 2020])
    make_publication(series=series, status=Status.DRAFT, slug="draft-edition")
    html = client.get(middle.get_absolute_url()).content.decode()
    block = html[html.index('class="other-editions"') :]
    assert newest.get_absolute_url() in block and old.get_absolute_url() in block
    assert block.index(newest.get_absolute_url()) < block.index(old.get_absolute_url())
    assert f'href="{middle.get_absolute_url()}"' not in block
    assert "draft-edition" not in html
    assert f'<a href="{series.get_absolute_url()}">' in html  # the series fact and the "every edition" link


def test_a_publication_outside_a_series_has_no_other_editions(client):
    publication = make_publication()
    response = client.get(publication.get_absolute_url())
    assert response.context["other_editions"] == []
    assert 'class="other-editions"' not in response.content.decode()


def test_the_publication_page_queries_do_not_grow_with_the_editions(client, django_assert_max_num_queries):
    counts = []
    for slug, count in (("small", 2), ("large", 9)):
        series = make_series(slug=slug)
        first, *_others = editions(series, range(2000, 2000 + count))
        response, sqls = page_queries(client, first.get_absolute_url(), django_assert_max_num_queries)
        assert len(response.context["other_editions"]) == count - 1
        counts.append(len(sqls))
    assert counts[0] == counts[1]


def test_the_sitemap_lists_series_with_a_published_edition_only(client):
    published = make_series()
    editions(published, [2020])
    unpublished = make_series(slug="only-drafts", name_en="Only drafts")
    make_publication(series=unpublished, status=Status.DRAFT)
    sitemap = client.get("/sitemap.xml").content.decode()
    for language in ("ar", "en", "he"):
        assert f"http://testserver/{language}/publications/series/hashtag-palestine/</loc>" in sitemap
    assert "only-drafts" not in sitemap
