"""Partners, funders and coalitions: roles, order, logos through the safe image path, the shared template."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from PIL import Image

from campaigns.models import Organization, OrganizationRole, PartnerRole
from tests.factories import make_organization

pytestmark = pytest.mark.django_db


def with_roles(*roles, **fields):
    organization = make_organization(**fields)
    for role in roles:
        OrganizationRole.objects.create(organization=organization, role=role)
    return organization


def png_with_metadata(width=1200, height=600):
    image = Image.new("RGBA", (width, height), (20, 120, 80, 255))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    buffer = io.BytesIO()
    image.save(buffer, "PNG", exif=exif)
    return buffer.getvalue()


def test_groups_come_in_display_order_and_empty_groups_are_left_out(django_assert_num_queries):
    second = with_roles(PartnerRole.PARTNER, slug="b-second", order=2, name_en="Second")
    first = with_roles(PartnerRole.PARTNER, PartnerRole.COALITION, slug="z-first", order=1, name_en="First")
    same_order = with_roles(PartnerRole.PARTNER, slug="a-same", order=2, name_en="Same order, earlier slug")
    coalition = with_roles(PartnerRole.COALITION, slug="coalition", order=0)
    make_organization(slug="a-target")  # no role: on no list

    with translation.override("en"), django_assert_num_queries(1):
        groups = Organization.objects.partner_groups()
        labels = [str(label) for label, _members in groups]

    assert labels == ["Partners", "Coalitions we are a member of"]  # no funder: no empty "Funders" group
    assert groups[0][1] == [first, same_order, second]
    assert groups[1][1] == [coalition, first]  # an organisation with two roles is in both groups


def test_funders_come_between_partners_and_coalitions():
    with_roles(PartnerRole.COALITION, slug="c")
    with_roles(PartnerRole.FUNDER, slug="f")
    with_roles(PartnerRole.PARTNER, slug="p")
    with translation.override("he"):
        labels = [str(label) for label, _members in Organization.objects.partner_groups()]
    assert labels == ["שותפים", "מממנים", "קואליציות שאנחנו חברים בהן"]


def test_the_query_count_does_not_grow_with_the_organisations(django_assert_num_queries):
    for index in range(12):
        with_roles(*PartnerRole, slug=f"org-{index}", order=index)
    with django_assert_num_queries(1):
        groups = Organization.objects.partner_groups()
        html = render_to_string("campaigns/includes/partner_groups.html", {"partner_groups": groups})
    assert [len(members) for _label, members in groups] == [12, 12, 12]
    assert html.count('class="partner"') == 36


def test_a_role_is_given_once():
    organization = with_roles(PartnerRole.PARTNER)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        OrganizationRole.objects.create(organization=organization, role=PartnerRole.PARTNER)
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganizationRole.objects.create(organization=organization, role="sponsor")


def test_a_logo_is_stored_re_encoded_and_served_from_our_media(django_capture_on_commit_callbacks, settings):
    organization = make_organization(slug="access-now", name_ar="أكسس ناو", website="https://www.accessnow.org/")
    OrganizationRole.objects.create(organization=organization, role=PartnerRole.PARTNER)
    organization.logo = SimpleUploadedFile("../../My Logo (final).PNG", png_with_metadata(), content_type="image/png")
    with django_capture_on_commit_callbacks(execute=True):
        organization.save()

    organization.refresh_from_db()
    assert re.fullmatch(r"logos/[0-9a-f]{32}/access-now\.png", organization.logo.name)
    assert (organization.logo_width, organization.logo_height) == (1200, 600)
    with Image.open(organization.logo.path) as stored:
        assert not stored.getexif()  # the camera maker is gone
    logo = organization.logo_renditions()
    assert logo["width"] == 480 and logo["height"] == 240
    assert logo["jpg"].startswith(settings.MEDIA_URL) and logo["webp"].endswith("480w.webp")
    assert organization.logo.storage.exists(logo["jpg"].removeprefix(settings.MEDIA_URL))

    html = render_to_string(
        "campaigns/includes/partner_groups.html", {"partner_groups": Organization.objects.partner_groups()}
    )
    assert '<a class="partner-link" href="https://www.accessnow.org/" rel="noopener">' in html
    assert 'alt="شعار أكسس ناو"' in html
    assert ">أكسس ناو</span>" in html
    # Nothing is loaded from another site: every image and source comes from our media.
    sources = re.findall(r'(?:src|srcset)="([^"]+)"', html)
    assert sources and all(source.startswith(settings.MEDIA_URL) for source in sources)


def test_a_replaced_logo_is_removed_after_the_commit(django_capture_on_commit_callbacks):
    organization = make_organization()
    organization.logo = SimpleUploadedFile("a.png", png_with_metadata(300, 100))
    with django_capture_on_commit_callbacks(execute=True):
        organization.save()
    old = organization.logo.name
    organization.logo = SimpleUploadedFile("b.png", png_with_metadata(200, 100))
    with django_capture_on_commit_callbacks(execute=True):
        organization.save()
    assert organization.logo.name != old
    assert not organization.logo.storage.exists(old)
    assert organization.logo_renditions()["width"] == 200


def test_an_organisation_without_logo_or_website_shows_its_name_only():
    with_roles(PartnerRole.COALITION, name_ar="الائتلاف", name_en="")
    with translation.override("en"):
        html = render_to_string(
            "campaigns/includes/partner_groups.html", {"partner_groups": Organization.objects.partner_groups()}
        )
    assert "<img" not in html and "<a " not in html
    assert '<span class="partner-name" lang="ar" dir="rtl">الائتلاف</span>' in html


def test_nothing_is_rendered_without_groups():
    assert render_to_string("campaigns/includes/partner_groups.html", {"partner_groups": []}).strip() == ""


def test_the_admin_filters_organisations_by_role(staff_client):
    partner = with_roles(PartnerRole.PARTNER, name_ar="شريك")
    funder = with_roles(PartnerRole.FUNDER, name_ar="ممول")
    response = staff_client.get(reverse("admin:campaigns_organization_changelist"), {"roles__role": "partner"})
    assert response.status_code == 200
    shown = list(response.context["cl"].result_list)
    assert partner in shown and funder not in shown


def test_the_admin_uploads_a_logo_through_the_safe_path(staff_client):
    organization = make_organization(slug="twitter", name_ar="تويتر")
    url = reverse("admin:campaigns_organization_change", args=[organization.pk])
    data = {
        "name_ar": "تويتر",
        "name_en": "Twitter",
        "name_he": "",
        "slug": "twitter",
        "kind": "company",
        "website": "twitter.com",
        "order": "3",
        "logo": SimpleUploadedFile("logo.png", png_with_metadata(400, 200), content_type="image/png"),
        "roles-TOTAL_FORMS": "1",
        "roles-INITIAL_FORMS": "0",
        "roles-MIN_NUM_FORMS": "0",
        "roles-MAX_NUM_FORMS": "3",
        "roles-0-role": "partner",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    organization.refresh_from_db()
    assert organization.logo.name.endswith("/twitter.png")
    assert organization.website == "https://twitter.com"
    assert list(organization.roles.values_list("role", flat=True)) == ["partner"]

    not_an_image = {**data, "logo": SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")}
    response = staff_client.post(url, not_an_image)
    assert response.status_code == 200
    assert "logo" in response.context["adminform"].form.errors
