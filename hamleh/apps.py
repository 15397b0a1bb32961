from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HamlehConfig(AppConfig):
    name = "hamleh"
    verbose_name = _("Site and topics")
