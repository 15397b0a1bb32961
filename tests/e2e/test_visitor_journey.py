"""A visitor on a phone: Arabic home, language switch on a detail page, filters, pages, search, PDF, feed."""

import re

import feedparser
import pytest

from content.models import Status
from tests.e2e.browser import html_lang_dir, screenshot
from tests.factories import make_publication

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DETAIL = "/ar/publications/hashtag-palestine-2020/"


def test_home_in_arabic_and_a_detail_page_in_english_and_back(site, new_page, watch):
    page = new_page(locale="ar")
    page.goto(f"{site}/")
    page.wait_for_url(f"{site}/ar/")
    assert html_lang_dir(page) == ["ar", "rtl"]
    screenshot(page, "home-ar-390")

    page.locator("nav.sections a[href='/ar/publications/']").click()
    page.wait_for_url(f"{site}/ar/publications/")
    page.get_by_role("link", name="هاشتاغ فلسطين 2020").first.click()
    page.wait_for_url(f"{site}{DETAIL}")
    assert page.locator("h1").inner_text() == "هاشتاغ فلسطين 2020"

    page.locator("nav.languages a[hreflang=en]").click()
    page.wait_for_url(f"{site}/en/publications/hashtag-palestine-2020/")
    assert html_lang_dir(page) == ["en", "ltr"]
    assert page.locator("h1").inner_text() == "Hashtag Palestine 2020"
    screenshot(page, "publication-detail-en-390")

    page.locator("nav.languages a[hreflang=ar]").click()
    page.wait_for_url(f"{site}{DETAIL}")
    assert html_lang_dir(page) == ["ar", "rtl"]
    assert page.locator("h1").inner_text() == "هاشتاغ فلسطين 2020"
    watch.assert_clean()


def test_filter_and_paginate_a_list(site, new_page, watch):
    for number in range(14):
        make_publication(slug=f"extra-factsheet-{number}", title_ar=f"صحيفة وقائع {number}", kind="factsheet")
    make_publication(slug="draft-factsheet", title_ar="مسودة", kind="factsheet", status=Status.DRAFT)
    page = new_page(locale="ar")
    page.goto(f"{site}/ar/publications/")

    page.select_option("#id_kind", "index")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"/ar/publications/\?.*kind=index"))
    titles = page.locator(".cards h2, .cards h3").all_inner_texts()
    assert titles and all("مؤشر" in title for title in titles), titles

    page.select_option("#id_kind", "factsheet")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"kind=factsheet"))
    first_page = page.locator(".cards h2, .cards h3").all_inner_texts()
    assert len(first_page) == 12
    page.locator(".pagination a[rel=next]").click()
    page.wait_for_url(re.compile(r"kind=factsheet.*page=2|page=2.*kind=factsheet"))
    second_page = page.locator(".cards h2, .cards h3").all_inner_texts()
    assert len(first_page) + len(second_page) == 15  # 14 added, 1 from the demo; the draft stays out
    assert not set(first_page) & set(second_page)
    assert "مسودة" not in first_page + second_page
    screenshot(page, "publication-list-page-2-ar-390")
    watch.assert_clean()


def test_search_with_diacritics_download_a_pdf_and_follow_a_feed(site, new_page, watch):
    page = new_page(locale="ar")
    page.goto(f"{site}/ar/")
    page.fill("#site-search", "هَاشْتَاغ فِلَسْطِين")
    page.press("#site-search", "Enter")
    page.wait_for_url(re.compile(r"/ar/search/\?q="))
    results = page.locator(".search-result-title").all_inner_texts()
    assert "هاشتاغ فلسطين 2020" in results, results
    screenshot(page, "search-ar-390")

    page.get_by_role("link", name="هاشتاغ فلسطين 2020").click()
    page.wait_for_url(f"{site}{DETAIL}")
    with page.expect_download() as download_info:
        page.locator(".downloads a[hreflang=ar]").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    feed_link = page.locator(".feed-list a[type='application/rss+xml']").first
    href = feed_link.get_attribute("href")
    assert href.startswith("/ar/feeds/")
    response = page.request.get(f"{site}{href}")
    assert response.ok
    feed = feedparser.parse(response.body())
    assert feed.feed.language.startswith("ar")
    assert feed.entries
    watch.assert_clean()
