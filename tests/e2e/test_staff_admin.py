"""The admin in Arabic, as staff live in it: first sign-in and enrolment, a recovery code, an administrator's
reset, an item with only an Arabic title, the English body left-to-right, the dashboard, and no English left
on the Arabic pages. Screenshots at 390 and 1280 px in artifacts/screenshots/."""

import base64
import datetime
import re
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from editorial.roles import ADMINISTRATORS, AUTHORS, role_permission_codenames
from editorial.staff_security import enrol_two_factor
from publications.models import Publication
from tests.e2e.browser import DESKTOP, PHONE, horizontal_overflow, html_lang_dir, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-e2e-password-1"
ARABIC_ONLY_TITLE = "تقرير عن الرقابة على المحتوى الفلسطيني"
ENGLISH_BODY = "Platforms remove Palestinian content at scale."

# Latin-script words an Arabic admin page may show: names of brands and formats, and language codes.
LATIN_ALLOWED = {
    "Aegis", "FreeOTP", "Google", "Authenticator", "QR", "RSS", "PDF", "CSV", "URL", "JPEG", "PNG", "WebP",
    "IP", "GET", "POST", "Accept", "sha256", "English", "ar", "en", "he", "AR", "EN", "HE",
}  # fmt: skip

LATIN_WORDS = """() => {
  const words = [];
  // Not the interface: text marked as in another language, usernames, uploaded files' names,
  // keys and codes, and the editor's icons (ligatures of an icon font).
  const skip = 'script, style, [lang]:not([lang^="ar"]), [translate="no"], #user-tools strong, '
    + 'code, .file-upload a, [class*="material"]';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (!element || element.closest(skip) || !element.getClientRects().length) continue;
    words.push(...(walker.currentNode.textContent.match(/[A-Za-z][A-Za-z'’-]*/g) || []));
  }
  for (const element of document.querySelectorAll('[title], [aria-label], [placeholder], input[type=submit]')) {
    if (element.closest(skip)) continue;
    for (const value of [element.title, element.getAttribute('aria-label'), element.placeholder,
                         element.type === 'submit' ? element.value : '']) {
      words.push(...((value || '').match(/[A-Za-z][A-Za-z'’-]*/g) || []));
    }
  }
  return words;
}"""


def code_for(device):
    """The code the authenticator app shows now (RFC 6238, as django-otp checks it)."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def shoot(page, name):
    """A screenshot at the size the page has, and one at the other size, then back."""
    width = page.viewport_size["width"]
    screenshot(page, f"{name}-{width}")
    page.set_viewport_size(DESKTOP if width == PHONE["width"] else PHONE)
    screenshot(page, f"{name}-{page.viewport_size['width']}")
    assert horizontal_overflow(page)["over"] <= 1, horizontal_overflow(page)
    page.set_viewport_size(PHONE if width == PHONE["width"] else DESKTOP)


def sign_in(page, site, username, code=""):
    page.goto(f"{site}/admin/login/?next=/admin/")
    assert html_lang_dir(page) == ["ar", "rtl"]
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.fill("#id_otp_token", code)
    page.click("#login-form input[type=submit]")


def role_group(role):
    """The live server's database is emptied between tests, the role groups with it: made again here."""
    group, _created = Group.objects.get_or_create(name=role)
    group.permissions.set(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in role_permission_codenames(role)
    )
    return group


def staff_member(django_user_model, username, role):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD, is_staff=True)
    user.groups.add(role_group(role))
    return user


def test_new_staff_member_enrols_then_signs_in_with_a_code_and_with_a_recovery_code(
    site, django_user_model, new_page, watch
):
    staff_member(django_user_model, "huda", AUTHORS)
    page = new_page(locale="ar", viewport=PHONE)
    page.goto(f"{site}/admin/login/")
    expect(page.locator("#hamleh-admin-language")).to_have_value("ar")
    shoot(page, "admin-login-ar")

    sign_in(page, site, "huda")
    page.wait_for_url(f"{site}/admin/two-factor/setup/")
    expect(page.locator(".hamleh-qr svg")).to_be_visible()
    shoot(page, "admin-two-factor-setup-ar")
    key = page.locator(".hamleh-key").inner_text().replace(" ", "")
    device = TOTPDevice.objects.get(user__username="huda", confirmed=False)
    assert key == base64.b32encode(device.bin_key).decode().rstrip("=")
    page.fill("#id_token", code_for(device))
    page.click(".hamleh-setup-steps input[type=submit]")
    page.wait_for_url(f"{site}/admin/two-factor/recovery-codes/")
    codes = page.locator(".hamleh-recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    with page.expect_download() as download:
        page.click("a[download]")
    assert codes[0] in Path(download.value.path()).read_text(encoding="utf-8")
    shoot(page, "admin-recovery-codes-ar")
    page.click(".hamleh-two-factor input[type=submit]")
    page.wait_for_url(f"{site}/admin/")
    page.click("#logout-form button, #logout-form input[type=submit]")

    # A code from the app, half a minute later (a code counts once).
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=40), tick=True):
        sign_in(page, site, "huda", code_for(device))
        page.wait_for_url(f"{site}/admin/")
        page.click("#logout-form button, #logout-form input[type=submit]")

        # The phone is lost: a recovery code, then a new phone.
        sign_in(page, site, "huda", codes[3])
        page.wait_for_url(f"{site}/admin/")
        expect(page.locator(".messagelist .warning")).to_contain_text("9")
        shoot(page, "admin-two-factor-recovered-ar")
        page.click(".messagelist .warning a[href='/admin/two-factor/setup/']")
        page.wait_for_url(f"{site}/admin/two-factor/setup/")
        new_device = TOTPDevice.objects.get(user__username="huda", confirmed=False)
        page.fill("#id_token", code_for(new_device))
        page.click(".hamleh-setup-steps input[type=submit]")
        page.wait_for_url(f"{site}/admin/two-factor/recovery-codes/")
    assert list(TOTPDevice.objects.filter(user__username="huda")) == [new_device]
    assert not StaticToken.objects.filter(token__in=codes).exists()
    watch.assert_clean()


def test_an_administrator_resets_a_colleague_who_then_enrols_again(site, django_user_model, new_page, watch):
    chief = staff_member(django_user_model, "chief", ADMINISTRATORS)
    chief_device, _codes = enrol_two_factor(chief)
    colleague = staff_member(django_user_model, "huda", AUTHORS)
    enrol_two_factor(colleague)

    page = new_page(locale="ar", viewport=DESKTOP)
    sign_in(page, site, "chief", code_for(chief_device))
    page.wait_for_url(f"{site}/admin/")
    page.click("#user-tools a[href='/admin/two-factor/']")
    page.click("a[href='/admin/two-factor/staff/']")
    shoot(page, "admin-two-factor-staff-ar")
    page.click(f"form[action='/admin/two-factor/staff/{colleague.pk}/reset/'] button")
    expect(page.locator(".messagelist .success")).to_contain_text("huda")
    assert not TOTPDevice.objects.filter(user=colleague).exists()

    other = new_page(locale="ar", viewport=PHONE)
    sign_in(other, site, "huda")
    other.wait_for_url(f"{site}/admin/two-factor/setup/")
    watch.assert_clean()


def test_an_author_saves_an_item_with_only_an_arabic_title_and_an_english_body_written_left_to_right(
    site, django_user_model, new_page, watch
):
    author = staff_member(django_user_model, "huda", AUTHORS)
    device, _codes = enrol_two_factor(author)
    page = new_page(locale="ar", viewport=PHONE)
    sign_in(page, site, "huda", code_for(device))
    page.wait_for_url(f"{site}/admin/")

    page.goto(f"{site}/admin/publications/publication/add/")
    page.fill("#id_title_ar", ARABIC_ONLY_TITLE)
    page.select_option("#id_kind", "report")
    page.fill("#id_published_on", "2026-12-01")
    english_tab = page.locator("[role=tab][aria-controls='tab_id_body_en']")
    english_tab.click()
    editor = page.locator("#tab_id_body_en [contenteditable=true]")
    expect(editor).to_have_attribute("dir", "ltr")
    assert editor.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert editor.evaluate("element => element.getBoundingClientRect().height") >= 300
    editor.click()
    page.keyboard.type(ENGLISH_BODY)
    menu = page.locator("#tab_id_body_en .prose-editor").inner_text()
    assert "Paragraph" not in menu
    shoot(page, "admin-publication-arabic-title-ar")
    page.click("input[name=_save]")
    expect(page.locator(".errorlist")).to_have_count(0)
    page.wait_for_url(f"{site}/admin/publications/publication/")
    expect(page.locator(".messagelist .success")).to_have_count(1)

    item = Publication.objects.get(title_ar=ARABIC_ONLY_TITLE)
    assert re.fullmatch(r"[a-z0-9-]+", item.slug) and item.slug.startswith("tqryr")
    assert ENGLISH_BODY in item.body_en
    shoot(page, "admin-publication-list-ar")

    # The same title again: a clear message and a free slug to use.
    page.goto(f"{site}/admin/publications/publication/add/")
    page.fill("#id_title_ar", ARABIC_ONLY_TITLE)
    page.select_option("#id_kind", "report")
    page.fill("#id_published_on", "2026-12-01")
    page.click("input[name=_save]")
    expect(page.locator(".field-slug .errorlist")).to_contain_text(f"{item.slug}-2")
    assert Publication.objects.filter(title_ar=ARABIC_ONLY_TITLE).count() == 1
    watch.assert_clean()


def test_the_dashboard_shows_what_goes_public_next_and_a_missing_translation(site, django_user_model, new_page, watch):
    editor = django_user_model.objects.create_superuser("amal", "amal@example.org", PASSWORD)
    device, _codes = enrol_two_factor(editor)
    scheduled = Publication.objects.filter(status="published").first()
    scheduled.publish_at = timezone.now() + datetime.timedelta(days=2)
    scheduled.title_en = ""
    scheduled.save()

    page = new_page(locale="ar", viewport=DESKTOP)
    sign_in(page, site, "amal", code_for(device))
    page.wait_for_url(f"{site}/admin/")
    upcoming = page.locator("[aria-labelledby=dashboard-upcoming]")
    expect(upcoming).to_contain_text(scheduled.title_ar)
    expect(upcoming).to_contain_text("القدس")
    translations = page.locator("[aria-labelledby=dashboard-translations]")
    expect(translations.get_by_role("link", name=scheduled.title_ar)).to_be_visible()
    expect(translations).to_contain_text("ناقصة")
    shoot(page, "admin-dashboard-ar")
    watch.assert_clean()


ARABIC_ADMIN_PAGES = [
    "/admin/",
    "/admin/two-factor/",
    "/admin/two-factor/staff/",
    "/admin/workflow/translations/",
    "/admin/workflow/schedule/",
    "/admin/publications/publication/",
    "/admin/publications/publication/add/",
    "/admin/publications/publication/{pk}/change/",
    "/admin/publications/publication/{pk}/history/",
    "/admin/publications/publication/recover/",
    "/admin/campaigns/campaign/",
    "/admin/trainings/event/",
    "/admin/content/topic/add/",
    "/admin/axes/accessattempt/",
]


def test_arabic_admin_pages_show_no_english(site, django_user_model, new_page, watch):
    superuser = django_user_model.objects.create_superuser("amal", "amal@example.org", PASSWORD)
    device, _codes = enrol_two_factor(superuser)
    item = Publication.objects.first()
    page = new_page(locale="ar", viewport=DESKTOP)
    sign_in(page, site, "amal", code_for(device))
    page.wait_for_url(f"{site}/admin/")
    english = {}
    for url in ARABIC_ADMIN_PAGES:
        page.goto(site + url.format(pk=item.pk))
        assert html_lang_dir(page) == ["ar", "rtl"]
        words = set(page.evaluate(LATIN_WORDS)) - LATIN_ALLOWED
        if words:
            english[url] = sorted(words)
    # The item's first revision (the demo records it), then the pages of a signed-out visitor.
    page.goto(f"{site}/admin/publications/publication/{item.pk}/history/")
    with page.expect_navigation():
        page.locator("#change-history a").first.click()
    english_on_revision = set(page.evaluate(LATIN_WORDS)) - LATIN_ALLOWED
    if english_on_revision:
        english["a revision"] = sorted(english_on_revision)
    page.click("#logout-form button, #logout-form input[type=submit]")
    for url in ("/admin/login/", "/admin/two-factor/lost-phone/"):
        page.goto(site + url)
        words = set(page.evaluate(LATIN_WORDS)) - LATIN_ALLOWED
        if words:
            english[url] = sorted(words)
    assert not english, "\n".join(f"{url}: {' '.join(words)}" for url, words in english.items())
    watch.assert_clean()
