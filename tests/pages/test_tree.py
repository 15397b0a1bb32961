"""Pages at /<lang>/<slug>/ and /<lang>/<parent>/<slug>/, only at their actual place in the tree."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from content.models import Status
from pages.models import Page
from tests.pages.helpers import make_page

pytestmark = pytest.mark.django_db

JERUSALEM = zoneinfo.ZoneInfo("Asia/Jerusalem")
MOMENT = datetime.datetime(2021, 7, 27, 10, 0, tzinfo=JERUSALEM)


def test_a_top_level_page_and_its_child_answer_at_their_addresses(client):
    about = make_page(slug="about", title_ar="من نحن", title_en="About us")
    history = make_page(slug="history", parent=about, title_ar="تاريخنا", title_en="Our history")
    assert about.get_absolute_url() == "/ar/about/"
    assert history.get_absolute_url() == "/ar/about/history/"
    response = client.get("/en/about/history/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Our history" in html
    # Breadcrumbs lead back to the parent.
    assert 'class="breadcrumbs"' in html and 'href="/en/about/"' in html
    # The parent lists its published children.
    parent_html = client.get("/en/about/").content.decode()
    assert 'href="/en/about/history/"' in parent_html and "Our history" in parent_html


def test_a_child_under_the_wrong_parent_or_at_the_top_is_not_found(client):
    about = make_page(slug="about")
    make_page(slug="team")
    make_page(slug="history", parent=about)
    assert client.get("/ar/team/history/").status_code == 404
    assert client.get("/ar/history/").status_code == 404
    assert client.get("/ar/nothing-here/").status_code == 404
    assert client.get("/ar/about/history/").status_code == 200


def test_slugs_are_unique_among_siblings_only():
    about = make_page(slug="about")
    team = make_page(slug="team")
    make_page(slug="history", parent=about)
    make_page(slug="history", parent=team)  # another parent: allowed
    with pytest.raises(IntegrityError), transaction.atomic():
        make_page(slug="history", parent=about)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_page(slug="about")


def test_pages_have_two_levels_at_most():
    about = make_page(slug="about")
    history = make_page(slug="history", parent=about)
    deeper = Page(slug="early-years", title_ar="البدايات", parent=history)
    with pytest.raises(ValidationError) as error:
        deeper.full_clean()
    assert "parent" in error.value.message_dict
    about.parent = make_page(slug="elsewhere")
    with pytest.raises(ValidationError) as error:
        about.full_clean()
    assert "parent" in error.value.message_dict


def test_drafts_and_children_of_unpublished_pages_are_not_public(staff_client):
    client = Client()
    draft = make_page(slug="draft", status=Status.DRAFT, title_ar="مسودة")
    make_page(slug="child", parent=draft, title_ar="ابنة")
    assert Page.objects.published().filter(slug__in=["draft", "child"]).count() == 0
    anonymous = client.get("/ar/draft/")
    assert anonymous.status_code == 404
    assert client.get("/ar/draft/child/").status_code == 404
    preview = staff_client.get("/ar/draft/")
    assert preview.status_code == 200
    assert "preview-banner" in preview.content.decode()
    child_preview = staff_client.get("/ar/draft/child/")
    assert child_preview.status_code == 200 and "preview-banner" in child_preview.content.decode()


def test_a_scheduled_page_goes_public_exactly_at_its_time(client):
    page = make_page(slug="annual-forum", publish_at=MOMENT, title_ar="المنتدى")
    with time_machine.travel(MOMENT - datetime.timedelta(seconds=1), tick=False):
        assert client.get("/ar/annual-forum/").status_code == 404
        assert not Page.objects.published().filter(pk=page.pk).exists()
    with time_machine.travel(MOMENT, tick=False):
        assert client.get("/ar/annual-forum/").status_code == 200


def test_the_page_shows_its_seo_description(client):
    make_page(slug="about", summary_ar="ملخص", seo_description_ar="وصف لمحركات البحث")
    html = client.get("/ar/about/").content.decode()
    assert '<meta name="description" content="وصف لمحركات البحث">' in html


def test_page_detail_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    about = make_page(slug="about")
    for number in range(5):
        make_page(slug=f"child-{number}", parent=about)

    with django_assert_max_num_queries(8) as few:
        assert client.get("/ar/about/").status_code == 200
    for number in range(5, 15):
        make_page(slug=f"child-{number}", parent=about)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/ar/about/").status_code == 200
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert (
            client.get(reverse("pages:child_page_detail", kwargs={"parent": "about", "slug": "child-3"})).status_code
            == 200
        )


def test_the_sitemap_lists_published_pages_in_every_language(client):
    about = make_page(slug="about")
    make_page(slug="history", parent=about)
    make_page(slug="secret", status=Status.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    for language in ("ar", "en", "he"):
        assert f"http://testserver/{language}/about/</loc>" in xml
        assert f"http://testserver/{language}/about/history/</loc>" in xml
        assert f'hreflang="{language}" href="http://testserver/{language}/about/history/"' in xml
    assert "/secret/" not in xml
