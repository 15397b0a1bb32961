from django.db import migrations


def default_identity(apps, schema_editor):
    """The single row, so a new site has a name in its three languages before anyone edits it."""
    SiteIdentity = apps.get_model("identity", "SiteIdentity")
    SiteIdentity.objects.get_or_create(
        pk=1,
        defaults={
            "name": "حملة",
            "name_ar": "حملة",
            "name_en": "Hamleh",
            "name_he": "חמלה",
            "tagline": "مركز للحقوق الرقمية",
            "tagline_ar": "مركز للحقوق الرقمية",
            "tagline_en": "Digital rights centre",
            "tagline_he": "מרכז לזכויות דיגיטליות",
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("identity", "0001_initial"),
    ]

    operations = [migrations.RunPython(default_identity, migrations.RunPython.noop)]
