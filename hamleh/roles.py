"""Staff roles as groups. The migration that creates them and the tests read this one table."""

CONTENT_MODELS = {
    "hamleh": ["topic"],
    "publications": ["publication", "publicationfile", "article", "series"],
    "campaigns": ["campaign", "campaignupdate", "organization"],
    "trainings": ["training", "event"],
}
EDITORS = "Editors"


def content_permission_codenames():
    for app_label, models in CONTENT_MODELS.items():
        for model in models:
            for action in ("add", "change", "delete", "view"):
                yield app_label, f"{action}_{model}"


def sync_editors_group(apps):
    """Give the Editors group every content permission and nothing about users."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; a fresh database
    # needs them now, so they are created here for the historical models.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=EDITORS)
    wanted = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in content_permission_codenames()
    ]
    group.permissions.set(wanted)
