"""PostgreSQL only: finer statistics of the search vectors, so rare words are planned as rare.

Variant keys, joined names and the section and kind labels give every vector more words, and common ones:
with the default statistics the least frequent word PostgreSQL keeps track of is frequent enough that a
word it has never seen is guessed to be in about one item in two hundred. A query of a few such words (a
word with its readings and keys) was then planned as common: items read newest first until a hundred
matched, which for a word no item holds means every item (2.5 s at 100,000 items), instead of the GIN
index (well under a millisecond). Tracking ten times more words divides the guess by about three (measured
at 20,000 items); it takes effect at the next ANALYZE.
"""

from django.db import migrations

STATISTICS_TARGET = 1000
DEFAULT = -1


def set_target(target):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"ALTER TABLE search_searchdocument ALTER COLUMN search_vector SET STATISTICS {target}"
            )

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0005_starter_synonyms")]

    operations = [migrations.RunPython(set_target(STATISTICS_TARGET), set_target(DEFAULT), elidable=False)]
