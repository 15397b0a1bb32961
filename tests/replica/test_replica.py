"""The read replica: two SQLite files configured as primary and replica, in a process of their own
(the database aliases are fixed when Django starts)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

from content.changes import content_changed
from hamleh.db_router import STICKY_COOKIE, PrimaryAfterWriteMiddleware, PrimaryReplicaRouter, primary_requested
from website.page_cache import page_timeout

SCENARIO = Path(__file__).with_name("scenario.py")


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    folder = tmp_path_factory.mktemp("replica")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'primary.sqlite3'}",
        "DATABASE_REPLICA_URL": f"sqlite:///{folder / 'replica.sqlite3'}",
        "DATABASE_PRIMARY_STICKY_SECONDS": "20",
        "DJANGO_PUBLIC_CACHE_SECONDS": "0",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        # A cache of its own: the default folder is the one `make demo` reads.
        "DJANGO_CACHE_DIR": str(folder / "cache"),
        "REDIS_URL": "",
        "DJANGO_TESTING": "1",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "replica-test-secret-key",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(SCENARIO)], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_visitors_read_from_the_replica(seen):
    assert seen["replica_rows"] == 1 and seen["primary_rows"] == 2
    assert seen["visitor_list_old"] is True
    assert seen["visitor_list_fresh"] is False  # not replicated yet
    assert seen["visitor_detail_fresh"] == 404
    assert seen["read_db"] == "replica"


def test_writes_go_to_the_primary_and_the_writer_then_reads_it(seen):
    assert seen["write_db"] == "default"
    assert seen["write_status"] == 200
    assert seen["sticky_cookie"] is True
    assert seen["sticky_max_age"] == 20
    assert seen["writer_list_fresh"] is True
    assert seen["writer_detail_fresh"] == 200
    assert seen["other_visitor_list_fresh"] is False


def test_transactions_and_explicit_blocks_read_the_primary_and_only_the_primary_migrates(seen):
    assert seen["read_db_in_transaction"] == "default"
    assert seen["read_db_with_use_primary"] == "default"
    assert seen["migrate_on_replica"] is False


def read_target(request):
    seen = {}

    def view(request):
        seen["primary"] = primary_requested()
        from django.http import HttpResponse

        return HttpResponse("ok")

    response = PrimaryAfterWriteMiddleware(view)(request)
    return seen["primary"], response


def test_the_middleware_decides_per_request(settings):
    settings.DATABASE_PRIMARY_STICKY_SECONDS = 15
    factory = RequestFactory()
    assert read_target(factory.get("/ar/news/"))[0] is False
    primary, response = read_target(factory.post("/ar/newsletter/"))
    assert primary is True
    assert response.cookies[STICKY_COOKIE]["max-age"] == 15
    assert response.cookies[STICKY_COOKIE]["httponly"]
    sticky = factory.get("/ar/news/")
    sticky.COOKIES[STICKY_COOKIE] = "1"
    primary, response = read_target(sticky)
    assert primary is True and STICKY_COOKIE not in response.cookies
    staff = factory.get("/ar/news/")
    staff.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    assert read_target(staff)[0] is True
    assert read_target(factory.get("/admin/"))[0] is True
    assert primary_requested() is False  # nothing leaks past the request


def test_router_allows_relations_between_both_copies():
    from publications.models import Article

    one, other = Article(), Article()
    one._state.db, other._state.db = "default", "replica"
    assert PrimaryReplicaRouter().allow_relation(one, other)


@pytest.mark.django_db
def test_pages_cached_just_after_a_change_expire_once_the_replica_caught_up(settings):
    import time_machine

    settings.PUBLIC_CACHE_SECONDS = 600
    settings.DATABASE_REPLICA_URL = "postgres://replica.example/hamleh"
    settings.DATABASE_PRIMARY_STICKY_SECONDS = 15
    with time_machine.travel("2026-03-01 10:00:00+02:00", tick=False) as clock:
        content_changed()
        assert page_timeout(None) == 16
        clock.shift(10)
        assert page_timeout(None) == 6
        clock.shift(6)
        assert page_timeout(None) == 600
    settings.DATABASE_REPLICA_URL = ""
    content_changed()
    assert page_timeout(None) == 600
