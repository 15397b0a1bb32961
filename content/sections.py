"""The five public sections, declared once: the home page, topic hubs, feeds, search, the sitemap, the
newsletter and the admin's boards all walk this list."""

from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


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
        """An item's address from its slug alone (search results have no model instance at hand)."""
        return reverse(self.detail_url_name, kwargs={"slug": slug})

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
