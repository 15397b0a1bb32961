from django.db import migrations


def sync_roles(apps, schema_editor):
    from editorial.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    """Editors and administrators keep the search's synonyms and the registrations to trainings and events."""

    dependencies = [
        ("editorial", "0002_resync_roles"),
        ("search", "0005_starter_synonyms"),
        ("enrolment", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
