"""Staff set up, replace and recover their second factor themselves; administrators reset a colleague's."""

import base64
import datetime

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import ADMINISTRATORS, EDITORS
from editorial.staff_security import enrol_two_factor
from tests.auth import login_verified

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-1"
NOW = datetime.datetime(2026, 3, 1, 10, 0, tzinfo=datetime.UTC)
SETUP_URL = "/admin/two-factor/setup/"


def code_of(device, at=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits) + at:06d}"[-6:]


def sign_in(client, username, token=""):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": PASSWORD, "otp_token": token, "next": "/admin/"},
        REMOTE_ADDR="203.0.113.5",
    )


@pytest.fixture
def newcomer(django_user_model):
    user = django_user_model.objects.create_user("huda", "huda@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def enrol_through_the_pages(client):
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user__username="huda", confirmed=False)
    response = client.post(SETUP_URL, {"token": code_of(device)})
    return device, response


def test_first_sign_in_leads_to_setup_then_recovery_codes_shown_once(client, newcomer):
    with time_machine.travel(NOW, tick=False):
        response = sign_in(client, "huda")
        assert response["Location"] == SETUP_URL
        assert client.get("/admin/").status_code == 302, "nothing else opens before the setup"
        page = client.get(SETUP_URL).content.decode()
        device = TOTPDevice.objects.get(user=newcomer, confirmed=False)
        assert 'class="hamleh-qr"' in page
        key = page.split('class="hamleh-key"')[1].split(">")[1].split("<")[0]
        assert key.replace(" ", "") == base64.b32encode(device.bin_key).decode().rstrip("=")

        _device, response = enrol_through_the_pages(client)
        assert response["Location"] == "/admin/two-factor/recovery-codes/"
        codes = list(StaticToken.objects.filter(device__user=newcomer).values_list("token", flat=True))
        assert len(codes) == 10
        shown = client.get("/admin/two-factor/recovery-codes/").content.decode()
        assert all(code in shown for code in codes)
        download = client.get("/admin/two-factor/recovery-codes/?download=1")
        assert download["Content-Disposition"] == 'attachment; filename="recovery-codes.txt"'
        assert all(code in download.content.decode() for code in codes)
        client.post("/admin/two-factor/recovery-codes/")
        assert client.get("/admin/two-factor/recovery-codes/")["Location"] == "/admin/two-factor/"
        assert client.get("/admin/").status_code == 200
        assert TOTPDevice.objects.get(user=newcomer).confirmed


def test_a_wrong_code_confirms_nothing_and_counts_toward_the_lockout(client, newcomer):
    from axes.models import AccessAttempt

    with time_machine.travel(NOW, tick=False):
        sign_in(client, "huda")
        client.get(SETUP_URL)
        device = TOTPDevice.objects.get(user=newcomer)
        response = client.post(SETUP_URL, {"token": code_of(device, at=1)})
        assert response.status_code == 200
        assert response.context["form"].errors["token"]
        assert not TOTPDevice.objects.get(pk=device.pk).confirmed
        assert AccessAttempt.objects.get().failures_since_start == 1


def test_once_enrolled_the_password_alone_no_longer_opens_the_setup(newcomer):
    enrol_two_factor(newcomer)
    client = Client()
    assert sign_in(client, "huda").status_code == 200
    client.force_login(newcomer)  # signed in without the second factor
    assert client.get(SETUP_URL)["Location"].startswith("/admin/login/")


def test_a_recovery_code_leads_to_replacing_the_phone(newcomer):
    old_device, codes = enrol_two_factor(newcomer)
    client = Client()
    with time_machine.travel(NOW, tick=False):
        response = sign_in(client, "huda", token=codes[0])
        assert response["Location"] == "/admin/"
        page = client.get(response["Location"]).content.decode()
        assert f'<a href="{SETUP_URL}">' in page, "the message links to setting up a new phone"
        new_device, response = enrol_through_the_pages(client)
        assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=newcomer)) == [new_device]
    assert not StaticToken.objects.filter(token__in=codes).exists(), "the old recovery codes stop working"


def test_new_recovery_codes_replace_the_old(client, newcomer):
    _device, codes = enrol_two_factor(newcomer)
    login_verified(client, newcomer)
    assert client.get("/admin/two-factor/recovery-codes/new/").status_code == 405
    client.post("/admin/two-factor/recovery-codes/new/")
    fresh = set(StaticToken.objects.filter(device__user=newcomer).values_list("token", flat=True))
    assert len(fresh) == 10
    assert not fresh & set(codes)


def test_an_administrator_resets_a_colleague_and_it_is_logged(client, newcomer, django_user_model):
    enrol_two_factor(newcomer)
    chief = django_user_model.objects.create_user("chief", "chief@example.org", PASSWORD, is_staff=True)
    chief.groups.add(Group.objects.get(name=ADMINISTRATORS))
    login_verified(client, chief)
    assert "huda" in client.get("/admin/two-factor/staff/").content.decode()
    response = client.post(f"/admin/two-factor/staff/{newcomer.pk}/reset/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    assert not StaticToken.objects.filter(device__user=newcomer).exists()
    entry = LogEntry.objects.get(object_id=str(newcomer.pk))
    assert entry.user == chief
    with translation.override("ar"):
        assert entry.get_change_message() == "تم تغيير العامل الثاني."
    # The colleague's next sign-in, with the password, leads to the setup.
    with time_machine.travel(NOW, tick=False):
        assert sign_in(Client(), "huda")["Location"] == SETUP_URL


def test_an_administrator_cannot_reset_a_superuser_and_an_editor_nobody(client, newcomer, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", PASSWORD)
    enrol_two_factor(boss)
    chief = django_user_model.objects.create_user("chief", "chief@example.org", PASSWORD, is_staff=True)
    chief.groups.add(Group.objects.get(name=ADMINISTRATORS))
    login_verified(client, chief)
    assert client.post(f"/admin/two-factor/staff/{boss.pk}/reset/").status_code == 403
    login_verified(client, newcomer)
    assert client.post(f"/admin/two-factor/staff/{boss.pk}/reset/").status_code == 403
    assert TOTPDevice.objects.filter(user=boss, confirmed=True).exists()
    assert not LogEntry.objects.exists()


def test_the_lost_phone_page_is_open_to_everyone(client):
    assert client.get("/admin/two-factor/lost-phone/").status_code == 200
