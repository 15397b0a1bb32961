"""Throttling of staff sign-in, whatever the form: by username and address, by username from anywhere,
never a lasting lockout of the person at their own browser, and the address behind proxies.

Attempts go through `authenticate()`, where django-axes checks and counts them, so these hold for any
sign-in form that calls it."""

import datetime

import pytest
import time_machine
from django.contrib.auth import authenticate
from django.core import signing

from editorial.staff_security import KNOWN_BROWSER_COOKIE, KNOWN_BROWSER_SALT, client_ip
from tests.auth import login_verified

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-1"
NOW = datetime.datetime(2026, 3, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("amal", "amal@example.org", PASSWORD, is_staff=True)


@pytest.fixture
def attempt(rf):
    def attempt(password, address, *, username="amal", cookies=None):
        request = rf.post("/admin/login/", {"username": username}, REMOTE_ADDR=address)
        request.COOKIES.update(cookies or {})
        user = authenticate(request, username=username, password=password)
        return user, getattr(request, "axes_locked_out", False)

    return attempt


def known_browser(username="amal"):
    return {KNOWN_BROWSER_COOKIE: signing.dumps(username, salt=KNOWN_BROWSER_SALT)}


def fail_from_five_addresses(attempt):
    for number in range(5):
        user, _locked = attempt("wrong-password", f"198.51.100.{number}")
        assert user is None


def test_failures_from_many_addresses_lock_the_username(staff, attempt):
    with time_machine.travel(NOW, tick=False):
        fail_from_five_addresses(attempt)
        user, locked = attempt(PASSWORD, "203.0.113.77")
    assert user is None and locked, "a sixth address, even with the right password, is refused"


def test_another_username_is_not_locked_by_them(staff, attempt, django_user_model):
    django_user_model.objects.create_user("hiba", "hiba@example.org", PASSWORD, is_staff=True)
    with time_machine.travel(NOW, tick=False):
        fail_from_five_addresses(attempt)
        user, locked = attempt(PASSWORD, "203.0.113.77", username="hiba")
    assert user is not None and not locked


def test_the_person_at_a_browser_they_signed_in_from_is_not_locked_out(staff, attempt):
    with time_machine.travel(NOW, tick=False):
        fail_from_five_addresses(attempt)
        user, locked = attempt(PASSWORD, "203.0.113.77", cookies=known_browser())
    assert user == staff and not locked


def test_a_cookie_for_another_person_or_forged_does_not_exempt(staff, attempt):
    forged = {KNOWN_BROWSER_COOKIE: signing.dumps("amal", salt="another-purpose")}
    with time_machine.travel(NOW, tick=False):
        fail_from_five_addresses(attempt)
        for cookies in (known_browser("hiba"), forged):
            user, locked = attempt(PASSWORD, "203.0.113.77", cookies=cookies)
            assert user is None and locked


def test_a_known_browser_is_still_locked_by_its_own_failures(staff, attempt):
    with time_machine.travel(NOW, tick=False):
        for _ in range(5):
            attempt("wrong-password", "203.0.113.5", cookies=known_browser())
        user, locked = attempt(PASSWORD, "203.0.113.5", cookies=known_browser())
    assert user is None and locked


def test_the_username_lock_ends_after_fifteen_minutes(staff, attempt):
    with time_machine.travel(NOW, tick=False) as traveller:
        fail_from_five_addresses(attempt)
        traveller.shift(datetime.timedelta(minutes=14))
        assert attempt(PASSWORD, "203.0.113.77")[0] is None
        traveller.shift(datetime.timedelta(minutes=2))
        assert attempt(PASSWORD, "203.0.113.77")[0] == staff


def test_signing_in_with_the_second_factor_marks_the_browser(client, staff):
    assert KNOWN_BROWSER_COOKIE not in client.get("/admin/").cookies
    login_verified(client, staff)
    response = client.get("/admin/")
    cookie = response.cookies[KNOWN_BROWSER_COOKIE]
    assert signing.loads(cookie.value, salt=KNOWN_BROWSER_SALT) == "amal"
    assert cookie["httponly"]
    client.cookies[KNOWN_BROWSER_COOKIE] = cookie.value
    assert KNOWN_BROWSER_COOKIE not in client.get("/admin/").cookies, "set once, not on every page"


def test_a_password_alone_does_not_mark_the_browser(client, staff):
    client.force_login(staff)
    assert KNOWN_BROWSER_COOKIE not in client.get("/admin/").cookies


@pytest.mark.parametrize(
    ("proxies", "header", "expected"),
    [
        # The proxy replaced whatever the client sent with the address it saw.
        (1, "203.0.113.5", "203.0.113.5"),
        # A CDN in front of nginx: the CDN wrote the client's address, nginx appended the CDN's.
        (2, "203.0.113.5, 192.0.2.10", "203.0.113.5"),
        # A client's own header left of what the outermost proxy wrote is never taken.
        (2, "10.9.9.9, 203.0.113.5, 192.0.2.10", "203.0.113.5"),
    ],
)
def test_behind_proxies_the_address_is_the_one_the_outermost_proxy_wrote(settings, rf, proxies, header, expected):
    settings.BEHIND_PROXY = True
    settings.PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=header)
    assert client_ip(request) == expected
