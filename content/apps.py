from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def forget_cached_pages(sender, **kwargs):
    """The shared cache outlives the database: after a migration (a new or changed database), no page
    rendered from the old one may be served."""
    from content.changes import content_changed

    content_changed()


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Topics")

    def ready(self):
        post_migrate.connect(forget_cached_pages, sender=self, dispatch_uid="content-forget-cached-pages")
