"""Staff edit the identity in one form: no list, no second one, no deleting; editors and administrators only."""

import re

import pytest

from identity.models import Office, SiteIdentity, SocialLink

pytestmark = pytest.mark.django_db

CHANGE_URL = "/admin/identity/siteidentity/1/change/"


def form(**changes):
    identity = SiteIdentity.objects.get()
    data = {
        "name_ar": identity.name_ar,
        "name_en": identity.name_en or "",
        "name_he": identity.name_he or "",
        "short_name_ar": "",
        "short_name_en": "",
        "short_name_he": "",
        "tagline_ar": identity.tagline_ar or "",
        "tagline_en": identity.tagline_en or "",
        "tagline_he": identity.tagline_he or "",
        "email": identity.email,
        "phone": "",
        "press_email": "",
        "press_phone": "",
        "pgp_fingerprint": "",
        "pgp_key": "",
        "offices-TOTAL_FORMS": "0",
        "offices-INITIAL_FORMS": "0",
        "offices-MIN_NUM_FORMS": "0",
        "offices-MAX_NUM_FORMS": "1000",
        "social_links-TOTAL_FORMS": "0",
        "social_links-INITIAL_FORMS": "0",
        "social_links-MIN_NUM_FORMS": "0",
        "social_links-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_the_list_opens_the_one_form_and_there_is_no_add_or_delete(editor_client, identity):
    response = editor_client.get("/admin/identity/siteidentity/")
    assert response.status_code == 200 and 'name="name_ar"' in response.content.decode()
    assert editor_client.get("/admin/identity/siteidentity/add/").status_code == 403
    assert editor_client.get("/admin/identity/siteidentity/1/delete/").status_code == 403
    page = editor_client.get(CHANGE_URL, HTTP_ACCEPT_LANGUAGE="ar")
    assert page.status_code == 200
    body = page.content.decode()
    # Each language in its tab, each input in its own direction.
    assert 'name="name_ar"' in body and 'name="name_he"' in body and 'name="name_en"' in body
    assert re.search(r'<input[^>]*dir="rtl"[^>]*name="name_ar"|<input[^>]*name="name_ar"[^>]*dir="rtl"', body)
    assert 'name="offices-0-name_ar"' in body and 'name="social_links-0-url"' in body
    assert 'class="deletelink"' not in body


def test_an_arabic_editor_changes_the_identity_its_offices_and_links(editor_client, identity):
    office = Office.objects.get()
    link = SocialLink.objects.get()
    data = form(
        name_ar="حملة - المركز العربي",
        name_en="Hamleh Centre",
        email="press-office@hamleh.example.org",
        phone="+972 4 555 0100",
        **{
            "offices-TOTAL_FORMS": "2",
            "offices-INITIAL_FORMS": "1",
            "offices-0-id": str(office.pk),
            "offices-0-name_ar": "مكتب حيفا",
            "offices-0-name_en": "Haifa office",
            "offices-0-name_he": "",
            "offices-0-address_ar": "شارع الميناء 14\nحيفا",
            "offices-0-address_en": "",
            "offices-0-address_he": "",
            "offices-0-phone": "",
            "offices-0-email": "",
            "offices-0-order": "1",
            "offices-1-name_ar": "مكتب رام الله",
            "offices-1-name_en": "",
            "offices-1-name_he": "",
            "offices-1-address_ar": "رام الله",
            "offices-1-address_en": "",
            "offices-1-address_he": "",
            "offices-1-phone": "+970 2 555 0178",
            "offices-1-email": "",
            "offices-1-order": "2",
            "social_links-TOTAL_FORMS": "1",
            "social_links-INITIAL_FORMS": "1",
            "social_links-0-id": str(link.pk),
            "social_links-0-network": "mastodon",
            "social_links-0-label_ar": "",
            "social_links-0-label_en": "",
            "social_links-0-label_he": "",
            "social_links-0-url": "social.example/@hamleh2",
            "social_links-0-order": "0",
            "social_links-0-DELETE": "on",
        },
    )
    response = editor_client.post(CHANGE_URL, data, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    identity = SiteIdentity.current()
    assert (identity.name_ar, identity.name_en, identity.phone) == (
        "حملة - المركز العربي",
        "Hamleh Centre",
        "+972 4 555 0100",
    )
    assert [office.address_ar for office in identity.offices.all()] == ["شارع الميناء 14\nحيفا", "رام الله"]
    assert list(identity.social_links.all()) == []


def test_a_dangerous_link_or_a_bad_phone_is_refused(editor_client, identity):
    data = form(
        phone="call me",
        **{
            "social_links-TOTAL_FORMS": "1",
            "social_links-0-network": "other",
            "social_links-0-label_ar": "",
            "social_links-0-label_en": "",
            "social_links-0-label_he": "",
            "social_links-0-url": "javascript:alert(1)",
            "social_links-0-order": "0",
        },
    )
    response = editor_client.post(CHANGE_URL, data)
    assert response.status_code == 200
    assert SiteIdentity.objects.get().phone == ""
    assert not SocialLink.objects.filter(url__startswith="javascript").exists()


def test_an_svg_logo_is_refused(editor_client, identity):
    from django.core.files.uploadedfile import SimpleUploadedFile

    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    data = form(logo=SimpleUploadedFile("logo.svg", svg, content_type="image/svg+xml"))
    response = editor_client.post(CHANGE_URL, data)
    assert response.status_code == 200
    assert not SiteIdentity.objects.get().logo


def test_authors_cannot_change_it(author_client, identity):
    assert author_client.get(CHANGE_URL).status_code == 403
    assert author_client.post(CHANGE_URL, form(name_ar="اسم آخر")).status_code == 403
    assert author_client.get("/admin/identity/siteidentity/").status_code == 403
    assert SiteIdentity.objects.get().name_ar == "حملة"


def test_the_roles_that_may_change_it():
    from django.contrib.auth.models import Group

    for role in ("Editors", "Administrators"):
        codenames = set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))
        assert {"change_siteidentity", "add_office", "delete_sociallink"} <= codenames
        assert "add_siteidentity" not in codenames and "delete_siteidentity" not in codenames
    authors = set(Group.objects.get(name="Authors").permissions.values_list("codename", flat=True))
    assert not {"change_siteidentity", "view_siteidentity"} & authors
