"""iCalendar (RFC 5545) for events: the whole calendar of a language and one event to add.

Times are written in Asia/Jerusalem with its VTIMEZONE, so every calendar
program shows the event at the right hour wherever the reader lives. The UID of
an event is its primary key on our host: it never changes when the event is
edited or its slug is changed, so subscribed calendars update it in place.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from identity.models import SiteIdentity
from syndication.common import clean_text, conditional, content_state, summary_text, tag_authority
from trainings.models import Event

CALENDAR_TIME_ZONE = ZoneInfo(settings.TIME_ZONE)
RECENT_DAYS = 90
CALENDAR_LIMIT = 200
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(event):
    return f"event-{event.pk}@{tag_authority()}"


def calendar_events():
    """Upcoming events and those of the last few months, soonest first."""
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    return (
        Event.objects.published()
        .filter(ends_at__gte=since)
        .prefetch_related("topics")
        .order_by("starts_at", "pk")[:CALENDAR_LIMIT]
    )


def event_location(event):
    venue = clean_text(event.venue, 200)
    if event.is_online:
        online = _("Online")
        return f"{venue} · {online}" if venue else online
    return venue


def build_event(event, request):
    url = request.build_absolute_uri(event.get_absolute_url())
    description = summary_text(event, 2000)
    component = icalendar.Event.new(
        uid=event_uid(event),
        summary=clean_text(event.title, 300),
        start=timezone.localtime(event.starts_at, CALENDAR_TIME_ZONE),
        end=timezone.localtime(event.ends_at, CALENDAR_TIME_ZONE),
        stamp=max(event.updated_at, event.publish_at).astimezone(datetime.UTC),
        created=event.created_at.astimezone(datetime.UTC),
        last_modified=event.updated_at.astimezone(datetime.UTC),
        url=url,
        description=f"{description}\n\n{url}" if description else url,
        location=event_location(event) or None,
        categories=[clean_text(topic.name, 120) for topic in event.topics.all()],
    )
    component.add("status", "CONFIRMED")
    component.add("transp", "OPAQUE")
    return component


def build_calendar(events, request, name, uid, method=None):
    calendar = icalendar.Calendar.new(
        prodid=f"-//{tag_authority()}//Hamleh//{(get_language() or 'ar').upper()}",
        name=clean_text(name, 200),
        method=method,
        uid=f"{uid}@{tag_authority()}",
    )
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    first = timezone.localdate()
    for event in events:
        calendar.add_component(build_event(event, request))
        first = min(first, timezone.localdate(event.starts_at))
    # The time zone's rules from a year before the first event: enough, and short.
    calendar.add_missing_timezones(first_date=first - datetime.timedelta(days=366))
    return calendar


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def events_state(request):
    return content_state([Event.objects.all()])


def event_state(request, slug):
    return content_state([Event.objects.filter(slug=slug)])


class EventsCalendarView(View):
    """`/<lang>/events.ics`: a calendar partners subscribe to."""

    def get(self, request):
        name = f"{SiteIdentity.current().name} · {_('Events')}"
        calendar = build_calendar(calendar_events(), request, name, f"events-{get_language()}", method="PUBLISH")
        return calendar_response(calendar, "hamleh-events.ics")


class EventCalendarView(View):
    """`/<lang>/events/<slug>/calendar.ics`: one event, to add to a personal calendar."""

    def get(self, request, slug):
        event = get_object_or_404(Event.objects.published().prefetch_related("topics"), slug=slug)
        name = clean_text(event.title, 200)
        calendar = build_calendar([event], request, name, f"event-{event.pk}-{get_language()}", method="PUBLISH")
        response = calendar_response(calendar, f"{event.slug}.ics")
        response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
        return response


events_calendar = conditional(events_state)(EventsCalendarView.as_view())
event_calendar = conditional(event_state)(EventCalendarView.as_view())
