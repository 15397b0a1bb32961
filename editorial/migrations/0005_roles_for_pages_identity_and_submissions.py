from django.db import migrations


def sync_roles(apps, schema_editor):
    from editorial.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    """Authors write pages as drafts; editors and administrators also publish them and keep the team, the
    menus, the site's identity and the submissions to international bodies."""

    dependencies = [
        ("editorial", "0004_assignment"),
        ("pages", "0001_initial"),
        ("identity", "0001_initial"),
        ("campaigns", "0003_story_roles_logos_submissions"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
