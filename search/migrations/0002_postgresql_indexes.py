"""PostgreSQL only: the pg_trgm extension and the GIN indexes of the search index.

Neither exists on SQLite, so they are created here by hand instead of in the model's Meta.indexes
(which would be created on every database); on SQLite this migration does nothing.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "search_searchdocument_vector_gin": "USING gin (search_vector)",
    "search_searchdocument_fuzzy_trgm": "USING gin (fuzzy_text gin_trgm_ops)",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, method in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON search_searchdocument {method}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
