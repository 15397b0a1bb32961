"""No content lost: a backup restores every row, every translation and every file."""

import datetime
import shutil

import pytest
import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import models

from backups.backup import content_models
from campaigns.models import CampaignPartner, Organization, OrganizationRole, PartnerRole, Submission
from content.changes import content_version
from identity.models import Office, SiteIdentity, SocialLink
from pages.models import MenuItem, Page, TeamMember
from publications.models import PublicationFile, Series
from tests.factories import (
    make_article,
    make_campaign,
    make_campaign_update,
    make_event,
    make_organization,
    make_publication,
    make_topic,
    make_training,
)
from tests.media.files import image_bytes, pdf_bytes

LANGUAGES = ("ar", "en", "he")


def every_language(*fields, prefix):
    return {f"{field}_{code}": f"{prefix} {field} {code} — نص עברית" for field in fields for code in LANGUAGES}


def full_content():
    """Every content model, every translated column filled differently, files and relations."""
    text = ("title", "summary", "cover_alt")
    topic = make_topic(**every_language("name", "description", prefix="topic"))
    series = Series.objects.create(slug="hashtag-palestine", **every_language("name", prefix="series"))
    target = make_organization(website="https://example.org", **every_language("name", prefix="org"))
    partner = make_organization(**every_language("name", prefix="partner"))
    with reversion.create_revision():
        publication = make_publication(
            topics=[topic],
            series=series,
            body_ar="<p>تقرير</p>",
            body_en="<p>Report</p>",
            body_he="<p>דוח</p>",
            cover_image=ContentFile(image_bytes(image_format="PNG"), name="cover.png"),
            **every_language(*text, "authors", "edition", prefix="publication"),
        )
    # Real PDFs (media validation refuses anything else), a different page count per language.
    for pages, code in enumerate(LANGUAGES, start=1):
        PublicationFile.objects.create(
            publication=publication, language=code, file=ContentFile(pdf_bytes(pages=pages), name=f"report-{code}.pdf")
        )
    article = make_article(topics=[topic], **every_language(*text, "body", prefix="article"))
    campaign = make_campaign(
        topics=[topic],
        targets=[target],
        end_date=datetime.date(2021, 6, 30),
        hashtag="#FreePalestine",
        cta_url="https://example.org/act",
        **every_language(*text, "body", "cta_label", prefix="campaign"),
    )
    CampaignPartner.objects.create(campaign=campaign, organization=partner)
    OrganizationRole.objects.create(organization=partner, role=PartnerRole.PARTNER)
    Submission.objects.create(
        recipient=Organization.objects.create(
            slug="un-body", name_ar="هيئة أممية", kind=Organization.Kind.INTERGOVERNMENTAL
        ),
        submitted_on=datetime.date(2021, 5, 27),
        campaign=campaign,
        **every_language("title", prefix="submission"),
    )
    make_campaign_update(campaign, **every_language("text", prefix="update"))
    training = make_training(topics=[topic], participants_count=4662, **every_language(*text, "location", prefix="tr"))
    event = make_event(topics=[topic], **every_language(*text, "venue", "speakers", prefix="event"))
    about = Page.objects.create(slug="about", **every_language(*text, "body", "seo_description", prefix="page"))
    MenuItem.objects.create(page=about, location=MenuItem.Location.FOOTER, language="en", label="About")
    TeamMember.objects.create(**every_language("name", "role", "bio", prefix="member"))
    identity = SiteIdentity.objects.get()
    identity.email = "office@example.org"
    identity.save()
    Office.objects.create(identity=identity, **every_language("name", "address", prefix="office"))
    SocialLink.objects.create(identity=identity, network=SocialLink.Network.MASTODON, url="https://example.social/@h")
    article.related_publications.add(publication)
    article.related_campaigns.add(campaign)
    article.related_trainings.add(training)
    article.related_events.add(event)
    campaign.related_publications.add(publication)


def snapshot(portable=False):
    """Every row of every content model, every column (each translation is its own column).

    The native database dump is compared exactly. The portable copy is compared the way
    Django's JSON format keeps it: times to the millisecond, and links to content types by
    their natural key (app label, model), since an empty database numbers its content
    types anew.
    """

    def value(item):
        if portable and isinstance(item, datetime.datetime):
            return item.replace(microsecond=item.microsecond // 1000 * 1000)
        return item

    return {
        model._meta.label: [{key: value(item) for key, item in row.items()} for row in rows(model, portable)]
        for model in content_models()
    }


def rows(model, portable=False):
    """Every column by name: a bare .values() of a translated model gives the current language only."""
    columns = []
    for field in model._meta.concrete_fields:
        if portable and field.is_relation and field.related_model is ContentType:
            columns += [f"{field.name}__app_label", f"{field.name}__model"]
        else:
            columns.append(field.attname)
    if model._meta.auto_created:
        # A plain many-to-many link is its two ends; its own row number carries nothing.
        columns = [column for column in columns if column != model._meta.pk.attname]
    return model.objects.order_by(*columns).values(*columns)


def file_contents():
    contents = {}
    for model in content_models():
        file_fields = [field for field in model._meta.fields if isinstance(field, models.FileField)]
        for item in model.objects.all():
            for field in file_fields:
                stored = getattr(item, field.name)
                if stored:
                    with default_storage.open(stored.name, "rb") as handle:
                        contents[stored.name] = handle.read()
    return contents


def wipe_everything(media_root):
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media_root, ignore_errors=True)


@pytest.fixture(autouse=True)
def fresh_content_types():
    """Wiping and restoring renumbers content types: no test may keep the old numbers cached."""
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


# Transactional: a backup reads the database from outside the test's transaction (pg_dump is
# another process; SQLite's backup API waits for open write transactions). Serialized rollback
# puts back what the migrations created (the Editors group) for the tests that follow.
BACKUP_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@BACKUP_DB
def test_portable_backup_restores_every_row_translation_and_file_into_an_empty_database(tmp_path, media_root):
    full_content()
    before, files_before = snapshot(portable=True), file_contents()
    assert all(before.values()), "every content model has rows"
    assert before["publications.Publication"][0]["title_he"] == "publication title he — نص עברית"
    assert len(files_before) == 4

    call_command("backup", output_dir=str(tmp_path / "backups"), verbosity=0)
    (folder,) = (tmp_path / "backups").iterdir()
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        ["content.json", "manifest.json", "media.tar.gz", folder.joinpath("manifest.json") and _database_file(folder)]
    )

    wipe_everything(media_root)
    assert not any(snapshot().values())

    call_command("restore", str(folder), portable=True, yes=True, verbosity=0)
    assert snapshot(portable=True) == before
    assert file_contents() == files_before
    from reversion.models import Version

    assert Version.objects.filter(object_id=str(before["publications.Publication"][0]["id"])).exists()


def _database_file(folder):
    import json

    return json.loads((folder / "manifest.json").read_text())["database_file"]


@BACKUP_DB
def test_native_backup_restores_the_database_as_it_was(tmp_path, media_root):
    """pg_dump -Fc / pg_restore on PostgreSQL, the SQLite backup API on SQLite."""
    full_content()
    before, files_before = snapshot(), file_contents()
    call_command("backup", output_dir=str(tmp_path / "backups"), verbosity=0)
    (folder,) = (tmp_path / "backups").iterdir()
    assert (folder / "database.dump").exists() or (folder / "database.sqlite3").exists()

    make_article(slug="written-after-the-backup")
    wipe_everything(media_root)
    make_article(slug="written-after-the-wipe")

    version_before_restore = content_version()
    call_command("restore", str(folder), yes=True, verbosity=0)
    assert snapshot() == before
    # No page cached before the restore is served after it.
    assert content_version() != version_before_restore
    assert file_contents() == files_before
    from django.contrib.auth.models import Group

    from editorial.roles import EDITORS

    assert Group.objects.get(name=EDITORS).permissions.exists(), "the whole database came back, roles included"


@BACKUP_DB
def test_portable_restore_refuses_a_database_that_holds_content(tmp_path):
    full_content()
    call_command("backup", output_dir=str(tmp_path / "backups"), verbosity=0)
    (folder,) = (tmp_path / "backups").iterdir()
    before = snapshot()
    with pytest.raises(CommandError, match="empty database"):
        call_command("restore", str(folder), portable=True, yes=True)
    assert snapshot() == before


@BACKUP_DB
def test_restore_asks_for_confirmation_and_changes_nothing_without_it(tmp_path, monkeypatch):
    call_command("backup", output_dir=str(tmp_path / "backups"), verbosity=0)
    (folder,) = (tmp_path / "backups").iterdir()
    make_article(slug="kept")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("restore", str(folder))
    from publications.models import Article

    assert Article.objects.filter(slug="kept").exists()


@pytest.mark.django_db
def test_restore_of_something_that_is_not_a_backup_is_refused(tmp_path):
    with pytest.raises(CommandError, match="not a backup folder"):
        call_command("restore", str(tmp_path), yes=True)


@BACKUP_DB
def test_backup_folder_is_private_and_never_half_written(tmp_path, monkeypatch):
    call_command("backup", output_dir=str(tmp_path / "ok"), verbosity=0)
    (folder,) = (tmp_path / "ok").iterdir()
    assert folder.stat().st_mode & 0o077 == 0
    assert all(path.stat().st_mode & 0o077 == 0 for path in folder.iterdir())

    def broken_archive(target):
        raise OSError("disk full")

    monkeypatch.setattr("backups.backup.archive_media", broken_archive)
    with pytest.raises(OSError, match="disk full"):
        call_command("backup", output_dir=str(tmp_path / "failed"), verbosity=0)
    assert list((tmp_path / "failed").iterdir()) == []
