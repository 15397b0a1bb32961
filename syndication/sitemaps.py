"""`/sitemap.xml`: every published item and public page in every language, with hreflang alternates.

`i18n = True` lists each item once per language; `alternates = True` adds the
`xhtml:link` to the other languages and `x_default = True` points the default at
Arabic (settings.LANGUAGE_CODE).
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from content.models import Topic
from content.sections import SECTIONS
from pages.models import Page
from publications.models import Publication, Series


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def _urls(self, page, protocol, domain):
        # Django builds x-default by removing the language prefix, which assumes
        # the default language has none; ours has (/ar/), so x-default is the Arabic page.
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            alternates = url.get("alternates", [])
            arabic = next((alt["location"] for alt in alternates if alt["lang_code"] == settings.LANGUAGE_CODE), None)
            for alternate in alternates:
                if alternate["lang_code"] == "x-default" and arabic:
                    alternate["location"] = arabic
        return urls


class SectionSitemap(I18nSitemap):
    """The published items of one section, newest first."""

    changefreq = "monthly"

    def __init__(self, section):
        self.section = section

    def items(self):
        return self.section.model.objects.published().order_by("-publish_at", "-pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class PagesSitemap(I18nSitemap):
    """The home page and the list of each section."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["website:home", *(section.list_url_name for section in SECTIONS)]

    def location(self, item):
        return reverse(item)


class OrganisationPageSitemap(I18nSitemap):
    """The organisation's own published pages (about, team, contact…)."""

    changefreq = "monthly"

    def items(self):
        return Page.objects.published().select_related("parent").only("slug", "updated_at", "parent__slug")

    def lastmod(self, item):
        return item.updated_at


class SeriesSitemap(I18nSitemap):
    """The archive page of each series that has a published edition (the others have no page)."""

    changefreq = "monthly"

    def items(self):
        return Series.objects.filter(pk__in=Publication.objects.published().values("series")).order_by("slug")


class TopicSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.order_by("slug").only("slug")


SITEMAPS = {
    "pages": PagesSitemap,
    "topics": TopicSitemap,
    "organisation": OrganisationPageSitemap,
    "series": SeriesSitemap,
    **{section.name: SectionSitemap(section) for section in SECTIONS},
}
