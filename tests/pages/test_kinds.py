"""What each kind of page adds below its text: the team, the partners, the press corner, ways to support."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from campaigns.models import OrganizationRole
from identity.models import SiteIdentity
from pages.models import Page, TeamMember
from publications.models import Article, Publication
from tests.factories import make_article, make_organization, make_publication
from tests.pages.helpers import make_member, make_page

pytestmark = pytest.mark.django_db


def jpeg_with_gps():
    image = Image.new("RGB", (400, 400), (30, 120, 80))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (31.0, 46.0, 0.0)}  # GPS position
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return SimpleUploadedFile("Portrait of someone.jpg", output.getvalue(), content_type="image/jpeg")


def test_the_team_page_lists_the_board_and_the_staff_with_photos(client, django_capture_on_commit_callbacks):
    make_page(slug="team", kind=Page.Kind.TEAM, title_ar="فريق العمل")
    make_member(name_ar="سلمى حداد", role_ar="رئيسة الهيئة", group=TeamMember.Group.BOARD, order=1)
    with django_capture_on_commit_callbacks(execute=True):
        staff = make_member(
            name_ar="كريم", name_en="Karim", role_ar="مدير", group=TeamMember.Group.STAFF, photo=jpeg_with_gps()
        )
    make_member(name_ar="لينا", role_ar="باحثة", group=TeamMember.Group.STAFF, order=2, email="lina@example.org")
    # The photo is stored re-encoded under an unguessable folder, without its metadata.
    assert staff.photo.name.startswith("team/") and "Portrait" not in staff.photo.name
    with Image.open(staff.photo.path) as stored:
        assert 0x8825 not in stored.getexif()
    html = client.get("/ar/team/").content.decode()
    board, _sep, staff_part = html.partition('id="team-staff"')
    assert 'id="team-board"' in board and "سلمى حداد" in board and "كريم" not in board
    assert "كريم" in staff_part and "لينا" in staff_part
    assert staff_part.index("كريم") < staff_part.index("لينا")
    assert 'class="team-photo"' in staff_part
    assert 'href="mailto:lina@example.org"' in staff_part


def test_the_partners_page_shows_the_partner_groups(client):
    make_page(slug="partners", kind=Page.Kind.PARTNERS)
    partner = make_organization(name_ar="مؤسسة شريكة", slug="partner-org")
    OrganizationRole.objects.create(organization=partner, role=OrganizationRole.Role.PARTNER)
    funder = make_organization(name_ar="جهة مانحة", slug="funder-org")
    OrganizationRole.objects.create(organization=funder, role=OrganizationRole.Role.FUNDER)
    make_organization(name_ar="شركة مستهدفة", slug="target")  # no role: not a partner
    response = client.get("/ar/partners/")
    html = response.content.decode()
    assert "مؤسسة شريكة" in html and "جهة مانحة" in html and "شركة مستهدفة" not in html
    assert [label for label, _orgs in response.context["partner_groups"]] == [
        OrganizationRole.Role.PARTNER.group_label,
        OrganizationRole.Role.FUNDER.group_label,
    ]


def test_the_press_page_lists_press_releases_and_the_fact_sheet(client, django_assert_max_num_queries):
    identity = SiteIdentity.current()
    identity.press_email = "press@hamleh.example"
    identity.save()
    make_page(slug="press", kind=Page.Kind.PRESS)
    make_article(title_ar="بيان صحفي أول", kind=Article.Kind.PRESS_RELEASE)
    make_article(title_ar="خبر عادي", kind=Article.Kind.NEWS)
    make_article(title_ar="بيان مسودة", kind=Article.Kind.PRESS_RELEASE, status="draft")
    make_publication(title_ar="ورقة حقائق", kind=Publication.Kind.FACTSHEET)
    with django_assert_max_num_queries(9) as counted:
        html = client.get("/ar/press/").content.decode()
    assert "بيان صحفي أول" in html and "خبر عادي" not in html and "بيان مسودة" not in html
    assert "ورقة حقائق" in html
    assert 'href="mailto:press@hamleh.example"' in html
    assert "/static/hamleh/logo" in html
    for number in range(8):
        make_article(title_ar=f"بيان {number}", kind=Article.Kind.PRESS_RELEASE)
    with django_assert_max_num_queries(len(counted.captured_queries)):
        html = client.get("/ar/press/").content.decode()
    releases = html.partition('class="plain press-releases"')[2].partition("</ul>")[0]
    assert releases.count("<li>") == 5


def test_the_support_page_links_ways_to_help_without_a_payment_widget(client):
    make_page(slug="support", kind=Page.Kind.SUPPORT, body_ar="<p>تبرعوا</p>")
    html = client.get("/ar/support/").content.decode()
    assert 'href="/ar/newsletter/"' in html and 'href="/ar/campaigns/"' in html
    assert "<iframe" not in html and "<script" not in html
