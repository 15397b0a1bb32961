from django.db import migrations


def sync_roles(apps, schema_editor):
    from editorial.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    """Gives the roles their current permissions: topics, organisations and series are for editors;
    administrators no longer change what a role may do."""

    dependencies = [("editorial", "0001_roles")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
