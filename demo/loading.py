"""Writing the demo content of `demo.content` into the database.

`load_demo()` is idempotent: every record is keyed by its slug (or its natural
key) and written with `update_or_create` only when it differs from what the
database already holds, so a second run changes nothing and duplicates
nothing. Files (cover images drawn with Pillow, PDFs made with pypdf) are
generated once, when a record has none.
"""

import datetime
import hashlib
import io
import json
import math
import random
import secrets
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from reversion.models import Version

from campaigns.models import Campaign, CampaignUpdate, Organization, OrganizationRole, Submission
from content.models import Status, Topic
from content.sanitize import clean_html
from content.sections import SECTIONS
from demo import content
from demo.identity import load_identity
from demo.pages import load_pages
from editorial.roles import EDITORS
from enrolment.demo import DEMO_SLUGS as ENROLMENT_DEMO_SLUGS
from enrolment.demo import load_enrolment_demo
from publications.models import Article, Publication, PublicationFile, Series
from trainings.models import Event, Training

JERUSALEM = ZoneInfo("Asia/Jerusalem")
LANGUAGES = [code for code, _name in settings.LANGUAGES]
COVER_SIZE = (640, 360)
ANNOUNCE_AHEAD = datetime.timedelta(days=14)


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    files: int = 0
    accounts: list = field(default_factory=list)  # (role, username, password) of accounts made now

    def count(self, created, changed):
        if created:
            self.created += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def moment(parts):
    return datetime.datetime(*parts, tzinfo=JERUSALEM)


def morning(day):
    return datetime.datetime(day.year, day.month, day.day, 9, 0, tzinfo=JERUSALEM)


def translated(**fields):
    """title={"ar": …, "en": …, "he": …} → {"title_ar": …, "title_en": …, "title_he": …}."""
    columns = {}
    for name, values in fields.items():
        for language in LANGUAGES:
            columns[f"{name}_{language}"] = values.get(language, "")
    return columns


def _stored_form(name, value):
    # Bodies are sanitised on save; compare with what the database will hold.
    if name.startswith("body_") and value:
        return clean_html(value)
    return value


def _differs(obj, values):
    for name, value in values.items():
        if hasattr(value, "_meta"):  # a related record: compare keys, no query
            if getattr(obj, f"{name}_id") != value.pk:
                return True
        elif getattr(obj, name) != _stored_form(name, value):
            return True
    return False


def upsert(model, lookup, values, result, current=None):
    """`update_or_create`, skipped when the stored row (`current`, looked up if not given) already says the same."""
    if current is None:
        current = model.objects.filter(**lookup).first()
    if current is not None and not _differs(current, values):
        result.count(created=False, changed=False)
        return current
    obj, created = model.objects.update_or_create(**lookup, defaults=values)
    result.count(created=created, changed=True)
    return obj


def _seed(slug):
    return int.from_bytes(hashlib.sha256(slug.encode()).digest()[:8], "big")


def _file_missing(field_file):
    return not field_file or not field_file.storage.exists(field_file.name)


# ---------------------------------------------------------------------------
# Cover images: simple geometric art, one motif per section, no fonts needed
# ---------------------------------------------------------------------------

PALETTE = [
    ((27, 122, 76), content.T("خضراء", "green", "ירוק")),
    ((29, 59, 110), content.T("زرقاء داكنة", "dark blue", "כחול כהה")),
    ((196, 92, 22), content.T("برتقالية", "orange", "כתום")),
    ((91, 42, 134), content.T("بنفسجية", "purple", "סגול")),
    ((150, 28, 40), content.T("حمراء", "red", "אדום")),
    ((15, 110, 115), content.T("فيروزية", "teal", "טורקיז")),
]
LIGHT = (245, 240, 225)

MOTIFS = {
    "publications": content.T(
        "أشرطة أفقية كصفحات مكدّسة", "horizontal bars like stacked pages", "פסים אופקיים כמו דפים בערימה"
    ),
    "news": content.T("دوائر متحدة المركز", "concentric circles", "עיגולים קונצנטריים"),
    # Campaigns: one of `CAMPAIGN_MOTIFS`, chosen by the slug.
    "trainings": content.T("شبكة من النقاط", "a grid of dots", "רשת של נקודות"),
    "events": content.T("مثلثات متداخلة", "overlapping triangles", "משולשים חופפים"),
}


def _mix(colour, other, share):
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))


def _draw_bars(draw, rng, width, height, light, soft):
    top = height // 6
    for index in range(6):
        length = rng.randint(width // 3, width - width // 6)
        y = top + index * (height // 9)
        end = width - width // 12  # lines of text start on the right in Arabic
        draw.rectangle([end - length, y, end, y + height // 18], fill=light if index % 2 else soft)


def _draw_rings(draw, rng, width, height, light, soft):
    cx, cy = rng.randint(width // 3, 2 * width // 3), rng.randint(height // 3, 2 * height // 3)
    for index, radius in enumerate(range(40, width, 56)):
        draw.ellipse(
            [cx - radius, cy - radius, cx + radius, cy + radius], outline=light if index % 2 else soft, width=12
        )


def _draw_hashtag(draw, rng, width, height, light, soft):
    cx, cy, size = rng.randint(width // 3, 2 * width // 3), height // 2, height // 3
    slant = size // 4
    for dx in (-size // 2, size // 2):
        draw.line([cx + dx + slant, cy - size, cx + dx - slant, cy + size], fill=light, width=34)
    for dy in (-size // 3, size // 3):
        draw.line([cx - size, cy + dy, cx + size, cy + dy], fill=light, width=34)
    for _ in range(14):
        x, y = rng.randrange(width), rng.randrange(height)
        draw.ellipse([x - 7, y - 7, x + 7, y + 7], fill=soft)


def _draw_megaphone(draw, rng, width, height, light, soft):
    """Facing the way Arabic reads, its sound spreading ahead of it; placed, sized and tilted by the slug."""
    cx, cy = rng.randint(width // 2, 3 * width // 4), rng.randint(height // 3, 2 * height // 3)
    scale, tilt = rng.choice((0.8, 1.0, 1.15)), math.radians(rng.choice((-18, -8, 8, 18)))

    def place(points):
        return [
            (
                cx + scale * (x * math.cos(tilt) - y * math.sin(tilt)),
                cy + scale * (x * math.sin(tilt) + y * math.cos(tilt)),
            )
            for x, y in points
        ]

    draw.polygon(place([(40, 40), (70, 30), (70, 130), (40, 130)]), fill=soft)  # the handle, under the cone
    draw.polygon(place([(110, -40), (110, 40), (-60, 110), (-60, -110)]), fill=light)
    draw.polygon(place([(110, -28), (150, -28), (150, 28), (110, 28)]), fill=light)
    ((mouth_x, mouth_y),) = place([(-60, 0)])
    for index, radius in enumerate((90, 140, 190)):
        radius *= scale
        box = [mouth_x - radius, mouth_y - radius, mouth_x + radius, mouth_y + radius]
        start = 150 + math.degrees(tilt)
        draw.arc(box, start, start + 60, fill=light if index % 2 else soft, width=18)


def _draw_chevrons(draw, rng, width, height, light, soft):
    """Rows marching forward (leftwards, as Arabic reads): people moving together."""
    lead = (rng.randrange(5), rng.randrange(8))
    for row in range(5):
        for column in range(8):
            x, y = 40 + column * 80 + (40 if row % 2 else 0), 20 + row * 70
            fill = light if (row, column) == lead or (row + column) % 3 == 0 else soft
            draw.line([(x + 36, y), (x, y + 28), (x + 36, y + 56)], fill=fill, width=14, joint="curve")


def _draw_bubbles(draw, rng, width, height, light, soft):
    """Speech bubbles: many voices raised at once."""
    for index in range(6):
        w, h = rng.randint(150, 260), rng.randint(70, 120)
        x, y = rng.randint(10, width - w - 10), rng.randint(10, height - h - 40)
        fill = light if index % 2 else soft
        draw.rounded_rectangle([x, y, x + w, y + h], radius=28, fill=fill)
        tail = x + w - 50 if index % 3 else x + 30
        draw.polygon([(tail, y + h - 2), (tail + 26, y + h - 2), (tail + 6, y + h + 30)], fill=fill)


def _draw_dots(draw, rng, width, height, light, soft):
    for column in range(10):
        for row in range(6):
            x, y = 40 + column * 62, 35 + row * 58
            radius = 18 if rng.random() < 0.25 else 8
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=light if radius > 8 else soft)


def _draw_triangles(draw, rng, width, height, light, soft):
    for index in range(5):
        x = rng.randint(0, width - 160)
        base = rng.randint(140, 290)
        draw.polygon(
            [(x, height), (x + base, height), (x + base // 2, height - base)], fill=soft if index % 2 else light
        )


DRAWERS = {
    "publications": _draw_bars,
    "news": _draw_rings,
    "campaigns": None,  # one of `CAMPAIGN_MOTIFS`, by the slug
    "trainings": _draw_dots,
    "events": _draw_triangles,
}


# Campaigns stand side by side in their list: each takes its motif from its slug as well as its colour
# (two independent digits of the same seed), so they do not all look alike.
CAMPAIGN_MOTIFS = [
    (_draw_hashtag, content.T("علامة وسم كبيرة", "a large hashtag sign", "סימן סולמית גדול")),
    (_draw_megaphone, content.T("مكبّر صوت تنتشر منه الموجات", "a megaphone sending out waves", "מגפון שולח גלים")),
    (
        _draw_chevrons,
        content.T("صفوف من الأسهم تتقدّم معًا", "rows of arrows moving forward together", "שורות חצים שמתקדמות יחד"),
    ),
    (_draw_bubbles, content.T("فقاعات حوار متعدّدة", "many speech bubbles", "בועות דיבור רבות")),
]


def _colour(slug):
    return PALETTE[_seed(slug) % len(PALETTE)]


def _motif(section, slug):
    """The drawing function and its description for an item of the section."""
    if section == "campaigns":
        return CAMPAIGN_MOTIFS[_seed(slug) // len(PALETTE) % len(CAMPAIGN_MOTIFS)]
    return DRAWERS[section], MOTIFS[section]


def cover_jpeg(section, slug):
    """A cover drawn from the slug: the same slug always gives the same picture."""
    rng = random.Random(_seed(slug))  # noqa: S311 - decoration, not security
    background, _colour_name = _colour(slug)
    image = Image.new("RGB", COVER_SIZE, background)
    draw = ImageDraw.Draw(image)
    drawer, _description = _motif(section, slug)
    drawer(draw, rng, *COVER_SIZE, LIGHT, _mix(background, LIGHT, 0.45))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=78)
    return buffer.getvalue()


def cover_alt(section, slug):
    """What `cover_jpeg` draws, in each language."""
    _background, colour_name = _colour(slug)
    _drawer, motif = _motif(section, slug)
    return content.T(
        f"رسم هندسي: {motif['ar']} على خلفية {colour_name['ar']}",
        f"Geometric artwork: {motif['en']} on a {colour_name['en']} background",
        f"איור גאומטרי: {motif['he']} על רקע {colour_name['he']}",
    )


def existing_by_slug(model, items):
    """The rows already stored for these items, in one query."""
    return {obj.slug: obj for obj in model.objects.filter(slug__in=[data["slug"] for data in items])}


# ---------------------------------------------------------------------------
# PDFs
# ---------------------------------------------------------------------------


def pdf_bytes(title, pages):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)  # A4 in points
    writer.add_metadata({"/Title": title, "/Author": "Hamleh"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def attach_files(publication, data, result):
    for language in LANGUAGES:
        existing = PublicationFile.objects.filter(publication=publication, language=language).first()
        if existing is not None and not _file_missing(existing.file):
            continue
        pages = data["pages"] + (0 if language == "ar" else LANGUAGES.index(language) - 1)
        body = pdf_bytes(data["title"][language], max(pages, 1))
        item = existing or PublicationFile(publication=publication, language=language)
        item.file.save(f"{publication.slug}-{language}.pdf", ContentFile(body), save=False)
        item.size_bytes = len(body)
        item.page_count = len(PdfReader(io.BytesIO(body)).pages)
        item.save()
        result.files += 1


# ---------------------------------------------------------------------------
# Content
# ---------------------------------------------------------------------------


def _publishable_values(section, data, publish_at):
    alt = cover_alt(section, data["slug"])
    return {
        **translated(title=data["title"], summary=data["summary"], body=data.get("body", {}), cover_alt=alt),
        "status": data.get("status", Status.PUBLISHED),
        "publish_at": publish_at,
        "featured": data.get("featured", False),
    }


def _announced(data, natural):
    return moment(content.ANNOUNCED_ON) if data.get("announced") else natural


def _save_publishable(model, section, data, publish_at, extra, topics, result, existing):
    slug = data["slug"]
    values = {**_publishable_values(section, data, publish_at), **extra}
    current = existing.get(slug)
    redraw = current is not None and current.cover_alt_en != values["cover_alt_en"]  # the drawing has changed
    if current is None or redraw or _file_missing(current.cover_image):
        # Drawn once (again if its drawing changed); saved through the ImageField with the row.
        values["cover_image"] = ContentFile(cover_jpeg(section, slug), name=f"{slug}.jpg")
        result.files += 1
    item = upsert(model, {"slug": slug}, values, result, current)
    item.topics.set([topics[slug] for slug in data.get("topics", [])])
    return item


def load_topics(result):
    return {
        data["slug"]: upsert(
            Topic, {"slug": data["slug"]}, translated(name=data["name"], description=data["description"]), result
        )
        for data in content.TOPICS
    }


def load_organizations(result):
    series = {
        data["slug"]: upsert(
            Series, {"slug": data["slug"]}, translated(name=data["name"], description=data["description"]), result
        )
        for data in content.SERIES
    }
    organizations = {
        data["slug"]: upsert(
            Organization,
            {"slug": data["slug"]},
            {
                **translated(name=data["name"]),
                "kind": data["kind"],
                "website": data["website"],
                "order": data.get("order", 0),
            },
            result,
        )
        for data in content.ORGANIZATIONS
    }
    load_organization_roles(organizations, result)
    return series, organizations


def load_organization_roles(organizations, result):
    """Partners, funders and coalitions: the roles the content gives are added when missing (one query when
    none is)."""
    stored = set(OrganizationRole.objects.values_list("organization__slug", "role"))
    wanted = {(data["slug"], role) for data in content.ORGANIZATIONS for role in data.get("roles", [])}
    for slug, role in sorted(wanted - stored):
        OrganizationRole.objects.create(organization=organizations[slug], role=role)
        result.count(created=True, changed=True)
    result.unchanged += len(wanted & stored)


def load_submissions(organizations, campaigns, result):
    """Reports and statements submitted to international bodies, keyed by body, date and kind."""
    for data in content.SUBMISSIONS:
        upsert(
            Submission,
            {"recipient": organizations[data["recipient"]], "submitted_on": data["submitted_on"], "kind": data["kind"]},
            {
                **translated(title=data["title"]),
                "joint": data["joint"],
                "campaign": campaigns[data["campaign"]] if data["campaign"] else None,
                "status": Status.PUBLISHED,
            },
            result,
        )


def load_publications(topics, series, result):
    publications = {}
    existing = existing_by_slug(Publication, content.PUBLICATIONS)
    for data in content.PUBLICATIONS:
        extra = {
            "kind": data["kind"],
            "published_on": data["published_on"],
            "series": series[data["series"]] if data.get("series") else None,
            **translated(authors=content.AUTHORS, edition=data.get("edition", {})),
        }
        item = _save_publishable(
            Publication, "publications", data, morning(data["published_on"]), extra, topics, result, existing
        )
        attach_files(item, data, result)
        publications[data["slug"]] = item
    return publications


def load_campaigns(topics, organizations, publications, result):
    campaigns = {}
    existing = existing_by_slug(Campaign, content.CAMPAIGNS)
    for data in content.CAMPAIGNS:
        extra = {
            "scope": data["scope"],
            "start_date": data["start_date"],
            "end_date": data["end_date"],
            "hashtag": data["hashtag"],
            "cta_url": data["cta_url"],
            **translated(cta_label=data["cta_label"]),
        }
        publish_at = _announced(data, morning(data["start_date"]))
        campaign = _save_publishable(Campaign, "campaigns", data, publish_at, extra, topics, result, existing)
        campaign.targets.set([organizations[slug] for slug in data["targets"]])
        campaign.partners.set([organizations[slug] for slug in data["partners"]])
        campaign.related_publications.set([publications[slug] for slug in data["related_publications"]])
        for update in data["updates"]:
            upsert(
                CampaignUpdate,
                {"campaign": campaign, "date": update["date"]},
                {"kind": update["kind"], **translated(text=update["text"])},
                result,
            )
        campaigns[data["slug"]] = campaign
    return campaigns


def load_trainings(topics, result):
    trainings = {}
    existing = existing_by_slug(Training, content.TRAININGS)
    for data in content.TRAININGS:
        extra = {
            "format": data["format"],
            "audience": data["audience"],
            "mode": data["mode"],
            "start_date": data["start_date"],
            "end_date": data["end_date"],
            "participants_count": data["participants_count"],
            "registration_url": data.get("registration_url", ""),
            **translated(location=data["location"]),
        }
        publish_at = _announced(data, morning(data["start_date"]) - ANNOUNCE_AHEAD)
        trainings[data["slug"]] = _save_publishable(
            Training, "trainings", data, publish_at, extra, topics, result, existing
        )
    return trainings


def all_events():
    """The events of the content module, with the 2021 participations expanded."""
    yield from content.EVENTS
    for slug, kind, (month, day, hour), topic, title, summary in content.PARTICIPATIONS_2021:
        yield {
            "slug": slug,
            "kind": kind,
            "role": content.PARTICIPATED,
            "starts_at": (2021, month, day, hour, 0),
            "ends_at": (2021, month, day, hour + 1, 30),
            "is_online": True,
            "venue": content.ONLINE,
            "topics": [topic],
            "title": title,
            "summary": summary,
        }


def load_events(topics, result):
    events = {}
    every_event = list(all_events())
    existing = existing_by_slug(Event, every_event)
    for data in every_event:
        starts_at = moment(data["starts_at"])
        extra = {
            "kind": data["kind"],
            "role": data["role"],
            "edition": data.get("edition"),
            "starts_at": starts_at,
            "ends_at": moment(data["ends_at"]),
            "is_online": data["is_online"],
            "registration_url": data.get("registration_url", ""),
            "recording_url": data.get("recording_url", ""),
            **translated(venue=data["venue"], speakers=data.get("speakers", {})),
        }
        publish_at = _announced(data, starts_at - ANNOUNCE_AHEAD)
        events[data["slug"]] = _save_publishable(Event, "events", data, publish_at, extra, topics, result, existing)
    return events


def load_articles(topics, publications, campaigns, trainings, events, result):
    existing = existing_by_slug(Article, content.ARTICLES)
    for data in content.ARTICLES:
        item = _save_publishable(
            Article, "news", data, moment(data["publish_at"]), {"kind": data["kind"]}, topics, result, existing
        )
        item.related_publications.set([publications[slug] for slug in data.get("related_publications", [])])
        item.related_campaigns.set([campaigns[slug] for slug in data.get("related_campaigns", [])])
        item.related_trainings.set([trainings[slug] for slug in data.get("related_trainings", [])])
        item.related_events.set([events[slug] for slug in data.get("related_events", [])])


# ---------------------------------------------------------------------------
# Accounts
# ---------------------------------------------------------------------------


def _free_username(user_model, wanted):
    name, number = wanted, 1
    while user_model.objects.filter(username=name).exists():
        number += 1
        name = f"{wanted}{number}"
    return name


def ensure_accounts(result):
    """An administrator and an editor, each only when none exists; passwords are returned once."""
    user_model = get_user_model()
    if not user_model.objects.filter(is_superuser=True).exists():
        username, password = _free_username(user_model, "admin"), secrets.token_urlsafe(15)
        user_model.objects.create_superuser(username=username, email="admin@example.org", password=password)
        result.accounts.append(("administrator", username, password))
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    if not editors.user_set.exists():
        username, password = _free_username(user_model, "editor"), secrets.token_urlsafe(15)
        user = user_model.objects.create_user(
            username=username, email="editor@example.org", password=password, is_staff=True
        )
        user.groups.add(editors)
        result.accounts.append(("editor", username, password))


# The first revision's note, written as the admin writes its own ("Added."), so that the history
# shows it in each reader's language.
FIRST_REVISION_COMMENT = json.dumps([{"added": {}}])


def load_registrations(result):
    """The trainings open for registration and with attendance taken (`enrolment.demo`), with covers drawn
    like every other item's."""
    load_enrolment_demo()
    for training in Training.objects.filter(slug__in=ENROLMENT_DEMO_SLUGS):
        if _file_missing(training.cover_image):
            training.cover_image = ContentFile(cover_jpeg("trainings", training.slug), name=f"{training.slug}.jpg")
            for column, value in translated(cover_alt=cover_alt("trainings", training.slug)).items():
                setattr(training, column, value)
            training.save()
            result.files += 1


def record_first_revisions():
    """Give every demo item that has no history yet its first revision, as if saved in the admin."""
    for section in SECTIONS:
        if not reversion.is_registered(section.model):
            continue
        versioned = set(Version.objects.get_for_model(section.model).values_list("object_id", flat=True))
        for item in section.model.objects.exclude(pk__in=[int(pk) for pk in versioned if pk.isdigit()]):
            with reversion.create_revision():
                reversion.add_to_revision(item)
                reversion.set_comment(FIRST_REVISION_COMMENT)


@transaction.atomic
def load_demo(accounts=True):
    """Fill the site with the demo organisation; safe to run again."""
    result = LoadResult()
    load_identity(result)
    topics = load_topics(result)
    series, organizations = load_organizations(result)
    publications = load_publications(topics, series, result)
    campaigns = load_campaigns(topics, organizations, publications, result)
    load_submissions(organizations, campaigns, result)
    trainings = load_trainings(topics, result)
    events = load_events(topics, result)
    load_articles(topics, publications, campaigns, trainings, events, result)
    load_registrations(result)
    load_pages(result, upsert)
    record_first_revisions()
    if accounts:
        ensure_accounts(result)
    return result
