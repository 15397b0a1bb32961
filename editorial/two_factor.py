"""Self-service two-factor enrolment on top of django-otp's devices.

A staff member's second factor is one confirmed authenticator-app key (a TOTP
device) and one set of single-use recovery codes (a static device). Enrolling
creates an unconfirmed key first; only a correct code from the app confirms it,
and confirming replaces the previous key and codes in one transaction.
"""

import base64
import io
import json

import qrcode
import qrcode.image.svg
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.utils.translation import gettext_noop
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.staff_security import AUTHENTICATOR_DEVICE_NAME, RECOVERY_DEVICE_NAME

RECOVERY_CODE_COUNT = 10
PENDING_DEVICE_NAME = "authenticator app, not yet confirmed"
# In the admin log as Django writes its own changes ("Changed second factor."), so that each
# reader sees it in their own language.
RESET_LOG_MESSAGE = json.dumps([{"changed": {"fields": [gettext_noop("second factor")]}}])


def count_failed_sign_in(request, username):
    """Record a wrong code as django-axes records a wrong password (through Django's own signal), so both
    count toward the same lockout."""
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)


def has_second_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists() or (
        StaticDevice.objects.filter(user=user, confirmed=True, token_set__isnull=False).exists()
    )


def pending_device(user):
    """The key being set up: reused while the person scans it, so reloading the page keeps the same QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=PENDING_DEVICE_NAME).first()
    return device or TOTPDevice.objects.create(user=user, name=PENDING_DEVICE_NAME, confirmed=False)


def key_as_text(device):
    """The key as authenticator apps expect it typed: base32 in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


def qr_code_svg(device):
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def _replace_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def confirm_enrolment(device, token):
    """Confirm the pending key with a code from the app; returns the new recovery codes, or None if the code is wrong.

    On success the person's previous key and recovery codes stop working.
    """
    with transaction.atomic():
        if not device.verify_token(token):
            return None
        TOTPDevice.objects.filter(user=device.user_id).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.name = AUTHENTICATOR_DEVICE_NAME
        device.save(update_fields=["confirmed", "name"])
        return _replace_recovery_codes(device.user)


def new_recovery_codes(user):
    with transaction.atomic():
        return _replace_recovery_codes(user)


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def reset_second_factor(colleague, by):
    """Remove every device of `colleague` and record who did it in the admin's log."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=colleague).delete()
        StaticDevice.objects.filter(user=colleague).delete()
        LogEntry.objects.log_actions(
            user_id=by.pk,
            queryset=[colleague],
            action_flag=CHANGE,
            change_message=RESET_LOG_MESSAGE,
            single_object=True,
        )
