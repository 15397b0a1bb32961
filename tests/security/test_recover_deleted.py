"""Deleting content asks for confirmation, and a deleted publication can be recovered
from its history with every translation (django-reversion's VersionAdmin)."""

import json

import html5lib
import pytest
import reversion
from reversion.models import Version

from publications.models import Publication
from tests.factories import make_publication, make_topic

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}"


def form_data(html, form_id):
    """What a browser would submit from the form `form_id` as it is shown."""
    document = html5lib.parse(html)
    form = next(element for element in document.iter(f"{XHTML}form") if element.get("id") == form_id)
    data = {}
    for element in form.iter():
        name = element.get("name")
        if not name:
            continue
        if element.tag == f"{XHTML}input":
            kind = element.get("type", "text")
            if kind in {"submit", "button", "file", "image"}:
                continue
            if kind in {"checkbox", "radio"} and element.get("checked") is None:
                continue
            data.setdefault(name, []).append(element.get("value", "on" if kind == "checkbox" else ""))
        elif element.tag == f"{XHTML}textarea":
            data.setdefault(name, []).append(element.text or "")
        elif element.tag == f"{XHTML}select":
            chosen = [
                option.get("value", option.text)
                for option in element.iter(f"{XHTML}option")
                if option.get("selected") is not None
            ]
            data[name] = chosen
    return data


def test_a_deleted_publication_comes_back_with_every_translation(staff_client):
    topic = make_topic(slug="censorship")
    with reversion.create_revision():
        publication = make_publication(
            slug="hashtag-palestine-2020",
            topics=[topic],
            title_ar="هاشتاغ فلسطين 2020",
            title_en="Hashtag Palestine 2020",
            title_he="האשטאג פלסטין 2020",
            summary_ar="ملخص",
            summary_en="Summary",
            summary_he="תקציר",
            body_ar="<p>نص التقرير</p>",
            body_en="<p>The report</p>",
            body_he="<p>הדוח</p>",
            authors_ar="حملة",
            authors_en="7amleh",
        )
    columns = [field.attname for field in Publication._meta.concrete_fields]
    before = Publication.objects.filter(pk=publication.pk).values(*columns).get()
    delete_url = f"/admin/publications/publication/{publication.pk}/delete/"

    confirmation = staff_client.get(delete_url)
    assert confirmation.status_code == 200
    assert Publication.objects.filter(pk=publication.pk).exists(), "asking is not deleting"
    assert staff_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Publication.objects.filter(pk=publication.pk).exists()

    recover_list = staff_client.get("/admin/publications/publication/recover/")
    assert "هاشتاغ فلسطين 2020" in recover_list.content.decode()
    version = Version.objects.get_deleted(Publication).get(object_id=str(publication.pk))
    recover_url = f"/admin/publications/publication/recover/{version.pk}/"
    page = staff_client.get(recover_url)
    assert page.status_code == 200
    response = staff_client.post(recover_url, form_data(page.content.decode(), "publication_form"))
    assert response.status_code == 302, response.content.decode()[:2000]

    restored = Publication.objects.filter(pk=publication.pk).values(*columns).get()
    for column in ("title_ar", "title_en", "title_he", "summary_ar", "summary_en", "summary_he", "body_ar"):
        assert restored[column] == before[column], column
    assert restored["body_en"] == before["body_en"] and restored["body_he"] == before["body_he"]
    assert restored["authors_en"] == "7amleh"
    assert list(Publication.objects.get(pk=publication.pk).topics.all()) == [topic]


def test_a_version_saved_before_the_edit_lock_existed_is_recovered_too(staff_client):
    """Its stored data has no version token: each request restores the row with a new one,
    so the recover form must not compare tokens (change forms still do: tests/workflow)."""
    with reversion.create_revision():
        publication = make_publication(slug="old-report", title_ar="تقرير قديم")
    version = Version.objects.get_for_object(publication).get()
    data = json.loads(version.serialized_data)
    del data[0]["fields"]["version_token"]
    version.serialized_data = json.dumps(data)
    version.save()
    staff_client.post(f"/admin/publications/publication/{publication.pk}/delete/", {"post": "yes"})
    assert not Publication.objects.filter(pk=publication.pk).exists()

    recover_url = f"/admin/publications/publication/recover/{version.pk}/"
    page = staff_client.get(recover_url)
    response = staff_client.post(recover_url, form_data(page.content.decode(), "publication_form"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Publication.objects.get(pk=publication.pk).title_ar == "تقرير قديم"
