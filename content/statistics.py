"""The database's statistics after a bulk load.

PostgreSQL plans each query from statistics that autovacuum gathers some time after rows arrive (or never,
where it is off). Right after tens of thousands of rows are loaded, a plan made from the empty tables' figures
can be a nested loop estimated at one row against thousands: a page that takes a second instead of 20 ms.
So every command that fills tables in bulk ends by analysing them.
"""

from django.apps import apps
from django.db import connection


def content_tables():
    """The tables of every content app, many-to-many link tables included."""
    labels = ("content", "search", "publications", "campaigns", "trainings")
    return sorted(
        model._meta.db_table
        for label in labels
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    )


def analyze(tables=None):
    """Gather the planner's statistics for `tables` (default: every content table). Returns the tables."""
    tables = content_tables() if tables is None else tables
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {quote(table)}")
    return tables
