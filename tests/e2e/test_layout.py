"""Every main page on a 390 px phone, in Arabic and English: right direction, no sideways scroll, no errors."""

import pytest

from tests.e2e.browser import DESKTOP, PHONE, horizontal_overflow, html_lang_dir, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MAIN_PAGES = {
    "home": "",
    "publications": "publications/",
    "publication": "publications/hashtag-palestine-2020/",
    "news": "news/",
    "campaigns": "campaigns/",
    "campaign": "campaigns/stop-silencing-palestine/",
    "trainings": "trainings/",
    "events": "events/",
    "topic": "topics/digital-rights/",
    "search": "search/?q=فلسطين",
    "impact": "impact/?from=2021-01-01&to=2021-06-30",
    "newsletter": "newsletter/",
    "privacy": "privacy/",
}
DIRECTIONS = {"ar": "rtl", "en": "ltr", "he": "rtl"}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_main_pages_fit_a_phone_in_the_right_direction(site, new_page, watch, language):
    page = new_page(locale=language, viewport=PHONE)
    for name, path in MAIN_PAGES.items():
        response = page.goto(f"{site}/{language}/{path}")
        assert response.status == 200, (name, response.status)
        assert html_lang_dir(page) == [language, DIRECTIONS[language]], name
        assert horizontal_overflow(page) == {"over": 0, "culprits": []}, name
        screenshot(page, f"{name}-{language}-390")
    watch.assert_clean()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_home_on_a_desktop(site, new_page, watch, language):
    page = new_page(locale=language, viewport=DESKTOP)
    page.goto(f"{site}/{language}/")
    assert html_lang_dir(page) == [language, DIRECTIONS[language]]
    assert horizontal_overflow(page)["over"] == 0
    screenshot(page, f"home-{language}-1280")
    watch.assert_clean()
