"""In Arabic, on a phone: a visitor registers for a workshop and confirms from the email; a staff
member marks attendance on the day."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from enrolment.demo import UPCOMING_SLUG, load_enrolment_demo
from enrolment.models import Enrolment, Registration
from tests.e2e.browser import horizontal_overflow, html_lang_dir, screenshot

pytestmark = pytest.mark.e2e

PASSWORD = "a-long-e2e-password-1"


@pytest.fixture
def demo_enrolment(site):
    load_enrolment_demo()
    return Enrolment.objects.select_related("training").get(training__slug=UPCOMING_SLUG)


def assert_fits_the_phone(page):
    assert html_lang_dir(page) == ["ar", "rtl"]
    assert horizontal_overflow(page)["over"] <= 1, horizontal_overflow(page)


def test_a_visitor_registers_on_a_phone_and_confirms_from_the_email(site, demo_enrolment, new_page, watch):
    page = new_page(locale="ar")
    page.goto(f"{site}/ar/trainings/{UPCOMING_SLUG}/register/")
    assert_fits_the_phone(page)
    page.locator("#id_name").fill("ليلى منصور")
    page.locator("#id_email").fill("laila@example.org")
    page.locator("#id_city").fill("شفاعمرو")
    page.locator("#id_age_group").select_option("6_12")
    screenshot(page, "enrolment-register-ar-390")
    page.locator(".enrolment-form button[type=submit]").click()
    page.wait_for_url(f"{site}/ar/registration/sent/")
    assert_fits_the_phone(page)

    (message,) = mail.outbox
    assert message.to == ["laila@example.org"]
    confirm_link = re.search(r"https?://\S+/registration/confirm/\S+/", message.body).group(0)
    path = confirm_link.split("://", 1)[1].split("/", 1)[1]
    page.goto(f"{site}/{path}")
    assert_fits_the_phone(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[role=status]")).to_be_visible()
    assert_fits_the_phone(page)
    screenshot(page, "enrolment-confirmed-ar-390")

    registration = Registration.objects.get(email="laila@example.org")
    assert registration.status == Registration.Status.CONFIRMED
    assert mail.outbox[-1].attachments
    watch.assert_clean()


def test_a_staff_member_marks_attendance_on_a_phone(site, demo_enrolment, django_user_model, new_page, watch):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", PASSWORD)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    page = new_page(locale="ar")
    page.goto(f"{site}/admin/login/?next=/admin/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_otp_token", f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}")
    page.click("#login-form input[type=submit]")
    page.wait_for_url(f"{site}/admin/")

    page.goto(site + reverse("admin:enrolment_enrolment_attendance", args=[demo_enrolment.pk]))
    assert_fits_the_phone(page)
    people = page.locator(".attendance-list label")
    expect(people).to_have_count(3)
    people.nth(0).click()
    people.nth(2).click()
    screenshot(page, "enrolment-attendance-ar-390")
    page.locator(".attendance-save input[type=submit]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    assert_fits_the_phone(page)

    demo_enrolment.refresh_from_db()
    assert demo_enrolment.attended_count == 2
    assert demo_enrolment.registrations.filter(attended=True).count() == 2
    watch.assert_clean()
