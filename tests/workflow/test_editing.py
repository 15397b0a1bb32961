"""Editing that fits Arabic: slugs from whichever title is filled, each field in its language's direction,
history notes and restore messages in the staff's language."""

import json

import pytest
from django.apps import apps
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from editorial.slugs import slug_from_titles
from editorial.templatetags.hamleh_history import change_message
from publications.models import Article
from tests.factories import make_article
from tests.workflow.helpers import admin_form_data

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:publications_article_add")


@pytest.mark.parametrize(
    ("titles", "slug"),
    [
        ({"en": "Hashtag Palestine 2021", "ar": "هاشتاغ فلسطين"}, "hashtag-palestine-2021"),
        ({"ar": "هاشتاغ فلسطين 2021"}, "hashtagh-flstyn-2021"),
        ({"ar": "الحقوق الرقمية"}, "alhqwq-alrqmya"),
        ({"he": "זכויות דיגיטליות"}, "zkhvyvt-dygytlyvt"),
        ({"ar": "؟!"}, ""),
    ],
)
def test_a_slug_is_made_from_the_first_filled_title(titles, slug):
    assert slug_from_titles(titles, max_length=200) == slug


def test_an_item_with_only_an_arabic_title_is_saved_with_a_latin_slug(editor_client):
    data = admin_form_data(editor_client.get(ADD_URL), slug="", title_ar="هاشتاغ فلسطين")
    assert editor_client.post(ADD_URL, data).status_code == 302
    assert Article.objects.get(title_ar="هاشتاغ فلسطين").slug == "hashtagh-flstyn"


def test_a_slug_that_collides_gets_a_clear_message_and_nothing_is_saved(editor_client):
    make_article(slug="hashtagh-flstyn")
    make_article(slug="hashtagh-flstyn-2")
    data = admin_form_data(editor_client.get(ADD_URL), slug="", title_ar="هاشتاغ فلسطين")
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["slug"]
    assert errors == [
        "Another item already has the address “hashtagh-flstyn”. Type another slug, for example “hashtagh-flstyn-3”."
    ]
    assert not Article.objects.filter(title_ar="هاشتاغ فلسطين").exists()


def test_each_translated_field_is_edited_in_its_language_direction(editor_client):
    form = editor_client.get(ADD_URL).context["adminform"].form
    for name, direction in (("title_en", "ltr"), ("title_ar", "rtl"), ("body_en", "ltr"), ("body_he", "rtl")):
        attrs = form.fields[name].widget.attrs
        assert (attrs["dir"], attrs["lang"]) == (direction, name[-2:])
    page = editor_client.get(ADD_URL).content.decode()
    assert "hamleh/admin_editing.js" in page
    assert "data-hamleh-labels" in page


def test_the_editor_menu_labels_come_in_the_staff_language(editor_client, settings):
    settings.LANGUAGE_CODE = "ar"
    with translation.override("ar"):
        form = editor_client.get(ADD_URL, HTTP_ACCEPT_LANGUAGE="ar").context["adminform"].form
        rendered = form["body_en"].as_widget()
    labels = json.loads(rendered.split("data-hamleh-labels=")[1].split('"', 2)[1].replace("&quot;", '"'))
    assert labels["Paragraph"] == "فقرة"
    assert labels["Heading 2"] == "عنوان من المستوى 2"


def test_history_notes_name_the_fields_in_the_reader_language():
    note = json.dumps([{"changed": {"fields": ["Title [en]", "Summary [he]"]}}])
    with translation.override("ar"):
        assert change_message(note) == "تم تغيير العنوان (الإنجليزية) و ملخص (العبرية)."
    assert change_message("Written by hand.") == "Written by hand."


def test_restoring_a_revision_says_it_was_restored(editor_client):
    data = admin_form_data(editor_client.get(ADD_URL), slug="restored", title_ar="أول")
    editor_client.post(ADD_URL, data)
    article = Article.objects.get(slug="restored")
    url = reverse("admin:publications_article_change", args=[article.pk])
    editor_client.post(url, admin_form_data(editor_client.get(url), title_ar="ثان"))
    older = Version.objects.get_for_object(article).last()
    revision_url = reverse("admin:publications_article_revision", args=[article.pk, older.pk])
    response = editor_client.post(revision_url, admin_form_data(editor_client.get(revision_url)))
    assert response.status_code == 302
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "The article “أول” was restored from its history."
    ]


@pytest.mark.parametrize(
    ("model_url", "model"),
    [
        ("admin:publications_series_add", "publications.Series"),
        ("admin:campaigns_organization_add", "campaigns.Organization"),
    ],
)
def test_a_series_or_organisation_with_only_an_arabic_name_gets_a_latin_slug(editor_client, model_url, model):
    url = reverse(model_url)
    data = admin_form_data(editor_client.get(url), slug="", name_ar="هاشتاغ فلسطين")
    assert editor_client.post(url, data).status_code == 302
    assert apps.get_model(model).objects.get(name_ar="هاشتاغ فلسطين").slug == "hashtagh-flstyn"
