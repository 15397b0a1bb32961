"""Shared builders and helpers of the enrolment tests."""

import datetime
import re
from urllib.parse import urlsplit

from django.utils import timezone

from enrolment import services
from enrolment.models import Enrolment
from tests.factories import make_event, make_training

TODAY = datetime.date(2026, 3, 1)
NOW = timezone.make_aware(datetime.datetime(2026, 3, 1, 10, 0))


def open_training(capacity=None, waiting_list_size=None, **settings):
    training = make_training(
        start_date=TODAY + datetime.timedelta(days=20), end_date=TODAY + datetime.timedelta(days=21)
    )
    enrolment = Enrolment.objects.create(
        training=training, capacity=capacity, waiting_list_size=waiting_list_size, **settings
    )
    return enrolment


def open_event(**settings):
    starts = NOW + datetime.timedelta(days=10)
    event = make_event(starts_at=starts, ends_at=starts + datetime.timedelta(hours=3))
    return Enrolment.objects.create(event=event, **settings)


def register(enrolment, email, name="سلمى", language="ar", **answers):
    return services.request_registration(enrolment, email=email, name=name, language=language, **answers)


def registered(enrolment, email, **kwargs):
    """Asked and confirmed."""
    return services.confirm_registration(register(enrolment, email, **kwargs))


def link_in(message, purpose):
    """The path of the first confirm or cancel link in an email's text."""
    match = re.search(rf"https?://\S+/registration/{purpose}/\S+/", message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path
