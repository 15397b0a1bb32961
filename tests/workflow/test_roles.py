import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from content.models import Status
from editorial.roles import ADMINISTRATORS, AUTHORS, EDITORS
from publications.models import Article
from tests.auth import login_verified
from tests.factories import make_article
from tests.workflow.helpers import admin_form_data

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:publications_article_add")


def codes(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_roles_are_groups_with_their_permissions():
    authors, editors, administrators = codes(AUTHORS), codes(EDITORS), codes(ADMINISTRATORS)
    assert "publications.change_article" in authors
    assert "publications.publish_article" not in authors
    assert "publications.delete_article" not in authors
    assert {"publications.publish_article", "trainings.publish_event", "campaigns.publish_campaign"} <= editors
    assert "auth.change_user" not in editors
    assert {"auth.add_user", "auth.change_user", "auth.view_group"} <= administrators
    assert "auth.change_group" not in administrators, "what a role may do is set by superusers"
    assert "publications.publish_publication" in administrators


def author_add_form(client):
    response = client.get(ADD_URL)
    assert response.status_code == 200
    return admin_form_data(response, title_ar="خبر جديد", slug="new-article")


def test_an_author_saves_a_draft(author_client, author):
    response = author_client.post(ADD_URL, author_add_form(author_client) | {"status": Status.DRAFT})
    assert response.status_code == 302
    article = Article.objects.get(slug="new-article")
    assert article.status == Status.DRAFT
    assert article.created_by == author


def test_an_authors_crafted_publish_post_is_refused_and_nothing_saved(author_client):
    response = author_client.post(ADD_URL, author_add_form(author_client) | {"status": Status.PUBLISHED})
    assert response.status_code == 200
    assert "publishing, scheduling and unpublishing are for editors" in response.content.decode()
    assert not Article.objects.filter(slug="new-article").exists()


def test_an_author_cannot_publish_an_existing_draft(author_client, author):
    article = make_article(status=Status.DRAFT, title_en="Draft", created_by=author)
    url = reverse("admin:publications_article_change", args=[article.pk])
    data = admin_form_data(author_client.get(url), status=Status.PUBLISHED, title_en="Changed")
    response = author_client.post(url, data)
    assert response.status_code == 200
    assert "for editors" in response.content.decode()
    article.refresh_from_db()
    assert (article.status, article.title_en) == (Status.DRAFT, "Draft")


def test_an_author_sees_published_items_read_only(author_client):
    article = make_article(title_en="Live")
    url = reverse("admin:publications_article_change", args=[article.pk])
    assert author_client.get(url).status_code == 200  # view permission: read-only page
    response = author_client.post(url, {"title_en": "Vandalised", "status": Status.DRAFT})
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.status, article.title_en) == (Status.PUBLISHED, "Live")


@pytest.mark.parametrize(
    ("action", "start", "expected_for_editor"),
    [
        ("publish_selected", Status.DRAFT, Status.PUBLISHED),
        ("unpublish_selected", Status.PUBLISHED, Status.DRAFT),
    ],
)
def test_publish_actions_are_for_editors_only(client, author, editor, action, start, expected_for_editor):
    article = make_article(status=start)
    url = reverse("admin:publications_article_changelist")
    data = {"action": action, "_selected_action": [article.pk]}
    login_verified(client, author)
    client.post(url, data)
    article.refresh_from_db()
    assert article.status == start
    login_verified(client, editor)
    response = client.post(url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == expected_for_editor


def test_an_editor_publishes(editor_client):
    response = editor_client.get(ADD_URL)
    data = admin_form_data(response, title_ar="بيان", slug="statement", status=Status.PUBLISHED)
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302
    assert Article.objects.get(slug="statement").status == Status.PUBLISHED
