from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from content.sections import SECTIONS
        from search import signals

        for section in SECTIONS:
            uid = f"search-{section.name}"
            post_save.connect(signals.index_saved_item, sender=section.model, dispatch_uid=uid)
            post_delete.connect(signals.unindex_deleted_item, sender=section.model, dispatch_uid=uid)
