"""The five public sections, declared once: the home page, topic hubs, feeds, search, the sitemap, the
newsletter and the admin's boards all walk this list."""

import functools
import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# What the `slug` path converter accepts: such a slug goes into an address as it is.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SLUG_PLACEHOLDER = "--slug--"


@functools.lru_cache(maxsize=256)  # bounded: the script prefix comes with the request
def _around_slug(url_name, urlconf, language, script_prefix):
    """What comes before and after the slug in the address of `url_name`."""
    head, _slug, tail = reverse(url_name, urlconf=urlconf, kwargs={"slug": SLUG_PLACEHOLDER}).rpartition(
        SLUG_PLACEHOLDER
    )
    return head, tail


@dataclass(frozen=True)
class Section:
    name: str  # the URL segment: /<lang>/<name>/, also the models' `SECTION`
    model_label: str
    title: object
    list_url_name: str
    detail_url_name: str
    home_count: int = 3  # how many of its latest items the home page shows

    @cached_property
    def model(self):
        return apps.get_model(self.model_label)

    def detail_url(self, slug):
        """An item's address from its slug alone (search results have no model instance at hand).

        Feeds and lists ask for dozens of addresses, and `reverse` costs about 0.1 ms each: the parts
        around the slug are reversed once per language and prefix. A slug the converter would refuse
        goes through `reverse`, which refuses it.
        """
        if not SLUG.fullmatch(slug):
            return reverse(self.detail_url_name, kwargs={"slug": slug})
        urlconf = get_urlconf() or settings.ROOT_URLCONF
        head, tail = _around_slug(self.detail_url_name, urlconf, get_language(), get_script_prefix())
        return f"{head}{slug}{tail}"

    def list_url(self):
        return reverse(self.list_url_name)


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
