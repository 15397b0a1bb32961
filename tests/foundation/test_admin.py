"""The staff admin: every page answers in Arabic and English, forms save translations and refuse bad input."""

import io
import re

import pytest
from django.conf import settings
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfWriter
from reversion.models import Version

from campaigns.models import Campaign, CampaignUpdate, Organization
from demo.loading import load_demo
from publications.models import Publication, PublicationFile, Series
from tests.factories import MAKERS, make_campaign_update, make_organization, make_topic
from trainings.models import Event, Training

pytestmark = pytest.mark.django_db

ADMIN_MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)
LANGUAGES = [("ar", "rtl"), ("en", "ltr")]


def admin_url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def html_lang_dir(response):
    match = re.search(r'<html lang="([a-z-]+)" dir="(rtl|ltr)"', response.content.decode())
    assert match, "the admin page has no <html lang dir>"
    return match.groups()


def some_of_everything():
    topic = make_topic()
    for make in MAKERS.values():
        make(topics=[topic])
    campaign = Campaign.objects.get()
    campaign.targets.add(make_organization())
    make_campaign_update(campaign)
    Series.objects.create(slug="index", name_ar="مؤشر")


def use_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language


@pytest.mark.parametrize(("language", "direction"), LANGUAGES)
@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
def test_every_changelist_and_add_page_answers(staff_client, model, language, direction):
    some_of_everything()
    use_language(staff_client, language)
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/admin/")
    request.user = staff_client.user
    pages = ["changelist", "add"] if model_admin.has_add_permission(request) else ["changelist"]
    for page in pages:
        response = staff_client.get(admin_url(model, page))
        if page == "add" and not admin.site._registry[model].has_add_permission(response.wsgi_request):
            assert response.status_code == 403, model  # records only the system writes (e.g. digest runs)
            continue
        assert response.status_code == 200, (model, page)
        assert html_lang_dir(response) == (language, direction)


def test_the_admin_is_arabic_unless_asked_otherwise(staff_client):
    assert html_lang_dir(staff_client.get("/admin/")) == ("ar", "rtl")
    english = staff_client.get("/admin/", headers={"accept-language": "en"})
    assert html_lang_dir(english) == ("en", "ltr")
    use_language(staff_client, "he")
    assert html_lang_dir(staff_client.get("/admin/", headers={"accept-language": "en"})) == ("he", "rtl")


CONTENT_APPS = {"content", "publications", "campaigns", "trainings"}
CONTENT_ADMIN_MODELS = [model for model in ADMIN_MODELS if model._meta.app_label in CONTENT_APPS]


@pytest.mark.parametrize("model", CONTENT_ADMIN_MODELS, ids=lambda model: model._meta.label)
def test_changelist_queries_do_not_grow_with_the_data(staff_client, django_assert_num_queries, model):
    some_of_everything()
    url = admin_url(model, "changelist")
    staff_client.get(url)  # warm up the session and the content types cache
    with CaptureQueriesContext(connection) as few:
        assert staff_client.get(url).status_code == 200
    expected = len(few)  # counted now: every request empties the connection's query log

    load_demo(accounts=False)
    assert model.objects.count() > 1
    staff_client.get(url)  # the demo set the site identity: read once, then from the cache
    with django_assert_num_queries(expected):
        assert staff_client.get(url).status_code == 200


def management_forms(response, **totals):
    """The inline management forms of an add page; `totals` gives some inlines rows."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = str(totals.get(inline.formset.model.__name__, 0))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    return data


def inline_prefix(response, model_name):
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model.__name__ == model_name:
            return inline.formset.prefix
    raise AssertionError(f"no inline for {model_name}")


def pdf(pages):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def form_errors(response):
    if response.status_code != 200 or response.context is None or "adminform" not in response.context:
        return None
    errors = dict(response.context["adminform"].form.errors)
    for inline in response.context["inline_admin_formsets"]:
        errors.update({f"{inline.formset.prefix}": inline.formset.errors})
    return errors


def test_create_a_publication_in_arabic_and_english_through_the_admin(staff_client):
    topic = make_topic()
    url = admin_url(Publication, "add")
    page = staff_client.get(url)
    topic_prefix = inline_prefix(page, "PublicationTopic")
    file_prefix = inline_prefix(page, "PublicationFile")
    data = {
        **management_forms(page, PublicationTopic=1, PublicationFile=1),
        "title_ar": "هاشتاغ فلسطين 2020",
        "title_en": "Hashtag Palestine 2020",
        "summary_ar": "تقريرنا السنوي.",
        "summary_en": "Our yearly report.",
        "body_ar": "<p>نص التقرير</p><script>alert(1)</script>",
        "body_en": "<p>The report.</p>",
        "slug": "hashtag-palestine-2020",
        "status": "published",
        "publish_at_0": "2021-03-08",
        "publish_at_1": "09:00:00",
        "kind": "report",
        "published_on": "2021-03-08",
        "authors_ar": "وحدة الأبحاث",
        "authors_en": "Research unit",
        f"{topic_prefix}-0-topic": str(topic.pk),
        f"{file_prefix}-0-language": "ar",
        f"{file_prefix}-0-file": SimpleUploadedFile("report.pdf", pdf(3), content_type="application/pdf"),
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302, form_errors(response)

    publication = Publication.objects.get(slug="hashtag-palestine-2020")
    assert publication.title_ar == "هاشتاغ فلسطين 2020"
    assert publication.title_en == "Hashtag Palestine 2020"
    assert not publication.title_he
    assert publication.summary_ar == "تقريرنا السنوي."
    assert publication.summary_en == "Our yearly report."
    assert publication.authors_en == "Research unit"
    assert "script" not in publication.body_ar
    assert "نص التقرير" in publication.body_ar
    assert publication.is_published
    assert publication.created_by == staff_client.user
    assert list(publication.topics.all()) == [topic]
    assert publication.files.get().language == "ar"


PERIOD_FORMS = [
    (
        Campaign,
        "end_date",
        {
            "title_ar": "حملة",
            "slug": "a-campaign",
            "scope": "local",
            "start_date": "2021-05-01",
            "end_date": "2021-04-01",
        },
    ),
    (
        Training,
        "end_date",
        {
            "title_ar": "ورشة",
            "slug": "a-workshop",
            "format": "workshop",
            "audience": "activists",
            "mode": "online",
            "start_date": "2021-05-01",
            "end_date": "2021-04-01",
            "participants_count": "20",
        },
    ),
    (
        Event,
        "ends_at",
        {
            "title_ar": "حوارية",
            "slug": "a-talk",
            "kind": "panel",
            "role": "organised",
            "starts_at_0": "2021-05-01",
            "starts_at_1": "18:00:00",
            "ends_at_0": "2021-05-01",
            "ends_at_1": "17:00:00",
        },
    ),
]


@pytest.mark.parametrize(("model", "end_field", "fields"), PERIOD_FORMS, ids=["campaign", "training", "event"])
def test_the_admin_refuses_an_end_before_the_start_on_that_field(staff_client, model, end_field, fields):
    topic = make_topic()
    use_language(staff_client, "en")
    url = admin_url(model, "add")
    page = staff_client.get(url)
    totals = {inline.formset.model.__name__: 0 for inline in page.context["inline_admin_formsets"]}
    data = {
        **management_forms(page, **totals),
        "status": "published",
        "publish_at_0": "2021-04-01",
        "publish_at_1": "09:00:00",
        **fields,
    }
    topic_prefix = inline_prefix(page, f"{model.__name__}Topic")
    data[f"{topic_prefix}-TOTAL_FORMS"] = "1"
    data[f"{topic_prefix}-0-topic"] = str(topic.pk)
    if model is Campaign:
        updates = inline_prefix(page, "CampaignUpdate")
        data.update({f"{updates}-TOTAL_FORMS": "1", f"{updates}-0-date": "2021-04-02", f"{updates}-0-text_ar": "تحديث"})

    response = staff_client.post(url, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == [end_field], errors
    assert errors[end_field] == ["The end cannot be before the start."]
    assert "The end cannot be before the start." in response.content.decode()
    assert not model.objects.exists()
    assert not model.topics.through.objects.exists()
    assert not CampaignUpdate.objects.exists()
    assert not Version.objects.exists()


def test_nothing_is_saved_when_an_inline_is_invalid(staff_client):
    url = admin_url(Publication, "add")
    page = staff_client.get(url)
    files = inline_prefix(page, "PublicationFile")
    data = {
        **management_forms(page, PublicationFile=1),
        "title_ar": "تقرير",
        "slug": "a-report",
        "status": "draft",
        "publish_at_0": "2021-03-08",
        "publish_at_1": "09:00:00",
        "kind": "report",
        "published_on": "2021-03-08",
        f"{files}-0-language": "xx",
        f"{files}-0-file": SimpleUploadedFile("report.pdf", pdf(1), content_type="application/pdf"),
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert not Publication.objects.exists()
    assert not PublicationFile.objects.exists()


@pytest.mark.parametrize(
    ("model", "field"),
    [(Campaign, "cta_url"), (Training, "registration_url"), (Event, "recording_url")],
)
def test_an_address_typed_without_a_scheme_is_taken_as_https(rf, admin_user, model, field):
    request = rf.get("/")
    request.user = admin_user
    form_class = admin.site._registry[model].get_form(request)
    assert form_class.base_fields[field].to_python("example.org/register") == "https://example.org/register"


def test_organisation_websites_are_taken_as_https_too(rf, admin_user):
    request = rf.get("/")
    request.user = admin_user
    form_class = admin.site._registry[Organization].get_form(request)
    assert form_class.base_fields["website"].to_python("example.org") == "https://example.org"


def test_demo_items_start_their_history_with_a_first_revision():
    load_demo(accounts=False)
    publication = Publication.objects.first()
    versions = Version.objects.get_for_object(publication)
    assert versions.count() == 1
    load_demo(accounts=False)
    assert Version.objects.get_for_object(publication).count() == 1, "a second run adds no revision"


def test_the_demo_says_how_to_sign_in(capsys):
    call_command("load_demo")
    output = capsys.readouterr().out
    assert "/admin/" in output  # where to sign in
    assert "QR" in output  # and that the first sign-in shows a QR code to scan
