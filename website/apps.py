from django.apps import AppConfig
from django.conf import settings
from django.utils.autoreload import autoreload_started
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Public site")

    def ready(self):
        from website import checks  # noqa: F401 - registers the deployment checks

        if settings.DEBUG:
            from website.stylesheet import watch_site_stylesheet

            autoreload_started.connect(watch_site_stylesheet)
