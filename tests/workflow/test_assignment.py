"""Authors change only their own drafts, and the items an editor assigns them to (editorial.Assignment)."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse

from content.models import Status
from editorial.models import Assignment
from editorial.roles import AUTHORS
from editorial.services import set_assignments
from publications.models import Article
from tests.auth import login_verified
from tests.factories import MAKERS, make_article
from tests.workflow.helpers import admin_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(django_user_model):
    """Another author."""
    user = django_user_model.objects.create_user("colleague", "colleague@example.org", "a-long-test-password-1")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=AUTHORS))
    return user


def change_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def colleagues_draft(colleague, **fields):
    fields = {"status": Status.DRAFT, "title_en": "Their draft", **fields}
    return make_article(created_by=colleague, updated_by=colleague, **fields)


def editable_form(client, item):
    """The change form as an editor or a permitted author gets it, with its data."""
    response = client.get(change_url(item))
    assert response.status_code == 200
    assert response.context["has_change_permission"]
    return response


def assign(client, item, *users):
    response = editable_form(client, item)
    data = admin_form_data(response, assigned_authors=[str(user.pk) for user in users])
    answer = client.post(change_url(item), data)
    assert answer.status_code == 302, answer.context["adminform"].form.errors if answer.context else answer
    return answer


def test_an_author_cannot_change_another_authors_draft(author_client, colleague):
    draft = colleagues_draft(colleague)
    response = author_client.get(change_url(draft))
    assert response.status_code == 200
    assert not response.context["has_change_permission"], "read-only"
    page = response.content.decode()
    assert 'name="title_en"' not in page and 'name="_save"' not in page
    assert "ask an editor to assign you" in page

    data = {"title_en": "Overwritten", "status": Status.DRAFT, "slug": draft.slug}
    assert author_client.post(change_url(draft), data).status_code == 403
    draft.refresh_from_db()
    assert draft.title_en == "Their draft"


def test_an_author_changes_it_once_an_editor_assigns_them(client, editor, author, colleague):
    draft = colleagues_draft(colleague)
    login_verified(client, editor)
    assign(client, draft, author)
    assignment = Assignment.objects.get()
    assert (assignment.item, assignment.user, assignment.assigned_by) == (draft, author, editor)
    entry = LogEntry.objects.filter(object_id=str(draft.pk)).latest("action_time")
    assert "Added assignment “author”." in entry.get_change_message()

    login_verified(client, author)
    response = editable_form(client, draft)
    assert "assigned_authors" not in response.context["adminform"].form.fields, "authors do not assign"
    assert client.post(change_url(draft), admin_form_data(response, title_en="Improved")).status_code == 302
    draft.refresh_from_db()
    assert (draft.title_en, draft.status) == ("Improved", Status.DRAFT)


def test_an_assigned_author_still_cannot_publish(client, editor, author, colleague):
    draft = colleagues_draft(colleague)
    login_verified(client, editor)
    assign(client, draft, author)
    login_verified(client, author)
    data = admin_form_data(editable_form(client, draft), status=Status.PUBLISHED)
    response = client.post(change_url(draft), data)
    assert response.status_code == 200
    assert "for editors" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_unassigning_takes_the_change_back_and_is_logged(client, editor, author, colleague):
    draft = colleagues_draft(colleague)
    login_verified(client, editor)
    assign(client, draft, author, colleague)
    assign(client, draft, colleague)
    assert list(Assignment.objects.values_list("user__username", flat=True)) == ["colleague"]
    entry = LogEntry.objects.filter(object_id=str(draft.pk)).latest("action_time")
    assert "Deleted assignment “author”." in entry.get_change_message()
    login_verified(client, author)
    assert client.post(change_url(draft), {"title_en": "Late"}).status_code == 403


def test_an_author_cannot_assign_themselves(author_client, author, colleague):
    own = make_article(status=Status.DRAFT, title_en="Mine", created_by=author, updated_by=author)
    response = editable_form(author_client, own)
    data = admin_form_data(response, title_en="Mine, revised") | {"assigned_authors": [str(author.pk)]}
    assert author_client.post(change_url(own), data).status_code == 302
    assert not Assignment.objects.exists(), "the posted field is ignored"

    theirs = colleagues_draft(colleague)
    crafted = data | {"slug": theirs.slug, "assigned_authors": [str(author.pk)]}
    assert author_client.post(change_url(theirs), crafted).status_code == 403
    assert not Assignment.objects.exists()


def test_authors_own_drafts_only_while_drafts(author_client, author):
    published = make_article(title_en="Live", created_by=author, updated_by=author)
    assert not author_client.get(change_url(published)).context["has_change_permission"]


def test_editors_and_administrators_are_unaffected(client, editor, administrator, colleague):
    for person in (editor, administrator):
        draft = colleagues_draft(colleague)
        login_verified(client, person)
        response = editable_form(client, draft)
        assert "assigned_authors" in response.context["adminform"].form.fields
        assert client.post(change_url(draft), admin_form_data(response, title_en="Edited")).status_code == 302
        draft.refresh_from_db()
        assert draft.title_en == "Edited"


def test_assignment_covers_every_publishable_model(client, editor, author, colleague):
    """Any model admin built on the workflow mixin (PublishableAdmin) gets the rule and the field."""
    login_verified(client, editor)
    for maker in MAKERS.values():
        item = maker(status=Status.DRAFT, created_by=colleague, updated_by=colleague)
        login_verified(client, author)
        assert not client.get(change_url(item)).context["has_change_permission"], type(item)
        login_verified(client, editor)
        assign(client, item, author)
        login_verified(client, author)
        assert client.get(change_url(item)).context["has_change_permission"], type(item)
        login_verified(client, editor)


def test_adding_an_item_assigns_authors_at_once(editor_client, author):
    add_url = reverse("admin:publications_article_add")
    response = editor_client.get(add_url)
    data = admin_form_data(response, title_ar="مسودة", slug="assigned-draft", status=Status.DRAFT)
    data["assigned_authors"] = [str(author.pk)]
    assert editor_client.post(add_url, data).status_code == 302
    article = Article.objects.get(slug="assigned-draft")
    assert Assignment.objects.get().item == article


@pytest.mark.parametrize("rows", [1, 6])
def test_the_change_list_does_not_grow_in_queries_per_row(
    client, author, colleague, rows, django_assert_max_num_queries, django_assert_num_queries
):
    login_verified(client, author)
    url = reverse("admin:publications_article_changelist")
    client.get(url)
    with django_assert_max_num_queries(40) as counted:
        client.get(url)
    for _number in range(rows):
        colleagues_draft(colleague)
        make_article(status=Status.DRAFT, created_by=author)
    with django_assert_num_queries(len(counted.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_dashboard_lists_what_is_assigned_to_me(client, editor, author, colleague, django_assert_num_queries):
    article = colleagues_draft(colleague, title_ar="مسودة مكلف بها")
    make_article(status=Status.DRAFT, created_by=colleague, title_ar="ليست لي")
    login_verified(client, editor)
    assign(client, article, author)
    login_verified(client, author)
    home = reverse("admin:index")
    context = client.get(home).context
    assert [entry["title"] for entry in context["assigned_to_me"]] == ["مسودة مكلف بها"]
    assert context["assigned_to_me"][0]["url"] == change_url(article)

    with django_assert_num_queries(99, exact=False) as one_item:
        client.get(home)
    for _number in range(4):
        set_assignments(colleagues_draft(colleague), [author], by=editor)
    with django_assert_num_queries(len(one_item.captured_queries)):
        response = client.get(home)
    assert len(response.context["assigned_to_me"]) == 5
