"""Staff sign-in: a second factor always, throttling that unlocks by itself, safe redirects, idle expiry."""

import datetime
from urllib.parse import urljoin, urlsplit

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import signing
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import EDITORS
from editorial.staff_security import KNOWN_BROWSER_COOKIE, KNOWN_BROWSER_SALT, enrol_two_factor
from tests.auth import login_verified

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"
PASSWORD = "a-long-test-password-1"
NOW = datetime.datetime(2026, 3, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("amal", "amal@example.org", PASSWORD)


@pytest.fixture
def enrolled(staff):
    device, codes = enrol_two_factor(staff)
    return staff, device, codes


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, username="amal", password=PASSWORD, token="", next_url=None, address="203.0.113.5"):
    url = LOGIN_URL + (f"?next={next_url}" if next_url else "")
    data = {"username": username, "password": password, "otp_token": token}
    if next_url:
        data["next"] = next_url
    return client.post(url, data, REMOTE_ADDR=address)


def test_anonymous_visitor_gets_the_login_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'name="otp_token"' in page.content.decode()


def test_password_alone_is_not_enough(client, enrolled):
    with time_machine.travel(NOW, tick=False):
        response = sign_in(client, token="")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_wrong_code_is_refused(client, enrolled):
    _staff, device, _codes = enrolled
    with time_machine.travel(NOW, tick=False):
        wrong = f"{(int(current_code(device)) + 1) % 1000000:06d}"
        response = sign_in(client, token=wrong)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_authenticator_code_signs_in(client, enrolled):
    _staff, device, _codes = enrolled
    with time_machine.travel(NOW, tick=False):
        response = sign_in(client, token=current_code(device))
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200


def test_recovery_code_signs_in_once(client, enrolled):
    _staff, _device, codes = enrolled
    response = sign_in(client, token=codes[0])
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    again = sign_in(Client(), token=codes[0])
    assert again.status_code == 200, "a recovery code works only once"


def test_staff_without_a_device_reach_only_the_setup_of_one(client, staff):
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    assert client.get(response["Location"])["Location"] == "/admin/two-factor/setup/"
    assert client.get("/admin/publications/publication/").status_code == 302


def failure_message(response):
    return [str(error) for error in response.context["form"].non_field_errors()]


def test_every_failed_combination_gets_the_same_message(client, enrolled, django_user_model):
    _staff, device, _codes = enrolled
    django_user_model.objects.create_user("plain", "p@example.org", PASSWORD)  # not staff
    with time_machine.travel(NOW, tick=False):
        wrong_code = f"{(int(current_code(device)) + 1) % 1000000:06d}"
        attempts = [
            sign_in(Client(), password="wrong-password", token=current_code(device)),
            sign_in(Client(), token=wrong_code),
            sign_in(Client(), token=""),
            sign_in(Client(), token="not-a-recovery-code"),
            sign_in(Client(), username="nobody", token=current_code(device)),
            sign_in(Client(), username="plain"),
        ]
    messages = {tuple(failure_message(response)) for response in attempts}
    assert len(messages) == 1, messages
    assert all(response.status_code == 200 for response in attempts)
    # The code field shows no error of its own that would set a right password apart.
    assert not any(response.context["form"].errors.get("otp_token") for response in attempts)


def test_wrong_codes_lock_like_wrong_passwords(client, enrolled):
    _staff, device, _codes = enrolled
    with time_machine.travel(NOW, tick=False):
        wrong_code = f"{(int(current_code(device)) + 1) % 1000000:06d}"
        for _ in range(4):
            assert sign_in(client, token=wrong_code).status_code == 200
        assert sign_in(client, token=wrong_code).status_code == 429
        assert sign_in(client, token=current_code(device)).status_code == 429


def test_a_rejected_next_leads_to_the_admin(client, enrolled):
    _staff, device, _codes = enrolled
    with time_machine.travel(NOW, tick=False):
        response = sign_in(client, token=current_code(device), next_url="https://evil.example/")
        assert response["Location"] == "/admin/"
        assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "///evil.example/",
        "http:evil.example",
        "https:/evil.example",
        "\\\\evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "https://testserver.evil.example/",
        "%2F%2Fevil.example",
    ],
)
def test_next_never_leaves_the_site(client, enrolled, target):
    _staff, device, _codes = enrolled
    with time_machine.travel(NOW, tick=False):
        response = sign_in(client, token=current_code(device), next_url=target)
    assert response.status_code == 302
    # Where a browser would go: resolved against the login page, backslashes read as slashes.
    landing = urlsplit(urljoin("https://testserver/admin/login/", response["Location"].replace("\\", "/")))
    assert landing.scheme == "https"
    assert landing.netloc == "testserver"


def test_next_inside_the_site_is_followed(client, enrolled):
    _staff, device, _codes = enrolled
    with time_machine.travel(NOW, tick=False):
        response = sign_in(client, token=current_code(device), next_url="/admin/publications/publication/")
    assert response["Location"] == "/admin/publications/publication/"


def known_browser_client(username="amal"):
    browser = Client()
    browser.cookies[KNOWN_BROWSER_COOKIE] = signing.dumps(username, salt=KNOWN_BROWSER_SALT)
    return browser


def test_five_failures_lock_the_username_and_address_for_fifteen_minutes(client, enrolled):
    _staff, device, _codes = enrolled
    with time_machine.travel(NOW, tick=False) as traveller:
        for _ in range(4):
            assert sign_in(client, password="wrong-password").status_code == 200
        locked = sign_in(client, password="wrong-password")
        assert locked.status_code == 429
        assert "15" in locked.content.decode()
        # Even the right password and code are refused while locked.
        assert sign_in(client, token=current_code(device)).status_code == 429
        # Another address, or another username from this address, is not locked (a browser that has not
        # been signed in as this person before is: tests/security/test_login_throttling.py).
        assert sign_in(known_browser_client(), token=current_code(device), address="198.51.100.7").status_code == 302
        assert sign_in(Client(), username="someone-else", password="x").status_code == 200

        traveller.shift(datetime.timedelta(minutes=14))
        assert sign_in(Client(), token=current_code(device)).status_code == 429
        traveller.shift(datetime.timedelta(minutes=2))
        assert sign_in(Client(), token=current_code(device)).status_code == 302, "unlocked by itself"


def test_lockout_keeps_no_password_or_code(client, enrolled):
    from axes.models import AccessAttempt

    for _ in range(2):
        sign_in(client, password="wrong-password-secret", token="123456")
    stored = " ".join(f"{attempt.post_data} {attempt.get_data}" for attempt in AccessAttempt.objects.all())
    assert AccessAttempt.objects.exists()
    assert "wrong-password-secret" not in stored
    assert "123456" not in stored


def test_session_ends_on_logout(client, enrolled):
    _staff, device, _codes = enrolled
    with time_machine.travel(NOW, tick=False):
        sign_in(client, token=current_code(device))
        old_key = client.session.session_key
        client.post("/admin/logout/")
        assert client.get("/admin/").status_code == 302
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=old_key).exists()


def test_session_expires_when_idle_but_not_while_used(client, enrolled, settings):
    _staff, device, _codes = enrolled
    idle = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    with time_machine.travel(NOW, tick=False) as traveller:
        sign_in(client, token=current_code(device))
        for _ in range(3):  # in use: each request pushes the expiry on
            traveller.shift(idle - datetime.timedelta(minutes=5))
            assert client.get("/admin/").status_code == 200
        traveller.shift(idle + datetime.timedelta(minutes=1))
        assert client.get("/admin/").status_code == 302


def test_editor_cannot_reach_user_management(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    login_verified(client, editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/publications/publication/").status_code == 200
    user_pages = (
        "/admin/auth/user/",
        "/admin/auth/user/add/",
        "/admin/auth/group/",
        f"/admin/auth/user/{editor.pk}/change/",
    )
    for url in user_pages:
        assert client.get(url).status_code == 403, url
    assert client.get("/admin/axes/accessattempt/").status_code == 403
    assert client.get("/admin/two-factor/staff/").status_code == 403


def test_enrol_command_prints_the_key_and_recovery_codes(enrolled, staff, capsys):
    TOTPDevice.objects.filter(user=staff).delete()
    StaticDevice.objects.filter(user=staff).delete()
    call_command("totp_enrol", "amal", "--recovery-codes", "5", "--no-qr")
    output = capsys.readouterr().out
    device = TOTPDevice.objects.get(user=staff)
    assert device.config_url in output
    assert "otpauth://totp/Hamleh%3Aamal" in output
    codes = [token.token for token in StaticDevice.objects.get(user=staff).token_set.all()]
    assert len(codes) == 5
    assert all(code in output for code in codes)


def test_enrol_command_refuses_to_replace_silently(enrolled):
    _staff, device, _codes = enrolled
    with pytest.raises(CommandError, match="already enrolled"):
        call_command("totp_enrol", "amal", "--no-qr")
    assert TOTPDevice.objects.get(pk=device.pk)
    call_command("totp_enrol", "amal", "--replace", "--no-qr")
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()


@pytest.mark.parametrize("username", ["nobody", "visitor"])
def test_enrol_command_refuses_unknown_or_non_staff_users(django_user_model, username):
    django_user_model.objects.create_user("visitor", "v@example.org", PASSWORD)
    with pytest.raises(CommandError):
        call_command("totp_enrol", username, "--no-qr")
    assert not TOTPDevice.objects.exists()


def test_client_login_still_works_for_tests_and_leaves_the_admin_closed(client, staff):
    """Sign-ins without a request (shell, tests) are not throttled, but give no admin access alone."""
    assert client.login(username="amal", password=PASSWORD)
    assert client.get("/admin/").status_code == 302
    login_verified(client, staff)
    assert client.get("/admin/").status_code == 200
