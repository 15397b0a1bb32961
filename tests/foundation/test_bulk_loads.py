"""Bulk loads leave the database ready: the planner knows the rows just loaded, whether or not autovacuum
has run (it may be off, or not yet round)."""

import pytest
from django.core.management import call_command
from django.db import connection

from publications.models import Article

pytestmark = pytest.mark.django_db


def rows_the_planner_knows(table):
    """What the statistics say the table holds: None when it was never analysed."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            (estimate,) = cursor.fetchone()
            return None if estimate < 0 else int(estimate)
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return None
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s AND idx IS NULL", [table])
        row = cursor.fetchone()
        if row is None:
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
            row = cursor.fetchone()
        return None if row is None else int(row[0].split()[0])


def test_generated_content_is_analysed(tmp_path):
    call_command("generate_content", count=60, seed=2, stdout=open(tmp_path / "out", "w"))  # noqa: SIM115
    articles = Article.objects.count()
    assert articles > 0
    assert rows_the_planner_knows(Article._meta.db_table) == articles
    assert rows_the_planner_knows("search_searchdocument") == 60


def test_the_demo_is_analysed(tmp_path):
    call_command("load_demo", accounts=False, stdout=open(tmp_path / "out", "w"))  # noqa: SIM115
    assert rows_the_planner_knows(Article._meta.db_table) == Article.objects.count()
