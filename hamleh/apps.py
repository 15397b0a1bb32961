from django.apps import AppConfig
from django.conf import settings
from django.utils.autoreload import autoreload_started
from django.utils.translation import gettext_lazy as _


class HamlehConfig(AppConfig):
    name = "hamleh"
    verbose_name = _("Site and topics")

    def ready(self):
        if settings.DEBUG:
            from hamleh.stylesheet import watch_site_stylesheet

            autoreload_started.connect(watch_site_stylesheet)
