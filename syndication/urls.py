"""Feeds and calendars, under the language prefix: `/<lang>/feeds/…`, `/<lang>/events.ics`."""

from django.urls import path

from syndication import calendars
from syndication.feeds import AtomContentFeed, ContentFeed, JSONContentFeed, feed_view

app_name = "feeds"

urlpatterns = [
    path("feeds/topics/<slug:slug>.rss", feed_view(ContentFeed), name="topic_rss"),
    path("feeds/topics/<slug:slug>.atom", feed_view(AtomContentFeed), name="topic_atom"),
    path("feeds/topics/<slug:slug>.json", feed_view(JSONContentFeed), name="topic_json"),
    path("feeds/<str:section>.rss", feed_view(ContentFeed), name="section_rss"),
    path("feeds/<str:section>.atom", feed_view(AtomContentFeed), name="section_atom"),
    path("feeds/<str:section>.json", feed_view(JSONContentFeed), name="section_json"),
    path("events.ics", calendars.events_calendar, name="events_calendar"),
    path("events/<slug:slug>/calendar.ics", calendars.event_calendar, name="event_calendar"),
]
