from django.contrib.admin.apps import AdminConfig


class HamlehAdminConfig(AdminConfig):
    """Django's admin, with the site that requires a second factor (see hamleh.admin_site)."""

    default_site = "hamleh.admin_site.HamlehAdminSite"

    def ready(self):
        super().ready()
        from hamleh import checks  # noqa: F401 - registers the deployment checks
