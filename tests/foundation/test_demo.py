"""`load_demo`: the seed's half-year told by real records, in three languages, and safe to run again."""

import datetime
import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Q, Sum
from django.utils import translation
from PIL import Image
from pypdf import PdfReader

from campaigns.models import Campaign, CampaignUpdate, Organization
from content.models import Topic
from editorial.roles import EDITORS
from publications.models import Article, Publication, PublicationFile, Series
from trainings.models import Event, Training

pytestmark = pytest.mark.django_db

H1_START, H1_END = datetime.date(2021, 1, 1), datetime.date(2021, 6, 30)
CONTENT_MODELS = [Publication, Article, Campaign, Training, Event]


@pytest.fixture
def demo():
    call_command("load_demo", "--no-accounts", stdout=io.StringIO())


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_a_second_run_changes_and_duplicates_nothing():
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    first = row_counts()
    snapshot = {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in [*CONTENT_MODELS, PublicationFile]
    }

    again = io.StringIO()
    with translation.override("en"):
        call_command("load_demo", stdout=again)

    assert row_counts() == first
    assert {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in [*CONTENT_MODELS, PublicationFile]
    } == snapshot
    assert "0 created, 0 updated" in again.getvalue()
    assert "0 files written" in again.getvalue()
    assert first["publications.Publication"] >= 5
    assert first["trainings.Event"] >= 25


def test_a_run_after_an_edit_puts_the_demo_text_back_and_keeps_the_row(demo):
    report = Publication.objects.get(slug="hashtag-palestine-2020")
    Publication.objects.filter(pk=report.pk).update(title_en="Edited")
    output = io.StringIO()
    with translation.override("en"):
        call_command("load_demo", "--no-accounts", stdout=output)
    assert Publication.objects.get(pk=report.pk).title_en == "Hashtag Palestine 2020"
    assert "0 created, 1 updated" in output.getvalue()


def test_accounts_are_created_once_and_their_passwords_shown_once():
    user_model = get_user_model()
    first = io.StringIO()
    with translation.override("en"):
        call_command("load_demo", stdout=first)
    admin_user = user_model.objects.get(is_superuser=True)
    editor = user_model.objects.get(groups__name=EDITORS)
    assert editor.is_staff and not editor.is_superuser

    lines = [line for line in first.getvalue().splitlines() if "account created" in line]
    assert len(lines) == 2
    admin_password = next(line for line in lines if admin_user.username in line).split("password ")[1].split(" ")[0]
    assert admin_user.check_password(admin_password)
    assert editor.has_perm("publications.change_publication")
    assert not editor.has_perm("auth.change_user")

    second = io.StringIO()
    with translation.override("en"):
        call_command("load_demo", stdout=second)
    assert "account created" not in second.getvalue()
    assert user_model.objects.count() == 2


def test_five_publications_in_the_first_half_of_2021(demo):
    h1 = Publication.objects.published().filter(published_on__range=(H1_START, H1_END))
    assert h1.count() == 5
    assert Publication.objects.published().exclude(published_on__range=(H1_START, H1_END)).exists()
    index = Series.objects.get(slug="racism-incitement-index")
    editions = index.publications.order_by("published_on")
    assert [p.edition_en for p in editions] == ["2020", "May 2021"]
    assert all(p.kind == Publication.Kind.INDEX for p in editions)


def test_every_publication_has_a_valid_pdf_per_language(demo):
    for publication in Publication.objects.all():
        files = {item.language: item for item in publication.files.all()}
        assert sorted(files) == ["ar", "en", "he"], publication.slug
        for item in files.values():
            data = item.file.read()
            item.file.close()
            assert data.startswith(b"%PDF-")
            assert item.size_bytes == len(data) > 0
            assert item.page_count == len(PdfReader(io.BytesIO(data)).pages) > 0


def test_4662_trainees_in_the_first_half_of_2021(demo):
    h1 = Training.objects.published().filter(start_date__range=(H1_START, H1_END))
    assert h1.aggregate(total=Sum("participants_count"))["total"] == 4662
    formats = set(h1.values_list("format", flat=True))
    assert {Training.Format.E_COURSE, Training.Format.STUDY_DAY, Training.Format.WORKSHOP} <= formats
    assert h1.filter(format=Training.Format.E_COURSE).count() == 2
    study_day = h1.get(format=Training.Format.STUDY_DAY)
    assert study_day.location_en == "Jerusalem"
    assert study_day.audience == Training.Audience.YOUTH
    # Trainings on both sides of the half-year, so a period filter has edges to respect.
    assert Training.objects.filter(start_date__lt=H1_START, end_date__gte=H1_START).exists()
    assert Training.objects.filter(start_date__gt=H1_END, start_date__year=2021).exists()


def test_the_fifth_forum_and_more_than_twenty_participations(demo):
    in_h1 = Event.objects.published().filter(starts_at__date__range=(H1_START, H1_END))
    forum = in_h1.get(kind=Event.Kind.FORUM, role=Event.Role.ORGANISED)
    assert forum.edition == 5
    assert "Palestine Digital Activism Forum" in forum.title_en

    participations = in_h1.filter(role=Event.Role.PARTICIPATED)
    assert participations.count() >= 20
    rightscon = participations.get(slug="rightscon-2021")
    assert rightscon.edition == 10
    assert participations.filter(title_en__icontains="Stockholm Internet Forum").exists()
    assert in_h1.filter(role=Event.Role.ORGANISED, kind__in=[Event.Kind.PANEL, Event.Kind.WEBINAR]).count() >= 2


def test_campaigns_target_the_five_companies_and_twitter_is_a_partner(demo):
    in_2021 = Campaign.objects.published().active_between(H1_START, datetime.date(2021, 12, 31))
    targeted = set(Organization.objects.filter(targeted_by__in=in_2021).values_list("slug", flat=True))
    assert {"facebook", "google", "paypal", "stripe", "telegram"} <= targeted
    assert Organization.objects.filter(kind__in=["ngo", "coalition"]).count() >= 2

    assert "twitter" not in targeted
    outcome = CampaignUpdate.objects.get(kind=CampaignUpdate.Kind.OUTCOME, campaign__partners__slug="twitter")
    assert H1_START <= outcome.date <= H1_END
    assert "Trust and Safety Council" in outcome.text_en
    assert "memorandum of understanding" in outcome.text_en.lower()


def test_the_half_year_press_release(demo):
    release = Article.objects.published().get(kind=Article.Kind.PRESS_RELEASE)
    assert release.publish_at.date() == datetime.date(2021, 7, 27)
    assert release.related_publications.count() == 5
    for language in ("ar", "en", "he"):
        assert "4662" in getattr(release, f"summary_{language}").replace(",", "")
    assert Article.objects.published().filter(kind=Article.Kind.NEWS).count() >= 2


def test_other_years_and_what_is_current_today(demo):
    for model, date_field in [(Publication, "published_on"), (Campaign, "start_date"), (Training, "start_date")]:
        years = set(model.objects.published().values_list(f"{date_field}__year", flat=True))
        assert {2020, 2021, 2022} <= years, model
    today = datetime.date(2026, 11, 25)
    assert Campaign.objects.published().ongoing(today).exists()
    assert Event.objects.published().filter(starts_at__date__gt=today).count() >= 2
    assert Event.objects.published().filter(starts_at__year=2027).exists()


def test_every_text_is_written_in_three_languages(demo):
    for model in CONTENT_MODELS:
        for item in model.objects.published():
            for field in ("title", "summary", "cover_alt"):
                values = [getattr(item, f"{field}_{language}") for language in ("ar", "en", "he")]
                assert all(values), (model.__name__, item.slug, field)
                assert len(set(values)) == 3 or field == "title", (model.__name__, item.slug, field)
    for model, field in [(Topic, "name"), (Organization, "name"), (Series, "name"), (CampaignUpdate, "text")]:
        for item in model.objects.all():
            assert all(getattr(item, f"{field}_{language}") for language in ("ar", "en", "he")), item


def test_some_items_are_featured_and_a_draft_stays_private(demo):
    for model in CONTENT_MODELS:
        assert model.objects.published().filter(featured=True).exists(), model
    drafts = Article.objects.filter(~Q(status="published"))
    assert drafts.exists()
    assert not Article.objects.published().filter(pk__in=drafts).exists()


def test_covers_are_jpeg_images_with_a_description(demo):
    for model in CONTENT_MODELS:
        for item in model.objects.all():
            assert item.cover_image.name.endswith(".jpg"), item.slug
            with item.cover_image.open("rb") as handle:
                image = Image.open(handle)
                assert image.format == "JPEG"
                assert image.size[0] > image.size[1]
            assert item.cover_alt_en.startswith("Geometric artwork")


def test_times_are_in_jerusalem(demo):
    forum = Event.objects.get(slug="palestine-digital-activism-forum-2021")
    local = forum.starts_at.astimezone(datetime.timezone(datetime.timedelta(hours=2)))
    assert (local.hour, local.minute) == (10, 0)  # 10:00 in Jerusalem (winter time, UTC+2)
