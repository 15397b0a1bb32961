"""schema.org JSON-LD for link previews and search engines.

Report for publications, NewsArticle for news, CreativeWork for campaigns, Event (with a
Place or a VirtualLocation), Course for trainings and Organization on the home page. The
data is written into a `<script type="application/ld+json">` block: a data
block the browser never runs, so the CSP allows it; `<`, `>` and `&` are
escaped the way Django's `json_script` does, so no text can close the element.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from identity.models import SiteIdentity
from syndication.common import TITLE_MAX_CHARS, clean_text, summary_text, text_language

CONTEXT = "https://schema.org"
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    """`<script type="application/ld+json">` holding `data`, escaped like `json_script`."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def organization(request, with_context=True, identity=None):
    """The organisation as staff describe it in the site identity (`identity.models`)."""
    identity = identity or SiteIdentity.current()
    data = {
        "@type": "Organization",
        "name": identity.name,
        "url": request.build_absolute_uri(reverse("website:home")),
        "logo": request.build_absolute_uri(identity.logo_url),
    }
    if identity.short_name and identity.short_name != identity.name:
        data["alternateName"] = identity.short_name
    if identity.tagline:
        data["description"] = identity.tagline
    if identity.email:
        data["email"] = identity.email
    if identity.phone:
        data["telephone"] = identity.phone
    if with_context:
        offices = [
            {"@type": "Place", "name": office.name, "address": clean_text(office.address, 300)}
            for office in identity.offices.all()
        ]
        if offices:
            data["location"] = offices
        links = [link.url for link in identity.social_links.all()]
        if links:
            data["sameAs"] = links
        if identity.press_email or identity.press_phone:
            press = {"@type": "ContactPoint", "contactType": "press"}
            if identity.press_email:
                press["email"] = identity.press_email
            if identity.press_phone:
                press["telephone"] = identity.press_phone
            data["contactPoint"] = [press]
        data = {"@context": CONTEXT, **data}
    return data


def _local_iso(moment):
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def _common(item, request, schema_type):
    url = request.build_absolute_uri(item.get_absolute_url())
    data = {
        "@context": CONTEXT,
        "@type": schema_type,
        "name": clean_text(item.title, TITLE_MAX_CHARS),
        "url": url,
        "inLanguage": text_language(item),
        "dateModified": _local_iso(item.updated_at),
    }
    description = summary_text(item, 500)
    if description:
        data["description"] = description
    if item.cover_image:
        data["image"] = request.build_absolute_uri(item.cover_image.url)
    topics = [clean_text(topic.name, 120) for topic in item.topics.all()]
    if topics:
        data["about"] = [{"@type": "Thing", "name": name} for name in topics]
        data["keywords"] = ", ".join(topics)
    return data


def _authors(item):
    names = [clean_text(name, 120) for name in (getattr(item, "authors", "") or "").replace("،", ",").split(",")]
    return [{"@type": "Person", "name": name} for name in names if name]


def publication_data(item, request):
    data = _common(item, request, "Report")
    data.update(
        {
            "headline": data["name"],
            "datePublished": item.published_on.isoformat(),
            "author": _authors(item) or [organization(request, with_context=False)],
            "publisher": organization(request, with_context=False),
        }
    )
    encodings = [
        {
            "@type": "MediaObject",
            "contentUrl": request.build_absolute_uri(edition.get_absolute_url()),
            "encodingFormat": "application/pdf",
            "inLanguage": edition.language,
        }
        for edition in item.files.all()
    ]
    if encodings:
        data["encoding"] = encodings
    return data


def article_data(item, request):
    data = _common(item, request, "NewsArticle")
    data.update(
        {
            "headline": data["name"],
            "datePublished": _local_iso(item.publish_at),
            "author": [organization(request, with_context=False)],
            "publisher": organization(request, with_context=False),
            "mainEntityOfPage": data["url"],
        }
    )
    return data


def event_data(item, request):
    data = _common(item, request, "Event")
    venue = clean_text(item.venue, 200)
    locations = []
    if venue:
        locations.append({"@type": "Place", "name": venue, "address": venue})
    if item.is_online:
        online_url = item.registration_url or item.recording_url or data["url"]
        locations.append({"@type": "VirtualLocation", "url": online_url})
    if item.is_online and venue:
        mode = "MixedEventAttendanceMode"
    elif item.is_online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    data.update(
        {
            "startDate": _local_iso(item.starts_at),
            "endDate": _local_iso(item.ends_at),
            "eventStatus": f"{CONTEXT}/EventScheduled",
            "eventAttendanceMode": f"{CONTEXT}/{mode}",
        }
    )
    if locations:
        data["location"] = locations if len(locations) > 1 else locations[0]
    if item.role == item.Role.ORGANISED:
        data["organizer"] = organization(request, with_context=False)
    return data


COURSE_MODES = {"online": "Online", "in_person": "Onsite", "hybrid": "Blended"}


def training_data(item, request):
    data = _common(item, request, "Course")
    instance = {
        "@type": "CourseInstance",
        "courseMode": COURSE_MODES.get(item.mode, "Onsite"),
        "startDate": item.start_date.isoformat(),
    }
    if item.end_date:
        instance["endDate"] = item.end_date.isoformat()
    location = clean_text(item.location, 200)
    if location:
        instance["location"] = {"@type": "Place", "name": location, "address": location}
    data.update(
        {
            "provider": organization(request, with_context=False),
            "audience": {"@type": "Audience", "audienceType": str(item.get_audience_display())},
            "hasCourseInstance": [instance],
        }
    )
    return data


def campaign_data(item, request):
    """A campaign as the work it is: a CreativeWork by the organisation, over the dates it runs (an ISO
    interval, open-ended while it goes on); schema.org has no type for an advocacy campaign."""
    data = _common(item, request, "CreativeWork")
    end = item.end_date.isoformat() if item.end_date else ".."
    data.update(
        {
            "headline": data["name"],
            "datePublished": _local_iso(item.publish_at),
            "temporalCoverage": f"{item.start_date.isoformat()}/{end}",
            "creator": organization(request, with_context=False),
            "publisher": organization(request, with_context=False),
            "mainEntityOfPage": data["url"],
        }
    )
    return data


BUILDERS = {
    "publications.Publication": publication_data,
    "publications.Article": article_data,
    "campaigns.Campaign": campaign_data,
    "trainings.Event": event_data,
    "trainings.Training": training_data,
}


def item_data(item, request):
    """The JSON-LD of a content item, or None for a type it has no builder for."""
    builder = BUILDERS.get(item._meta.label)
    return builder(item, request) if builder else None
