"""Staff: sign in to the admin in Arabic, schedule a publication with a cover and a PDF, watch it appear."""

import datetime

import feedparser
import pytest
import time_machine
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from publications.models import Publication
from tests.e2e.browser import DESKTOP, html_lang_dir, screenshot
from tests.e2e.files import pdf_file, png_cover

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-e2e-password-1"
TITLE_AR = "مؤشر الحقوق الرقمية المجدول"
TITLE_EN = "Scheduled digital rights index"
SLUG = "scheduled-digital-rights-index"


@pytest.fixture
def staff(site, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", PASSWORD)
    # The admin requires a second factor: the staff member has enrolled an authenticator app.
    user.totp_device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user


def current_totp_code(device):
    """The code the authenticator app shows now (RFC 6238, as django-otp checks it)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def sign_in(page, site):
    page.goto(f"{site}/admin/login/?next=/admin/")
    assert html_lang_dir(page) == ["ar", "rtl"]
    page.fill("#id_username", "staff")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_otp_token", current_totp_code(TOTPDevice.objects.get(user__username="staff")))
    page.click("#login-form [type=submit]")
    page.wait_for_url(f"{site}/admin/")
    assert html_lang_dir(page) == ["ar", "rtl"]


def fill(page, selector, value):
    """Fill an admin input, first opening the language tab it sits in (django-modeltranslation's tabs)."""
    panel = page.locator(selector).evaluate("input => input.closest('.ui-tabs-panel')?.id || ''")
    if panel:
        page.click(f"[role=tab][aria-controls='{panel}']")
    page.fill(selector, value)


def switch_language_tabs_by_keyboard(page):
    """The language tabs are real tabs: focus sits on the tab itself (no link nested inside it) and
    the keys move between languages."""
    tabs = page.locator("[role=tab][aria-controls='tab_id_title_ar']").locator("xpath=..")
    assert tabs.locator("[role=tab] a[href], [role=tab] [tabindex]:not([role=tab])").count() == 0
    tabs.locator("[role=tab][aria-selected=true]").focus()
    page.keyboard.press("End")  # jQuery UI opens the focused tab after a short delay
    expect(page.locator("#id_title_he")).to_be_visible()
    expect(page.locator("#id_title_ar")).to_be_hidden()
    page.keyboard.press("Home")
    expect(page.locator("#id_title_ar")).to_be_visible()


def in_feed(page, site, text):
    response = page.request.get(f"{site}/ar/feeds/publications.rss")
    assert response.ok
    assert response.headers["content-type"].startswith("application/rss+xml")
    return any(text in entry.title for entry in feedparser.parse(response.body()).entries)


def test_staff_schedules_a_publication_that_appears_on_time_and_can_be_edited(site, staff, new_page, watch):
    admin = new_page(locale="ar", viewport=DESKTOP)
    sign_in(admin, site)

    admin.goto(f"{site}/admin/publications/publication/add/")
    switch_language_tabs_by_keyboard(admin)
    publish_at = timezone.localtime() + datetime.timedelta(minutes=1)
    fill(admin, "#id_title_ar", TITLE_AR)
    fill(admin, "#id_title_en", TITLE_EN)
    fill(admin, "#id_summary_ar", "مؤشر يرصد انتهاكات الحقوق الرقمية الفلسطينية.")
    fill(admin, "#id_summary_en", "An index of violations of Palestinian digital rights.")
    admin.select_option("#id_status", "published")
    admin.fill("#id_publish_at_0", publish_at.strftime("%Y-%m-%d"))
    admin.fill("#id_publish_at_1", publish_at.strftime("%H:%M:%S"))
    admin.select_option("#id_kind", "index")
    admin.fill("#id_published_on", publish_at.strftime("%Y-%m-%d"))
    admin.set_input_files("#id_cover_image", png_cover())
    admin.click("#fieldset-0-2-heading")  # the cover fieldset starts folded
    fill(admin, "#id_cover_alt_ar", "غلاف المؤشر")
    fill(admin, "#id_cover_alt_en", "The index's cover")
    admin.click("#files-group .add-row a")
    admin.select_option("#id_files-0-language", "ar")
    admin.set_input_files("#id_files-0-file", pdf_file())
    screenshot(admin, "admin-publication-add-ar")
    admin.click("input[name=_save]")
    admin.wait_for_url(f"{site}/admin/publications/publication/")
    assert admin.locator(".messagelist .success").count() == 1, admin.locator(
        ".errornote, .errorlist"
    ).all_inner_texts()

    publication = Publication.objects.get(slug=SLUG)
    assert publication.title_en == TITLE_EN
    assert publication.cover_image
    assert publication.files.get().language == "ar"

    visitor = new_page(locale="ar")
    visitor.goto(f"{site}/ar/publications/")
    assert TITLE_AR not in visitor.locator("main").inner_text()
    assert not in_feed(visitor, site, TITLE_AR)
    watch.allowed_statuses[rf"/ar/publications/{SLUG}/$"] = 404  # expected: not public yet
    assert visitor.goto(f"{site}/ar/publications/{SLUG}/").status == 404

    with time_machine.travel(publish_at + datetime.timedelta(minutes=1), tick=True):
        visitor.goto(f"{site}/ar/publications/")
        visitor.get_by_role("link", name=TITLE_AR).first.click()
        visitor.wait_for_url(f"{site}/ar/publications/{SLUG}/")
        assert visitor.locator("h1").inner_text() == TITLE_AR
        assert visitor.locator("main img").first.evaluate("img => img.complete && img.naturalWidth > 0")
        assert in_feed(visitor, site, TITLE_AR)
        screenshot(visitor, "publication-scheduled-ar")

        admin.goto(f"{site}/admin/publications/publication/{publication.pk}/change/")
        fill(admin, "#id_title_en", "Digital rights index, second edition")
        admin.click("input[name=_save]")
        admin.wait_for_url(f"{site}/admin/publications/publication/")
        assert admin.locator(".messagelist .success").count() == 1

        visitor.goto(f"{site}/en/publications/{SLUG}/")
        assert visitor.locator("h1").inner_text() == "Digital rights index, second edition"
        assert html_lang_dir(visitor) == ["en", "ltr"]

    watch.assert_clean()
