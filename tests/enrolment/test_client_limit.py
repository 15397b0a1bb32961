"""Behind the documented proxy the registration form's limit counts each visitor, not the proxy."""

import pytest
from django.test import RequestFactory

from enrolment import ratelimit

pytestmark = pytest.mark.django_db


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address)


def test_visitors_behind_the_proxy_are_counted_apart(settings, clock_mid_hour):
    settings.BEHIND_PROXY = True
    settings.PROXY_COUNT = 1
    for _attempt in range(ratelimit.PER_CLIENT):
        assert ratelimit.allow_client(request_from("203.0.113.7"))
    assert not ratelimit.allow_client(request_from("203.0.113.7"))
    assert ratelimit.allow_client(request_from("198.51.100.4"))
