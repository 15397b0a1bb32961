"""In Arabic, on a phone: a visitor finds the contact page from the header, makes a mistake, then sends a
message that reaches staff by email. On a desktop in Hebrew: the organisation's pages link to each other."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.e2e.browser import horizontal_overflow, html_lang_dir, screenshot

pytestmark = pytest.mark.e2e

DESKTOP = {"width": 1280, "height": 900}


def test_a_visitor_writes_to_the_organisation_from_a_phone(site, new_page, watch):
    page = new_page(locale="ar")
    page.goto(f"{site}/ar/")
    page.locator(".page-menu-header").get_by_role("link", name="تواصلوا معنا").click()
    page.wait_for_url(f"{site}/ar/contact/")
    assert html_lang_dir(page) == ["ar", "rtl"]
    assert horizontal_overflow(page)["over"] <= 1, horizontal_overflow(page)

    page.locator("#id_name").fill("سامر")
    page.locator("#id_email").fill("samer@example")
    page.locator("#id_subject").fill("حساب محذوف")
    page.locator("#id_message").fill("حُذف حسابي على فيسبوك بعد منشور عن القدس، فكيف أعترض؟")
    page.locator(".contact-form button[type=submit]").click()
    expect(page.locator(".contact-form")).to_contain_text("name@example.org")
    assert not mail.outbox
    # What was typed is kept: only the address needs fixing.
    assert page.locator("#id_message").input_value().startswith("حُذف حسابي")

    page.locator("#id_email").fill("samer@example.org")
    page.locator(".contact-form button[type=submit]").click()
    expect(page.locator(".messages[role=status]")).to_be_visible()
    screenshot(page, "contact-sent-ar-390")
    (message,) = mail.outbox
    assert message.reply_to == ["samer@example.org"]
    assert "حُذف حسابي" in message.body
    watch.assert_clean()


def test_the_organisations_pages_link_to_each_other_on_a_desktop(site, new_page, watch):
    page = new_page(locale="he", viewport=DESKTOP)
    page.goto(f"{site}/he/about/")
    assert html_lang_dir(page) == ["he", "rtl"]
    aside = page.locator(".page-aside")
    expect(aside).to_be_visible()
    aside.get_by_role("link", name="הצוות שלנו").click()
    page.wait_for_url(f"{site}/he/team/")
    expect(page.locator(".team-list").first).to_be_visible()
    expect(page.locator(".page-aside [aria-current=page]")).to_have_text("הצוות שלנו")
    screenshot(page, "team-he-1280")
    watch.assert_clean()
