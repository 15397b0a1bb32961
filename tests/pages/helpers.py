"""Builders for the organisation's pages in tests."""

import datetime
import itertools

from django.utils import timezone

from content.models import Status
from pages.models import MenuItem, Page, TeamMember

_counter = itertools.count(1)


def make_page(**fields):
    slug = fields.pop("slug", f"page-{next(_counter)}")
    fields.setdefault("title_ar", f"صفحة {slug}")
    fields.setdefault("status", Status.PUBLISHED)
    fields.setdefault("publish_at", timezone.now() - datetime.timedelta(hours=1))
    return Page.objects.create(slug=slug, **fields)


def make_member(**fields):
    fields.setdefault("name_ar", f"عضو {next(_counter)}")
    fields.setdefault("role_ar", "منسق")
    fields.setdefault("bio_ar", "نبذة قصيرة.")
    return TeamMember.objects.create(**fields)


def make_menu_item(page, location="header", language="ar", **fields):
    return MenuItem.objects.create(page=page, location=location, language=language, **fields)
