"""The shared protections of the public forms: the client's address, the rate limit, the honeypot."""

import time_machine
from django import forms
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import RequestFactory

from safeguards.client import client_ip
from safeguards.forms import HoneypotMixin
from safeguards.ratelimit import RateLimit


def request_from(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().post("/", REMOTE_ADDR=remote, **extra)


def test_without_a_proxy_a_forged_header_changes_nothing(settings):
    settings.BEHIND_PROXY = False
    assert client_ip(request_from("192.0.2.1", "203.0.113.9")) == "192.0.2.1"


def test_behind_the_proxy_the_address_it_wrote_counts(settings):
    settings.BEHIND_PROXY = True
    settings.PROXY_COUNT = 2
    # The client forged the first entry; the outermost proxy wrote the second, nginx appended the third.
    assert client_ip(request_from("10.0.0.2", "6.6.6.6, 203.0.113.5, 10.0.0.9")) == "203.0.113.5"


def test_the_limit_counts_each_client_apart_and_forged_headers_do_not_escape_it(settings, clock_mid_hour):
    settings.BEHIND_PROXY = False
    limit = RateLimit("tests.client", limit=2)
    assert limit.hit(request_from("192.0.2.1", "1.1.1.1"))
    assert limit.hit(request_from("192.0.2.1", "2.2.2.2"))
    assert not limit.hit(request_from("192.0.2.1", "3.3.3.3"))
    assert limit.hit(request_from("192.0.2.2"))


def test_scopes_count_apart_and_values_too(clock_mid_hour):
    first, second = RateLimit("tests.one", 1), RateLimit("tests.two", 1)
    assert first.hit_value("a@example.org") and not first.hit_value("a@example.org")
    assert second.hit_value("a@example.org")
    assert first.hit_value("b@example.org")


def test_the_window_passes():
    limit = RateLimit("tests.window", 1, period=60)
    with time_machine.travel("2021-07-27 10:00Z", tick=False) as traveller:
        assert limit.hit_value("x") and not limit.hit_value("x")
        traveller.shift(61)
        assert limit.hit_value("x")


def test_keys_hold_neither_address_nor_value(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    RateLimit("tests.keys", 5).hit(request_from("203.0.113.77"))
    RateLimit("tests.keys", 5).hit_value("reader@example.org")
    keys = list(cache._cache)  # locmem internals: the stored keys
    assert len(keys) == 2
    assert not any("203.0.113.77" in key or "reader@example.org" in key for key in keys)


class ContactForm(HoneypotMixin):
    message = forms.CharField()


def test_the_honeypot_is_a_field_of_the_form_hidden_from_people():
    form = ContactForm()
    assert "website" in form.fields and not form.fields["website"].required
    html = render_to_string("safeguards/honeypot.html", {"form": form})
    assert 'aria-hidden="true"' in html and 'class="form-trap"' in html and 'tabindex="-1"' in html
    assert ContactForm.is_trapped({"website": "http://spam.example", "message": "hi"})
    assert not ContactForm.is_trapped({"website": "", "message": "hi"})
    assert ContactForm({"message": "hi"}).is_valid()
