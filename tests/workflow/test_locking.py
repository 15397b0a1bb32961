import pytest
from django.contrib.admin.sites import site
from django.test import Client
from django.urls import reverse

from editorial import workflow
from publications.models import Article
from tests.auth import login_verified
from tests.factories import make_article
from tests.workflow.helpers import admin_form_data

pytestmark = pytest.mark.django_db


def test_the_second_of_two_concurrent_saves_is_refused_and_the_first_kept(editor):
    article = make_article(title_en="Original")
    url = reverse("admin:publications_article_change", args=[article.pk])
    first, second = Client(), Client()
    login_verified(first, editor)
    login_verified(second, editor)
    first_form = admin_form_data(first.get(url), title_en="First person's title")
    second_form = admin_form_data(second.get(url), title_en="Second person's title", summary_en="Second summary")

    assert first.post(url, first_form).status_code == 302
    response = second.post(url, second_form)

    assert response.status_code == 200
    page = response.content.decode()
    assert "while you were editing it. Nothing was saved." in page
    assert "First person&#x27;s title" in page  # what the other person saved, shown at the field
    assert "Second person&#x27;s title" in page  # the refused input is kept in the form
    article.refresh_from_db()
    assert article.title_en == "First person's title"
    assert article.summary_en == ""

    # Having seen the difference, saving again is a deliberate overwrite.
    retry = admin_form_data(response)
    assert retry["title_en"] == "Second person's title"
    assert second.post(url, retry).status_code == 302
    article.refresh_from_db()
    assert (article.title_en, article.summary_en) == ("Second person's title", "Second summary")


def test_a_post_without_the_version_it_was_opened_with_is_refused(editor_client):
    article = make_article(title_en="Original")
    url = reverse("admin:publications_article_change", args=[article.pk])
    data = admin_form_data(editor_client.get(url), title_en="Blind overwrite")
    data.pop(workflow.LOCK_FIELD)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.title_en == "Original"


def test_any_save_elsewhere_also_invalidates_an_open_form(editor_client):
    article = make_article(title_en="Original")
    url = reverse("admin:publications_article_change", args=[article.pk])
    data = admin_form_data(editor_client.get(url), title_en="Mine")
    article.featured = True
    article.save()  # an import, an admin action, the shell…
    assert editor_client.post(url, data).status_code == 200
    article.refresh_from_db()
    assert article.title_en == "Original"


def test_compare_and_set_lets_exactly_one_of_two_savers_win():
    article = make_article()
    opened_with = article.version_token
    assert workflow.claim_version(Article, article.pk, opened_with) is True
    assert workflow.claim_version(Article, article.pk, opened_with) is False


def test_content_admins_have_no_unprotected_list_editable():
    admin_class = type(site._registry[Article])
    assert not admin_class.list_editable
    checked = type("EditableArticleAdmin", (admin_class,), {"list_editable": ("status",)})(Article, site)
    assert "hamleh.E001" in {error.id for error in checked.check()}
