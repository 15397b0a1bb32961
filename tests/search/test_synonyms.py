"""Synonyms staff edit in the admin: applied to the next search as it is asked, no re-indexing."""

import pytest
from django.utils import translation

from search.models import SearchDocument, SynonymGroup
from tests.factories import make_article, make_training

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/search/synonymgroup/add/"


def search(client, query, language="ar"):
    with translation.override(language):
        response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return {result.url.rstrip("/").rsplit("/", 1)[-1] for result in response.context.get("results") or []}


def test_a_group_added_in_the_admin_changes_the_next_search_without_reindexing(staff_client):
    make_training(title_ar="مساق الوالدية الرقمية", slug="parenting")
    make_article(title_ar="دليل الأمان الرقمي", slug="security")
    indexed = list(SearchDocument.objects.values_list("pk", "indexed_at", "extra_terms"))
    assert search(staff_client, "تنشئة رقمية") == set()

    response = staff_client.post(ADD_URL, {"language": "ar", "phrases": "الوالدية الرقمية\nتنشئة رقمية"})
    assert response.status_code == 302

    assert search(staff_client, "تنشئة رقمية") == {"parenting"}
    assert search(staff_client, "التنشئة الرقمية") == {"parenting"}  # clitics of the phrase's words too
    assert search(staff_client, "تنشئة رقمية", "en") == set()  # an Arabic group: Arabic pages only
    assert list(SearchDocument.objects.values_list("pk", "indexed_at", "extra_terms")) == indexed


def test_editing_and_deleting_a_group_take_effect_at_once(staff_client):
    make_training(title_en="Digital parenting e-course", slug="parenting")
    group = SynonymGroup.objects.create(language="", phrases="digital parenting\nscreen time")
    assert search(staff_client, "screen time", "he") == {"parenting"}  # every language
    group.phrases = "digital parenting\nonline childhood"
    group.save()
    assert search(staff_client, "screen time", "en") == set()
    assert search(staff_client, "online childhood", "en") == {"parenting"}
    group.delete()
    assert search(staff_client, "online childhood", "en") == set()


def test_a_group_needs_two_phrases(staff_client):
    response = staff_client.post(ADD_URL, {"language": "en", "phrases": "lonely\n lonely \n"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["phrases"]
    assert not SynonymGroup.objects.filter(phrases__contains="lonely").exists()


def test_the_change_list_shows_the_groups(staff_client):
    html = staff_client.get("/admin/search/synonymgroup/", {"q": "Twitter"}).content.decode()
    assert "Twitter = X = تويتر = טוויטר" in html


def test_synonyms_never_widen_a_query_beyond_its_phrase(client):
    make_article(title_ar="الأمن الرقمي للصحفيين", slug="security")
    make_article(title_ar="الأمن الغذائي", slug="food")
    # The starter group says الأمان الرقمي = الأمن الرقمي: the whole phrase, not each word.
    assert search(client, "الأمان الرقمي") == {"security"}
    assert search(client, "الأمان") == set()
