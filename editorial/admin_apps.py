from django.contrib.admin.apps import AdminConfig


class HamlehAdminConfig(AdminConfig):
    """Django's admin, with the site that requires a second factor (see editorial.admin_site)."""

    default_site = "editorial.admin_site.HamlehAdminSite"
