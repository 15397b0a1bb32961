from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        # django-axes names its app with a plain string ("Axes"), which no catalogue can translate:
        # staff see it as what it holds.
        if apps.is_installed("axes"):
            apps.get_app_config("axes").verbose_name = _("Sign-in attempts")
