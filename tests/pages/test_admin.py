"""The page admin as an Arabic-speaking editor uses it: reserved and taken slugs refused with a message in
Arabic, drafts for authors, preview links, history."""

import pytest
from django.urls import reverse
from reversion.models import Version

from content.models import Status
from pages.models import MenuItem, Page, TeamMember
from pages.reserved import reserved_slugs
from tests.pages.helpers import make_member, make_menu_item, make_page
from tests.workflow.helpers import admin_form_data as workflow_form_data

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:pages_page_add")


def admin_form_data(response, **changes):
    """What the browser sends from the rendered form (no author assigned)."""
    data = workflow_form_data(response, **changes)
    if data.get("assigned_authors") == "":
        data["assigned_authors"] = []
    return data


def test_the_reserved_names_come_from_the_url_configuration():
    reserved = reserved_slugs()
    for name in ("publications", "news", "campaigns", "trainings", "events"):
        assert name in reserved
    for name in ("topics", "search", "impact", "newsletter", "privacy", "feeds", "admin"):
        assert name in reserved
    # Read from the URLconf, not only from a list: the registration pages' first segment too.
    assert "registration" in reserved
    assert "about" not in reserved and "team" not in reserved


@pytest.mark.parametrize("slug", ["news", "topics", "search", "impact", "newsletter", "privacy", "feeds", "admin"])
def test_a_reserved_slug_is_refused_with_a_message_in_arabic(editor_client, slug):
    data = admin_form_data(editor_client.get(ADD_URL), slug=slug, title_ar="صفحة")
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["slug"]
    assert errors == [f"المعرّف «{slug}» محجوز لقسم آخر من الموقع (عنوانه مستخدم). اختر معرّفًا آخر."]
    assert not Page.objects.filter(slug=slug).exists()


def test_an_editor_writes_a_page_in_arabic_and_publishes_it(editor_client, client):
    data = admin_form_data(
        editor_client.get(ADD_URL),
        slug="",
        title_ar="من نحن",
        title_en="About us",
        body_ar="<p>نص الصفحة</p>",
        kind=Page.Kind.PLAIN,
        status=Status.PUBLISHED,
    )
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = Page.objects.get(title_ar="من نحن")
    assert page.slug == "about-us"
    assert Version.objects.get_for_object(page).count() == 1
    change = editor_client.get(reverse("admin:pages_page_change", args=[page.pk]))
    assert change.status_code == 200
    assert [link["url"] for link in change.context["preview_links"]] == [
        "/ar/about-us/",
        "/en/about-us/",
        "/he/about-us/",
    ]
    assert '<html lang="ar" dir="rtl">' in change.content.decode()


def test_a_slug_taken_by_a_sibling_is_refused_but_free_under_another_parent(editor_client):
    about = make_page(slug="about")
    make_page(slug="history", parent=about)
    other = make_page(slug="campaigns-we-joined")
    data = admin_form_data(editor_client.get(ADD_URL), slug="history", title_ar="تاريخ", parent=str(about.pk))
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    data["parent"] = str(other.pk)
    assert editor_client.post(ADD_URL, data).status_code == 302
    assert Page.objects.filter(slug="history").count() == 2


def test_a_grandchild_is_refused(editor_client):
    about = make_page(slug="about")
    history = make_page(slug="history", parent=about)
    form = editor_client.get(ADD_URL).context["adminform"].form
    parents = list(form.fields["parent"].queryset)
    assert about in parents and history not in parents


def test_an_author_can_only_save_a_draft(author_client):
    data = admin_form_data(author_client.get(ADD_URL), slug="draft-page", title_ar="مسودة", status=Status.PUBLISHED)
    response = author_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert not Page.objects.exists()
    data["status"] = Status.DRAFT
    assert author_client.post(ADD_URL, data).status_code == 302
    assert Page.objects.get(slug="draft-page").status == Status.DRAFT


def test_team_and_menu_admins_list_and_filter(editor_client):
    make_member(name_ar="سلمى", group=TeamMember.Group.BOARD)
    make_member(name_ar="كريم", group=TeamMember.Group.STAFF)
    response = editor_client.get(reverse("admin:pages_teammember_changelist"), {"group__exact": "board"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "سلمى" in html and "كريم" not in html
    page = make_page(slug="about")
    make_menu_item(page, location="footer", language="en")
    response = editor_client.get(
        reverse("admin:pages_menuitem_changelist"), {"location__exact": "footer", "language__exact": "en"}
    )
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
    assert MenuItem.objects.count() == 1


def test_the_change_list_finds_pages_by_arabic_title(editor_client):
    make_page(slug="about", title_ar="من نحن")
    make_page(slug="contact", title_ar="تواصلوا معنا")
    response = editor_client.get(reverse("admin:pages_page_changelist"), {"q": "تواصلوا"})
    assert response.status_code == 200
    assert [page.slug for page in response.context["cl"].result_list] == ["contact"]
