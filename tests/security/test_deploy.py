"""Production settings pass Django's deployment checks with nothing silenced (on SQLite, only the note that
the covering indexes are built without their PostgreSQL-only INCLUDE column)."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection

PRODUCTION = {
    "DEBUG": False,
    "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-0123456789-abcdefghijk",
    "ALLOWED_HOSTS": ["example.org"],
    "SECURE_SSL_REDIRECT": True,
}


@pytest.fixture
def production(settings):
    for name, value in PRODUCTION.items():
        setattr(settings, name, value)
    return settings


def test_production_settings_pass_the_deployment_check(production):
    silenced = list(production.SILENCED_SYSTEM_CHECKS)
    assert silenced == (["models.W040"] if connection.vendor == "sqlite" else [])
    assert production.SECURE_HSTS_SECONDS >= 365 * 24 * 60 * 60
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE and production.LANGUAGE_COOKIE_SECURE
    call_command("check", deploy=True, fail_level="WARNING")


def test_a_short_hsts_fails_the_deployment_check(production):
    production.SECURE_HSTS_SECONDS = 3600
    with pytest.raises(SystemCheckError, match="hamleh.W001"):
        call_command("check", deploy=True, fail_level="WARNING")


def test_the_admin_requires_a_second_factor():
    from django.contrib import admin
    from django_otp.admin import OTPAdminSite

    assert isinstance(admin.site, OTPAdminSite)
    assert admin.site.name == "admin"


def test_behind_the_proxy_the_address_is_the_one_the_proxy_saw(settings, rf):
    from editorial.staff_security import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5")
    settings.BEHIND_PROXY = False
    assert client_ip(request) == "10.0.0.1", "without a proxy the header is the client's to forge"
    settings.BEHIND_PROXY = True
    assert client_ip(request) == "203.0.113.5", "the entry the proxy appended, not the forged one"


def test_unknown_host_headers_are_refused(client):
    assert client.get("/ar/", HTTP_HOST="evil.example").status_code == 400
