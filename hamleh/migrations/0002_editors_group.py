from django.db import migrations


def create_editors(apps, schema_editor):
    from hamleh.roles import sync_editors_group

    sync_editors_group(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("hamleh", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("publications", "0001_initial"),
        ("campaigns", "0002_initial"),
        ("trainings", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editors, migrations.RunPython.noop)]
