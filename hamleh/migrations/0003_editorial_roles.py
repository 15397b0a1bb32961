from django.db import migrations


def create_roles(apps, schema_editor):
    from hamleh.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("hamleh", "0002_editors_group"),
        ("publications", "0002_workflow_version_translation_stamps_publish_permission"),
        ("campaigns", "0003_workflow_version_translation_stamps_publish_permission"),
        ("trainings", "0002_workflow_version_translation_stamps_publish_permission"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
