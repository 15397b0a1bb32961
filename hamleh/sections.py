"""The five public sections in one place: home, topic hubs, feeds and search all walk this list."""

import functools
import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Sum
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hamleh.cache import remember_for_content
from hamleh.models import Status
from hamleh.prepared import PreparedQueries, PreparedQuery

# What Django's `slug` path converter accepts: such a slug goes into an address as it is.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SLUG_STAND_IN = "--slug--"


# Bounded: the script prefix comes with the request.
@functools.lru_cache(maxsize=256)
def around_slug(url_name, urlconf, language, script_prefix):
    """The address of `url_name` before and after its slug, reversed once per URLconf, language and prefix."""
    address = reverse(url_name, urlconf=urlconf, kwargs={"slug": SLUG_STAND_IN})
    head, _slug, tail = address.rpartition(SLUG_STAND_IN)
    return head, tail


@dataclass(frozen=True)
class Section:
    name: str  # the URL segment: /<lang>/<name>/
    model_label: str
    title: object
    list_url_name: str
    detail_url_name: str
    home_count: int = 3

    @cached_property
    def model(self):
        return apps.get_model(self.model_label)

    def detail_url(self, slug):
        """An item's address from its slug alone (search results have no model instance at hand).

        Lists, feeds and the activity report ask for dozens of addresses per page, and reversing the
        pattern costs 15 µs each time: what is around the slug is reversed once per language and the
        slug put in (6 µs). A slug the converter would refuse goes through `reverse`, which refuses it.
        """
        if not SLUG.fullmatch(slug):
            return reverse(self.detail_url_name, kwargs={"slug": slug})
        urlconf = get_urlconf() or settings.ROOT_URLCONF
        head, tail = around_slug(self.detail_url_name, urlconf, get_language(), get_script_prefix())
        return f"{head}{slug}{tail}"

    def latest_queryset(self):
        return self.model.objects.published().for_cards()

    @cached_property
    def latest_keys_query(self):
        """The keys (id, version) of the section's `home_count` latest items, in the section's own order."""
        return PreparedQuery(
            self.model,
            lambda now: self.model.objects.published(now).values_list("pk", "version_token")[: self.home_count],
        )


SECTIONS = [
    Section(
        "publications",
        "publications.Publication",
        _("Publications"),
        "publications:publication_list",
        "publications:publication_detail",
    ),
    Section("news", "publications.Article", _("News"), "publications:article_list", "publications:article_detail"),
    Section("campaigns", "campaigns.Campaign", _("Campaigns"), "campaigns:campaign_list", "campaigns:campaign_detail"),
    Section("trainings", "trainings.Training", _("Trainings"), "trainings:training_list", "trainings:training_detail"),
    Section("events", "trainings.Event", _("Events"), "trainings:event_list", "trainings:event_detail"),
]
SECTIONS_BY_NAME = {section.name: section for section in SECTIONS}


def latest_keys():
    """The home page's latest items, as card keys: section by section, each in its own order."""
    return [
        (section.name, pk, version)
        for section, rows in zip(SECTIONS, _latest_keys_queries().rows(), strict=True)
        for pk, version in rows
    ]


@functools.cache
def _latest_keys_queries():
    return PreparedQueries(section.latest_keys_query for section in SECTIONS)


def featured_sections():
    """The sections with a published item marked featured, due or still scheduled.

    The home page asks only these for their featured items: most sections have none most of the time,
    and each asking is a query. The answer changes only when content is saved, so it is kept under the
    content version; whether an item is due yet is still checked on every page.
    """
    names = remember_for_content("featured-sections", _featured_section_names, timeout=None)
    return [section for section in SECTIONS if section.name in names]


def _featured_section_names():
    published = {"status": Status.PUBLISHED, "featured": True}
    return [section.name for section in SECTIONS if section.model.objects.filter(**published).exists()]


# Upcoming events and ongoing campaigns also change with the clock: a figure is at most this old.
HOME_FIGURES_SECONDS = 60


def home_figures(today):
    """The organisation's figures on the home page, computed from published records.

    Counting ongoing campaigns reads every one of them, so the figures are kept in the shared cache.
    """
    return remember_for_content(f"home-figures:{today.isoformat()}", lambda: _home_figures(today), HOME_FIGURES_SECONDS)


def _home_figures(today):
    Publication = apps.get_model("publications.Publication")
    Training = apps.get_model("trainings.Training")
    Campaign = apps.get_model("campaigns.Campaign")
    Event = apps.get_model("trainings.Event")
    trainees = (
        Training.objects.published().filter(start_date__year=today.year).aggregate(total=Sum("participants_count"))
    )["total"]
    return {
        "publications_this_year": Publication.objects.published().filter(published_on__year=today.year).count(),
        "trainees_this_year": trainees or 0,
        "ongoing_campaigns": Campaign.objects.published().ongoing(today).count(),
        "upcoming_events": Event.objects.published().upcoming().count(),
    }
