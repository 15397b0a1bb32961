"""The fragments backend keeps rendered text as it is (no pickling) and behaves as Django's in-memory cache."""

import datetime

import pytest
from django.utils.safestring import SafeString, mark_safe

from hamleh.cache_backends import FragmentCache


@pytest.fixture
def cache():
    backend = FragmentCache("test-fragments", {"TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": 3, "CULL_FREQUENCY": 3}})
    backend.clear()
    yield backend
    backend.clear()


def test_rendered_text_comes_back_as_the_same_object_and_still_safe(cache):
    html = mark_safe("<article>بطاقة</article>")
    cache.set("card", html)
    found = cache.get("card")
    assert found is html
    assert isinstance(found, SafeString)


def test_tuples_of_text_and_dates_are_kept_as_they_are(cache):
    entry = ("<item/>", datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC))
    cache.set_many({"entry": entry})
    assert cache.get_many(["entry", "missing"]) == {"entry": entry}
    assert cache.get("entry") is entry


def test_a_value_that_can_change_in_place_is_kept_as_a_copy(cache):
    value = {"names": ["أ"]}
    cache.set("mutable", value)
    value["names"].append("ب")
    found = cache.get("mutable")
    assert found == {"names": ["أ"]}
    found["names"].append("ج")
    assert cache.get("mutable") == {"names": ["أ"]}


def test_missing_keys_give_the_default_and_add_keeps_the_first(cache):
    assert cache.get("nothing", "default") == "default"
    assert cache.add("key", "first") is True
    assert cache.add("key", "second") is False
    assert cache.get("key") == "first"


def test_expired_values_are_gone(cache, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC), tick=False)
    cache.set("short", "text", timeout=60)
    assert cache.get("short") == "text"
    time_machine.move_to(datetime.datetime(2026, 12, 1, 12, 2, tzinfo=datetime.UTC), tick=False)
    assert cache.get("short") is None
    assert cache.get_many(["short"]) == {}


def test_it_stays_within_its_entries(cache):
    cache.set_many({f"card-{number}": f"<p>{number}</p>" for number in range(10)})
    assert len(cache.get_many([f"card-{number}" for number in range(10)])) <= 3
