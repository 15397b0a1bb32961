"""The emails of registration, each in the person's language, as plain text and HTML.

Every email carries the link that cancels the registration.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from enrolment.tokens import make_token
from identity.models import SiteIdentity


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def link(registration, purpose):
    return absolute(reverse(f"enrolment:{purpose}", kwargs={"token": make_token(registration, purpose)}))


def calendar_file(enrolment):
    """One VEVENT for the training (whole days) or the event (its hours), in the site's time zone."""
    activity = enrolment.activity
    entry = icalendar.Event()
    entry.add("uid", f"enrolment-{enrolment.pk}@{settings.SITE_URL.split('://')[-1]}")
    entry.add("dtstamp", timezone.now())
    entry.add("summary", activity.title)
    entry.add("url", absolute(activity.get_absolute_url()))
    if enrolment.training_id:
        entry.add("dtstart", activity.start_date)
        entry.add("dtend", (activity.end_date or activity.start_date) + datetime.timedelta(days=1))
        location = activity.location
    else:
        zone = ZoneInfo(settings.TIME_ZONE)
        entry.add("dtstart", timezone.localtime(activity.starts_at, zone))
        entry.add("dtend", timezone.localtime(activity.ends_at, zone))
        location = activity.venue or (_("Online") if activity.is_online else "")
    if location:
        entry.add("location", location)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Hamleh//Enrolment//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(entry)
    return calendar.to_ical()


def _message(registration, subject, paragraphs, *, action=None, with_calendar=False, connection=None):
    """`paragraphs` and `action` ((label, url) or None) are already translated by the caller."""
    context = {
        "language": registration.language,
        "name": registration.name,
        "paragraphs": paragraphs,
        "action": action,
        "activity_url": absolute(registration.enrolment.activity.get_absolute_url()),
        "activity_title": registration.enrolment.activity.title,
        "cancel_url": link(registration, "cancel"),
        "site_identity": SiteIdentity.current(),
        "home_url": absolute(reverse("website:home")),
    }
    text = render_to_string("enrolment/email/message.txt", context)
    html = render_to_string("enrolment/email/message.html", context)
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [registration.email], connection=connection
    )
    message.attach_alternative(html, "text/html")
    if with_calendar:
        message.attach("invite.ics", calendar_file(registration.enrolment), "text/calendar")
    return message


def confirm_request(registration):
    with translation.override(registration.language):
        title = registration.enrolment.activity.title
        hours = 48
        return _message(
            registration,
            _("Please confirm your registration: %(title)s") % {"title": title},
            [
                _("Someone, probably you, asked to register this address for “%(title)s”.") % {"title": title},
                _("Your registration counts only once you confirm it. The link works for %(hours)s hours.")
                % {"hours": hours},
                _("If you did not ask for this, ignore this email: the request will be deleted."),
            ],
            action=(_("Confirm my registration"), link(registration, "confirm")),
        )


def already_registered(registration):
    with translation.override(registration.language):
        title = registration.enrolment.activity.title
        return _message(
            registration,
            _("You are already registered: %(title)s") % {"title": title},
            [
                _("Someone, probably you, asked again to register this address for “%(title)s”.") % {"title": title},
                _("This address is already registered: nothing has changed."),
            ],
        )


def confirmed(registration, *, moved_up=False, connection=None):
    with translation.override(registration.language):
        title = registration.enrolment.activity.title
        first = (
            _("A place has become free: you have moved up from the waiting list to “%(title)s”.")
            if moved_up
            else _("Your registration for “%(title)s” is confirmed.")
        )
        return _message(
            registration,
            _("Your place is confirmed: %(title)s") % {"title": title},
            [
                first % {"title": title},
                _("The calendar file attached to this email adds it to your calendar."),
                _("If you cannot come, please cancel so that someone on the waiting list gets your place."),
            ],
            with_calendar=True,
            connection=connection,
        )


def waiting(registration, *, moved_back=False):
    with translation.override(registration.language):
        title = registration.enrolment.activity.title
        first = (
            _("Our team has moved your registration for “%(title)s” to the waiting list.")
            if moved_back
            else _("“%(title)s” is full, so you are on its waiting list.")
        )
        return _message(
            registration,
            _("You are on the waiting list: %(title)s") % {"title": title},
            [
                first % {"title": title},
                _("If a place becomes free, you move up automatically and we email you."),
            ],
        )


def staff_message(registration, message, connection=None):
    with translation.override(registration.language):
        return _message(
            registration,
            message.subject,
            [paragraph for paragraph in message.body.split("\n\n") if paragraph.strip()],
            connection=connection,
        )
