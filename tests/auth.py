"""Signing staff in for tests.

The admin requires a verified second factor (django-otp), so `force_login`
alone leaves a staff member outside it. `login_verified` signs the user in and
marks the session as verified by a TOTP device, exactly as a real login with a
correct code does.
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def login_verified(client, user):
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
