"""PostgreSQL only: the trigram index "did you mean" looks known words up by (see 0002 for why by hand)."""

from django.db import migrations

INDEX = "search_knownword_word_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_knownword USING gin (word gin_trgm_ops)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_synonyms_and_known_words")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
