from django.db import migrations, models
from django.db.models import OuterRef, Subquery

PUBLISHABLE_MODELS = (
    ("publications", "Publication"),
    ("publications", "Article"),
    ("campaigns", "Campaign"),
    ("trainings", "Training"),
    ("trainings", "Event"),
)


def copy_versions(apps, schema_editor):
    """Entries written before this migration take their item's current version (one UPDATE per section)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    SearchDocument = apps.get_model("hamleh", "SearchDocument")
    for app_label, model_name in PUBLISHABLE_MODELS:
        model = apps.get_model(app_label, model_name)
        content_type = ContentType.objects.filter(app_label=app_label, model=model_name.lower()).first()
        if content_type is None:
            continue
        token = model.objects.filter(pk=OuterRef("object_id")).values("version_token")[:1]
        SearchDocument.objects.filter(content_type=content_type).update(version=Subquery(token))


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("hamleh", "0006_feed_state_indexes"),
        # The items' version tokens.
        ("publications", "0002_workflow_version_translation_stamps_publish_permission"),
        ("campaigns", "0003_workflow_version_translation_stamps_publish_permission"),
        ("trainings", "0002_workflow_version_translation_stamps_publish_permission"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="version",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(copy_versions, migrations.RunPython.noop),
    ]
