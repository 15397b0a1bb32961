"""iCalendar output, read back with the icalendar package."""

import datetime
import zoneinfo

import icalendar
import pytest
import time_machine
from django.utils import timezone, translation
from django.utils.translation import gettext

from content.models import Status
from tests.factories import make_event

pytestmark = pytest.mark.django_db

JERUSALEM = zoneinfo.ZoneInfo("Asia/Jerusalem")
NOW = datetime.datetime(2021, 5, 1, 12, 0, tzinfo=datetime.UTC)


def at(days, hour=10):
    return datetime.datetime(2021, 5, 1, hour, 0, tzinfo=JERUSALEM) + datetime.timedelta(days=days)


def get_calendar(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def traveller():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.mark.parametrize("language", ["ar", "en", "he"])
def test_events_calendar_lists_upcoming_and_recent_events_in_jerusalem_time(client, traveller, language):
    forum = make_event(
        slug="forum-5",
        title_ar="منتدى فلسطين للنشاط الرقمي",
        title_en="Palestine Digital Activism Forum",
        venue_ar="رام الله",
        starts_at=at(20),
        ends_at=at(20, hour=17),
    )
    rightscon = make_event(slug="rightscon", starts_at=at(-30), ends_at=at(-29), is_online=True)
    make_event(slug="long-ago", starts_at=at(-400), ends_at=at(-399))
    make_event(slug="draft", status=Status.DRAFT, starts_at=at(5), ends_at=at(5, hour=12))
    make_event(slug="scheduled", publish_at=NOW + datetime.timedelta(days=1), starts_at=at(6), ends_at=at(6, 12))

    _response, calendar = get_calendar(client, f"/{language}/events.ics")
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    events = calendar.walk("VEVENT")
    # Soonest first; the event of last year, the draft and the scheduled one are left out.
    assert [str(event["UID"]) for event in events] == [f"event-{rightscon.pk}@127.0.0.1", f"event-{forum.pk}@127.0.0.1"]
    urls = [str(event["URL"]) for event in events]
    assert urls == [f"http://testserver/{language}/events/rightscon/", f"http://testserver/{language}/events/forum-5/"]
    forum_event = events[1]
    start = forum_event.decoded("DTSTART")
    assert start == at(20)
    assert forum_event["DTSTART"].params["TZID"] == "Asia/Jerusalem"
    assert forum_event.decoded("DTEND") == at(20, hour=17)
    assert str(forum_event["LOCATION"]) == "رام الله"
    expected_title = "Palestine Digital Activism Forum" if language == "en" else "منتدى فلسطين للنشاط الرقمي"
    assert str(forum_event["SUMMARY"]) == expected_title
    assert forum_event.decoded("DTSTAMP").tzinfo is not None
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Asia/Jerusalem"
    with translation.override(language):
        assert events[0]["LOCATION"] == gettext("Online")


def test_event_uid_is_stable_across_an_edit_and_a_slug_change(client, traveller):
    event = make_event(slug="first", starts_at=at(3), ends_at=at(3, 12))
    _r, before = get_calendar(client, "/ar/events.ics")
    traveller.shift(datetime.timedelta(hours=1))
    event.slug = "renamed"
    event.title_ar = "عنوان جديد"
    event.save()
    _r, after = get_calendar(client, "/ar/events.ics")
    (old,) = before.walk("VEVENT")
    (new,) = after.walk("VEVENT")
    assert old["UID"] == new["UID"] == f"event-{event.pk}@127.0.0.1"
    assert str(new["URL"]).endswith("/ar/events/renamed/")
    assert new.decoded("LAST-MODIFIED") > old.decoded("LAST-MODIFIED")


def test_single_event_download_and_its_link_on_the_event_page(client, traveller):
    event = make_event(slug="study-day", title_ar="يوم دراسي", starts_at=at(2), ends_at=at(2, 15), is_online=True)
    page = client.get("/en/events/study-day/").content.decode()
    assert 'href="/en/events/study-day/calendar.ics"' in page
    response, calendar = get_calendar(client, "/en/events/study-day/calendar.ics")
    assert response["Content-Disposition"] == 'attachment; filename="study-day.ics"'
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["UID"] == f"event-{event.pk}@127.0.0.1"
    assert vevent.decoded("DTSTART") == at(2)
    assert calendar.walk("VTIMEZONE")


def test_unpublished_or_unknown_event_has_no_calendar(client, traveller):
    make_event(slug="secret", status=Status.DRAFT, starts_at=at(2), ends_at=at(2, 12))
    assert client.get("/ar/events/secret/calendar.ics").status_code == 404
    assert client.get("/ar/events/nothing-here/calendar.ics").status_code == 404


def test_calendar_survives_hostile_text(client, traveller):
    make_event(
        slug="hostile",
        title_ar="\x01عنوان; مع, فواصل\\ <script>x</script> 🙂\u202e",
        summary_ar="سطر\nسطر آخر\x07",
        venue_ar="قاعة\x0b",
        starts_at=at(1),
        ends_at=at(1, 12),
    )
    response, calendar = get_calendar(client, "/ar/events.ics")
    assert b"\x01" not in response.content and b"\x07" not in response.content
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "عنوان; مع, فواصل\\ <script>x</script> 🙂\u202e"
    assert str(vevent["LOCATION"]) == "قاعة"


def test_calendar_answers_conditional_requests(client, traveller):
    make_event(starts_at=at(1), ends_at=at(1, 12))
    first = client.get("/ar/events.ics")
    assert client.get("/ar/events.ics", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    traveller.shift(datetime.timedelta(minutes=2))
    make_event(starts_at=at(2), ends_at=at(2, 12))
    assert client.get("/ar/events.ics", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_calendar_runs_a_fixed_number_of_queries(client, traveller, django_assert_num_queries):
    def add(count):
        for _ in range(count):
            make_event(starts_at=at(1), ends_at=at(1, 12))

    add(1)
    # Freshness check (latest edit and latest publication, in one query), the events, their topics.
    with django_assert_num_queries(3):
        client.get("/ar/events.ics")
    add(10)
    with django_assert_num_queries(3):
        response = client.get("/ar/events.ics")
    assert len(icalendar.Calendar.from_ical(response.content).walk("VEVENT")) == 11
    assert timezone.now() == NOW
