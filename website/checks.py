"""Deployment checks of our own, run by `manage.py check --deploy` next to Django's."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def secret_key_set(app_configs, **kwargs):
    if settings.SECRET_KEY_MISSING:
        return [Error(settings.SECRET_KEY_MISSING, id="hamleh.E002")]
    return []


ONE_YEAR = 365 * 24 * 60 * 60


@register(Tags.security, deploy=True)
def hsts_at_least_one_year(app_configs, **kwargs):
    if 0 < settings.SECURE_HSTS_SECONDS < ONE_YEAR:
        return [
            Warning(
                "SECURE_HSTS_SECONDS is shorter than one year.",
                hint="Leave DJANGO_HSTS_SECONDS unset (one year) once HTTPS works everywhere.",
                id="hamleh.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def two_factor_admin(app_configs, **kwargs):
    from django.contrib import admin
    from django_otp.admin import OTPAdminSite

    if not isinstance(admin.site, OTPAdminSite):
        return [Warning("The admin site does not require a second factor.", id="hamleh.W002")]
    return []
